//===--- KnownKeys.h - Keys known to be present in a container --*- C++ -*-===//
//
// A must-fact of the flow analyses: on this path, container C holds key k,
// because `C.contains(k)` / `C.count(k)` / `C.find(k) != C.end()` was tested,
// or `C[k]` / `C.emplace(k, …)` / `C.insert(std::make_pair(k, …))` put it
// there, and neither C nor k changed since. A `C.find(k)` then cannot
// return end(), and `C[k]` does not insert.
//
// A weaker fact is kept about an object that owns containers: after a
// class's own presence test `obj.has(k)` (a const member function returning
// bool whose first argument is the key) was true, a search by the same key
// in a container reached through `obj` (`obj.map_.find(k)`,
// `obj.table().find(k)` with a const accessor) is taken to succeed, until
// obj is changed.
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
  /// Container is the object owning the container that holds the key.
  bool Owner = false;
  bool operator==(const KnownKey &O) const {
    return Container == O.Container && Key == O.Key && Owner == O.Owner;
  }
};

/// A set of known keys; joins by intersection.
class KnownKeys {
public:
  void add(const AccessPath &Container, const clang::Expr *Key,
           clang::ASTContext &Ctx);
  bool has(const AccessPath &Container, const clang::Expr *Key,
           clang::ASTContext &Ctx) const;
  /// Whether Key is known present in Container (the object of a container
  /// call: `m`, `obj.m_`, `obj.table()`), directly, through a presence test
  /// of the object owning it, or because Container is a const variable
  /// whose initialiser lists the literal Key.
  bool hasIn(const AccessPath &Container, const clang::Expr *Object,
             const clang::Expr *Key, clang::ASTContext &Ctx) const;
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
  void add(const AccessPath &Container, const clang::Expr *Key, bool Owner,
           clang::ASTContext &Ctx);
  bool has(const AccessPath &Container, const clang::Expr *Key, bool Owner,
           clang::ASTContext &Ctx) const;
  void dropContainer(const AccessPath &Container);
  void dropOwner(const AccessPath &Object);
  llvm::SmallVector<KnownKey, 2> Keys;
};

/// The key argument of a lookup by key (`find(k)`, `count(k)`, `at(k)`...).
const clang::Expr *keyArgument(const ContainerCall &C);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_KNOWNKEYS_H
