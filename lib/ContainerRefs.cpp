//===--- ContainerRefs.cpp - References into containers ------------------===//

#include "lib/ContainerRefs.h"
#include "lib/Names.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"

using namespace clang;

namespace mapsafety {

namespace {

bool returnsIteratorInto(StringRef Method) {
  return Method == "begin" || Method == "end" || Method == "cbegin" ||
         Method == "cend" || Method == "find" || Method == "lower_bound" ||
         Method == "upper_bound" || Method == "rbegin" || Method == "rend";
}

bool returnsElement(StringRef Method) {
  return Method == "at" || Method == "front" || Method == "back";
}

StringRef methodName(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  return MD && MD->getIdentifier() ? MD->getName() : StringRef();
}

/// E without copies: a copied iterator points where its source does.
const Expr *stripCopies(const Expr *E) {
  E = ignoreTemporaries(E);
  while (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() != 1 || !CE->getConstructor() ||
        !CE->getConstructor()->isCopyOrMoveConstructor())
      break;
    E = ignoreTemporaries(CE->getArg(0));
  }
  return E;
}

ContainerRef as(ContainerRef R, const char *What) {
  R.What = What;
  R.Locks = LockSet();
  return R;
}

} // namespace

bool isIteratorType(QualType T) {
  std::string N = T.getNonReferenceType().getAsString();
  return StringRef(N).contains("iterator");
}

const ContainerRef *ContainerRefs::local(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripCopies(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD)
    return nullptr;
  auto It = Locals.find(VD);
  return It == Locals.end() ? nullptr : &It->second;
}

std::optional<ContainerRef> ContainerRefs::lvalue(const Expr *E) const {
  E = ignoreTemporaries(E);
  if (!E)
    return std::nullopt;
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    if (auto R = lvalue(CO->getTrueExpr()))
      return R;
    return lvalue(CO->getFalseExpr());
  }
  if (const ContainerRef *L = local(E); L && StringRef(L->What) == "reference")
    return *L;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    // items_[k]; *it and it-> on an iterator into it.
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      if (auto R = lvalue(OC->getArg(0)); R && !R->Element) {
        R->Element = true;
        return as(*R, "reference");
      }
    if ((OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow) &&
        OC->getNumArgs() == 1)
      if (auto R = pointer(OC->getArg(0)); R && !R->Element) {
        R->Element = true;
        return as(*R, "reference");
      }
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (returnsElement(methodName(MC)))
      if (auto R = lvalue(MC->getImplicitObjectArgument()); R && !R->Element) {
        R->Element = true;
        return as(*R, "reference");
      }
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    // it->second, items_[k].name: part of the element.
    const Expr *Base = ignoreTemporaries(ME->getBase());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Base);
        OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
      Base = OC->getArg(0); // The iterator's operator->.
    std::optional<ContainerRef> R =
        ME->isArrow() ? pointer(Base) : lvalue(Base);
    if (R && (R->Element || StringRef(R->What) == "iterator")) {
      R->Element = true;
      return as(*R, "reference");
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    if (auto R = pointer(UO->getSubExpr()))
      return as(*R, "reference");
  if (Containers.classify(E->getType())) {
    AccessPath P = Path(E);
    if (P.isValid())
      return ContainerRef{P, false, "reference", LockSet()};
  }
  return std::nullopt;
}

std::optional<ContainerRef> ContainerRefs::pointer(const Expr *E) const {
  E = stripCopies(E);
  if (!E)
    return std::nullopt;
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    if (auto R = pointer(CO->getTrueExpr()))
      return R;
    return pointer(CO->getFalseExpr());
  }
  if (const ContainerRef *L = local(E); L && StringRef(L->What) != "reference")
    return *L;
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    if (auto R = lvalue(UO->getSubExpr()))
      return as(*R, "pointer");
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && returnsIteratorInto(methodName(MC)))
    if (auto R = lvalue(MC->getImplicitObjectArgument()); R && !R->Element)
      return as(*R, "iterator");
  return std::nullopt;
}

void ContainerRefs::bind(const VarDecl *VD, const LockSet &Held) {
  if (!VD || !VD->hasLocalStorage() || !VD->getInit())
    return;
  QualType T = VD->getType();
  std::optional<ContainerRef> R;
  if (T->isReferenceType())
    R = lvalue(VD->getInit());
  else if (T->isPointerType() || isIteratorType(T))
    R = pointer(VD->getInit());
  if (!R)
    return;
  R->Locks = Held;
  Locals[VD] = *R;
}

std::vector<std::pair<SourceLocation, ContainerRef>>
ContainerRefs::captures(const LambdaExpr *LE) const {
  std::vector<std::pair<SourceLocation, ContainerRef>> Out;
  for (const LambdaCapture &C : LE->captures()) {
    if (!C.capturesVariable())
      continue;
    const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
    if (!VD)
      continue;
    std::optional<ContainerRef> R;
    if (VD->isInitCapture()) {
      // [&m = items_], [it = items_.find(k)], [p = &items_].
      QualType T = VD->getType();
      if (T->isReferenceType())
        R = lvalue(VD->getInit());
      else if (T->isPointerType() || isIteratorType(T))
        R = pointer(VD->getInit());
    } else if (auto It = Locals.find(VD); It != Locals.end()) {
      // A copy of a reference copies the value; of a pointer, not.
      if (C.getCaptureKind() == LCK_ByRef ||
          StringRef(It->second.What) != "reference")
        R = It->second;
    }
    if (R)
      Out.push_back({C.getLocation(), *R});
  }
  return Out;
}

} // namespace mapsafety
