//===--- KnownKeys.h - Keys known to be present in a container --*- C++ -*-===//
//
// A must-fact of the flow analyses: on this path, container C holds key k,
// because `C.contains(k)` / `C.count(k)` / `C.find(k) != C.end()` was tested,
// or `C[k]` / `C.emplace(k, …)` put it there, and neither C nor k changed
// since. A `C.find(k)` then cannot return end(), and `C[k]` does not insert.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_KNOWNKEYS_H
#define MAPSAFETY_LIB_KNOWNKEYS_H

#include "lib/AccessPath.h"
#include "lib/ContainerModel.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace mapsafety {

struct ContainerCall;

struct KnownKey {
  AccessPath Container;
  llvm::FoldingSetNodeID Key; ///< The key expression's structure.
  const clang::VarDecl *KeyVar = nullptr; ///< A variable the key reads.
  bool operator==(const KnownKey &O) const {
    return Container == O.Container && Key == O.Key;
  }
};

/// A set of known keys; joins by intersection.
class KnownKeys {
public:
  void add(const AccessPath &Container, const clang::Expr *Key,
           clang::ASTContext &Ctx);
  bool has(const AccessPath &Container, const clang::Expr *Key,
           clang::ASTContext &Ctx) const;
  void intersect(const KnownKeys &O);
  bool operator==(const KnownKeys &O) const;

  /// Updates the set after statement S: keys inserted by key, containers
  /// erased from or reset, key variables written.
  void update(const clang::Stmt *S, const ContainerModel &Model,
              clang::ASTContext &Ctx);
  /// Applies what branch condition Cond being Taken says about keys.
  void branch(const clang::Expr *Cond, bool Taken, const ContainerModel &Model,
              clang::ASTContext &Ctx);
  /// Forgets the keys of containers rooted at the enclosing object.
  void dropMembers();
  bool empty() const { return Keys.empty(); }

private:
  void dropContainer(const AccessPath &Container);
  llvm::SmallVector<KnownKey, 2> Keys;
};

/// The key argument of a lookup by key (`find(k)`, `count(k)`, `at(k)`...).
const clang::Expr *keyArgument(const ContainerCall &C);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_KNOWNKEYS_H
