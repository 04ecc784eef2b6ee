//===--- ContainerCall.h - A call on a container, decoded -------*- C++ -*-===//
//
// Decodes member calls and operators applied to a container (`m.find(k)`,
// `p->erase(k)`, `m[k]`, `std::find(v.begin(), v.end(), x)`) into the name
// of the operation, the container's identity and its arguments, so the
// flow analyses can reason about them without re-matching the AST.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_CONTAINERCALL_H
#define MAPSAFETY_LIB_CONTAINERCALL_H

#include "lib/AccessPath.h"
#include "lib/ContainerModel.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class Expr;
}

namespace mapsafety {

struct ContainerCall {
  /// The member function or operator: "find", "operator[]", "end"...; for
  /// the standard algorithms, "std::find" and friends.
  llvm::StringRef Name;
  /// The call expression itself.
  const clang::Expr *Call = nullptr;
  ContainerInfo Info;
  /// The container object (`m`, `*p`) and its identity (may be invalid).
  const clang::Expr *Object = nullptr;
  AccessPath Container;
  /// Whether the call resolves to a const member function.
  bool IsConst = false;
  /// The arguments after the object.
  llvm::SmallVector<const clang::Expr *, 2> Args;
};

/// The container call E is (after stripping wrappers), if any.
std::optional<ContainerCall> asContainerCall(const clang::Expr *E,
                                             const ContainerModel &Model);

/// Calls whose result is an iterator that may equal end(): find,
/// lower_bound, upper_bound, and std::find/find_if/find_if_not over a
/// whole container.
bool isSearchCall(const ContainerCall &C);

/// If E denotes the end of a container (`c.end()`, `c.cend()`,
/// `std::end(c)`, or a local initialised with one), the container call.
std::optional<ContainerCall> asEndOf(const clang::Expr *E,
                                     const ContainerModel &Model);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_CONTAINERCALL_H
