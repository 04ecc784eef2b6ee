//===--- NullFacts.h - What the translation unit says about null -*- C++ -*-===//
//
// Facts about null container pointers that hold beyond one function, for
// the null-map-dereference analysis:
//  - the members that no constructor initialises and no code in the
//    translation unit ever sets (the Go struct field whose map was never
//    made), for classes whose code is all visible here;
//  - the functions that visibly return null (or an empty optional) on some
//    path, such as a lookup that returns nullptr on a miss.
// Both are computed on demand and cached.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_NULLFACTS_H
#define MAPSAFETY_LIB_NULLFACTS_H

#include "lib/ContainerModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CXXRecordDecl;
class FieldDecl;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace mapsafety {

class NullFacts {
public:
  NullFacts(clang::ASTContext &Ctx, const ContainerModel &Model)
      : Ctx(Ctx), Model(Model) {}

  /// The pointer-to-container members of RD that are never set.
  llvm::ArrayRef<const clang::FieldDecl *>
  neverSetFields(const clang::CXXRecordDecl *RD);

  /// A `return nullptr;` (or `return {};`, `return std::nullopt;`, a `?:`
  /// with a null side) in FD's definition when FD returns a pointer, smart
  /// pointer or optional holding a container; null otherwise.
  const clang::Stmt *nullReturn(const clang::FunctionDecl *FD);

private:
  bool eligible(const clang::CXXRecordDecl *RD) const;

  clang::ASTContext &Ctx;
  const ContainerModel &Model;
  llvm::DenseMap<const clang::CXXRecordDecl *,
                 llvm::SmallVector<const clang::FieldDecl *, 1>>
      NeverSet;
  llvm::DenseMap<const clang::FunctionDecl *, const clang::Stmt *> Returns;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_NULLFACTS_H
