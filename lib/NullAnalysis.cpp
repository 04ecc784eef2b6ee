//===--- NullAnalysis.cpp - Null container pointers dereferenced ---------===//

#include "lib/NullAnalysis.h"
#include "lib/AccessPath.h"
#include "lib/ContainerCall.h"
#include "lib/ExprShapes.h"
#include "lib/FirstReports.h"
#include "lib/KnownKeys.h"
#include "lib/PathFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace mapsafety {

namespace {

/// A pointer that may be null here, and why.
struct NullFact {
  AccessPath Key;
  const Stmt *Origin = nullptr;
  NullReason Reason = NullReason::InitNull;
  const Decl *OriginDecl = nullptr;
  const FunctionDecl *Callee = nullptr;
  const Stmt *CalleeReturn = nullptr;
  Guard Conditions;
  bool operator==(const NullFact &O) const {
    return Key == O.Key && Origin == O.Origin && Reason == O.Reason &&
           OriginDecl == O.OriginDecl && Conditions == O.Conditions;
  }
  void absorb(const NullFact &) {}
};

struct NullState {
  PathFacts<NullFact> Facts;
  KnownKeys Keys;
  bool operator==(const NullState &O) const {
    return Facts == O.Facts && Keys == O.Keys;
  }
};

StringRef stdRecordName(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return {};
  return RD->getName();
}

/// `std::move(x)`: x.
const Expr *movedFrom(const Expr *E) {
  const auto *CE = dyn_cast_or_null<CallExpr>(stripValue(E));
  if (CE && CE->getNumArgs() == 1 &&
      stdFunctionName(CE->getDirectCallee()) == "move")
    return CE->getArg(0);
  return nullptr;
}

/// The object whose pointer `p.get()` or `o.has_value()` yields or tests.
const Expr *throughAccessor(const Expr *E) {
  E = stripValue(E);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *MD = MC->getMethodDecl())
      if (MD->getIdentifier() &&
          (MD->getName() == "get" || MD->getName() == "has_value"))
        return MC->getImplicitObjectArgument();
  return E;
}

/// The class whose members `this` reaches in FD (through lambdas).
const CXXRecordDecl *enclosingClass(const FunctionDecl *FD) {
  const DeclContext *DC = FD;
  while (DC) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(DC)) {
      if (MD->getParent()->isLambda()) {
        DC = MD->getParent()->getParent();
        continue;
      }
      return MD->isStatic() ? nullptr : MD->getParent();
    }
    if (!isa<FunctionDecl>(DC))
      return nullptr;
    DC = DC->getParent();
  }
  return nullptr;
}

class NullClient {
public:
  using State = NullState;

  NullClient(const FunctionDecl *FD, ASTContext &Ctx,
             const ContainerModel &Model, NullFacts &Facts)
      : FD(FD), Ctx(Ctx), Model(Model), Facts(Facts), Conditions(Ctx) {}

  State initial() {
    State St;
    for (const FieldDecl *F : Facts.neverSetFields(enclosingClass(FD))) {
      NullFact Fact;
      Fact.Key = AccessPath::thisObject().withField(F);
      Fact.Reason = NullReason::NeverSet;
      Fact.OriginDecl = F;
      St.Facts.set(Fact);
    }
    return St;
  }

  void join(State &Into, const State &From) {
    Into.Facts.unite(From.Facts);
    Into.Keys.intersect(From.Keys);
  }

  void transfer(const Stmt *S, State &St, bool Report) {
    const auto *E = dyn_cast<Expr>(S);
    if (E) {
      std::optional<ContainerCall> C = asContainerCall(E, Model);
      if (C && C->Call == E && C->Name == "operator[]")
        KeyKnownBefore[E] = St.Keys.has(C->Container, keyArgument(*C), Ctx);
    }
    St.Keys.update(S, Model, Ctx);
    forgetChanged(St.Facts, Conditions, S);
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          declare(VD, S, St);
      return;
    }
    if (!E)
      return;
    if (const Expr *Ptr = dereferenced(E)) {
      dereference(E, Ptr, St, Report);
      return;
    }
    if (assignment(E, St) || construction(E, St) || memberCall(E, St))
      return;
    escape(E, St);
  }

  void branch(const Expr *Cond, bool Taken, State &St) {
    St.Keys.branch(Cond, Taken, Model, Ctx);
    branchOnNull(Cond, Taken, St);
    if (std::optional<GuardLiteral> L = Conditions.literal(Cond, Taken))
      assumeOnBranch(St.Facts, *L);
  }

  std::vector<NullReport> takeReports() { return Reports.take(); }

private:
  /// On the branch where a tracked pointer tested non-null, it is not null.
  void branchOnNull(const Expr *Cond, bool Taken, State &St) {
    Cond = stripCondition(Cond);
    if (!Cond)
      return;
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
      if (UO->getOpcode() == UO_LNot)
        return branchOnNull(UO->getSubExpr(), !Taken, St);
    if (std::optional<Comparison> Cmp = asComparison(Cond)) {
      if (Cmp->Op != BO_EQ && Cmp->Op != BO_NE)
        return;
      const Expr *Tested = isNullValue(Cmp->RHS, Ctx)   ? Cmp->LHS
                           : isNullValue(Cmp->LHS, Ctx) ? Cmp->RHS
                                                        : nullptr;
      if (Tested && (Cmp->Op == BO_NE) == Taken)
        St.Facts.erase(trackedPath(throughAccessor(Tested)));
      return;
    }
    if (Taken)
      St.Facts.erase(trackedPath(throughAccessor(Cond)));
  }

  /// The identity of a pointer the analysis follows: a local, a parameter,
  /// or a member of the enclosing object, holding a container.
  AccessPath trackedPath(const Expr *E) {
    E = stripValue(E);
    if (!E || !Model.classifyPointee(E->getType()))
      return AccessPath();
    AccessPath P = AccessPath::of(E);
    if (!P.isValid()) {
      // A local reference to a map entry: `auto &inner = outer[k];`.
      const VarDecl *VD = referencedVar(E);
      if (VD && VD->hasLocalStorage() && VD->getType()->isReferenceType())
        return AccessPath::variable(VD);
      return AccessPath();
    }
    if (goesThroughPointer(P))
      return AccessPath();
    if (P.rootKind() == AccessPath::RootKind::This)
      return P;
    if (P.rootVar() && P.rootVar()->hasLocalStorage())
      return P;
    return AccessPath();
  }

  NullFact make(NullReason R, const Stmt *Origin) {
    NullFact F;
    F.Reason = R;
    F.Origin = Origin;
    return F;
  }

  /// What storing Value says: a fact when it may be null.
  std::optional<NullFact> valueFact(const Expr *Value, const Stmt *S,
                                    NullReason IfNull) {
    const Expr *V = stripValue(Value);
    if (!V)
      return std::nullopt;
    if (isNullValue(V, Ctx))
      return make(IfNull, S);
    if (const auto *CO = dyn_cast<ConditionalOperator>(V))
      if (isNullValue(CO->getTrueExpr(), Ctx) ||
          isNullValue(CO->getFalseExpr(), Ctx))
        return make(NullReason::InitNull, S);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(V))
      if (const CXXMethodDecl *MD = MC->getMethodDecl())
        if (MD->getIdentifier() && MD->getName() == "lock" &&
            stdRecordName(MC->getObjectType()) == "weak_ptr")
          return make(NullReason::WeakLock, S);
    if (std::optional<ContainerCall> C = asContainerCall(V, Model)) {
      if (C->Name == "operator[]" && C->Info.SubscriptInserts &&
          !KeyKnownBefore.lookup(C->Call))
        return make(NullReason::DefaultInserted, S);
      return std::nullopt;
    }
    if (const auto *CE = dyn_cast<CallExpr>(V))
      if (const Stmt *Return = Facts.nullReturn(CE->getDirectCallee())) {
        NullFact F = make(NullReason::NullReturn, S);
        F.Callee = CE->getDirectCallee();
        F.CalleeReturn = Return;
        return F;
      }
    return std::nullopt;
  }

  void setFact(const AccessPath &P, std::optional<NullFact> F, State &St) {
    St.Facts.erase(P);
    if (P.isValid() && F) {
      F->Key = P;
      St.Facts.set(*F);
    }
  }

  void declare(const VarDecl *VD, const Stmt *S, State &St) {
    if (!VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
      return;
    QualType T = VD->getType();
    if (!Model.classifyPointee(T))
      return;
    AccessPath P = AccessPath::variable(VD);
    if (T->isReferenceType()) {
      // Only a reference to a default-inserted entry is a new pointer.
      std::optional<NullFact> F =
          valueFact(VD->getInit(), S, NullReason::InitNull);
      if (F && F->Reason == NullReason::DefaultInserted)
        setFact(P, F, St);
      return;
    }
    if (!VD->getInit()) {
      setFact(P,
              T->isPointerType()
                  ? std::optional(make(NullReason::Uninitialized, S))
                  : std::nullopt,
              St);
      return;
    }
    setFact(P, valueFact(VD->getInit(), S, NullReason::InitNull), St);
  }

  bool assignment(const Expr *E, State &St) {
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() != BO_Assign)
        return false;
      LHS = BO->getLHS();
      RHS = BO->getRHS();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getOperator() != OO_Equal || OC->getNumArgs() != 2)
        return false;
      LHS = OC->getArg(0);
      RHS = OC->getArg(1);
    } else {
      return false;
    }
    AccessPath P = trackedPath(LHS);
    if (!P.isValid())
      return false;
    setFact(P, valueFact(RHS, E, NullReason::Reset), St);
    if (const Expr *From = movedFrom(RHS))
      moved(From, E, St);
    return true;
  }

  /// A unique_ptr or shared_ptr moved into a new object is left null.
  void moved(const Expr *From, const Stmt *S, State &St) {
    StringRef Name = stdRecordName(From->getType());
    if (Name != "unique_ptr" && Name != "shared_ptr")
      return;
    AccessPath P = trackedPath(From);
    if (P.isValid())
      setFact(P, make(NullReason::Moved, S), St);
  }

  bool construction(const Expr *E, State &St) {
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || CE->getNumArgs() == 0 || !CE->getConstructor())
      return false;
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor->getNumParams() >= 1 &&
        Ctor->getParamDecl(0)->getType()->isRValueReferenceType())
      if (const Expr *From = movedFrom(CE->getArg(0))) {
        moved(From, E, St);
        return true;
      }
    return false;
  }

  /// reset(), release(), emplace(), swap() on a tracked pointer.
  bool memberCall(const Expr *E, State &St) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
    if (!MC)
      return false;
    const CXXMethodDecl *MD = MC->getMethodDecl();
    AccessPath P = trackedPath(MC->getImplicitObjectArgument());
    if (!MD || !MD->getIdentifier() || !P.isValid())
      return false;
    StringRef Name = MD->getName();
    if (Name == "reset") {
      bool ToNull = MC->getNumArgs() == 0 || isNullValue(MC->getArg(0), Ctx);
      setFact(P, ToNull ? std::optional(make(NullReason::Reset, E))
                        : std::nullopt,
              St);
      return true;
    }
    if (Name == "release") {
      setFact(P, make(NullReason::Released, E), St);
      return true;
    }
    if (Name == "emplace" || Name == "swap") {
      St.Facts.erase(P);
      for (const Expr *Arg : MC->arguments())
        St.Facts.erase(trackedPath(Arg));
      return true;
    }
    return false;
  }

  /// The pointer `*p`, `p->`, `(*p)[k]` dereferences.
  static const Expr *dereferenced(const Expr *E) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      return UO->getOpcode() == UO_Deref ? UO->getSubExpr() : nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->isArrow() && !isa<CXXThisExpr>(ME->getBase()->IgnoreImpCasts())
                 ? ME->getBase()
                 : nullptr;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
      if ((OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow) &&
          OC->getNumArgs() == 1)
        return OC->getArg(0);
    return nullptr;
  }

  void dereference(const Expr *E, const Expr *Ptr, State &St, bool Report) {
    const Expr *Operand = throughAccessor(Ptr);
    // `(*outer[k])[k2]`: operator[] just inserted a null pointer for a
    // missing key.
    if (std::optional<ContainerCall> C = asContainerCall(Operand, Model)) {
      if (Report && C->Name == "operator[]" && C->Info.SubscriptInserts &&
          Model.classifyPointee(C->Call->getType()) &&
          !KeyKnownBefore.lookup(C->Call)) {
        NullFact F = make(NullReason::DefaultInserted, C->Call);
        record(E, F, sourceText(C->Call, Ctx), C->Call->getType());
      }
      return;
    }
    AccessPath P = trackedPath(Operand);
    const NullFact *F = P.isValid() ? St.Facts.find(P) : nullptr;
    if (!F)
      return;
    if (Report)
      record(E, *F, P.describe(), stripValue(Operand)->getType());
    // Reported once: later uses on this path would repeat the finding.
    St.Facts.erase(P);
  }

  /// A pointer whose address is taken, bound to a non-const reference or
  /// captured by reference may be set out of sight; so may the members
  /// when a member function runs or `this` escapes. Members nothing sets
  /// stay null.
  void escape(const Expr *E, State &St) {
    if (St.Facts.empty())
      return;
    auto DropMembers = [&] {
      St.Facts.eraseIf([](const NullFact &F) {
        return F.Key.rootKind() == AccessPath::RootKind::This &&
               F.Reason != NullReason::NeverSet;
      });
    };
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf)
        St.Facts.erase(trackedPath(UO->getSubExpr()));
      return;
    }
    if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
      for (const LambdaCapture &C : LE->captures()) {
        if (C.capturesThis())
          DropMembers();
        else if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
          if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
            St.Facts.erase(AccessPath::variable(VD));
      }
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (isa<CXXThisExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
          MC->getMethodDecl() && !MC->getMethodDecl()->isConst())
        DropMembers();
    forEachMutableArg(E, [&](const Expr *Arg) {
      St.Facts.erase(trackedPath(Arg));
    });
    if (const auto *Call = dyn_cast<CallExpr>(E))
      for (const Expr *Arg : Call->arguments())
        if (isa<CXXThisExpr>(stripValue(Arg)->IgnoreParenImpCasts()) ||
            (isa<UnaryOperator>(stripValue(Arg)) &&
             isa<CXXThisExpr>(cast<UnaryOperator>(stripValue(Arg))
                                  ->getSubExpr()
                                  ->IgnoreParenImpCasts())))
          DropMembers();
  }

  void record(const Expr *Deref, const NullFact &F, std::string Name,
              QualType PointerType) {
    const void *Id = F.Origin ? static_cast<const void *>(F.Origin)
                              : static_cast<const void *>(F.OriginDecl);
    NullReport *Slot = Reports.claim(Id, Deref);
    if (!Slot)
      return;
    NullReport &R = *Slot;
    R.Reason = F.Reason;
    R.Name = std::move(Name);
    R.IsOptional = stdRecordName(PointerType) == "optional";
    R.IsRawPointer = PointerType->isPointerType();
    R.Origin = F.Origin;
    R.OriginDecl = F.OriginDecl;
    R.Callee = F.Callee;
    R.CalleeReturn = F.CalleeReturn;
  }

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const ContainerModel &Model;
  NullFacts &Facts;
  /// For each map operator[] call: whether its key was known present.
  llvm::DenseMap<const Expr *, bool> KeyKnownBefore;
  ConditionTable Conditions;
  FirstReports<NullReport> Reports;
};

} // namespace

std::vector<NullReport> findNullDereferences(const FunctionDecl *FD,
                                             ASTContext &Ctx,
                                             const ContainerModel &Model,
                                             NullFacts &Facts,
                                             FlowLimits Limits) {
  if (!FD || !FD->getBody())
    return {};
  NullClient Client(FD, Ctx, Model, Facts);
  if (!runFlowAnalysis(FD, FD->getBody(), Ctx, Client, Limits))
    return {};
  return Client.takeReports();
}

} // namespace mapsafety
