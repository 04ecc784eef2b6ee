//===--- ContainerRefs.h - References into containers ----------*- C++ -*-===//
//
// What a reference, pointer or iterator expression refers into: a container
// (`items_`, `&items_`, `items_.find(k)`) or one of its elements
// (`items_[k]`, `&items_.at(k)`, `it->second`), also through the locals of
// one function it was kept in (`auto it = items_.find(k); return it;`), and
// the lambda captures that carry one. The guarded-reference-escape check
// uses it to see such a reference leave the locked region.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_CONTAINERREFS_H
#define MAPSAFETY_LIB_CONTAINERREFS_H

#include "lib/AccessPath.h"
#include "lib/ContainerModel.h"
#include "lib/LockModel.h"
#include "llvm/ADT/DenseMap.h"
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace clang {
class Expr;
class LambdaExpr;
class VarDecl;
} // namespace clang

namespace mapsafety {

/// A reference, pointer or iterator into a container.
struct ContainerRef {
  AccessPath Container;
  /// Into one element, not the container itself.
  bool Element = false;
  /// "reference", "pointer", "iterator".
  const char *What = "reference";
  /// For a local: the locks held when it was initialised.
  LockSet Locks;
};

class ContainerRefs {
public:
  using PathFn = std::function<AccessPath(const clang::Expr *)>;
  /// Path names container expressions (resolving local pointers).
  ContainerRefs(const ContainerModel &Containers, PathFn Path)
      : Containers(Containers), Path(std::move(Path)) {}

  /// What the glvalue E designates, when it is a container or an element.
  std::optional<ContainerRef> lvalue(const clang::Expr *E) const;
  /// What the pointer or iterator value E points into.
  std::optional<ContainerRef> pointer(const clang::Expr *E) const;
  /// Remembers a local reference, pointer or iterator initialised into a
  /// container, with the locks held at that point.
  void bind(const clang::VarDecl *VD, const LockSet &Held);
  /// The captures of a lambda that reach into a container: references,
  /// pointers and iterators (by reference, or copied when a copy still
  /// points into it), with the capture's location.
  std::vector<std::pair<clang::SourceLocation, ContainerRef>>
  captures(const clang::LambdaExpr *LE) const;

private:
  const ContainerModel &Containers;
  PathFn Path;
  llvm::DenseMap<const clang::VarDecl *, ContainerRef> Locals;

  const ContainerRef *local(const clang::Expr *E) const;
};

/// Whether T is an iterator type (by name).
bool isIteratorType(clang::QualType T);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_CONTAINERREFS_H
