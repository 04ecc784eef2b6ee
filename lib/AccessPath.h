//===--- AccessPath.h - The identity of a container expression -*- C++ -*-===//
//
// Two expressions name the same container when they have the same access
// path: a root (a variable: global, static member, local or parameter; or
// the enclosing object 'this') followed by member selections and
// dereferences. Local references and never-reassigned local pointers are
// looked through, so an alias has the path of what it refers to.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_ACCESSPATH_H
#define MAPSAFETY_LIB_ACCESSPATH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang {
class Expr;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace mapsafety {

class AccessPath {
public:
  enum class RootKind { None, This, Var };
  enum class StepKind { Field, Deref, AddrOf };
  struct Step {
    StepKind Kind;
    const clang::ValueDecl *Field = nullptr; // For StepKind::Field.
    bool operator==(const Step &O) const {
      return Kind == O.Kind && Field == O.Field;
    }
  };

  AccessPath() = default;
  static AccessPath thisObject();
  static AccessPath variable(const clang::VarDecl *VD);

  /// The path of the object an expression denotes (for `m`, `this->m_`,
  /// `*p`, `p->m`, `obj.inner.m`, a reference alias...). Invalid when the
  /// expression's identity is not known (a call result, an array element).
  static AccessPath of(const clang::Expr *E);
  /// The path of the object a pointer-valued expression points to (`&m`,
  /// a pointer variable, `this`, a smart pointer).
  static AccessPath pointeeOf(const clang::Expr *E);

  bool isValid() const { return Kind != RootKind::None; }
  RootKind rootKind() const { return Kind; }
  const clang::VarDecl *rootVar() const { return Root; }
  llvm::ArrayRef<Step> steps() const { return Steps; }
  /// Whether the root is a function parameter, the enclosing object, or a
  /// variable with static storage: what a callee's effect can be mapped
  /// back onto at a call site.
  bool isVisibleToCallers() const;
  /// Whether the root variable is a global, static member or static local.
  bool isStatic() const;

  AccessPath withField(const clang::ValueDecl *F) const;
  AccessPath withDeref() const;
  AccessPath withAddrOf() const;
  /// Replaces this path's root with Base: a callee's `param->m` becomes the
  /// caller's `arg->m`.
  AccessPath rebasedOn(const AccessPath &Base) const;

  bool operator==(const AccessPath &O) const {
    return Kind == O.Kind && Root == O.Root && Steps == O.Steps;
  }
  bool operator!=(const AccessPath &O) const { return !(*this == O); }

  /// Source-like spelling for messages: "sessions_", "*edges", "cfg.map".
  std::string describe() const;

private:
  RootKind Kind = RootKind::None;
  const clang::VarDecl *Root = nullptr;
  llvm::SmallVector<Step, 2> Steps;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_ACCESSPATH_H
