//===--- MutationSummary.cpp - Which containers a function modifies ------===//

#include "lib/MutationSummary.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace mapsafety {

const Expr *stripTemporaries(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
             CE && CE->getNumArgs() == 1 && !isa<CXXTemporaryObjectExpr>(CE))
      E = CE->getArg(0);
    else
      return E;
  }
  return E;
}

namespace {

const LambdaExpr *asLambda(const Expr *E) {
  return dyn_cast_or_null<LambdaExpr>(stripTemporaries(E));
}

/// The lambda a callable expression names: a lambda expression, or a local
/// variable initialised with one.
const LambdaExpr *calledLambda(const Expr *Callee) {
  if (const LambdaExpr *LE = asLambda(Callee))
    return LE;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(stripTemporaries(Callee)))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasLocalStorage() && VD->hasInit())
        return asLambda(VD->getInit());
  return nullptr;
}

/// Standard algorithms run the callables they are given before returning;
/// threads and asynchronous tasks do not.
bool runsCallablesInPlace(const FunctionDecl *FD) {
  if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier())
    return false;
  StringRef Name = FD->getName();
  return Name != "async" && Name != "bind" && Name != "function" &&
         Name != "thread" && Name != "jthread" && Name != "move" &&
         Name != "forward" && Name != "ref" && Name != "cref";
}

/// The object, arrow-ness and operation name of a call that may be a
/// container member call; false when the call is not a member call.
struct MemberCallShape {
  const Expr *Object = nullptr;
  bool Arrow = false;
  std::string Name;
  bool IsConst = false;
  unsigned FirstArg = 0; // Index of the first non-object argument.
};

bool memberCallShape(const CallExpr *CE, MemberCallShape &S) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
    if (!MD || !ME)
      return false;
    S.Object = MC->getImplicitObjectArgument();
    S.Arrow = ME->isArrow();
    S.Name = MD->getNameAsString();
    S.IsConst = MD->isConst();
    return true;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getCalleeDecl());
    if (!MD || OC->getNumArgs() == 0)
      return false;
    S.Object = OC->getArg(0);
    S.Name = MD->getNameAsString();
    S.IsConst = MD->isConst();
    S.FirstArg = 1;
    return true;
  }
  // Inside templates: `m.erase(k)` on a dependent container type.
  const Expr *Callee = CE->getCallee()->IgnoreParens();
  if (const auto *DM = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    if (DM->isImplicitAccess())
      return false;
    S.Object = DM->getBase();
    S.Arrow = DM->isArrow();
    S.Name = DM->getMember().getAsString();
    return true;
  }
  if (const auto *UM = dyn_cast<UnresolvedMemberExpr>(Callee)) {
    if (UM->isImplicitAccess())
      return false;
    S.Object = UM->getBase();
    S.Arrow = UM->isArrow();
    S.Name = UM->getMemberName().getAsString();
    return true;
  }
  return false;
}

} // namespace

/// Walks a statement and records the container modifications it makes.
class MutationCollector : public RecursiveASTVisitor<MutationCollector> {
public:
  MutationCollector(MutationSummaries &Owner, std::vector<Mutation> &Out)
      : Owner(Owner), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return false; }

  // Lambda bodies run when the lambda is called, not where it is written:
  // they are entered only from the call that runs them in place.
  bool TraverseLambdaExpr(LambdaExpr *LE, DataRecursionQueue * = nullptr) {
    for (Expr *Init : LE->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  // Local classes' member functions run whenever they are called.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  // What runs on some paths only: branches, loop bodies, the arms of `?:`
  // and the right operand of `&&` / `||`; and whatever follows a return.
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr) {
    TraverseStmt(S->getInit());
    TraverseStmt(S->getConditionVariableDeclStmt());
    TraverseStmt(S->getCond());
    Branched B(*this);
    TraverseStmt(S->getThen());
    TraverseStmt(S->getElse());
    return true;
  }
  bool TraverseConditionalOperator(ConditionalOperator *E,
                                   DataRecursionQueue * = nullptr) {
    TraverseStmt(E->getCond());
    Branched B(*this);
    TraverseStmt(E->getTrueExpr());
    TraverseStmt(E->getFalseExpr());
    return true;
  }
  bool TraverseBinaryOperator(BinaryOperator *E,
                              DataRecursionQueue *Q = nullptr) {
    if (!E->isLogicalOp())
      return Base::TraverseBinaryOperator(E, Q);
    TraverseStmt(E->getLHS());
    Branched B(*this);
    TraverseStmt(E->getRHS());
    return true;
  }
#define MAPSAFETY_BRANCHED(CLASS)                                              \
  bool Traverse##CLASS(CLASS *S, DataRecursionQueue *Q = nullptr) {            \
    Branched B(*this);                                                         \
    return Base::Traverse##CLASS(S, nullptr);                                  \
  }
  MAPSAFETY_BRANCHED(ForStmt)
  MAPSAFETY_BRANCHED(CXXForRangeStmt)
  MAPSAFETY_BRANCHED(WhileStmt)
  MAPSAFETY_BRANCHED(DoStmt)
  MAPSAFETY_BRANCHED(SwitchStmt)
#undef MAPSAFETY_BRANCHED
  bool TraverseReturnStmt(ReturnStmt *S, DataRecursionQueue *Q = nullptr) {
    Base::TraverseReturnStmt(S, Q);
    SeenReturn = true;
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (Out.size() >= 4 * MutationSummaries::MaxEntriesPerFunction)
      return true;
    const Expr *SavedTrigger = Trigger;
    if (!Trigger)
      Trigger = CE;
    handleCall(CE);
    enterLambdas(CE);
    Trigger = SavedTrigger;
    return true;
  }

private:
  using Base = RecursiveASTVisitor<MutationCollector>;

  struct Branched {
    MutationCollector &C;
    explicit Branched(MutationCollector &C) : C(C) { ++C.Branches; }
    ~Branched() { --C.Branches; }
  };

  void record(Mutation M) {
    // Only a summary's own paths matter: in a statement a caller analyses,
    // its branches are the caller's business.
    if (Function && (Branches > 0 || SeenReturn))
      M.Conditional = true;
    if (M.LeafContainer.empty())
      M.LeafContainer = M.Container.describe();
    if (!M.Trigger)
      M.Trigger = Trigger;
    Out.push_back(std::move(M));
  }

  static KeyOrigin keyOf(const CallExpr *CE, unsigned Index) {
    KeyOrigin K;
    if (Index < CE->getNumArgs()) {
      K.K = KeyOrigin::Kind::Expr;
      K.Arg = CE->getArg(Index);
    }
    return K;
  }

  bool handleContainerCall(const CallExpr *CE) {
    MemberCallShape S;
    if (!memberCallShape(CE, S) || !S.Object)
      return false;
    QualType ObjType = S.Object->getType();
    if (S.Arrow)
      ObjType = ObjType->getPointeeType();
    std::optional<ContainerInfo> Info = Owner.Model.classify(ObjType);
    if (!Info)
      return false;
    OpEffect Effect = ContainerModel::effectOf(*Info, S.Name, S.IsConst);
    if (Effect.isStructuralWrite()) {
      Mutation M;
      M.Container = S.Arrow ? AccessPath::pointeeOf(S.Object)
                            : AccessPath::of(S.Object);
      M.Info = *Info;
      M.Effect = Effect;
      M.Op = S.Name;
      M.Key = keyOf(CE, S.FirstArg);
      M.Leaf = CE;
      M.LeafFunction = Function;
      record(std::move(M));
    }
    return true;
  }

  bool handleFreeFunction(const CallExpr *CE, const FunctionDecl *FD) {
    if (CE->getNumArgs() == 0 || !FD->isInStdNamespace())
      return false;
    std::string Name = FD->getQualifiedNameAsString();
    bool Handled = false;
    unsigned NumContainerArgs = FD->getName() == "swap" ? 2 : 1;
    for (unsigned I = 0; I < NumContainerArgs && I < CE->getNumArgs(); ++I) {
      const Expr *Arg = CE->getArg(I);
      std::optional<ContainerInfo> Info = Owner.Model.classify(Arg->getType());
      if (!Info)
        continue;
      std::optional<OpEffect> Effect =
          ContainerModel::effectOfFreeFunction(*Info, Name);
      if (!Effect)
        continue;
      Mutation M;
      M.Container = AccessPath::of(Arg);
      M.Info = *Info;
      M.Effect = *Effect;
      M.Op = FD->getName().str();
      M.Leaf = CE;
      M.LeafFunction = Function;
      record(std::move(M));
      Handled = true;
    }
    return Handled;
  }

  /// The path a callee's parameter stands for at this call.
  static AccessPath argumentBase(const ParmVarDecl *PVD, const Expr *Arg) {
    QualType T = PVD->getType();
    if (T->isReferenceType())
      return AccessPath::of(Arg);
    if (T->isPointerType())
      return AccessPath::pointeeOf(Arg).withAddrOf();
    return AccessPath(); // A by-value parameter is the callee's own copy.
  }

  void handleCallee(const CallExpr *CE, const FunctionDecl *FD) {
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !Def->hasBody())
      return;
    const SourceManager &SM = Def->getASTContext().getSourceManager();
    if (SM.isInSystemHeader(Def->getLocation()))
      return;
    llvm::ArrayRef<Mutation> Callee = Owner.of(Def);
    if (Callee.empty())
      return;

    AccessPath ThisBase;
    unsigned ArgShift = 0;
    MemberCallShape S;
    if (memberCallShape(CE, S) && S.Object) {
      ThisBase = S.Arrow ? AccessPath::pointeeOf(S.Object)
                         : AccessPath::of(S.Object);
      ArgShift = S.FirstArg;
    } else if (isa<CXXMethodDecl>(Def) &&
               !cast<CXXMethodDecl>(Def)->isStatic()) {
      ThisBase = AccessPath::thisObject();
    }

    for (const Mutation &CM : Callee) {
      Mutation M = CM;
      M.Via = Def;
      M.Trigger = nullptr;
      switch (CM.Container.rootKind()) {
      case AccessPath::RootKind::This:
        M.Container = CM.Container.rebasedOn(ThisBase);
        break;
      case AccessPath::RootKind::Var: {
        const auto *PVD = dyn_cast<ParmVarDecl>(CM.Container.rootVar());
        if (!PVD) {
          break; // A global: the same object everywhere.
        }
        unsigned Index = PVD->getFunctionScopeIndex() + ArgShift;
        if (Index >= CE->getNumArgs()) {
          M.Container = AccessPath();
          break;
        }
        M.Container =
            CM.Container.rebasedOn(argumentBase(PVD, CE->getArg(Index)));
        break;
      }
      case AccessPath::RootKind::None:
        break;
      }
      if (!M.Container.isValid())
        continue;
      if (CM.Key.K == KeyOrigin::Kind::Param) {
        M.Key = keyOf(CE, CM.Key.ParamIndex + ArgShift);
      } else {
        M.Key = KeyOrigin();
      }
      record(std::move(M));
    }
  }

  void handleCall(const CallExpr *CE) {
    if (handleContainerCall(CE))
      return;
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return;
    if (handleFreeFunction(CE, FD))
      return;
    // A lambda called by name runs in place (enterLambdas), where what it
    // captures by reference is visible.
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE))
      if (OC->getOperator() == OO_Call && OC->getNumArgs() > 0 &&
          calledLambda(OC->getArg(0)))
        return;
    handleCallee(CE, FD);
  }

  /// Runs a lambda's body in place. When Call passes it arguments, keys
  /// that are the lambda's parameters become those arguments.
  void traverseLambdaBody(const LambdaExpr *LE, const CallExpr *Call,
                          unsigned ArgShift) {
    if (!LE || !EnteredLambdas.insert(LE).second)
      return;
    size_t First = Out.size();
    bool SavedReturn = SeenReturn;
    TraverseStmt(LE->getBody());
    SeenReturn = SavedReturn; // The lambda's returns leave the lambda only.
    if (!Call)
      return;
    const CXXMethodDecl *Op = LE->getCallOperator();
    for (size_t I = First; I < Out.size(); ++I) {
      KeyOrigin &K = Out[I].Key;
      if (K.K != KeyOrigin::Kind::Expr)
        continue;
      const auto *DRE = dyn_cast<DeclRefExpr>(stripTemporaries(K.Arg));
      const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
      if (!PVD || PVD->getDeclContext() != Op)
        continue;
      unsigned Index = PVD->getFunctionScopeIndex() + ArgShift;
      K.Arg = Index < Call->getNumArgs() ? Call->getArg(Index) : nullptr;
      if (!K.Arg)
        K.K = KeyOrigin::Kind::None;
    }
  }

  void enterLambdas(const CallExpr *CE) {
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
      if (OC->getOperator() == OO_Call && OC->getNumArgs() > 0)
        traverseLambdaBody(calledLambda(OC->getArg(0)), OC, /*ArgShift=*/1);
      return;
    }
    if (runsCallablesInPlace(CE->getDirectCallee()))
      for (const Expr *Arg : CE->arguments())
        traverseLambdaBody(asLambda(Arg), nullptr, 0);
  }

  MutationSummaries &Owner;
  std::vector<Mutation> &Out;
  const Expr *Trigger = nullptr;
  llvm::SmallPtrSet<const LambdaExpr *, 4> EnteredLambdas;
  unsigned Branches = 0;
  bool SeenReturn = false;

public:
  const FunctionDecl *Function = nullptr;
};

llvm::ArrayRef<Mutation> MutationSummaries::of(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = Cache.find(FD);
  if (It != Cache.end())
    return It->second;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->hasBody() || !InProgress.insert(FD).second)
    return {};

  std::vector<Mutation> All;
  MutationCollector Collector(*this, All);
  Collector.Function = Def;
  Collector.TraverseStmt(Def->getBody());

  std::vector<Mutation> Visible;
  for (Mutation &M : All) {
    if (!M.Container.isVisibleToCallers())
      continue;
    if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(M.Container.rootVar()))
      if (PVD->getDeclContext() != Def)
        continue; // A parameter of a lambda inside Def.
    // Keys the callers can see are Def's parameters; others are unknown.
    KeyOrigin Key;
    if (M.Key.K == KeyOrigin::Kind::Expr)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripTemporaries(M.Key.Arg)))
        if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl()))
          if (PVD->getDeclContext() == Def) {
            Key.K = KeyOrigin::Kind::Param;
            Key.ParamIndex = PVD->getFunctionScopeIndex();
          }
    M.Key = Key;
    M.Trigger = nullptr;
    Visible.push_back(std::move(M));
    if (Visible.size() >= MaxEntriesPerFunction)
      break;
  }
  InProgress.erase(FD);
  return Cache[FD] = std::move(Visible);
}

void MutationSummaries::collect(const Stmt *S, std::vector<Mutation> &Out) {
  MutationCollector Collector(*this, Out);
  Collector.TraverseStmt(const_cast<Stmt *>(S));
}

} // namespace mapsafety
