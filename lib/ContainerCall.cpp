//===--- ContainerCall.cpp - A call on a container, decoded --------------===//

#include "lib/ContainerCall.h"
#include "lib/ExprShapes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace mapsafety {

namespace {

/// A call on the container Obj, when Obj's type is one.
std::optional<ContainerCall> onObject(StringRef Name, const Expr *Call,
                                      const Expr *Obj, QualType ObjType,
                                      const ContainerModel &Model) {
  std::optional<ContainerInfo> Info = Model.classify(ObjType);
  if (!Info)
    return std::nullopt;
  ContainerCall C;
  C.Name = Name;
  C.Call = Call;
  C.Info = *Info;
  C.Object = Obj;
  C.Container = AccessPath::of(Obj);
  return C;
}

/// The container a member call's object denotes; `p->f()` looks through p.
std::optional<ContainerCall> memberCall(const CXXMemberCallExpr *MC,
                                        const ContainerModel &Model) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  const Expr *Obj = MC->getImplicitObjectArgument();
  if (!MD || !MD->getIdentifier() || !Obj)
    return std::nullopt;
  std::optional<ContainerCall> C =
      onObject(MD->getName(), MC, Obj, MC->getObjectType(), Model);
  if (!C)
    return std::nullopt;
  const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
  if (ME && ME->isArrow())
    C->Container = AccessPath::pointeeOf(Obj);
  C->IsConst = MD->isConst();
  for (const Expr *A : MC->arguments())
    C->Args.push_back(A);
  return C;
}

std::optional<ContainerCall> operatorCall(const CXXOperatorCallExpr *OC,
                                          const ContainerModel &Model) {
  if (OC->getOperator() != OO_Subscript || OC->getNumArgs() != 2)
    return std::nullopt;
  const Expr *Obj = OC->getArg(0);
  std::optional<ContainerCall> C =
      onObject("operator[]", OC, Obj, Obj->getType(), Model);
  if (!C)
    return std::nullopt;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getCalleeDecl()))
    C->IsConst = MD->isConst();
  C->Args.push_back(OC->getArg(1));
  return C;
}

/// std::find(c.begin(), c.end(), x) and its siblings, over one container.
std::optional<ContainerCall> algorithmCall(const CallExpr *CE,
                                           const ContainerModel &Model) {
  StringRef Name = stdFunctionName(CE->getDirectCallee());
  if (Name != "find" && Name != "find_if" && Name != "find_if_not")
    return std::nullopt;
  if (CE->getNumArgs() < 3)
    return std::nullopt;
  std::optional<ContainerCall> End = asEndOf(CE->getArg(1), Model);
  if (!End)
    return std::nullopt;
  ContainerCall C = *End;
  C.Name = Name == "find" ? "std::find"
           : Name == "find_if" ? "std::find_if"
                               : "std::find_if_not";
  C.Call = CE;
  C.IsConst = true;
  C.Args.clear();
  for (unsigned I = 2; I < CE->getNumArgs(); ++I)
    C.Args.push_back(CE->getArg(I));
  return C;
}

} // namespace

std::optional<ContainerCall> asContainerCall(const Expr *E,
                                             const ContainerModel &Model) {
  E = stripValue(E);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E))
    return memberCall(MC, Model);
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(E))
    return operatorCall(OC, Model);
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E))
    return algorithmCall(CE, Model);
  return std::nullopt;
}

bool isSearchCall(const ContainerCall &C) {
  if (C.Name.starts_with("std::"))
    return true;
  if (C.Name != "find" && C.Name != "lower_bound" && C.Name != "upper_bound")
    return false;
  // std::string::find and friends return a position, not an iterator.
  return C.Call && !C.Call->getType()->isIntegralOrEnumerationType();
}

std::optional<ContainerCall> asEndOf(const Expr *E,
                                     const ContainerModel &Model) {
  E = stripValue(E);
  if (!E)
    return std::nullopt;
  // A local that holds an end iterator: `auto end = m.end();`.
  if (const VarDecl *VD = referencedVar(E)) {
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && VD->hasInit() &&
        !VD->getType()->isReferenceType() && VD->getInit() != E)
      if (const Expr *Init = stripValue(VD->getInit()))
        if (!referencedVar(Init))
          return asEndOf(Init, Model);
    return std::nullopt;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    StringRef Std = stdFunctionName(CE->getDirectCallee());
    if ((Std == "end" || Std == "cend") && CE->getNumArgs() == 1) {
      std::optional<ContainerCall> C = onObject(
          "end", CE, CE->getArg(0), CE->getArg(0)->getType(), Model);
      if (C)
        C->IsConst = true;
      return C;
    }
  }
  std::optional<ContainerCall> C = asContainerCall(E, Model);
  if (C && (C->Name == "end" || C->Name == "cend"))
    return C;
  return std::nullopt;
}

} // namespace mapsafety
