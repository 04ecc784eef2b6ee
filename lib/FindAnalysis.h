//===--- FindAnalysis.h - Search results dereferenced unchecked -*- C++ -*-===//
//
// Finds the iterators returned by find, lower_bound, upper_bound,
// equal_range().first and std::find/find_if that are dereferenced on a path
// where they were not compared with their container's end(): a forward,
// flow-sensitive analysis over the function's CFG (see FlowSolver.h).
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_FINDANALYSIS_H
#define MAPSAFETY_LIB_FINDANALYSIS_H

#include "lib/ContainerModel.h"
#include "lib/FlowSolver.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class Stmt;
} // namespace clang

namespace mapsafety {

struct FindReport {
  const clang::Expr *Deref = nullptr;  ///< The dereference.
  const clang::Expr *Search = nullptr; ///< The call that made the iterator.
  std::string Iterator;  ///< The variable holding it; empty when direct.
  std::string Function;  ///< "find", "lower_bound", "std::find"...
  std::string Container; ///< The searched container, as spelled.
  bool SuggestAt = false; ///< The container has a throwing at(key).
  /// A comparison with a different container's end(), if that was the
  /// only check on the path.
  const clang::Expr *WrongEnd = nullptr;
  std::string WrongContainer;
};

/// Analyses one function body; returns at most one report per search
/// call, at its first unchecked dereference, in source order.
std::vector<FindReport> findUncheckedSearches(const clang::Decl *D,
                                              const clang::Stmt *Body,
                                              clang::ASTContext &Ctx,
                                              const ContainerModel &Model,
                                              FlowLimits Limits = {});

} // namespace mapsafety

#endif // MAPSAFETY_LIB_FINDANALYSIS_H
