//===--- NullAnalysis.h - Null container pointers dereferenced -*- C++ -*-===//
//
// Finds dereferences of raw pointers, unique_ptr, shared_ptr and optional
// holding a container on a path where they may be null (or empty): set to
// null or left uninitialised and not set on every path, reset, released,
// moved from, returned null by a visible factory or by weak_ptr::lock(),
// default-inserted by a map's operator[], or a member that nothing ever
// sets. A forward, flow-sensitive analysis over the function's CFG (see
// FlowSolver.h); checks in any spelling on the path clear the fact.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_NULLANALYSIS_H
#define MAPSAFETY_LIB_NULLANALYSIS_H

#include "lib/ContainerModel.h"
#include "lib/FlowSolver.h"
#include "lib/NullFacts.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace mapsafety {

/// Why a pointer may be null where it is dereferenced.
enum class NullReason {
  InitNull,        ///< Initialised (or assigned) null, not set on every path.
  Uninitialized,   ///< Declared without a value, not set on every path.
  Reset,           ///< reset(), `= nullptr`, `= std::nullopt`.
  Released,        ///< release().
  Moved,           ///< Moved from and not reassigned.
  NeverSet,        ///< A member nothing in the translation unit sets.
  NullReturn,      ///< Set from a function that visibly returns null.
  WeakLock,        ///< Set from weak_ptr::lock().
  DefaultInserted, ///< A map's operator[] inserted a null pointer.
};

struct NullReport {
  const clang::Expr *Deref = nullptr;  ///< The dereference.
  NullReason Reason = NullReason::InitNull;
  std::string Name;                    ///< The pointer, as spelled.
  bool IsOptional = false;             ///< An optional (empty, not null).
  bool IsRawPointer = false;
  /// Where it became null: the statement, or the member's declaration.
  const clang::Stmt *Origin = nullptr;
  const clang::Decl *OriginDecl = nullptr;
  /// For NullReturn: the function and its null return.
  const clang::FunctionDecl *Callee = nullptr;
  const clang::Stmt *CalleeReturn = nullptr;
};

/// Analyses one function; at most one report per pointer and origin, at
/// the first dereference, in source order.
std::vector<NullReport> findNullDereferences(const clang::FunctionDecl *FD,
                                             clang::ASTContext &Ctx,
                                             const ContainerModel &Model,
                                             NullFacts &Facts,
                                             FlowLimits Limits = {});

} // namespace mapsafety

#endif // MAPSAFETY_LIB_NULLANALYSIS_H
