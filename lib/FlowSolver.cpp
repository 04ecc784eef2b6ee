//===--- FlowSolver.cpp - A bounded forward dataflow solver --------------===//

#include "lib/FlowSolver.h"
#include "clang/AST/DeclCXX.h"

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

/// For `T(b)` or `T x(b)` building an object from a bool alone (defaulted
/// arguments aside): b.
static const Expr *builtFromBool(const Expr *Init) {
  Init = stripValue(Init);
  if (const auto *FC = dyn_cast_or_null<CXXFunctionalCastExpr>(Init))
    Init = stripValue(FC->getSubExpr());
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
  if (!CE || CE->getNumArgs() == 0)
    return nullptr;
  for (unsigned I = 1; I < CE->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(CE->getArg(I)))
      return nullptr;
  const Expr *Arg = stripValue(CE->getArg(0));
  return Arg && Arg->getType()->isBooleanType() ? Arg : nullptr;
}

const Expr *sameTruthAs(const Expr *E) {
  E = stripValue(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
        !VD->getType().isConstQualified() || !VD->getInit())
      return nullptr;
    if (VD->getType()->isRecordType())
      if (const Expr *B = builtFromBool(VD->getInit()))
        return B;
    return VD->getInit();
  }
  const auto *CE = dyn_cast_or_null<CallExpr>(E);
  if (!CE || isa<CXXOperatorCallExpr>(CE) || CE->getBuiltinCallee() ||
      !CE->getType()->isBooleanType())
    return nullptr;
  const Expr *Passed = nullptr;
  for (const Expr *Arg : CE->arguments()) {
    if (!Arg->IgnoreParenImpCasts()->getType()->isBooleanType())
      continue;
    if (Passed)
      return nullptr; // Which one would it be?
    Passed = Arg->IgnoreParenImpCasts();
  }
  return Passed;
}

} // namespace mapsafety
