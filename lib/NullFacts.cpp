//===--- NullFacts.cpp - What the translation unit says about null -------===//

#include "lib/NullFacts.h"
#include "lib/ExprShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace mapsafety {

namespace {

/// Removes from Fields every member some code may set: a non-null
/// initialiser, an assignment, reset(p), emplace, swap, its address taken,
/// a non-const reference bound to it, any use in a template.
class FieldWriteFinder : public RecursiveASTVisitor<FieldWriteFinder> {
public:
  FieldWriteFinder(llvm::SmallPtrSetImpl<const FieldDecl *> &Fields,
                   ASTContext &Ctx)
      : Fields(Fields), Ctx(Ctx) {}

  bool VisitFieldDecl(FieldDecl *FD) {
    if (FD->hasInClassInitializer() && FD->getInClassInitializer() &&
        !isNullValue(FD->getInClassInitializer(), Ctx))
      Fields.erase(FD);
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *CD) {
    for (const CXXCtorInitializer *Init : CD->inits())
      if (Init->isWritten() && Init->getMember() &&
          !isNullValue(Init->getInit(), Ctx))
        Fields.erase(Init->getMember());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    // Dependent code is not understood well enough to prove anything.
    if (ME->isTypeDependent() || ME->isValueDependent() ||
        ME->isInstantiationDependent())
      Fields.erase(dyn_cast<FieldDecl>(ME->getMemberDecl()));
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && !isNullValue(BO->getRHS(), Ctx))
      eraseField(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      eraseField(UO->getSubExpr());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->isAssignmentOp() && OC->getNumArgs() == 2 &&
        !isNullValue(OC->getArg(1), Ctx))
      eraseField(OC->getArg(0));
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier()) {
      // operator= and the like, called by name.
      if (MD && MD->isOverloadedOperator())
        eraseField(MC->getImplicitObjectArgument());
      return true;
    }
    StringRef Name = MD->getName();
    bool Sets = Name == "emplace" || Name == "swap" ||
                (Name == "reset" && MC->getNumArgs() > 0 &&
                 !isNullValue(MC->getArg(0), Ctx));
    if (Sets)
      eraseField(MC->getImplicitObjectArgument());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    forEachMutableArg(CE, [&](const Expr *Arg) { eraseField(Arg); });
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    forEachMutableArg(CE, [&](const Expr *Arg) { eraseField(Arg); });
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getType()->isReferenceType() &&
        !VD->getType().getNonReferenceType().isConstQualified() &&
        VD->getInit())
      eraseField(VD->getInit());
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *RS) {
    if (RS->getRetValue() && !isa<CXXConstructExpr>(RS->getRetValue()))
      if (const auto *FD = dyn_cast_or_null<FunctionDecl>(
              ReturnContext.empty() ? nullptr : ReturnContext.back()))
        if (FD->getReturnType()->isReferenceType() &&
            !FD->getReturnType().getNonReferenceType().isConstQualified())
          eraseField(RS->getRetValue());
    return true;
  }
  bool TraverseFunctionDecl(FunctionDecl *FD) {
    return withContext(FD, [&] {
      return RecursiveASTVisitor::TraverseFunctionDecl(FD);
    });
  }
  bool TraverseCXXMethodDecl(CXXMethodDecl *MD) {
    return withContext(MD, [&] {
      return RecursiveASTVisitor::TraverseCXXMethodDecl(MD);
    });
  }

private:
  template <typename Fn> bool withContext(const Decl *D, Fn F) {
    ReturnContext.push_back(D);
    bool R = F();
    ReturnContext.pop_back();
    return R;
  }
  void eraseField(const Expr *E) {
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(stripValue(E)))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Fields.erase(FD);
  }
  llvm::SmallPtrSetImpl<const FieldDecl *> &Fields;
  ASTContext &Ctx;
  llvm::SmallVector<const Decl *, 4> ReturnContext;
};

bool isNullReturnValue(const Expr *V, ASTContext &Ctx) {
  if (!V)
    return false;
  if (isNullValue(V, Ctx))
    return true;
  if (const auto *CO = dyn_cast<ConditionalOperator>(stripValue(V)))
    return isNullValue(CO->getTrueExpr(), Ctx) ||
           isNullValue(CO->getFalseExpr(), Ctx);
  return false;
}

const Stmt *findNullReturn(const Stmt *S, ASTContext &Ctx) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    return isNullReturnValue(RS->getRetValue(), Ctx) ? RS : nullptr;
  for (const Stmt *Child : S->children())
    if (const Stmt *Found = findNullReturn(Child, Ctx))
      return Found;
  return nullptr;
}

} // namespace

bool NullFacts::eligible(const CXXRecordDecl *RD) const {
  if (!RD || !RD->hasDefinition() || RD->isUnion() || RD->isLambda() ||
      RD->isDependentContext() || RD->getDescribedClassTemplate() ||
      isa<ClassTemplateSpecializationDecl>(RD) ||
      RD->friend_begin() != RD->friend_end())
    return false;
  // Code we cannot see could set the member: every member function must be
  // defined here, and no nested class may reach in.
  for (const Decl *D : RD->decls()) {
    if (D->isImplicit())
      continue;
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D)) {
      if (!Nested->isInjectedClassName())
        return false;
      continue;
    }
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      FD = FTD->getTemplatedDecl();
    if (FD && !FD->isDefined() && !FD->isDeleted() && !FD->isDefaulted() &&
        !FD->isPureVirtual())
      return false;
  }
  return true;
}

llvm::ArrayRef<const FieldDecl *>
NullFacts::neverSetFields(const CXXRecordDecl *RD) {
  if (!RD)
    return {};
  RD = RD->getDefinition();
  auto [It, Inserted] = NeverSet.try_emplace(RD);
  if (!Inserted || !eligible(RD))
    return It->second;
  llvm::SmallPtrSet<const FieldDecl *, 4> Fields;
  for (const FieldDecl *FD : RD->fields())
    if (FD->getAccess() == AS_private && Model.classifyPointee(FD->getType()))
      Fields.insert(FD);
  if (Fields.empty())
    return It->second;
  FieldWriteFinder Finder(Fields, Ctx);
  Finder.TraverseDecl(const_cast<CXXRecordDecl *>(RD));
  for (const Decl *D : RD->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      FD = FTD->getTemplatedDecl();
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    if (Def && Def->isOutOfLine())
      Finder.TraverseDecl(const_cast<FunctionDecl *>(Def));
  }
  // Declaration order, for deterministic output.
  for (const FieldDecl *FD : RD->fields())
    if (Fields.count(FD))
      It->second.push_back(FD);
  return It->second;
}

const Stmt *NullFacts::nullReturn(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->hasBody())
    return nullptr;
  auto [It, Inserted] = Returns.try_emplace(Def, nullptr);
  if (Inserted && Model.classifyPointee(Def->getReturnType()))
    It->second = findNullReturn(Def->getBody(), Ctx);
  return It->second;
}

} // namespace mapsafety
