//===--- KnownKeys.cpp - Keys known to be present in a container ---------===//

#include "lib/KnownKeys.h"
#include "lib/ContainerCall.h"
#include "lib/ExprShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace mapsafety {

namespace {

/// The first variable a key expression reads: writing it changes the key.
const VarDecl *firstVarIn(const Expr *E) {
  E = stripValue(E);
  if (!E)
    return nullptr;
  if (const VarDecl *VD = referencedVar(E))
    return VD;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (const VarDecl *VD = firstVarIn(CE))
        return VD;
  return nullptr;
}

/// Whether comparing Count with literal N means "present" when true (1),
/// when false (0), or neither (nullopt).
std::optional<bool> countTestSense(BinaryOperatorKind Op, uint64_t N) {
  if (N == 0) {
    if (Op == BO_NE || Op == BO_GT)
      return true;
    if (Op == BO_EQ || Op == BO_LE)
      return false;
  } else if (N == 1) {
    if (Op == BO_GE || Op == BO_EQ)
      return true;
    if (Op == BO_LT)
      return false;
  }
  return std::nullopt;
}

std::optional<uint64_t> intLiteral(const Expr *E, ASTContext &Ctx) {
  E = stripValue(E);
  if (!E || E->isValueDependent() || !E->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getZExtValue();
}

bool isPresenceTest(const ContainerCall &C) {
  return C.Name == "contains" || C.Name == "count";
}

bool insertsByKey(const ContainerCall &C) {
  if (C.Args.empty())
    return false;
  if (C.Name == "operator[]")
    return C.Info.SubscriptInserts && !C.IsConst;
  return C.Name == "try_emplace" || C.Name == "insert_or_assign" ||
         (C.Name == "emplace" && C.Info.SubscriptInserts) ||
         (C.Name == "insert" && !C.Info.SubscriptInserts);
}

/// The key of the element a map's insert(value) inserts: `k` of
/// `insert(std::make_pair(k, v))`, `insert({k, v})`,
/// `insert(std::pair<K, V>(k, v))` and `insert(value_type(k, v))`.
const Expr *insertedPairKey(const ContainerCall &C) {
  if (C.Name != "insert" || !C.Info.SubscriptInserts || C.Args.size() != 1)
    return nullptr;
  const Expr *Value = C.Args.front();
  for (int Depth = 0; Depth < 4; ++Depth) {
    Value = stripValue(Value);
    if (const auto *CE = dyn_cast_or_null<CallExpr>(Value))
      return stdFunctionName(CE->getDirectCallee()) == "make_pair" &&
                     CE->getNumArgs() == 2
                 ? CE->getArg(0)
                 : nullptr;
    if (const auto *IL = dyn_cast_or_null<InitListExpr>(Value))
      return IL->getNumInits() == 2 ? IL->getInit(0) : nullptr;
    const auto *CC = dyn_cast_or_null<CXXConstructExpr>(Value);
    const CXXRecordDecl *RD =
        CC ? CC->getType()->getAsCXXRecordDecl() : nullptr;
    if (!RD || !RD->isInStdNamespace() || RD->getName() != "pair")
      return nullptr;
    if (CC->getNumArgs() == 2)
      return CC->getArg(0);
    if (CC->getNumArgs() != 1)
      return nullptr;
    Value = CC->getArg(0); // A pair converted to the map's value_type.
  }
  return nullptr;
}

/// The literal a key expression spells, through conversions and
/// temporaries (`L""` of `std::wstring(L"")`, `3` of `long(3)`).
const Expr *literalKey(const Expr *E) {
  for (int Depth = 0; E && Depth < 6; ++Depth) {
    E = stripValue(E);
    if (isa_and_nonnull<StringLiteral, IntegerLiteral, CharacterLiteral>(E))
      return E;
    const auto *CC = dyn_cast_or_null<CXXConstructExpr>(E);
    if (!CC || CC->getNumArgs() == 0)
      return nullptr;
    E = CC->getArg(0);
  }
  return nullptr;
}

bool sameLiteral(const Expr *A, const Expr *B, ASTContext &Ctx) {
  if (const auto *SA = dyn_cast<StringLiteral>(A)) {
    const auto *SB = dyn_cast<StringLiteral>(B);
    return SB && SA->getKind() == SB->getKind() &&
           SA->getBytes() == SB->getBytes();
  }
  if (isa<StringLiteral>(B))
    return false;
  Expr::EvalResult RA, RB;
  return A->EvaluateAsInt(RA, Ctx) && B->EvaluateAsInt(RB, Ctx) &&
         llvm::APSInt::isSameValue(RA.Val.getInt(), RB.Val.getInt());
}

/// Whether Container is a const variable whose initialiser lists an
/// element with the literal key Key: `static const std::map<…> m = {{"", x},
/// …}` always holds "".
bool constInitialisedWith(const AccessPath &Container, const Expr *Key,
                          ASTContext &Ctx) {
  const VarDecl *VD = Container.rootVar();
  const Expr *Literal = literalKey(Key);
  if (!VD || !Literal || Container.rootKind() != AccessPath::RootKind::Var ||
      !Container.steps().empty() || !VD->getType().isConstQualified() ||
      VD->getType()->isReferenceType())
    return false;
  const auto *Init = dyn_cast_or_null<CXXConstructExpr>(stripValue(VD->getInit()));
  if (!Init || Init->getNumArgs() == 0)
    return false;
  const auto *List = dyn_cast<CXXStdInitializerListExpr>(
      stripValue(Init->getArg(0)));
  const auto *Elements = List ? dyn_cast<InitListExpr>(stripValue(
                                    List->getSubExpr()))
                              : nullptr;
  if (!Elements)
    return false;
  for (const Expr *Element : Elements->inits()) {
    Element = stripValue(Element);
    const Expr *First = nullptr;
    if (const auto *IL = dyn_cast_or_null<InitListExpr>(Element))
      First = IL->getNumInits() == 2 ? IL->getInit(0) : nullptr;
    else if (const auto *CC = dyn_cast_or_null<CXXConstructExpr>(Element))
      First = CC->getNumArgs() == 2 ? CC->getArg(0) : nullptr;
    if (const Expr *ElementKey = literalKey(First))
      if (sameLiteral(ElementKey, Literal, Ctx))
        return true;
  }
  return false;
}

/// The path of the object a member call or member access is made on.
AccessPath objectPath(const Expr *Object) {
  return Object->getType()->isPointerType() ? AccessPath::pointeeOf(Object)
                                            : AccessPath::of(Object);
}

/// The object owning a container expression: `obj` in `obj.m_`,
/// `obj->m_`, and `obj.table(…)` when `table` is a const member function
/// returning a reference to the container.
AccessPath ownerOf(const Expr *Container) {
  Container = stripValue(Container);
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Container))
    return isa<FieldDecl>(ME->getMemberDecl()) ? objectPath(ME->getBase())
                                               : AccessPath();
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Container)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->isConst() && MD->getReturnType()->isReferenceType())
      return objectPath(MC->getImplicitObjectArgument());
  }
  return AccessPath();
}

/// A class's own presence test: `obj.has(k)`, a const member function
/// returning bool with the key as first argument. Returns the call.
const CXXMemberCallExpr *ownerPresenceTest(const Expr *Cond) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond);
  if (!MC || MC->getNumArgs() == 0)
    return nullptr;
  const CXXMethodDecl *MD = MC->getMethodDecl();
  if (!MD || !MD->isConst() || isa<CXXConversionDecl>(MD) ||
      !MD->getReturnType()->isBooleanType())
    return nullptr;
  return MC;
}

} // namespace

const Expr *keyArgument(const ContainerCall &C) {
  return C.Args.empty() ? nullptr : C.Args.front();
}

void KnownKeys::add(const AccessPath &Container, const Expr *Key,
                    ASTContext &Ctx) {
  add(Container, Key, /*Owner=*/false, Ctx);
}

void KnownKeys::add(const AccessPath &Container, const Expr *Key, bool Owner,
                    ASTContext &Ctx) {
  if (!Container.isValid() || !Key || has(Container, Key, Owner, Ctx))
    return;
  KnownKey K;
  K.Container = Container;
  K.Owner = Owner;
  stripValue(Key)->Profile(K.Key, Ctx, /*Canonical=*/true);
  K.KeyVar = firstVarIn(Key);
  Keys.push_back(std::move(K));
}

bool KnownKeys::has(const AccessPath &Container, const Expr *Key,
                    ASTContext &Ctx) const {
  return has(Container, Key, /*Owner=*/false, Ctx);
}

bool KnownKeys::hasIn(const AccessPath &Container, const Expr *Object,
                      const Expr *Key, ASTContext &Ctx) const {
  return has(Container, Key, /*Owner=*/false, Ctx) ||
         constInitialisedWith(Container, Key, Ctx) ||
         (Object && has(ownerOf(Object), Key, /*Owner=*/true, Ctx));
}

bool KnownKeys::has(const AccessPath &Container, const Expr *Key, bool Owner,
                    ASTContext &Ctx) const {
  if (!Container.isValid() || !Key || Keys.empty())
    return false;
  llvm::FoldingSetNodeID ID;
  stripValue(Key)->Profile(ID, Ctx, /*Canonical=*/true);
  for (const KnownKey &K : Keys)
    if (K.Container == Container && K.Key == ID && K.Owner == Owner)
      return true;
  return false;
}

void KnownKeys::intersect(const KnownKeys &O) {
  llvm::erase_if(Keys, [&](const KnownKey &K) {
    return llvm::find(O.Keys, K) == O.Keys.end();
  });
}

bool KnownKeys::operator==(const KnownKeys &O) const {
  if (Keys.size() != O.Keys.size())
    return false;
  for (const KnownKey &K : Keys)
    if (llvm::find(O.Keys, K) == O.Keys.end())
      return false;
  return true;
}

/// Whether Prefix is Path or a path Path extends (`obj` of `obj.m_`).
static bool isPrefixOf(const AccessPath &Prefix, const AccessPath &Path) {
  if (Prefix.rootKind() != Path.rootKind() ||
      Prefix.rootVar() != Path.rootVar() ||
      Prefix.steps().size() > Path.steps().size())
    return false;
  for (size_t I = 0; I < Prefix.steps().size(); ++I)
    if (!(Prefix.steps()[I] == Path.steps()[I]))
      return false;
  return true;
}

void KnownKeys::dropContainer(const AccessPath &Container) {
  // A change of `obj.m_` also voids what `obj.has(k)` said.
  llvm::erase_if(Keys, [&](const KnownKey &K) {
    return K.Owner ? isPrefixOf(K.Container, Container)
                   : K.Container == Container;
  });
}

void KnownKeys::dropOwner(const AccessPath &Object) {
  llvm::erase_if(Keys, [&](const KnownKey &K) {
    return K.Owner && isPrefixOf(Object, K.Container);
  });
}

void KnownKeys::dropMembers() {
  llvm::erase_if(Keys, [](const KnownKey &K) {
    return K.Container.rootKind() == AccessPath::RootKind::This;
  });
}

void KnownKeys::update(const Stmt *S, const ContainerModel &Model,
                       ASTContext &Ctx) {
  if (Keys.empty() && !isa<Expr>(S))
    return;
  if (const VarDecl *V = assignedVar(S)) {
    llvm::erase_if(Keys, [&](const KnownKey &K) {
      return K.KeyVar == V || K.Container.rootVar() == V->getCanonicalDecl();
    });
    return;
  }
  const auto *E = dyn_cast<Expr>(S);
  if (!E || E != stripValue(E))
    return;
  if (std::optional<ContainerCall> C = asContainerCall(E, Model)) {
    if (insertsByKey(*C)) {
      add(C->Container, keyArgument(*C), Ctx);
      return;
    }
    if (const Expr *Key = insertedPairKey(*C)) {
      add(C->Container, Key, Ctx);
      return;
    }
    if (ContainerModel::effectOf(C->Info, C->Name, C->IsConst)
            .isStructuralWrite())
      dropContainer(C->Container);
    return;
  }
  if (Keys.empty())
    return;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if (OC->isAssignmentOp() && OC->getNumArgs() == 2)
      dropContainer(AccessPath::of(OC->getArg(0)));
  // A container passed by non-const reference or by address may lose keys;
  // so may the containers of an object changed by a non-const member call.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (MC->getMethodDecl() && !MC->getMethodDecl()->isConst()) {
      if (isa<CXXThisExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        dropMembers();
      dropOwner(objectPath(MC->getImplicitObjectArgument()));
    }
  forEachMutableArg(E, [&](const Expr *Arg) {
    if (Model.classify(Arg->getType()))
      dropContainer(AccessPath::of(Arg));
    dropOwner(objectPath(Arg));
  });
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf) {
      dropContainer(AccessPath::of(UO->getSubExpr()));
      dropOwner(AccessPath::of(UO->getSubExpr()));
    }
}

void KnownKeys::branch(const Expr *Cond, bool Taken,
                       const ContainerModel &Model, ASTContext &Ctx) {
  Cond = stripCondition(Cond);
  if (!Cond)
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    if (UO->getOpcode() == UO_LNot)
      return branch(UO->getSubExpr(), !Taken, Model, Ctx);
  if (std::optional<ContainerCall> C = asContainerCall(Cond, Model)) {
    if (Taken && isPresenceTest(*C))
      add(C->Container, keyArgument(*C), Ctx);
    return;
  }
  if (const CXXMemberCallExpr *Test = ownerPresenceTest(Cond)) {
    if (Taken)
      add(objectPath(Test->getImplicitObjectArgument()), Test->getArg(0),
          /*Owner=*/true, Ctx);
    return;
  }
  std::optional<Comparison> Cmp = asComparison(Cond);
  if (!Cmp)
    return;
  for (int Swap = 0; Swap < 2; ++Swap) {
    const Expr *A = Swap ? Cmp->RHS : Cmp->LHS;
    const Expr *B = Swap ? Cmp->LHS : Cmp->RHS;
    BinaryOperatorKind Op =
        Swap ? BinaryOperator::reverseComparisonOp(Cmp->Op) : Cmp->Op;
    std::optional<ContainerCall> C = asContainerCall(A, Model);
    if (!C)
      continue;
    std::optional<bool> Sense;
    if (C->Name == "count") {
      if (std::optional<uint64_t> N = intLiteral(B, Ctx))
        Sense = countTestSense(Op, *N);
    } else if (C->Name == "find" && (Op == BO_EQ || Op == BO_NE)) {
      std::optional<ContainerCall> End = asEndOf(B, Model);
      if (End && End->Container == C->Container)
        Sense = Op == BO_NE;
    }
    if (Sense && *Sense == Taken)
      add(C->Container, keyArgument(*C), Ctx);
    return;
  }
}

} // namespace mapsafety
