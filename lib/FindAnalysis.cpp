//===--- FindAnalysis.cpp - Search results dereferenced unchecked --------===//

#include "lib/FindAnalysis.h"
#include "lib/ContainerCall.h"
#include "lib/ExprShapes.h"
#include "lib/FirstReports.h"
#include "lib/KnownKeys.h"
#include "lib/PathFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace mapsafety {

namespace {

/// An iterator variable that may still equal its container's end().
struct IterFact {
  AccessPath Key;
  const Stmt *Origin = nullptr; ///< The search call.
  AccessPath Container;
  const Expr *WrongEnd = nullptr;    ///< The comparison.
  const Expr *WrongObject = nullptr; ///< Its end() operand.
  Guard Conditions;
  bool operator==(const IterFact &O) const {
    return Key == O.Key && Origin == O.Origin && WrongEnd == O.WrongEnd &&
           Conditions == O.Conditions;
  }
  void absorb(const IterFact &O) {
    if (!WrongEnd) {
      WrongEnd = O.WrongEnd;
      WrongObject = O.WrongObject;
    }
  }
};

struct FindState {
  PathFacts<IterFact> Iters;
  KnownKeys Keys;
  bool operator==(const FindState &O) const {
    return Iters == O.Iters && Keys == O.Keys;
  }
};

/// Two containers are known to differ only when both are named without
/// going through a pointer, which could alias anything.
bool knownDifferent(const AccessPath &A, const AccessPath &B) {
  return A.isValid() && B.isValid() && !goesThroughPointer(A) &&
         !goesThroughPointer(B) && A != B;
}

/// The `first` member of a std::pair type.
const FieldDecl *pairMember(QualType T, StringRef Name) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || RD->getName() != "pair")
    return nullptr;
  for (const FieldDecl *FD : RD->fields())
    if (FD->getName() == Name)
      return FD;
  return nullptr;
}

/// The path of a tracked iterator: a local variable, or `.first` of a
/// local pair.
AccessPath iteratorPath(const Expr *E) {
  AccessPath P = AccessPath::of(stripValue(E));
  if (P.rootKind() != AccessPath::RootKind::Var || !P.rootVar() ||
      !P.rootVar()->hasLocalStorage() || P.steps().size() > 1 ||
      goesThroughPointer(P))
    return AccessPath();
  return P;
}

class FindClient {
public:
  using State = FindState;

  FindClient(ASTContext &Ctx, const ContainerModel &Model)
      : Ctx(Ctx), Model(Model), Conditions(Ctx) {}

  State initial() { return State(); }

  void join(State &Into, const State &From) {
    Into.Iters.unite(From.Iters);
    Into.Keys.intersect(From.Keys);
  }

  void transfer(const Stmt *S, State &St, bool Report) {
    St.Keys.update(S, Model, Ctx);
    forgetChanged(St.Iters, Conditions, S);
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (!VD->getType()->isReferenceType())
            assign(AccessPath::variable(VD), VD->getType(), VD->getInit(), St);
      return;
    }
    if (const Expr *Target = plainAssignmentTarget(S)) {
      AccessPath P = iteratorPath(Target);
      if (P.isValid())
        assign(P, Target->getType(), assignedValue(S), St);
      return;
    }
    if (const Expr *It = dereferencedIterator(S)) {
      dereference(S, It, St, Report);
      return;
    }
    escape(S, St);
  }

  void branch(const Expr *Cond, bool Taken, State &St) {
    St.Keys.branch(Cond, Taken, Model, Ctx);
    std::optional<Comparison> Cmp = asComparison(stripCondition(Cond));
    if (!Cmp) {
      if (const auto *UO = dyn_cast<UnaryOperator>(stripCondition(Cond)))
        if (UO->getOpcode() == UO_LNot)
          branchOnComparison(UO->getSubExpr(), !Taken, St);
    } else {
      branchOnComparison(Cond, Taken, St);
    }
    if (std::optional<GuardLiteral> L = Conditions.literal(Cond, Taken))
      assumeOnBranch(St.Iters, *L);
  }

  std::vector<FindReport> takeReports() { return Reports.take(); }

private:
  void branchOnComparison(const Expr *Cond, bool Taken, State &St) {
    std::optional<Comparison> Cmp = asComparison(stripCondition(Cond));
    if (!Cmp || (Cmp->Op != BO_EQ && Cmp->Op != BO_NE))
      return;
    for (int Swap = 0; Swap < 2; ++Swap) {
      const Expr *A = Swap ? Cmp->RHS : Cmp->LHS;
      const Expr *B = Swap ? Cmp->LHS : Cmp->RHS;
      AccessPath P = iteratorPath(A);
      IterFact *F = P.isValid() ? St.Iters.find(P) : nullptr;
      if (!F)
        continue;
      // Another end() of a container known to differ is no check. Any
      // other bound (`r.second`, `m.upper_bound(k)`, a saved end) is: a
      // range [it, bound) ends at or before end().
      std::optional<ContainerCall> End = asEndOf(B, Model);
      if (End && knownDifferent(End->Container, F->Container)) {
        F->WrongEnd = Cond;
        F->WrongObject = B;
        return;
      }
      // On the branch where the iterator is not the bound, it is checked.
      if ((Cmp->Op == BO_NE) == Taken)
        St.Iters.erase(P);
      return;
    }
  }

  static const Expr *plainAssignmentTarget(const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->getOpcode() == BO_Assign ? BO->getLHS() : nullptr;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      return OC->getOperator() == OO_Equal && OC->getNumArgs() == 2
                 ? OC->getArg(0)
                 : nullptr;
    return nullptr;
  }
  static const Expr *assignedValue(const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->getRHS();
    return cast<CXXOperatorCallExpr>(S)->getArg(1);
  }

  /// A search whose key is known to be present cannot return end().
  bool keyKnownPresent(const ContainerCall &C, const State &St) {
    return (C.Name == "find" || C.Name == "lower_bound") &&
           St.Keys.hasIn(C.Container, C.Object, keyArgument(C), Ctx);
  }

  /// Starts tracking P when Value is a search result, stops otherwise.
  void assign(const AccessPath &P, QualType T, const Expr *Value, State &St) {
    St.Iters.erase(P);
    if (const FieldDecl *First = pairMember(T, "first"))
      St.Iters.erase(P.withField(First));
    std::optional<ContainerCall> C = asContainerCall(Value, Model);
    if (!C)
      return;
    AccessPath Key = P;
    if (C->Name == "equal_range") {
      const FieldDecl *First = pairMember(T, "first");
      if (!First || St.Keys.has(C->Container, keyArgument(*C), Ctx))
        return;
      Key = P.withField(First);
    } else if (!isSearchCall(*C) || keyKnownPresent(*C, St)) {
      return;
    }
    IterFact F;
    F.Key = Key;
    F.Origin = C->Call;
    F.Container = C->Container;
    St.Iters.set(F);
  }

  /// The iterator operand of `*it` or `it->`.
  static const Expr *dereferencedIterator(const Stmt *S) {
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      if ((OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow) &&
          OC->getNumArgs() == 1)
        return OC->getArg(0);
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      if (UO->getOpcode() == UO_Deref)
        return UO->getSubExpr();
    return nullptr;
  }

  void dereference(const Stmt *S, const Expr *It, State &St, bool Report) {
    const Expr *Direct = stripValue(It);
    // `c.equal_range(k).first->…`
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(Direct))
      if (ME->getMemberDecl()->getName() == "first")
        if (std::optional<ContainerCall> C =
                asContainerCall(ME->getBase(), Model))
          if (C->Name == "equal_range") {
            if (Report && !St.Keys.has(C->Container, keyArgument(*C), Ctx))
              record(S, *C, "", nullptr);
            return;
          }
    if (std::optional<ContainerCall> C = asContainerCall(Direct, Model)) {
      if (Report && isSearchCall(*C) && !keyKnownPresent(*C, St))
        record(S, *C, "", nullptr);
      return;
    }
    AccessPath P = iteratorPath(It);
    const IterFact *F = P.isValid() ? St.Iters.find(P) : nullptr;
    if (!F)
      return;
    if (Report)
      if (std::optional<ContainerCall> C =
              asContainerCall(cast<Expr>(F->Origin), Model))
        record(S, *C, P.describe(), F);
    // Reported once: later uses on this path would repeat the same finding.
    St.Iters.erase(P);
  }

  /// An iterator whose address is taken or that is bound to a non-const
  /// reference may be changed out of sight: stop tracking it.
  void escape(const Stmt *S, State &St) {
    if (St.Iters.empty())
      return;
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->getOpcode() == UO_AddrOf)
        St.Iters.erase(iteratorPath(UO->getSubExpr()));
      return;
    }
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
          if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
            St.Iters.eraseIf([&](const IterFact &F) {
              return F.Key.rootVar() == VD->getCanonicalDecl();
            });
      return;
    }
    if (const auto *E = dyn_cast<Expr>(S))
      forEachMutableArg(E, [&](const Expr *Arg) {
        St.Iters.erase(iteratorPath(Arg));
      });
  }

  std::string describe(const AccessPath &P, const Expr *Object) {
    return P.isValid() ? P.describe() : sourceText(Object, Ctx);
  }

  void record(const Stmt *Deref, const ContainerCall &C, std::string Iterator,
              const IterFact *F) {
    FindReport *Slot = Reports.claim(C.Call, cast<Expr>(Deref));
    if (!Slot)
      return;
    FindReport &R = *Slot;
    R.Search = C.Call;
    R.Iterator = std::move(Iterator);
    R.Function = C.Name.str();
    R.Container = describe(C.Container, C.Object);
    R.SuggestAt = C.Name == "find" && C.Info.SubscriptInserts;
    if (F && F->WrongEnd) {
      R.WrongEnd = F->WrongEnd;
      if (std::optional<ContainerCall> End = asEndOf(F->WrongObject, Model))
        R.WrongContainer = describe(End->Container, End->Object);
    } else {
      R.WrongEnd = nullptr;
      R.WrongContainer.clear();
    }
  }

  ASTContext &Ctx;
  const ContainerModel &Model;
  ConditionTable Conditions;
  FirstReports<FindReport> Reports;
};

} // namespace

std::vector<FindReport> findUncheckedSearches(const Decl *D, const Stmt *Body,
                                              ASTContext &Ctx,
                                              const ContainerModel &Model,
                                              FlowLimits Limits) {
  FindClient Client(Ctx, Model);
  if (!runFlowAnalysis(D, Body, Ctx, Client, Limits))
    return {};
  return Client.takeReports();
}

} // namespace mapsafety
