//===--- BranchGuards.cpp - Facts that hold only under tested conditions --===//

#include "lib/BranchGuards.h"
#include "lib/ExprShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace mapsafety {

namespace {

// Conditions deeper than this are not numbered (and so never correlated).
constexpr unsigned MaxConditionDepth = 12;

bool isConstMethod(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && (MD->isConst() || MD->isStatic());
}

/// Whether evaluating E only reads: variables, fields, literals, operators
/// without side effects and calls of const member functions.
bool isPure(const Expr *E, unsigned Depth = 0) {
  if (!E || Depth > MaxConditionDepth)
    return false;
  if (isa<DeclRefExpr, CXXThisExpr, IntegerLiteral, CXXBoolLiteralExpr,
          CXXNullPtrLiteralExpr, CharacterLiteral, FloatingLiteral,
          StringLiteral, GNUNullExpr, UnaryExprOrTypeTraitExpr>(E))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->isIncrementDecrementOp())
      return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    if (BO->isAssignmentOp())
      return false;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    // Comparisons, arithmetic, `*`, `->` and `[]` of const objects; free
    // operators take their operands by value or const reference in sane
    // code.
    if (OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
        OC->getOperator() == OO_MinusMinus || OC->getOperator() == OO_Call)
      return false;
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()))
      if (!MD->isConst())
        return false;
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!isConstMethod(MC->getMethodDecl()))
      return false;
  } else if (isa<CallExpr>(E)) {
    return false; // A free function may do anything.
  } else if (!isa<UnaryOperator, BinaryOperator, ConditionalOperator,
                  MemberExpr, ArraySubscriptExpr, CastExpr, ParenExpr,
                  MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                  ExprWithCleanups, CXXConstructExpr,
                  CXXDefaultArgExpr>(E)) {
    return false;
  }
  for (const Stmt *Child : E->children())
    if (!isPure(dyn_cast_or_null<Expr>(Child), Depth + 1))
      return false;
  return true;
}

/// What a write to, or a non-const call on, E changes: its variable, or the
/// field of `this` it names. Null when E is reached through a call result.
const ValueDecl *writtenRoot(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < MaxConditionDepth; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      return DRE->getDecl();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        return ME->getMemberDecl();
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      E = UO->getSubExpr();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getNumArgs() == 0)
        return nullptr;
      E = OC->getArg(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// A null pointer, integer zero or `false`: what a bare `if (x)` tests
/// against.
bool isZero(const Expr *E, ASTContext &Ctx) {
  if (isNullValue(E, Ctx))
    return true;
  E = stripValue(E);
  if (const auto *IL = dyn_cast_or_null<IntegerLiteral>(E))
    return IL->getValue().isZero();
  if (const auto *BL = dyn_cast_or_null<CXXBoolLiteralExpr>(E))
    return !BL->getValue();
  return false;
}

bool isCanonicalDecl(const ValueDecl *A, const ValueDecl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

} // namespace

std::optional<ConditionTable::Entry>
ConditionTable::number(const Expr *Cond) {
  const Expr *E = stripCondition(Cond);
  bool Flip = false;
  for (unsigned Depth = 0; E && Depth < MaxConditionDepth; ++Depth) {
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || UO->getOpcode() != UO_LNot)
      break;
    E = stripCondition(UO->getSubExpr());
    Flip = !Flip;
  }
  if (!E || !isPure(E))
    return std::nullopt;
  llvm::FoldingSetNodeID ID;
  std::optional<Comparison> Cmp = asComparison(E);
  if (Cmp && (Cmp->Op == BO_EQ || Cmp->Op == BO_NE)) {
    if (Cmp->Op == BO_NE)
      Flip = !Flip;
    if (isZero(Cmp->RHS, Ctx) || isZero(Cmp->LHS, Ctx)) {
      // `p == nullptr` is `!p`, `n == 0` is `!n`.
      const Expr *Tested = isZero(Cmp->RHS, Ctx) ? Cmp->LHS : Cmp->RHS;
      Flip = !Flip;
      stripCondition(Tested)->Profile(ID, Ctx, /*Canonical=*/true);
    } else {
      ID.AddInteger(BO_EQ);
      Cmp->LHS->Profile(ID, Ctx, /*Canonical=*/true);
      Cmp->RHS->Profile(ID, Ctx, /*Canonical=*/true);
    }
  } else {
    E->Profile(ID, Ctx, /*Canonical=*/true);
  }
  auto [It, Inserted] = Ids.try_emplace(ID, ReadsOf.size());
  if (Inserted) {
    Reads R;
    llvm::SmallVector<const Stmt *, 8> Work{E};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        R.Decls.push_back(DRE->getDecl());
      if (const auto *ME = dyn_cast<MemberExpr>(S))
        if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
          R.Decls.push_back(ME->getMemberDecl());
          R.ThisFields = true;
        }
      if (isa<CXXThisExpr>(S))
        R.ThisFields = true;
      llvm::append_range(Work, S->children());
    }
    ReadsOf.push_back(std::move(R));
  }
  return Entry{It->second, Flip};
}

std::optional<GuardLiteral> ConditionTable::literal(const Expr *Cond,
                                                    bool Taken) {
  auto [It, Inserted] = Cache.try_emplace(Cond);
  if (Inserted)
    It->second = number(Cond);
  if (!It->second)
    return std::nullopt;
  return GuardLiteral{It->second->Id, Taken != It->second->Flip};
}

llvm::SmallVector<unsigned, 2>
ConditionTable::changedBy(const Stmt *S) const {
  llvm::SmallVector<const ValueDecl *, 2> Written;
  bool ThisCall = false; // A non-const member function of the class itself.
  auto WriteTo = [&](const Expr *Target) {
    if (const ValueDecl *D = writtenRoot(Target))
      Written.push_back(D);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      WriteTo(BO->getLHS());
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
      WriteTo(UO->getSubExpr());
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    // A declaration in a loop body gives its variable a new value.
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<ValueDecl>(D))
        Written.push_back(VD);
  } else if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        Written.push_back(C.getCapturedVar());
  } else if (const auto *E = dyn_cast<Expr>(S)) {
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      if ((MD && !MD->isConst()) || OC->isAssignmentOp())
        if (OC->getNumArgs() > 0)
          WriteTo(OC->getArg(0));
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (!isConstMethod(MC->getMethodDecl())) {
        const Expr *Obj = MC->getImplicitObjectArgument();
        if (Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
          ThisCall = true;
        else
          WriteTo(Obj);
      }
    }
    forEachMutableArg(E, WriteTo);
  }
  llvm::SmallVector<unsigned, 2> Changed;
  if (Written.empty() && !ThisCall)
    return Changed;
  for (unsigned Id = 0; Id < ReadsOf.size(); ++Id) {
    const Reads &R = ReadsOf[Id];
    if ((ThisCall && R.ThisFields) ||
        llvm::any_of(R.Decls, [&](const ValueDecl *D) {
          return llvm::any_of(Written, [&](const ValueDecl *W) {
            return isCanonicalDecl(D, W);
          });
        }))
      Changed.push_back(Id);
  }
  return Changed;
}

} // namespace mapsafety
