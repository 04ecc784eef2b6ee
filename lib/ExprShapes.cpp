//===--- ExprShapes.cpp - Recognisers for common expression shapes -------===//

#include "lib/ExprShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/FoldingSet.h"

using namespace clang;

namespace mapsafety {

const Expr *stripValue(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BT->getSubExpr();
    else if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(Next))
      Next = DA->getExpr();
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(Next)) {
      if (CE->getNumArgs() == 1 && CE->getConstructor() &&
          CE->getConstructor()->isCopyOrMoveConstructor())
        Next = CE->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const Expr *stripCondition(const Expr *E) {
  while (E) {
    const Expr *Next = stripValue(E);
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Next))
      if (Cast->getType()->isBooleanType())
        Next = Cast->getSubExpr();
    // `likely(c)` / `unlikely(c)`: __builtin_expect(bool(c), 1) tests c.
    if (const auto *Call = dyn_cast<CallExpr>(Next)) {
      unsigned ID = Call->getBuiltinCallee();
      if ((ID == Builtin::BI__builtin_expect ||
           ID == Builtin::BI__builtin_expect_with_probability) &&
          Call->getNumArgs() >= 1)
        Next = Call->getArg(0);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Next))
      if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()) &&
          MC->getType()->isBooleanType())
        Next = MC->getImplicitObjectArgument();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool isNullValue(const Expr *E, ASTContext &Ctx) {
  E = stripValue(E);
  if (!E)
    return false;
  if (isa<CXXNullPtrLiteralExpr>(E))
    return true;
  if (E->getType()->isPointerType() &&
      E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return IL->getNumInits() == 0 ||
           (IL->getNumInits() == 1 && isNullValue(IL->getInit(0), Ctx));
  if (isa<ImplicitValueInitExpr, CXXScalarValueInitExpr>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->isInStdNamespace() &&
           DRE->getDecl()->getName() == "nullopt";
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *RD = CE->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->isInStdNamespace())
      return false;
    StringRef Name = RD->getName();
    if (Name != "unique_ptr" && Name != "shared_ptr" && Name != "optional")
      return false;
    return CE->getNumArgs() == 0 ||
           (CE->getNumArgs() == 1 && isNullValue(CE->getArg(0), Ctx));
  }
  return false;
}

/// GoogleTest's ASSERT_NE(a, b) and friends test
/// `testing::internal::CmpHelperNE("a", "b", a, b)` (ASSERT_EQ goes through
/// `EqHelper::Compare`), which is true exactly when `a != b`.
static std::optional<Comparison> testFrameworkComparison(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->getIdentifier() || CE->getNumArgs() != 4)
    return std::nullopt;
  const auto *NS = dyn_cast<NamespaceDecl>(FD->getDeclContext());
  const auto *RD = dyn_cast<CXXRecordDecl>(FD->getDeclContext());
  if (RD)
    NS = RD->getName() == "EqHelper" && FD->getName() == "Compare"
             ? dyn_cast<NamespaceDecl>(RD->getDeclContext())
             : nullptr;
  if (!NS || NS->getName() != "internal" ||
      !isa<NamespaceDecl>(NS->getParent()) ||
      cast<NamespaceDecl>(NS->getParent())->getName() != "testing")
    return std::nullopt;
  static const std::pair<StringRef, BinaryOperatorKind> Helpers[] = {
      {"CmpHelperEQ", BO_EQ}, {"Compare", BO_EQ},     {"CmpHelperNE", BO_NE},
      {"CmpHelperLT", BO_LT}, {"CmpHelperLE", BO_LE}, {"CmpHelperGT", BO_GT},
      {"CmpHelperGE", BO_GE}};
  for (const auto &[Name, Op] : Helpers)
    if (FD->getName() == Name)
      return Comparison{Op, CE->getArg(2), CE->getArg(3)};
  return std::nullopt;
}

std::optional<Comparison> asComparison(const Expr *E) {
  E = stripValue(E);
  if (!E)
    return std::nullopt;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    if (BO->isComparisonOp())
      return Comparison{BO->getOpcode(), BO->getLHS(), BO->getRHS()};
  if (const auto *RB = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    CXXRewrittenBinaryOperator::DecomposedForm F = RB->getDecomposedForm();
    return Comparison{F.Opcode, F.LHS, F.RHS};
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() != 2 || !OC->isComparisonOp())
      return std::nullopt;
    BinaryOperatorKind Op =
        BinaryOperator::getOverloadedOpcode(OC->getOperator());
    return Comparison{Op, OC->getArg(0), OC->getArg(1)};
  }
  if (const auto *CE = dyn_cast<CallExpr>(E))
    return testFrameworkComparison(CE);
  return std::nullopt;
}

bool sameValue(const Expr *A, const Expr *B, ASTContext &Ctx) {
  A = stripValue(A);
  B = stripValue(B);
  if (!A || !B)
    return false;
  if (A == B)
    return true;
  llvm::FoldingSetNodeID IA, IB;
  A->Profile(IA, Ctx, /*Canonical=*/true);
  B->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

StringRef stdFunctionName(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || !FD->isInStdNamespace())
    return {};
  return FD->getName();
}

const VarDecl *referencedVar(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripValue(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

const VarDecl *assignedVar(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() ? referencedVar(BO->getLHS()) : nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() ? referencedVar(UO->getSubExpr())
                                        : nullptr;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (OC->getNumArgs() == 0)
      return nullptr;
    if (OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
        OC->getOperator() == OO_MinusMinus)
      return referencedVar(OC->getArg(0));
  }
  return nullptr;
}

void forEachMutableArg(const Expr *Call,
                       llvm::function_ref<void(const Expr *)> F) {
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  unsigned Skip = 0;
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    Callee = CE->getDirectCallee();
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(Callee))
      Skip = 1;
  } else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Call)) {
    Callee = Ctor->getConstructor();
    Args = llvm::ArrayRef(Ctor->getArgs(), Ctor->getNumArgs());
  } else {
    return;
  }
  for (unsigned I = Skip; I < Args.size(); ++I) {
    bool Mutable = true;
    if (Callee) {
      unsigned Param = I - Skip;
      if (Param >= Callee->getNumParams())
        continue; // C variadic arguments are copied.
      QualType PT = Callee->getParamDecl(Param)->getType();
      Mutable = PT->isDependentType() ||
                (PT->isReferenceType() &&
                 !PT.getNonReferenceType().isConstQualified());
    }
    if (Mutable)
      F(Args[I]);
  }
}

std::string sourceText(const Expr *E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  StringRef Text = Lexer::getSourceText(R, SM, Ctx.getLangOpts());
  if (Text.empty() || Text.size() > 60 || Text.contains('\n'))
    return "the container";
  return Text.str();
}

} // namespace mapsafety
