//===--- FlowSolver.h - A bounded forward dataflow solver -------*- C++ -*-===//
//
// A small forward worklist solver over Clang's CFG, shared by the
// flow-sensitive checks. The client describes a state and how statements
// and branch conditions change it; the solver computes the state at the
// entry of every reachable block, then replays each block once so that the
// client can report what it sees. Work per function is bounded: a function
// whose CFG is too large, or that does not settle within a bounded number
// of block visits, is skipped rather than analysed partially.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_FLOWSOLVER_H
#define MAPSAFETY_LIB_FLOWSOLVER_H

#include "lib/ExprShapes.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <optional>
#include <vector>

namespace mapsafety {

/// Limits on the work spent on one function.
struct FlowLimits {
  unsigned MaxBlocks = 4000;
  unsigned MaxVisitsPerBlock = 16;
};

/// Builds the CFG the flow analyses run on.
std::unique_ptr<clang::CFG> buildFlowCFG(const clang::Decl *D,
                                         const clang::Stmt *Body,
                                         clang::ASTContext &Ctx);

/// The condition a two-way branch at the end of B tests, as far as the
/// outcome of this block decides it: for `a && b` evaluated in the block of
/// `b`, that is `b`. Null when B does not end in a two-way branch.
const clang::Expr *branchCondition(const clang::CFGBlock &B);

/// The logical operator B evaluates as an element and then branches on,
/// when B is where the two ways of evaluating `a || b` meet again (Clang
/// builds such blocks for conditions with temporaries). Null otherwise.
const clang::BinaryOperator *mergedLogical(const clang::CFGBlock &B);

/// When Term, the terminator of a block that jumps to the block evaluating
/// the logical operator Op, is Op or a logical operator nested in it, that
/// jump skipped the rest of Op: Op has the value that cut Term short (true
/// for `||`, false for `&&`). Returns Term then, else null. In
/// `a && b && c` the block of `a` ends in the inner `a && b`.
const clang::BinaryOperator *shortCircuited(const clang::Stmt *Term,
                                            const clang::BinaryOperator *Op);

/// An expression whose truth is E's, to refine a branch on E with:
///  - the initialiser of a const local E names (`const bool found =
///    it != m.end(); if (found)`, GoogleTest's `const AssertionResult ar =
///    CmpHelperNE(…)`); for an object constructed from a bool alone
///    (`const AssertionResult ar(cond)`), that bool;
///  - the one bool argument of a call returning bool (a test harness's
///    `Check(a != b, __FILE__, __LINE__)`), taken to pass it through.
/// Null when there is none.
const clang::Expr *sameTruthAs(const clang::Expr *E);

/// The operand a logical operator evaluates last: `c` of `a && (b || c)`.
const clang::Expr *lastOperand(const clang::BinaryOperator *Op);

/// Client requirements:
///   using State = ...;                  // copyable, operator==
///   State initial();                    // state at function entry
///   void join(State &Into, const State &From);
///   void transfer(const clang::Stmt *S, State &St, bool Report);
///   void branch(const clang::Expr *Cond, bool Taken, State &St);
/// transfer() sees each expression once, children before parents; branch()
/// sees atomic conditions (logical operators are taken apart here).
template <typename Client> class FlowSolver {
public:
  using State = typename Client::State;

  FlowSolver(const clang::CFG &G, Client &C, FlowLimits L = {})
      : G(G), C(C), L(L) {}

  /// Computes the entry states; false when a limit was hit.
  bool solve() {
    unsigned N = G.getNumBlockIDs();
    if (N > L.MaxBlocks)
      return false;
    In.assign(N, std::nullopt);
    MergeIn.assign(N, {});
    Merged.assign(N, nullptr);
    for (const clang::CFGBlock *B : G) {
      Merged[B->getBlockID()] = mergedLogical(*B);
      for (const clang::CFGElement &E : *B)
        if (std::optional<clang::CFGStmt> S = E.getAs<clang::CFGStmt>())
          Elements.insert(S->getStmt());
    }
    std::vector<unsigned> Visits(N, 0);
    clang::PostOrderCFGView POV(&G);
    clang::ForwardDataflowWorklist WL(G, &POV);
    const clang::CFGBlock &Entry = G.getEntry();
    In[Entry.getBlockID()] = C.initial();
    WL.enqueueBlock(&Entry);
    while (const clang::CFGBlock *B = WL.dequeue()) {
      if (++Visits[B->getBlockID()] > L.MaxVisitsPerBlock)
        return false;
      std::optional<State> Out[2];
      if (const clang::BinaryOperator *Op = Merged[B->getBlockID()]) {
        // Which way `a || b` went depends on the predecessor we came from.
        for (const auto &[Pred, PredState] : MergeIn[B->getBlockID()]) {
          State St = PredState;
          run(*B, St, /*Report=*/false);
          const clang::BinaryOperator *Cut =
              shortCircuited(Pred->getTerminatorStmt(), Op);
          for (unsigned I = 0; I < 2; ++I) {
            bool Taken = I == 0;
            if (Cut && Taken != (Cut->getOpcode() == clang::BO_LOr))
              continue;
            State Edge = St;
            if (!Cut)
              refine(lastOperand(Op), Taken, Edge);
            joinInto(Out[I], Edge);
          }
        }
      } else {
        State St = *In[B->getBlockID()];
        run(*B, St, /*Report=*/false);
        const clang::Expr *Cond = branchCondition(*B);
        for (unsigned I = 0; I < 2 && I < B->succ_size(); ++I) {
          Out[I] = St;
          if (Cond)
            refine(Cond, I == 0, *Out[I]);
        }
        if (B->succ_size() > 2)
          Out[0] = Out[1] = St;
      }
      unsigned Index = 0;
      for (const clang::CFGBlock *Succ : B->succs()) {
        unsigned I = std::min(Index++, 1u);
        if (Succ && Out[I] && propagate(*B, *Succ, *Out[I]))
          WL.enqueueBlock(Succ);
      }
    }
    return true;
  }

  /// Replays every reachable block once from its entry state, with
  /// reporting on, in block order.
  void report() {
    for (const clang::CFGBlock *B : G) {
      if (!B || B->getBlockID() >= In.size() || !In[B->getBlockID()])
        continue;
      State St = *In[B->getBlockID()];
      run(*B, St, /*Report=*/true);
    }
  }

private:
  void joinInto(std::optional<State> &Into, const State &From) {
    if (!Into)
      Into = From;
    else
      C.join(*Into, From);
  }

  /// Records the state on the edge From -> To; true when To's input grew.
  bool propagate(const clang::CFGBlock &From, const clang::CFGBlock &To,
                 const State &Edge) {
    unsigned Id = To.getBlockID();
    if (Merged[Id]) {
      auto &Preds = MergeIn[Id];
      auto It = llvm::find_if(Preds, [&](const auto &P) {
        return P.first == &From;
      });
      if (It == Preds.end()) {
        Preds.emplace_back(&From, Edge);
      } else {
        State Joined = It->second;
        C.join(Joined, Edge);
        if (Joined == It->second)
          return false;
        It->second = std::move(Joined);
      }
      std::optional<State> All;
      for (const auto &P : Preds)
        joinInto(All, P.second);
      In[Id] = std::move(All);
      return true;
    }
    std::optional<State> &SuccIn = In[Id];
    if (!SuccIn) {
      SuccIn = Edge;
      return true;
    }
    State Joined = *SuccIn;
    C.join(Joined, Edge);
    if (Joined == *SuccIn)
      return false;
    SuccIn = std::move(Joined);
    return true;
  }

  /// Applies what Cond == Taken says, taking logical operators apart, and
  /// looking through `__builtin_expect` and at what has the same truth
  /// (sameTruthAs).
  void refine(const clang::Expr *Cond, bool Taken, State &St,
              unsigned Depth = 0) {
    const clang::Expr *E = stripCondition(Cond);
    if (!E || Depth > 8)
      return;
    if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      if (BO->isLogicalOp()) {
        // `a && b` true, or `a || b` false, says the same of both sides.
        if (Taken == (BO->getOpcode() == clang::BO_LAnd)) {
          refine(BO->getLHS(), Taken, St, Depth + 1);
          refine(BO->getRHS(), Taken, St, Depth + 1);
        }
        return;
      }
    }
    if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E))
      if (UO->getOpcode() == clang::UO_LNot) {
        const clang::Expr *Sub = stripCondition(UO->getSubExpr());
        if (const auto *SubOp =
                llvm::dyn_cast_or_null<clang::BinaryOperator>(Sub);
            SubOp && SubOp->isLogicalOp())
          return refine(Sub, !Taken, St, Depth + 1);
        if (const clang::Expr *Same = Sub ? sameTruthAs(Sub) : nullptr)
          refine(Same, !Taken, St, Depth + 1);
      }
    if (const clang::Expr *Same = sameTruthAs(E))
      refine(Same, Taken, St, Depth + 1);
    C.branch(Cond, Taken, St);
  }

  void run(const clang::CFGBlock &B, State &St, bool Report) {
    for (const clang::CFGElement &E : B)
      if (std::optional<clang::CFGStmt> S = E.getAs<clang::CFGStmt>())
        visit(S->getStmt(), St, Report, /*Top=*/true);
  }

  /// Post-order walk of an element, leaving out the parts that are elements
  /// of their own (the operands of `&&`, `?:`...) and lambda bodies.
  void visit(const clang::Stmt *S, State &St, bool Report, bool Top) {
    if (!S || (!Top && Elements.count(S)))
      return;
    if (const auto *LE = llvm::dyn_cast<clang::LambdaExpr>(S)) {
      for (const clang::Expr *Init : LE->capture_inits())
        visit(Init, St, Report, false);
    } else {
      // A DeclStmt's children are its variables' initialisers.
      for (const clang::Stmt *Child : S->children())
        visit(Child, St, Report, false);
    }
    C.transfer(S, St, Report);
  }

  const clang::CFG &G;
  Client &C;
  FlowLimits L;
  std::vector<std::optional<State>> In;
  std::vector<llvm::SmallVector<std::pair<const clang::CFGBlock *, State>, 2>>
      MergeIn;
  std::vector<const clang::BinaryOperator *> Merged;
  llvm::DenseSet<const clang::Stmt *> Elements;
};

/// Builds Body's CFG, solves Client over it and replays it with reporting
/// on. False when there is no CFG or a limit was hit (nothing reported).
template <typename Client>
bool runFlowAnalysis(const clang::Decl *D, const clang::Stmt *Body,
                     clang::ASTContext &Ctx, Client &C, FlowLimits L) {
  std::unique_ptr<clang::CFG> G = buildFlowCFG(D, Body, Ctx);
  if (!G)
    return false;
  FlowSolver<Client> Solver(*G, C, L);
  if (!Solver.solve())
    return false;
  Solver.report();
  return true;
}

} // namespace mapsafety

#endif // MAPSAFETY_LIB_FLOWSOLVER_H
