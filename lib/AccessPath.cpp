//===--- AccessPath.cpp - The identity of a container expression ---------===//

#include "lib/AccessPath.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace mapsafety {

namespace {

// Bounds alias chains (a reference initialised from a reference...).
constexpr int MaxAliasDepth = 8;

const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *CE = dyn_cast<ExplicitCastExpr>(E);
             CE && CE->getType()->isPointerType() &&
             CE->getSubExpr()->getType()->isPointerType())
      E = CE->getSubExpr(); // static_cast<Map *>(arg): the same object.
    else
      return E;
  }
  return E;
}

bool isSmartPointerLike(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
  StringRef Name = RD->getName();
  return RD->isInStdNamespace() &&
         (Name == "unique_ptr" || Name == "shared_ptr" || Name == "optional");
}

/// An iterator: a class declaring `iterator_category`. `it->second` is a
/// member of the element it points to, like `p->second` of a pointer.
bool isIteratorLike(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  IdentifierInfo &Name = RD->getASTContext().Idents.get("iterator_category");
  return !RD->lookup(&Name).empty();
}

bool derefsLikePointer(QualType T) {
  return isSmartPointerLike(T) || isIteratorLike(T);
}

/// A local pointer that is initialised once and never assigned again is an
/// alias of what it was initialised with. A `T *const` guarantees it; for
/// other pointers only the declaration's initialiser is trusted when the
/// pointer is declared const-qualified, to stay on the safe side.
const Expr *aliasInit(const VarDecl *VD) {
  if (!VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->hasInit())
    return nullptr;
  QualType T = VD->getType();
  if (T->isReferenceType())
    return VD->getInit();
  if (T->isPointerType() && T.isConstQualified())
    return VD->getInit();
  return nullptr;
}

AccessPath pathOf(const Expr *E, int Depth);

AccessPath pointeePathOf(const Expr *E, int Depth) {
  E = strip(E);
  if (!E || Depth > MaxAliasDepth)
    return AccessPath();
  if (isa<CXXThisExpr>(E))
    return AccessPath::thisObject();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return pathOf(UO->getSubExpr(), Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->getType()->isPointerType())
        if (const Expr *Init = aliasInit(VD))
          return pointeePathOf(Init, Depth + 1);
  // `up.operator->()` and `up.get()` point where the smart pointer does;
  // `it.operator->()` where the iterator does.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if (OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1 &&
        derefsLikePointer(OC->getArg(0)->getType()))
      return pathOf(OC->getArg(0), Depth + 1).withDeref();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() && MD->getName() == "get" &&
        isSmartPointerLike(MC->getImplicitObjectArgument()->getType()))
      return pathOf(MC->getImplicitObjectArgument(), Depth + 1).withDeref();
  }
  AccessPath P = pathOf(E, Depth + 1);
  return P.isValid() ? P.withDeref() : P;
}

AccessPath pathOf(const Expr *E, int Depth) {
  E = strip(E);
  if (!E || Depth > MaxAliasDepth)
    return AccessPath();

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return AccessPath();
    if (VD->getType()->isReferenceType())
      if (const Expr *Init = aliasInit(VD))
        return pathOf(Init, Depth + 1);
    return AccessPath::variable(VD);
  }

  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *Member = ME->getMemberDecl();
    if (const auto *Static = dyn_cast<VarDecl>(Member))
      return AccessPath::variable(Static);
    if (!isa<FieldDecl>(Member))
      return AccessPath();
    AccessPath Base = ME->isArrow() ? pointeePathOf(ME->getBase(), Depth + 1)
                                    : pathOf(ME->getBase(), Depth + 1);
    return Base.isValid() ? Base.withField(Member) : Base;
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref)
      return pointeePathOf(UO->getSubExpr(), Depth + 1);
    return AccessPath();
  }

  // `*up` on smart pointers and optionals, `*it` on iterators.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1 &&
        derefsLikePointer(OC->getArg(0)->getType()))
      return pathOf(OC->getArg(0), Depth + 1).withDeref();
    return AccessPath();
  }

  return AccessPath();
}

} // namespace

AccessPath AccessPath::thisObject() {
  AccessPath P;
  P.Kind = RootKind::This;
  return P;
}

AccessPath AccessPath::variable(const VarDecl *VD) {
  AccessPath P;
  if (!VD)
    return P;
  P.Kind = RootKind::Var;
  P.Root = VD->getCanonicalDecl();
  return P;
}

AccessPath AccessPath::of(const Expr *E) { return pathOf(E, 0); }

AccessPath AccessPath::pointeeOf(const Expr *E) { return pointeePathOf(E, 0); }

bool AccessPath::isStatic() const {
  return Kind == RootKind::Var && Root && Root->hasGlobalStorage();
}

bool AccessPath::isVisibleToCallers() const {
  if (Kind == RootKind::This)
    return true;
  if (Kind != RootKind::Var || !Root)
    return false;
  return isa<ParmVarDecl>(Root) || Root->hasGlobalStorage();
}

AccessPath AccessPath::withField(const ValueDecl *F) const {
  AccessPath P = *this;
  P.Steps.push_back({StepKind::Field, F});
  return P;
}

AccessPath AccessPath::withDeref() const {
  AccessPath P = *this;
  // `*&x` is `x`.
  if (!P.Steps.empty() && P.Steps.back().Kind == StepKind::AddrOf)
    P.Steps.pop_back();
  else
    P.Steps.push_back({StepKind::Deref, nullptr});
  return P;
}

AccessPath AccessPath::withAddrOf() const {
  AccessPath P = *this;
  if (!P.Steps.empty() && P.Steps.back().Kind == StepKind::Deref)
    P.Steps.pop_back();
  else
    P.Steps.push_back({StepKind::AddrOf, nullptr});
  return P;
}

AccessPath AccessPath::rebasedOn(const AccessPath &Base) const {
  if (!Base.isValid() || !isValid())
    return AccessPath();
  AccessPath P = Base;
  for (const Step &S : Steps) {
    switch (S.Kind) {
    case StepKind::Field:
      P = P.withField(S.Field);
      break;
    case StepKind::Deref:
      P = P.withDeref();
      break;
    case StepKind::AddrOf:
      P = P.withAddrOf();
      break;
    }
  }
  return P;
}

std::string AccessPath::describe() const {
  std::string S;
  if (Kind == RootKind::Var && Root)
    S = Root->getName().str();
  bool First = Kind == RootKind::This;
  unsigned Derefs = 0;
  for (const Step &St : Steps) {
    switch (St.Kind) {
    case StepKind::Field:
      if (Derefs && !S.empty()) {
        S += "->";
        --Derefs;
      } else if (!First) {
        S += ".";
      }
      S += St.Field->getName().str();
      First = false;
      break;
    case StepKind::Deref:
      ++Derefs;
      break;
    case StepKind::AddrOf:
      S = "&" + S;
      break;
    }
  }
  while (Derefs--)
    S = "*" + S;
  if (S.empty())
    S = Kind == RootKind::This ? "*this" : "<unknown>";
  return S;
}

} // namespace mapsafety
