//===--- FlowSolver.cpp - A bounded forward dataflow solver --------------===//

#include "lib/FlowSolver.h"

using namespace clang;

namespace mapsafety {

std::unique_ptr<CFG> buildFlowCFG(const Decl *D, const Stmt *Body,
                                  ASTContext &Ctx) {
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  return CFG::buildCFG(D, const_cast<Stmt *>(Body), &Ctx, Options);
}

namespace {
const Expr *stripCleanups(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParens();
  return E;
}
} // namespace

const BinaryOperator *mergedLogical(const CFGBlock &B) {
  if (B.succ_size() != 2)
    return nullptr;
  const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
  if (!Cond)
    return nullptr;
  // Through `static_cast<bool>(…)` too: that is how assert() spells it.
  const Expr *E = stripCleanups(Cond)->IgnoreImpCasts();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    E = stripCleanups(Cast->getSubExpr())->IgnoreImpCasts();
  const auto *BO = dyn_cast<BinaryOperator>(stripCleanups(E));
  if (!BO || !BO->isLogicalOp())
    return nullptr;
  for (const CFGElement &El : B)
    if (std::optional<CFGStmt> S = El.getAs<CFGStmt>())
      if (S->getStmt() == BO)
        return BO;
  return nullptr;
}

namespace {
const BinaryOperator *asLogical(const Expr *E) {
  const auto *BO = E ? dyn_cast<BinaryOperator>(stripCleanups(E)) : nullptr;
  return BO && BO->isLogicalOp() ? BO : nullptr;
}
} // namespace

const BinaryOperator *shortCircuited(const Stmt *Term,
                                     const BinaryOperator *Op) {
  if (!Term || !Op)
    return nullptr;
  if (Term == Op)
    return Op;
  for (const Expr *Side : {Op->getLHS(), Op->getRHS()})
    if (const BinaryOperator *Inner = asLogical(Side))
      if (const BinaryOperator *Found = shortCircuited(Term, Inner))
        return Found;
  return nullptr;
}

const Expr *lastOperand(const BinaryOperator *Op) {
  const Expr *Last = Op->getRHS();
  while (const BinaryOperator *Inner = asLogical(Last))
    Last = Inner->getRHS();
  return Last;
}

const Expr *branchCondition(const CFGBlock &B) {
  if (B.succ_size() != 2)
    return nullptr;
  const Stmt *Term = B.getTerminatorStmt();
  // Loops over ranges and switch statements branch on something else.
  if (!Term || isa<CXXForRangeStmt, SwitchStmt>(Term))
    return nullptr;
  const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
  // For `a && b` the block that evaluated `b` decides the outcome by `b`:
  // its predecessors already branched on `a`.
  while (Cond) {
    const auto *BO = dyn_cast<BinaryOperator>(stripCleanups(Cond));
    if (!BO || !BO->isLogicalOp())
      break;
    Cond = BO->getRHS();
  }
  return Cond;
}

} // namespace mapsafety
