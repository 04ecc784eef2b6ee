//===--- ConcurrencySummary.cpp - Per-function concurrency facts ---------===//

#include "lib/ConcurrencySummary.h"
#include "lib/ContainerRefs.h"
#include "lib/Names.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace mapsafety {

namespace {

// Bounds the accesses collected for one function with its callees, so that
// a call graph with much sharing stays linear in practice.
constexpr size_t MaxReach = 4000;

bool isLambdaOperator(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->getParent() && MD->getParent()->isLambda();
}

/// std::ref(x) / std::cref(x): shares x with the callee.
const Expr *refWrapped(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreTemporaries(E));
  if (!Call || Call->getNumArgs() != 1)
    return nullptr;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier() || !FD->isInStdNamespace() ||
      (FD->getName() != "ref" && FD->getName() != "cref"))
    return nullptr;
  return Call->getArg(0);
}

/// Collects local pointer variables that change after their initialisation
/// (assigned, incremented, address taken): the others are aliases of their
/// initialiser.
void collectReassigned(const Stmt *S, llvm::DenseSet<const VarDecl *> &Out) {
  if (!S)
    return;
  auto Mark = [&](const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(ignoreTemporaries(E)))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Out.insert(VD->getCanonicalDecl());
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Mark(BO->getLHS());
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp())
      Mark(UO->getSubExpr());
  }
  for (const Stmt *Child : S->children())
    collectReassigned(Child, Out);
}

/// The structured walk of one function body.
class Walker {
public:
  Walker(ConcurrencyAnalysis &A, FunctionSummary &S) : A(A), S(S) {}

  void run(const FunctionDecl *FD) {
    S.Fn = FD;
    collectReassigned(FD->getBody(), Reassigned);
    // Locks the function declares it needs (REQUIRES(mu)).
    for (const auto *Attr : FD->specific_attrs<RequiresCapabilityAttr>())
      for (const Expr *Arg : Attr->args())
        Cur.Locks.acquire({LockModel::mutexPath(Arg), Attr->isShared(),
                           nullptr, FD->getLocation()});
    pushScope();
    walkStmt(FD->getBody());
    popScope();
    S.EndPos = Pos++;
  }

private:
  struct State {
    LockSet Locks;
    bool Dead = false;
  };
  struct GuardInfo {
    GuardConstruction Construction;
    SourceLocation Loc;
  };

  ConcurrencyAnalysis &A;
  FunctionSummary &S;
  State Cur;
  unsigned Pos = 1;
  llvm::SmallVector<llvm::SmallVector<const VarDecl *, 2>, 8> Scopes;
  llvm::SmallVector<unsigned, 4> LoopBegins;
  llvm::SmallVector<llvm::SmallVector<size_t, 2>, 4> LoopSpawns;
  llvm::SmallVector<State, 2> SwitchEntries;
  llvm::DenseMap<const VarDecl *, AccessPath> RangeOf;
  llvm::DenseMap<const VarDecl *, GuardInfo> Guards;
  llvm::DenseSet<const VarDecl *> Reassigned;
  AccessPath PendingHandle;
  /// The value of the return statement being walked.
  const Expr *Returned = nullptr;
  ContainerRefs Refs{A.containers(),
                     [this](const Expr *E) { return pathOf(E); }};

  //===--- Paths ---------------------------------------------------------===//

  AccessPath resolve(AccessPath P) const {
    for (int I = 0; I < 4 && P.isValid(); ++I) {
      if (P.rootKind() != AccessPath::RootKind::Var || P.steps().empty() ||
          P.steps()[0].Kind != AccessPath::StepKind::Deref)
        return P;
      const VarDecl *VD = P.rootVar();
      if (!VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
          !VD->getType()->isPointerType() || !VD->getInit() ||
          Reassigned.count(VD))
        return P;
      AccessPath Base = AccessPath::pointeeOf(VD->getInit());
      if (!Base.isValid())
        return P;
      P = P.rebasedOn(Base.withAddrOf());
    }
    return P;
  }
  AccessPath pathOf(const Expr *E) const { return resolve(AccessPath::of(E)); }
  AccessPath pointeeOf(const Expr *E) const {
    return resolve(AccessPath::pointeeOf(E));
  }
  /// The object an expression of object or pointer type designates.
  AccessPath objectOf(const Expr *E) const {
    return E->getType()->isPointerType() ? pointeeOf(E) : pathOf(E);
  }
  /// A thread's handle: the thread variable, or the container of threads
  /// for `ts[i]` and for the loop variable of `for (auto &t : ts)`.
  AccessPath handleOf(const Expr *E) const {
    E = ignoreTemporaries(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      E = ignoreTemporaries(UO->getSubExpr());
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return handleOf(AS->getBase());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript)
      return handleOf(OC->getArg(0));
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = RangeOf.find(VD);
        if (It != RangeOf.end())
          return It->second;
      }
    return objectOf(E);
  }

  //===--- Events --------------------------------------------------------===//

  /// Records an access of the container Obj designates (the container
  /// Obj points to, for Arrow).
  void recordAccess(const Expr *Site, const Expr *Obj, bool Arrow, QualType T,
                    bool Write, bool Subscript) {
    AccessPath Local = Arrow ? AccessPath::pointeeOf(Obj) : AccessPath::of(Obj);
    AccessPath P = resolve(Local);
    if (!P.isValid() || A.options().ThreadSafeTypes.contains(
                            qualifiedTypeName(T)))
      return;
    Access Acc;
    Acc.Path = P;
    Acc.Site = Site;
    Acc.Fn = S.Fn;
    Acc.Name = Local.describe();
    Acc.Write = Write;
    Acc.Subscript = Subscript;
    Acc.Locks = Cur.Locks;
    Acc.Pos = Pos++;
    S.Accesses.push_back(std::move(Acc));
  }

  /// The argument bindings of a call of FD with the given arguments.
  void bindArgs(const FunctionDecl *FD, llvm::ArrayRef<const Expr *> Args,
                bool ThroughThread, CallSite &C) const {
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      const Expr *Arg = I < Args.size() ? Args[I] : nullptr;
      QualType PT = FD->getParamDecl(I)->getType();
      AccessPath P;
      if (Arg && !isa<CXXDefaultArgExpr>(Arg)) {
        if (const Expr *Wrapped = refWrapped(Arg))
          P = PT->isReferenceType() ? pathOf(Wrapped) : AccessPath();
        else if (PT->isPointerType())
          P = pointeeOf(Arg).withAddrOf();
        else if (PT->isReferenceType() && !ThroughThread)
          P = pathOf(Arg);
        // A thread copies every other argument: the parameter is its own.
      }
      C.Args.push_back(P.isValid() ? P : AccessPath());
    }
  }

  /// The call of an analysable function, with its bindings; nullopt when
  /// the callee is not analysed.
  std::optional<CallSite> callSiteOf(const CallExpr *CE) const {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD)
      if (const FunctionDecl *Def = FD->getDefinition())
        FD = Def;
    if (!A.analyzable(FD))
      return std::nullopt;
    CallSite C;
    C.Callee = FD;
    C.Site = CE;
    C.Locks = Cur.Locks;
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      if (const Expr *Obj = MC->getImplicitObjectArgument())
        C.Object = objectOf(Obj);
    } else if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD) &&
               !Args.empty()) {
      C.Object = objectOf(Args.front());
      Args.erase(Args.begin());
    }
    bindArgs(FD, Args, /*ThroughThread=*/false, C);
    return C;
  }

  void recordSpawn(const ThreadStart &Start) {
    const FunctionDecl *Entry = Start.Entry;
    if (const FunctionDecl *Def = Entry->getDefinition())
      Entry = Def;
    if (!A.analyzable(Entry))
      return;
    Spawn Sp;
    Sp.Start = Start;
    Sp.Start.Entry = Entry;
    Sp.Binding.Callee = Entry;
    Sp.Binding.Site = Start.Site;
    if (Start.Object) {
      const Expr *Obj = refWrapped(Start.Object);
      if (Obj)
        Sp.Binding.Object = pathOf(Obj);
      else if (Start.Object->getType()->isPointerType())
        Sp.Binding.Object = pointeeOf(Start.Object);
    }
    bindArgs(Entry, Start.Args, /*ThroughThread=*/true, Sp.Binding);
    bool ContainerHandle =
        Start.HandleExpr && !isa<CXXConstructExpr>(Start.HandleExpr);
    Sp.Handle = ContainerHandle ? handleOf(Start.HandleExpr) : PendingHandle;
    if (!Sp.Handle.isValid() && !Start.Pooled && Start.Site != Returned &&
        !ThreadModel::isThreadType(Start.Site->getType()) &&
        !isa<CXXMemberCallExpr>(Start.Site) && Start.HandleExpr == nullptr) {
      // A discarded std::async future waits in its destructor: the task
      // runs before the statement ends, as a plain call would.
      Sp.Binding.Locks = Cur.Locks;
      Sp.Binding.Pos = Pos++;
      S.Calls.push_back(Sp.Binding);
      return;
    }
    escapeLambda(Escape::Started, Start.Site, Start.Lambda);
    Sp.Pos = Pos++;
    Sp.Binding.Pos = Sp.Pos;
    if (!LoopBegins.empty()) {
      Sp.LoopBegin = LoopBegins.back();
      LoopSpawns.back().push_back(S.Spawns.size());
    }
    S.Spawns.push_back(std::move(Sp));
  }

  void recordJoin(const AccessPath &Handle) {
    if (Handle.isValid())
      S.Joins.push_back({Handle, Pos++});
  }

  //===--- Calls ---------------------------------------------------------===//

  /// A container member call or operator: records the access. Returns
  /// whether E was one.
  bool containerCall(const CallExpr *CE) {
    const Expr *Obj = nullptr;
    const CXXMethodDecl *MD = nullptr;
    std::string Name;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      MD = MC->getMethodDecl();
      Obj = MC->getImplicitObjectArgument();
      if (MD && MD->getIdentifier())
        Name = MD->getName().str();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
      MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      if (OC->getNumArgs() > 0)
        Obj = OC->getArg(0);
      Name = std::string("operator") + getOperatorSpelling(OC->getOperator());
    } else if (const FunctionDecl *FD = CE->getDirectCallee();
               FD && CE->getNumArgs() > 0) {
      std::optional<ContainerInfo> Info =
          A.containers().classify(CE->getArg(0)->getType());
      if (!Info)
        return false;
      std::optional<OpEffect> Eff =
          ContainerModel::effectOfFreeFunction(*Info, qualifiedDeclName(FD));
      if (!Eff)
        return false;
      recordAccess(CE, CE->getArg(0), false, CE->getArg(0)->getType(),
                   Eff->isStructuralWrite(), false);
      if (FD->getName() == "swap" && CE->getNumArgs() > 1)
        recordAccess(CE, CE->getArg(1), false, CE->getArg(1)->getType(), true,
                     false);
      return true;
    }
    if (!MD || !Obj || Name.empty())
      return false;
    QualType T = Obj->getType();
    bool Arrow = T->isPointerType();
    if (Arrow)
      T = T->getPointeeType();
    std::optional<ContainerInfo> Info = A.containers().classify(T);
    if (!Info)
      return false;
    OpEffect Eff = ContainerModel::effectOf(*Info, Name, MD->isConst());
    bool Write = Eff.isStructuralWrite() ||
                 A.options().MutatingMethods.contains(Name);
    recordAccess(CE, Obj, Arrow, T, Write, Write && Name == "operator[]");
    // `a = b` and `a.swap(b)` also touch b.
    if ((Name == "swap" || Name == "operator=") && CE->getNumArgs() > 0) {
      const Expr *Other = CE->getArg(CE->getNumArgs() - 1);
      if (A.containers().classify(Other->getType()))
        recordAccess(CE, Other, false, Other->getType(), Name == "swap",
                     false);
    }
    return true;
  }

  void lockCall(const CallExpr *CE) {
    StringRef Method;
    if (const VarDecl *G = A.locks().guardCall(CE, Method)) {
      auto It = Guards.find(G);
      if (Method == "unlock" || Method == "Unlock" || Method == "Release")
        Cur.Locks.releaseGuard(G);
      else if (Method == "release")
        Cur.Locks.disown(G);
      else if ((Method == "lock" || Method == "Lock") && It != Guards.end())
        for (const AccessPath &M : It->second.Construction.Mutexes)
          Cur.Locks.acquire({M, It->second.Construction.Shared, G,
                             CE->getBeginLoc()});
      return;
    }
    if (std::optional<MutexOp> Op = A.locks().mutexOp(CE)) {
      for (const AccessPath &M : Op->Mutexes) {
        if (Op->Op == MutexOp::Lock)
          Cur.Locks.acquire({M, Op->Shared, nullptr, CE->getBeginLoc()});
        else
          Cur.Locks.release(M);
      }
    }
  }

  void handleCall(const CallExpr *CE) {
    if (std::optional<ThreadStart> TS = A.threads().threadStart(CE)) {
      recordSpawn(*TS);
      return;
    }
    if (const Expr *H = A.threads().joinedHandle(CE)) {
      recordJoin(handleOf(H));
      return;
    }
    lockCall(CE);
    if (containerCall(CE))
      return;
    if (std::optional<CallSite> C = callSiteOf(CE)) {
      C->Pos = Pos++;
      S.Calls.push_back(std::move(*C));
    }
  }

  //===--- Expressions ---------------------------------------------------===//

  void walkChildren(const Stmt *St) {
    for (const Stmt *Child : St->children())
      if (const auto *E = dyn_cast_or_null<Expr>(Child))
        walkExpr(E);
      else
        walkStmt(Child);
  }

  /// Walks E with Handle as the handle of a thread it may start.
  void walkWithHandle(const Expr *E, const AccessPath &Handle) {
    AccessPath Saved = PendingHandle;
    PendingHandle = Handle;
    walkExpr(E);
    PendingHandle = Saved;
  }

  void walkExpr(const Expr *E) {
    if (!E || isa<LambdaExpr>(E) || isa<BlockExpr>(E) ||
        isa<UnaryExprOrTypeTraitExpr>(E) || isa<CXXTypeidExpr>(E) ||
        isa<CXXNoexceptExpr>(E) || isa<DeclRefExpr>(E))
      return;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      walkChildren(CE);
      if (std::optional<ThreadStart> TS = A.threads().threadStart(CE)) {
        recordSpawn(*TS);
      } else if (CE->getNumArgs() >= 1 && CE->getConstructor() &&
                 CE->getConstructor()->isCopyConstructor() &&
                 A.containers().classify(CE->getArg(0)->getType())) {
        recordAccess(CE, CE->getArg(0), false, CE->getArg(0)->getType(), false,
                     false);
      }
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
      const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
      if (OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          (ThreadModel::isThreadType(OC->getArg(0)->getType()) ||
           ThreadModel::holdsThreads(OC->getArg(0)->getType()))) {
        walkExpr(OC->getArg(0));
        walkWithHandle(OC->getArg(1), handleOf(OC->getArg(0)));
      } else if (MC && MC->getImplicitObjectArgument() &&
                 ThreadModel::holdsThreads(
                     MC->getImplicitObjectArgument()->getType()
                             ->isPointerType()
                         ? MC->getImplicitObjectArgument()
                               ->getType()
                               ->getPointeeType()
                         : MC->getImplicitObjectArgument()->getType())) {
        AccessPath H = handleOf(MC->getImplicitObjectArgument());
        for (const Expr *Arg : MC->arguments())
          walkWithHandle(Arg, H);
      } else {
        walkChildren(CE);
      }
      handleCall(CE);
      if (OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
        storeInto(OC, OC->getArg(0), OC->getArg(1));
      else if (MC && isContainerObject(MC->getImplicitObjectArgument()))
        for (const Expr *Arg : MC->arguments()) // callbacks_.push_back([&] {})
          storeLambda(MC, objectOf(MC->getImplicitObjectArgument()), Arg);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      walkChildren(BO);
      if (BO->getOpcode() == BO_Assign)
        storeInto(BO, BO->getLHS(), BO->getRHS());
      return;
    }
    walkChildren(E);
  }

  //===--- Escapes -------------------------------------------------------===//

  /// `member_ = &guarded_`, `last_ = guarded_.find(k)`, `cb_ = [it] {...}`.
  void storeInto(const Expr *Site, const Expr *LHS, const Expr *RHS) {
    AccessPath Target = pathOf(LHS);
    if (!Target.isValid() || !Target.isVisibleToCallers())
      return;
    if (std::optional<ContainerRef> R = Refs.pointer(RHS))
      recordEscape(Escape::Stored, Site, *R, Target);
    else
      storeLambda(Site, Target, RHS);
  }

  bool isContainerObject(const Expr *Obj) const {
    if (!Obj)
      return false;
    QualType T = Obj->getType();
    return A.containers().classify(T->isPointerType() ? T->getPointeeType()
                                                      : T)
        .has_value();
  }

  /// A lambda stored where it outlives the statement: assigned to, or
  /// added to, a member, a global or an out-parameter.
  void storeLambda(const Expr *Site, const AccessPath &Target,
                   const Expr *Value) {
    // A thread stored in a member is reported as started, not as stored.
    if (Target.isValid() && Target.isVisibleToCallers() &&
        !ThreadModel::isThreadType(Value->getType()))
      escapeLambda(Escape::Stored, Site, ThreadModel::lambdaOf(Value), Target);
  }

  /// The captures of an escaping lambda that reach into a container.
  void escapeLambda(Escape::Kind How, const Expr *Site, const LambdaExpr *LE,
                    const AccessPath &Target = AccessPath()) {
    if (!LE)
      return;
    for (auto &[Loc, R] : Refs.captures(LE))
      recordEscape(How, Site, R, Target, Loc);
  }

  void recordEscape(Escape::Kind How, const Expr *Site, const ContainerRef &R,
                    const AccessPath &Target,
                    SourceLocation CaptureLoc = SourceLocation()) {
    if (!R.Container.isValid())
      return;
    Escape Esc;
    Esc.How = How;
    Esc.Site = Site;
    Esc.CaptureLoc = CaptureLoc;
    Esc.Container = R.Container;
    Esc.Element = R.Element;
    Esc.Target = Target;
    Esc.Locks = Cur.Locks;
    Esc.What = R.What;
    // Taken into a local under a lock that is no longer held.
    for (const HeldLock &H : R.Locks.locks())
      if (H.Mutex.isValid() && !Cur.Locks.holds(H.Mutex))
        Esc.Released.acquire(H);
    S.Escapes.push_back(std::move(Esc));
  }

  void recordReturn(const ReturnStmt *RS) {
    const Expr *RV = RS->getRetValue();
    if (!RV)
      return;
    QualType RT = S.Fn->getReturnType();
    // A helper returning a guard passes its lock on to the caller.
    if (A.locks().isGuardType(RT)) {
      const Expr *Inner = ignoreTemporaries(RV);
      if (const auto *CE = dyn_cast<CXXConstructExpr>(Inner)) {
        if (auto G = A.locks().guardConstruction(CE);
            G && G->Acquires && !G->Mutexes.empty())
          S.ReturnedLock = HeldLock{G->Mutexes[0], G->Shared, nullptr,
                                    CE->getBeginLoc()};
        else if (CE->getNumArgs() == 1)
          Inner = ignoreTemporaries(CE->getArg(0));
      }
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
          auto It = Guards.find(VD);
          if (It != Guards.end() && !It->second.Construction.Mutexes.empty())
            S.ReturnedLock =
                HeldLock{It->second.Construction.Mutexes[0],
                         It->second.Construction.Shared, nullptr,
                         It->second.Loc};
        }
      return;
    }
    std::optional<ContainerRef> R;
    if (RT->isReferenceType())
      R = Refs.lvalue(RV);
    else if (RT->isPointerType() || isIteratorType(RT))
      R = Refs.pointer(RV);
    if (R)
      recordEscape(Escape::Returned, RV, *R, AccessPath());
    else
      escapeLambda(Escape::Returned, RV, ThreadModel::lambdaOf(RV));
  }

  //===--- Statements ----------------------------------------------------===//

  void pushScope() { Scopes.emplace_back(); }
  void popScope() {
    for (const VarDecl *VD : llvm::reverse(Scopes.back())) {
      if (Guards.count(VD))
        Cur.Locks.releaseGuard(VD);
      else
        recordJoin(AccessPath::variable(VD)); // std::jthread joins here.
    }
    Scopes.pop_back();
  }

  static State merge(const State &X, const State &Y) {
    if (X.Dead)
      return Y;
    if (Y.Dead)
      return X;
    return {LockSet::meet(X.Locks, Y.Locks), false};
  }

  void walkVarDecl(const VarDecl *VD) {
    QualType T = VD->getType();
    bool Joins = ThreadModel::isJoiningThreadType(T) ||
                 (ThreadModel::holdsThreads(T) &&
                  StringRef(T.getCanonicalType().getAsString())
                      .contains("jthread"));
    if (Joins && !Scopes.empty())
      Scopes.back().push_back(VD);
    const Expr *Init = VD->getInit();
    bool Handle = ThreadModel::isThreadType(T) || ThreadModel::holdsThreads(T) ||
                  StringRef(qualifiedTypeName(T)).ends_with("future");
    walkWithHandle(Init, Handle ? AccessPath::variable(VD) : AccessPath());
    Refs.bind(VD, Cur.Locks);
    bool Shared = false;
    if (!A.locks().isGuardType(T, &Shared))
      return;
    GuardInfo G;
    G.Loc = VD->getLocation();
    G.Construction.Shared = Shared;
    G.Construction.Acquires = false;
    const Expr *I = Init ? ignoreTemporaries(Init) : nullptr;
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(I)) {
      if (auto GC = A.locks().guardConstruction(CE))
        G.Construction = *GC;
      else if (CE->getNumArgs() == 1)
        I = ignoreTemporaries(CE->getArg(0));
    }
    if (const auto *Call = dyn_cast_or_null<CallExpr>(I)) {
      // std::unique_lock<std::mutex> lk = lockState();
      if (std::optional<CallSite> C = callSiteOf(Call)) {
        const FunctionSummary &Callee = A.summary(C->Callee);
        if (Callee.ReturnedLock) {
          AccessPath M = Callee.ReturnedLock->Mutex.isValid()
                             ? A.mapToCaller(Callee.ReturnedLock->Mutex,
                                             C->Callee, *C)
                             : AccessPath();
          G.Construction.Mutexes = {M};
          G.Construction.Shared = Callee.ReturnedLock->Shared;
          G.Construction.Acquires = true;
        }
      }
    }
    Guards[VD] = G;
    if (!Scopes.empty())
      Scopes.back().push_back(VD);
    if (G.Construction.Acquires)
      for (const AccessPath &M : G.Construction.Mutexes)
        Cur.Locks.acquire({M, G.Construction.Shared, VD, G.Loc});
  }

  void enterLoop() {
    LoopBegins.push_back(Pos++);
    LoopSpawns.emplace_back();
  }
  void exitLoop() {
    unsigned End = Pos++;
    for (size_t I : LoopSpawns.back())
      S.Spawns[I].LoopEnd = End;
    LoopBegins.pop_back();
    LoopSpawns.pop_back();
  }

  void walkLoopBody(const Stmt *Body, const Expr *Cond, const Stmt *Inc) {
    enterLoop();
    State Before = Cur;
    walkExpr(Cond);
    walkStmt(Body);
    if (Inc)
      walkStmt(Inc);
    Cur = Cur.Dead ? Before : State{LockSet::meet(Before.Locks, Cur.Locks)};
    assume(Cond, false); // `while (!mu.try_lock()) {}` holds it after.
    exitLoop();
  }

  /// Takes the locks that a condition having the given value implies:
  /// a try-lock's success branch.
  void assume(const Expr *Cond, bool Value) {
    if (!Cond)
      return;
    const Expr *E = Cond->IgnoreParenImpCasts();
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if ((BO->getOpcode() == BO_LAnd && Value) ||
          (BO->getOpcode() == BO_LOr && !Value)) {
        assume(BO->getLHS(), Value);
        assume(BO->getRHS(), Value);
        return;
      }
    }
    std::optional<LockTest> T = A.locks().lockTest(E);
    if (!T || T->WhenTrue != Value)
      return;
    if (T->Guard) {
      auto It = Guards.find(T->Guard);
      if (It != Guards.end())
        for (const AccessPath &M : It->second.Construction.Mutexes)
          Cur.Locks.acquire({M, T->Shared, T->Guard, E->getBeginLoc()});
      return;
    }
    for (const AccessPath &M : T->Mutexes)
      Cur.Locks.acquire({M, T->Shared, nullptr, E->getBeginLoc()});
  }

  void walkStmt(const Stmt *St) {
    if (!St)
      return;
    if (const auto *E = dyn_cast<Expr>(St))
      return walkExpr(E);
    if (const auto *CS = dyn_cast<CompoundStmt>(St)) {
      pushScope();
      for (const Stmt *Child : CS->body())
        walkStmt(Child);
      popScope();
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          walkVarDecl(VD);
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(St)) {
      pushScope();
      walkStmt(If->getInit());
      if (const VarDecl *CV = If->getConditionVariable())
        walkVarDecl(CV);
      else
        walkExpr(If->getCond());
      State Before = Cur;
      assume(If->getCond(), true);
      walkStmt(If->getThen());
      State Then = Cur;
      Cur = Before;
      assume(If->getCond(), false);
      walkStmt(If->getElse());
      Cur = merge(Then, Cur);
      popScope();
      return;
    }
    if (const auto *For = dyn_cast<ForStmt>(St)) {
      pushScope();
      walkStmt(For->getInit());
      walkLoopBody(For->getBody(), For->getCond(), For->getInc());
      popScope();
      return;
    }
    if (const auto *While = dyn_cast<WhileStmt>(St)) {
      pushScope();
      if (const VarDecl *CV = While->getConditionVariable())
        walkVarDecl(CV);
      walkLoopBody(While->getBody(), While->getCond(), nullptr);
      popScope();
      return;
    }
    if (const auto *Do = dyn_cast<DoStmt>(St)) {
      walkLoopBody(Do->getBody(), Do->getCond(), nullptr);
      return;
    }
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(St)) {
      pushScope();
      walkStmt(RF->getInit());
      const Expr *Range = RF->getRangeInit();
      walkExpr(Range);
      AccessPath RP = Range ? pathOf(Range) : AccessPath();
      if (Range && A.containers().classify(Range->getType()))
        recordAccess(Range, Range, false, Range->getType(), false, false);
      if (const VarDecl *LV = RF->getLoopVariable())
        RangeOf[LV] = RP;
      walkLoopBody(RF->getBody(), nullptr, nullptr);
      popScope();
      return;
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(St)) {
      pushScope();
      walkStmt(Sw->getInit());
      if (const VarDecl *CV = Sw->getConditionVariable())
        walkVarDecl(CV);
      else
        walkExpr(Sw->getCond());
      SwitchEntries.push_back(Cur);
      walkStmt(Sw->getBody());
      Cur = merge(Cur, SwitchEntries.pop_back_val());
      popScope();
      return;
    }
    if (const auto *SC = dyn_cast<SwitchCase>(St)) {
      if (!SwitchEntries.empty())
        Cur = merge(Cur, SwitchEntries.back());
      walkStmt(SC->getSubStmt());
      return;
    }
    if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
      // A future returned to the caller does not wait here.
      Returned = ignoreTemporaries(RS->getRetValue());
      walkExpr(RS->getRetValue());
      Returned = nullptr;
      recordReturn(RS);
      Cur.Dead = true;
      return;
    }
    if (isa<BreakStmt>(St) || isa<ContinueStmt>(St) || isa<GotoStmt>(St)) {
      Cur.Dead = true;
      return;
    }
    if (const auto *Try = dyn_cast<CXXTryStmt>(St)) {
      State Before = Cur;
      walkStmt(Try->getTryBlock());
      State After = Cur;
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
        Cur = Before;
        walkStmt(Try->getHandler(I)->getHandlerBlock());
      }
      Cur = After;
      return;
    }
    walkChildren(St);
  }
};

} // namespace

bool isSharedState(const AccessPath &P, const FunctionDecl *) {
  if (!P.isValid())
    return false;
  if (P.rootKind() == AccessPath::RootKind::Var)
    return P.rootVar()->getTLSKind() == VarDecl::TLS_None;
  return true;
}

bool isSharedUnderLocks(const AccessPath &P, const FunctionDecl *Fn,
                        const LockSet &Locks) {
  if (!P.isValid() || !isSharedState(P, Fn))
    return false;
  if (P.rootKind() == AccessPath::RootKind::Var &&
      isa<ParmVarDecl>(P.rootVar()) &&
      P.rootVar()->getParentFunctionOrMethod() == Fn)
    return llvm::any_of(Locks.locks(), [&](const HeldLock &L) {
      return L.Shared && L.Mutex.rootKind() == AccessPath::RootKind::Var &&
             L.Mutex.rootVar() == P.rootVar();
    });
  if (P.isVisibleToCallers())
    return true;
  return P.rootKind() == AccessPath::RootKind::Var &&
         P.rootVar()->getParentFunctionOrMethod() != Fn;
}

ConcurrencyAnalysis::ConcurrencyAnalysis(const ContainerModel &Containers,
                                         const LockModel &Locks,
                                         const ThreadModel &Threads,
                                         const ConcurrencyOptions &Options,
                                         const SourceManager &SM)
    : Containers(Containers), Locks(Locks), Threads(Threads), Options(Options),
      SM(SM) {}

ConcurrencyAnalysis::~ConcurrencyAnalysis() = default;

bool ConcurrencyAnalysis::analyzable(const FunctionDecl *FD) const {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isDefaulted() || !FD->getBody())
    return false;
  SourceLocation L = FD->getLocation();
  return L.isValid() && !SM.isInSystemHeader(L);
}

const FunctionSummary &ConcurrencyAnalysis::summary(const FunctionDecl *FD) {
  if (!analyzable(FD))
    return Empty;
  auto It = Summaries.find(FD);
  if (It != Summaries.end())
    return *It->second;
  // Reserve the slot first: a recursive helper sees an empty summary.
  auto &Slot = Summaries[FD];
  Slot = std::make_unique<FunctionSummary>();
  FunctionSummary *S = Slot.get();
  Walker(*this, *S).run(FD);
  return *S;
}

AccessPath ConcurrencyAnalysis::mapToCaller(const AccessPath &P,
                                            const FunctionDecl *Callee,
                                            const CallSite &C) const {
  if (!P.isValid())
    return AccessPath();
  if (P.rootKind() == AccessPath::RootKind::This) {
    if (isLambdaOperator(Callee))
      return P; // A lambda's `this` is its enclosing function's.
    return C.Object.isValid() ? P.rebasedOn(C.Object) : AccessPath();
  }
  const VarDecl *VD = P.rootVar();
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
    for (unsigned I = 0; I < Callee->getNumParams(); ++I)
      if (Callee->getParamDecl(I)->getCanonicalDecl() ==
          PVD->getCanonicalDecl())
        return I < C.Args.size() && C.Args[I].isValid()
                   ? P.rebasedOn(C.Args[I])
                   : AccessPath();
  }
  if (VD->hasGlobalStorage())
    return P;
  const DeclContext *Owner = VD->getParentFunctionOrMethod();
  if (Owner == Callee)
    return AccessPath(); // The callee's own local.
  if (isLambdaOperator(Callee)) {
    // A variable of the enclosing function: shared when captured by
    // reference; a copy is the lambda's own, unless it is a pointer.
    const CXXRecordDecl *RD = cast<CXXMethodDecl>(Callee)->getParent();
    for (const LambdaCapture &Cap : RD->captures())
      if (Cap.capturesVariable() &&
          Cap.getCapturedVar()->getCanonicalDecl() == VD &&
          Cap.getCaptureKind() == LCK_ByCopy &&
          (P.steps().empty() ||
           P.steps()[0].Kind != AccessPath::StepKind::Deref))
        return AccessPath();
    return P;
  }
  return AccessPath();
}

const std::vector<Access> &
ConcurrencyAnalysis::reach(const FunctionDecl *FD) {
  if (!analyzable(FD))
    return NoAccesses;
  auto It = Reach.find(FD);
  if (It != Reach.end())
    return *It->second;
  if (!InProgress.insert(FD).second)
    return NoAccesses; // A call cycle: cut here.
  auto Result = std::make_unique<std::vector<Access>>(summary(FD).Accesses);
  const FunctionSummary &S = summary(FD);
  for (const CallSite &C : S.Calls) {
    const std::vector<Access> &Sub = reach(C.Callee);
    for (const Access &Acc : Sub) {
      if (Result->size() >= MaxReach)
        break;
      AccessPath P = mapToCaller(Acc.Path, C.Callee, C);
      if (!P.isValid())
        continue;
      Access Mapped = Acc;
      Mapped.Path = P;
      Mapped.Locks = C.Locks;
      Mapped.Locks.add(Acc.Locks.mapped([&](const AccessPath &M) {
        return mapToCaller(M, C.Callee, C);
      }));
      Mapped.Pos = C.Pos;
      Mapped.Via = C.Site;
      Result->push_back(std::move(Mapped));
    }
  }
  InProgress.erase(FD);
  auto &Slot = Reach[FD];
  Slot = std::move(Result);
  return *Slot;
}

void ConcurrencyAnalysis::indexCallers(
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  for (const FunctionDecl *FD : Functions)
    for (const CallSite &C : summary(FD).Calls)
      Callers[C.Callee].push_back({FD, &C});
}

const std::vector<std::pair<const FunctionDecl *, const CallSite *>> &
ConcurrencyAnalysis::callersOf(const FunctionDecl *FD) {
  return Callers[FD];
}

} // namespace mapsafety
