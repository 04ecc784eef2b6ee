//===--- IterationAnalysis.cpp - Container changes that break loops ------===//

#include "lib/IterationAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace mapsafety {

namespace {

/// stripTemporaries, and also through functional casts (`K(k)`).
const Expr *strip(const Expr *E) {
  while (E) {
    E = stripTemporaries(E);
    const auto *FC = dyn_cast_or_null<CXXFunctionalCastExpr>(E);
    if (!FC)
      return E;
    E = FC->getSubExpr();
  }
  return E;
}

const VarDecl *referencedVar(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// `c.end()`, `c.cend()`, `std::end(c)`: the container, or null.
const Expr *endOf(const Expr *E) {
  E = strip(E);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        (MD->getName() == "end" || MD->getName() == "cend"))
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        (FD->getName() == "end" || FD->getName() == "cend") &&
        CE->getNumArgs() == 1)
      return CE->getArg(0);
  }
  return nullptr;
}

/// For `it != c.end()` (either order, also `<`): the iterator variable and
/// the container expression.
bool matchEndComparison(const Expr *Cond, const VarDecl *&Iter,
                        const Expr *&Container) {
  Cond = strip(Cond);
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Cond)) {
    if (BO->getOpcode() != BO_NE && BO->getOpcode() != BO_LT)
      return false;
    L = BO->getLHS();
    R = BO->getRHS();
  } else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Cond)) {
    if ((OC->getOperator() != OO_ExclaimEqual && OC->getOperator() != OO_Less) ||
        OC->getNumArgs() != 2)
      return false;
    L = OC->getArg(0);
    R = OC->getArg(1);
  } else if (const auto *RW =
                 dyn_cast_or_null<CXXRewrittenBinaryOperator>(Cond)) {
    if (RW->getOpcode() != BO_NE)
      return false;
    L = RW->getLHS();
    R = RW->getRHS();
  } else {
    return false;
  }
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(L, R)) {
    const VarDecl *V = referencedVar(L);
    const Expr *C = endOf(R);
    if (V && C && V->hasLocalStorage()) {
      Iter = V;
      Container = C;
      return true;
    }
  }
  return false;
}

/// Whether E is `it`, `*it`, `it->first` or `(*it).first` for iterator It.
bool isIteratorElement(const Expr *E, const VarDecl *It) {
  E = strip(E);
  if (referencedVar(E) == It)
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return (OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow) &&
           OC->getNumArgs() == 1 && referencedVar(OC->getArg(0)) == It;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref && referencedVar(UO->getSubExpr()) == It;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Member = ME->getMemberDecl();
    if (!Member->getIdentifier() || Member->getName() != "first")
      return false;
    const Expr *Base = strip(ME->getBase());
    if (ME->isArrow() && referencedVar(Base) == It)
      return true;
    return isIteratorElement(Base, It) && referencedVar(Base) != It;
  }
  return false;
}

/// Whether E denotes the element (or the key of the element) the loop is
/// visiting, or an iterator to it.
/// Whether Body tests the result of Call: Call is (an operand of `!`, `&&`
/// or `||` in) the condition of an `if`, loop or `?:`, or initialises or is
/// assigned to a bool variable that is tested so.
class ResultTest : public RecursiveASTVisitor<ResultTest> {
public:
  static bool tests(const Stmt *Body, const Expr *Call) {
    ResultTest T;
    T.TraverseStmt(const_cast<Stmt *>(Body));
    if (T.Calls.count(Call))
      return true;
    auto It = T.StoredIn.find(Call);
    return It != T.StoredIn.end() && T.Vars.count(It->second);
  }

  bool VisitIfStmt(IfStmt *S) { return test(S->getCond()); }
  bool VisitWhileStmt(WhileStmt *S) { return test(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return test(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return test(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *E) {
    return test(E->getCond());
  }
  bool VisitUnaryOperator(UnaryOperator *E) {
    return E->getOpcode() != UO_LNot || test(E->getSubExpr());
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->isLogicalOp())
      return test(E->getLHS()) && test(E->getRHS());
    if (E->getOpcode() == BO_Assign)
      store(referencedVar(E->getLHS()), E->getRHS());
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasInit())
      store(VD, VD->getInit());
    return true;
  }

private:
  bool test(const Expr *E) {
    E = strip(E);
    if (!E)
      return true;
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_LNot)
      return test(UO->getSubExpr());
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isLogicalOp())
      return test(BO->getLHS()) && test(BO->getRHS());
    if (isa<CallExpr>(E))
      Calls.insert(E);
    else if (const VarDecl *VD = referencedVar(E))
      Vars.insert(VD);
    return true;
  }
  void store(const VarDecl *VD, const Expr *Value) {
    Value = strip(Value);
    if (VD && VD->getType()->isBooleanType() && isa_and_nonnull<CallExpr>(Value))
      StoredIn[Value] = VD;
  }

  llvm::SmallPtrSet<const Expr *, 8> Calls;
  llvm::SmallPtrSet<const VarDecl *, 8> Vars;
  llvm::DenseMap<const Expr *, const VarDecl *> StoredIn;
};

/// A modification a callee makes on some of its paths only, which it reports
/// through its result, when the loop tests that result: the callee's paths
/// and the caller's test cannot be correlated, so it is left unreported.
bool signalledByResult(const IterationLoop &L, const Mutation &M) {
  return M.Via && M.Conditional && M.Trigger &&
         ResultTest::tests(L.Body, M.Trigger);
}

bool denotesCurrent(const IterationLoop &L, const Expr *E, int Depth = 0) {
  E = strip(E);
  if (!E || Depth > 4)
    return false;
  if (!L.IsRangeFor)
    return isIteratorElement(E, L.Iterator);

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (D == L.Element)
      return true;
    if (const auto *BD = dyn_cast<BindingDecl>(D)) {
      const auto *DD = dyn_cast_or_null<DecompositionDecl>(L.Element);
      return DD && !DD->bindings().empty() && DD->bindings()[0] == BD;
    }
    // A copy of the key: `const auto id = kv.first; m.erase(id);`.
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && VD->hasInit() &&
          VD->getType().isConstQualified())
        return denotesCurrent(L, VD->getInit(), Depth + 1);
    return false;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Member = ME->getMemberDecl();
    return !ME->isArrow() && Member->getIdentifier() &&
           Member->getName() == "first" &&
           referencedVar(ME->getBase()) == L.Element;
  }
  // `m.erase(m.find(kv.first))`.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    return MD && MD->getIdentifier() && MD->getName() == "find" &&
           MC->getNumArgs() == 1 &&
           AccessPath::of(MC->getImplicitObjectArgument()) == L.Container &&
           denotesCurrent(L, MC->getArg(0), Depth + 1);
  }
  return false;
}

/// Insertions keyed by their first argument insert nothing when the key is
/// already present.
bool isKeyedInsert(llvm::StringRef Op) {
  return Op == "operator[]" || Op == "try_emplace" ||
         Op == "insert_or_assign" || Op == "emplace";
}

/// The left-hand sides of plain assignments to variables: writes, not uses.
class AssignmentFinder : public RecursiveASTVisitor<AssignmentFinder> {
public:
  explicit AssignmentFinder(llvm::DenseSet<const DeclRefExpr *> &LHS)
      : LHS(LHS) {}
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      note(BO->getLHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      note(OC->getArg(0));
    return true;
  }

private:
  void note(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      LHS.insert(DRE);
  }
  llvm::DenseSet<const DeclRefExpr *> &LHS;
};

/// Whether S gives V a new value: an assignment, or V's declaration being
/// executed again (a variable declared in a loop body).
bool assigns(const Stmt *S, const VarDecl *V) {
  if (!V)
    return false;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return llvm::is_contained(DS->decls(), V);
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->getOpcode() == BO_Assign && referencedVar(BO->getLHS()) == V;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    return OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
           referencedVar(OC->getArg(0)) == V;
  return false;
}

class LoopFinder : public RecursiveASTVisitor<LoopFinder> {
public:
  explicit LoopFinder(LoopsAndErases &Out) : Out(Out) {}
  bool TraverseLambdaExpr(LambdaExpr *, DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return add(S); }
  bool VisitForStmt(ForStmt *S) { return add(S); }
  bool VisitWhileStmt(WhileStmt *S) { return add(S); }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    const CXXMethodDecl *MD = C->getMethodDecl();
    if (MD && MD->getIdentifier() && MD->getName() == "erase" &&
        C->getNumArgs() == 1)
      Out.Erases.push_back(C);
    return true;
  }

private:
  bool add(const Stmt *S) {
    Out.Loops.push_back(S);
    return true;
  }
  LoopsAndErases &Out;
};

} // namespace

LoopsAndErases findLoopsAndErases(const FunctionDecl *Fn) {
  LoopsAndErases Out;
  if (Stmt *Body = Fn->getBody())
    LoopFinder(Out).TraverseStmt(Body);
  return Out;
}

struct IterationAnalysis::FunctionCFG {
  std::unique_ptr<CFG> Graph;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Pos;
  llvm::DenseSet<const DeclRefExpr *> AssignedRefs;
};

IterationAnalysis::IterationAnalysis(const ContainerModel &Model,
                                     ASTContext &Ctx)
    : Ctx(Ctx), Summaries(Model) {}

IterationAnalysis::~IterationAnalysis() = default;

IterationAnalysis::FunctionCFG *
IterationAnalysis::cfgFor(const FunctionDecl *Fn) {
  auto &Slot = CFGs[Fn];
  if (Slot)
    return Slot->Graph ? Slot.get() : nullptr;
  Slot = std::make_unique<FunctionCFG>();
  if (!Fn->hasBody())
    return nullptr;
  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  Slot->Graph = CFG::buildCFG(Fn, Fn->getBody(), &Ctx, Opts);
  if (!Slot->Graph)
    return nullptr;
  for (const CFGBlock *B : *Slot->Graph) {
    unsigned Index = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>())
        Slot->Pos.try_emplace(CS->getStmt(), B, Index);
      ++Index;
    }
  }
  AssignmentFinder(Slot->AssignedRefs).TraverseStmt(Fn->getBody());
  return Slot.get();
}

std::optional<IterationLoop>
IterationAnalysis::matchLoop(const Stmt *S) const {
  IterationLoop L;
  L.Loop = S;
  const Expr *ContainerExpr = nullptr;
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S)) {
    const DeclStmt *Begin = RF->getBeginStmt();
    if (!Begin || !Begin->isSingleDecl())
      return std::nullopt;
    L.IsRangeFor = true;
    L.Iterator = dyn_cast<VarDecl>(Begin->getSingleDecl());
    L.Element = RF->getLoopVariable();
    L.Body = RF->getBody();
    ContainerExpr = RF->getRangeInit();
  } else {
    const Expr *Cond = nullptr;
    if (const auto *FS = dyn_cast<ForStmt>(S)) {
      Cond = FS->getCond();
      L.Body = FS->getBody();
    } else if (const auto *WS = dyn_cast<WhileStmt>(S)) {
      Cond = WS->getCond();
      L.Body = WS->getBody();
    }
    if (!Cond || !matchEndComparison(Cond, L.Iterator, ContainerExpr))
      return std::nullopt;
  }
  if (!ContainerExpr || !L.Body || !L.Iterator)
    return std::nullopt;
  std::optional<ContainerInfo> Info =
      Summaries.model().classify(ContainerExpr->getType());
  if (!Info)
    return std::nullopt;
  L.Info = *Info;
  L.Container = AccessPath::of(ContainerExpr);
  if (!L.Container.isValid())
    return std::nullopt;
  return L;
}

std::optional<IterationHazard>
IterationAnalysis::hazardOf(const IterationLoop &L, const Mutation &M) const {
  if (M.Container != L.Container)
    return std::nullopt;
  const bool Current =
      M.Key.K == KeyOrigin::Kind::Expr && denotesCurrent(L, M.Key.Arg);
  const Invalidation Inv = M.Effect.Invalidates;
  switch (M.Effect.Kind) {
  case OpKind::Read:
    return std::nullopt;
  case OpKind::Insert:
    if (Inv != Invalidation::All)
      return std::nullopt;
    // Keyed by the element being visited: it is present, nothing is added.
    if (Current && isKeyedInsert(M.Op))
      return std::nullopt;
    return IterationHazard::InvalidatesAll;
  case OpKind::Erase:
    if (Inv == Invalidation::All)
      return IterationHazard::InvalidatesAll;
    // A range-for compares against the end() it cached before the loop,
    // which erasing from contiguous storage invalidates.
    if (L.IsRangeFor && Inv == Invalidation::AtOrAfter)
      return IterationHazard::InvalidatesEnd;
    if (Current)
      return IterationHazard::ErasesCurrent;
    return std::nullopt;
  case OpKind::Reset:
    if (Inv == Invalidation::All)
      return IterationHazard::InvalidatesAll;
    return std::nullopt;
  }
  return std::nullopt;
}

bool IterationAnalysis::reachesUse(FunctionCFG &G, const Stmt *Start,
                                   llvm::ArrayRef<const ValueDecl *> Uses,
                                   const VarDecl *Killed,
                                   const DeclRefExpr *&Use) const {
  auto PosIt = G.Pos.find(Start);
  if (PosIt == G.Pos.end())
    return false;
  auto IsUse = [&](const Stmt *S) {
    const auto *DRE = dyn_cast<DeclRefExpr>(S);
    if (!DRE || G.AssignedRefs.count(DRE))
      return false;
    return llvm::is_contained(Uses, DRE->getDecl());
  };

  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  llvm::SmallPtrSet<const CFGBlock *, 16> Visited;
  Work.push_back({PosIt->second.first, PosIt->second.second + 1});
  while (!Work.empty()) {
    auto [B, From] = Work.pop_back_val();
    bool Stop = false;
    for (unsigned I = From, N = B->size(); I < N && !Stop; ++I) {
      auto CS = (*B)[I].getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      if (assigns(S, Killed)) {
        Stop = true;
      } else if (IsUse(S)) {
        const auto *DRE = cast<DeclRefExpr>(S);
        Use = DRE->getDecl()->isImplicit() ? nullptr : DRE;
        return true;
      }
    }
    if (Stop)
      continue;
    for (const CFGBlock *Succ : B->succs())
      if (Succ && Visited.insert(Succ).second)
        Work.push_back({Succ, 0});
  }
  return false;
}

std::vector<IterationFinding>
IterationAnalysis::analyzeLoop(const IterationLoop &L, const FunctionDecl *Fn) {
  std::vector<IterationFinding> Findings;
  std::vector<Mutation> Changes;
  Summaries.collect(L.Body, Changes);
  FunctionCFG *G = nullptr;
  llvm::SmallPtrSet<const Expr *, 4> Reported;

  llvm::SmallVector<const ValueDecl *, 4> Uses{L.Iterator};
  // A by-value loop variable is a copy: using it after the change is fine.
  if (L.Element && L.Element->getType()->isReferenceType()) {
    Uses.push_back(L.Element);
    if (const auto *DD = dyn_cast<DecompositionDecl>(L.Element))
      for (const BindingDecl *BD : DD->bindings())
        Uses.push_back(BD);
  }
  const VarDecl *Killed = L.IsRangeFor ? nullptr : L.Iterator;

  for (const Mutation &M : Changes) {
    std::optional<IterationHazard> H = hazardOf(L, M);
    if (!H || !M.Trigger || Reported.count(M.Trigger) ||
        signalledByResult(L, M))
      continue;
    if (!G && !(G = cfgFor(Fn)))
      return Findings;
    const DeclRefExpr *Use = nullptr;
    if (!reachesUse(*G, M.Trigger, Uses, Killed, Use))
      continue;
    Reported.insert(M.Trigger);
    Findings.push_back({*H, M, L, Use});
  }
  return Findings;
}

std::optional<IterationFinding>
IterationAnalysis::analyzeErase(const CXXMemberCallExpr *Erase,
                                const FunctionDecl *Fn) {
  const CXXMethodDecl *MD = Erase->getMethodDecl();
  if (!MD || Erase->getNumArgs() != 1 || MD->getNumParams() != 1)
    return std::nullopt;
  // Only the iterator overloads: erase(key) leaves no iterator behind.
  QualType ParamType = MD->getParamDecl(0)->getType().getNonReferenceType();
  if (!llvm::StringRef(ParamType.getAsString()).contains("iterator"))
    return std::nullopt;
  const VarDecl *It = referencedVar(Erase->getArg(0));
  if (!It || !It->hasLocalStorage())
    return std::nullopt;
  const Expr *Object = Erase->getImplicitObjectArgument();
  const auto *ME = dyn_cast<MemberExpr>(Erase->getCallee()->IgnoreParens());
  QualType ObjType = Object->getType();
  if (ME && ME->isArrow())
    ObjType = ObjType->getPointeeType();
  std::optional<ContainerInfo> Info = Summaries.model().classify(ObjType);
  if (!Info)
    return std::nullopt;

  FunctionCFG *G = cfgFor(Fn);
  if (!G)
    return std::nullopt;
  const DeclRefExpr *Use = nullptr;
  const ValueDecl *Uses[] = {It};
  if (!reachesUse(*G, Erase, Uses, It, Use))
    return std::nullopt;

  Mutation M;
  M.Container = ME && ME->isArrow() ? AccessPath::pointeeOf(Object)
                                    : AccessPath::of(Object);
  M.Info = *Info;
  M.Effect = ContainerModel::effectOf(*Info, "erase");
  M.Op = "erase";
  M.Leaf = M.Trigger = Erase;
  return IterationFinding{IterationHazard::UseAfterErase, M, std::nullopt, Use};
}

} // namespace mapsafety
