//===--- IterationAnalysis.h - Container changes that break loops -*- C++ -*-===//
//
// Finds loops over a container (range-for, and explicit iterator loops whose
// condition compares an iterator with the container's end()), the
// modifications of that container made while the loop runs, and decides,
// with the container family's invalidation rules and a forward search over
// the function's CFG, whether the loop goes on to use an invalidated
// iterator or element. Also finds `c.erase(it)` followed by a use of `it`.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_ITERATIONANALYSIS_H
#define MAPSAFETY_LIB_ITERATIONANALYSIS_H

#include "lib/MutationSummary.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class CFG;
class CXXMemberCallExpr;
class DeclRefExpr;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace mapsafety {

/// A loop that iterates over one container.
struct IterationLoop {
  const clang::Stmt *Loop = nullptr;
  const clang::Stmt *Body = nullptr;
  AccessPath Container;
  ContainerInfo Info;
  bool IsRangeFor = false;
  /// Explicit loops: the iterator variable. Range-for: the hidden __begin.
  const clang::VarDecl *Iterator = nullptr;
  /// Range-for: the loop variable (a DecompositionDecl for bindings).
  const clang::VarDecl *Element = nullptr;
};

enum class IterationHazard {
  ErasesCurrent,  ///< Erases the element the loop stands on.
  InvalidatesAll, ///< Invalidates every iterator (rehash, realloc, clear).
  InvalidatesEnd, ///< Invalidates the end iterator a range-for has cached.
  UseAfterErase,  ///< `c.erase(it)` and then `it` is used again.
};

struct IterationFinding {
  IterationHazard Hazard;
  Mutation Change;
  /// The loop, when the finding is about one.
  std::optional<IterationLoop> Loop;
  /// An explicit later use of the invalidated iterator or element, if any
  /// (null when the next use is the loop's hidden increment).
  const clang::DeclRefExpr *NextUse = nullptr;
};

/// The loops and the single-argument erase calls of one function body, in
/// source order, not counting those of lambdas and local classes inside it
/// (they are functions of their own).
struct LoopsAndErases {
  std::vector<const clang::Stmt *> Loops;
  std::vector<const clang::CXXMemberCallExpr *> Erases;
};
LoopsAndErases findLoopsAndErases(const clang::FunctionDecl *Fn);

class IterationAnalysis {
public:
  IterationAnalysis(const ContainerModel &Model, clang::ASTContext &Ctx);
  ~IterationAnalysis();

  /// Recognises a loop over a container, or returns nothing.
  std::optional<IterationLoop> matchLoop(const clang::Stmt *S) const;

  /// The modifications in the loop that invalidate what the loop uses next.
  /// Fn is the function (or lambda call operator) containing the loop.
  std::vector<IterationFinding> analyzeLoop(const IterationLoop &L,
                                            const clang::FunctionDecl *Fn);

  /// `c.erase(it)` followed, on some path, by a use of `it` before `it` is
  /// assigned again.
  std::optional<IterationFinding>
  analyzeErase(const clang::CXXMemberCallExpr *Erase,
               const clang::FunctionDecl *Fn);

private:
  struct FunctionCFG;
  FunctionCFG *cfgFor(const clang::FunctionDecl *Fn);
  std::optional<IterationHazard> hazardOf(const IterationLoop &L,
                                          const Mutation &M) const;
  /// Searches forward from Start for a use of one of Uses before Killed is
  /// assigned. Returns true when such a use is reachable; sets Use to it
  /// when it is explicit in the source.
  bool reachesUse(FunctionCFG &G, const clang::Stmt *Start,
                  llvm::ArrayRef<const clang::ValueDecl *> Uses,
                  const clang::VarDecl *Killed,
                  const clang::DeclRefExpr *&Use) const;

  clang::ASTContext &Ctx;
  MutationSummaries Summaries;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionCFG>>
      CFGs;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_ITERATIONANALYSIS_H
