//===--- RaceAnalysis.cpp - Deciding which accesses race -----------------===//

#include "lib/RaceAnalysis.h"
#include "lib/Names.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <climits>
#include <map>

using namespace clang;

namespace mapsafety {

namespace {

constexpr int MaxCallerDepth = 3;

bool selfRacing(const Spawn &S, unsigned JoinPos) {
  if (S.Start.Pooled)
    return true;
  // Joined within the loop that starts it: one thread at a time.
  return S.inLoop() && !(JoinPos < S.LoopEnd);
}

/// Whether the spawn's thread is still running when its function returns:
/// never joined there (kept in a member, detached, pooled).
bool outlives(const Spawn &Sp, const FunctionSummary &S) {
  if (Sp.Start.Pooled || !Sp.Handle.isValid())
    return true;
  return llvm::none_of(S.Joins, [&](const Join &J) {
    return J.Pos > Sp.Pos && J.Handle == Sp.Handle;
  });
}

bool returnsThread(const FunctionDecl *FD) {
  QualType T = FD->getReturnType();
  return ThreadModel::isThreadType(T) || ThreadModel::holdsThreads(T) ||
         StringRef(qualifiedTypeName(T)).ends_with("future");
}

class RaceFinder {
public:
  RaceFinder(ConcurrencyAnalysis &A, const RaceOptions &O) : A(A), O(O) {}

  void spawner(const FunctionDecl *F) {
    const FunctionSummary &S = A.summary(F);
    std::vector<Live> Threads;
    for (const Spawn &Sp : S.Spawns) {
      Live L{&Sp, threadAccesses(Sp), Sp.Pos, Sp.Pos, S.EndPos, false};
      L.End = joinAfter(S, Sp.Handle, Sp.Pos, S.EndPos);
      L.Self = selfRacing(Sp, L.End);
      if (L.Self && Sp.inLoop())
        L.Begin = Sp.LoopBegin;
      Threads.push_back(std::move(L));
    }
    liftCalleeThreads(S, Threads);
    if (Threads.empty())
      return;
    const std::vector<Access> &Mine = A.reach(F);
    for (size_t I = 0; I < Threads.size(); ++I) {
      const Live &T = Threads[I];
      if (T.Self)
        compare(T.Accesses, T.Accesses, T.Sp, nullptr, /*Self=*/true);
      std::vector<Access> During;
      for (const Access &Acc : Mine)
        if ((Acc.Pos > T.Start && Acc.Pos < T.End) ||
            (T.Self && Acc.Pos >= T.Begin && Acc.Pos < T.End))
          During.push_back(Acc);
      compare(T.Accesses, During, T.Sp, nullptr, false);
      for (size_t J = I + 1; J < Threads.size(); ++J) {
        const Live &U = Threads[J];
        if ((U.Start >= T.Begin && U.Start < T.End) ||
            (T.Start >= U.Begin && T.Start < U.End))
          compare(T.Accesses, U.Accesses, T.Sp, U.Sp, false);
      }
    }
  }

  void consistency(llvm::ArrayRef<const FunctionDecl *> Functions);
  void memberThreads(llvm::ArrayRef<const FunctionDecl *> Functions);

  std::vector<RaceReport> take() {
    std::vector<RaceReport> Out;
    for (auto &KV : Reports)
      Out.push_back(std::move(KV.second));
    return Out;
  }

private:
  ConcurrencyAnalysis &A;
  const RaceOptions &O;
  // Keyed by the reported site's position, for a stable order and one
  // report per access.
  std::map<unsigned, RaceReport> Reports;

  /// A thread running in a function's frame: from Start (its start, or the
  /// call of the function that started it) to End.
  struct Live {
    const Spawn *Sp;
    std::vector<Access> Accesses;
    unsigned Start, Begin, End;
    bool Self;
  };

  /// Where S joins the thread whose handle is H after From, by itself or
  /// through a callee it passes the handle to (t.join() in a wait(t), or
  /// this->worker_.join() in stop()); Default if it does not.
  unsigned joinAfter(const FunctionSummary &S, const AccessPath &H,
                     unsigned From, unsigned Default) {
    if (!H.isValid())
      return Default;
    unsigned Pos = Default;
    for (const Join &J : S.Joins)
      if (J.Pos > From && J.Handle == H)
        Pos = std::min(Pos, J.Pos);
    for (const CallSite &C : S.Calls)
      if (C.Pos > From && C.Pos < Pos)
        for (const Join &J : A.summary(C.Callee).Joins)
          if (A.mapToCaller(J.Handle, C.Callee, C) == H)
            Pos = C.Pos;
    return Pos;
  }

  /// Threads a callee starts and leaves running (a spawn() helper,
  /// s.start()) run on from the call, seen in the caller's frame.
  void liftCalleeThreads(const FunctionSummary &S, std::vector<Live> &Out) {
    for (const CallSite &C : S.Calls) {
      const FunctionSummary &CS = A.summary(C.Callee);
      for (const Spawn &Sp : CS.Spawns) {
        // A thread handed back to the caller (`return std::thread(...)`)
        // is one the analysis cannot follow to its join.
        if (!outlives(Sp, CS) ||
            (!Sp.Handle.isValid() && !Sp.Start.Pooled &&
             returnsThread(C.Callee)))
          continue;
        Live L{&Sp, {}, C.Pos, C.Pos, S.EndPos, false};
        auto Map = [&](const AccessPath &P) {
          return A.mapToCaller(P, C.Callee, C);
        };
        for (const Access &Acc : threadAccesses(Sp)) {
          AccessPath P = Map(Acc.Path);
          if (!P.isValid())
            continue;
          Access M = Acc;
          M.Path = P;
          M.Locks = Acc.Locks.mapped(Map);
          M.Pos = C.Pos;
          L.Accesses.push_back(std::move(M));
        }
        if (L.Accesses.empty())
          continue;
        L.End = joinAfter(S, Map(Sp.Handle), C.Pos, S.EndPos);
        Out.push_back(std::move(L));
      }
    }
  }

  std::vector<Access> threadAccesses(const Spawn &Sp) {
    std::vector<Access> Out;
    const FunctionDecl *Entry = Sp.Binding.Callee;
    for (const Access &Acc : A.reach(Entry)) {
      AccessPath P = A.mapToCaller(Acc.Path, Entry, Sp.Binding);
      if (!P.isValid() || !isSharedState(P, Entry))
        continue;
      Access M = Acc;
      M.Path = P;
      M.Locks = Acc.Locks.mapped([&](const AccessPath &Mu) {
        return A.mapToCaller(Mu, Entry, Sp.Binding);
      });
      M.Pos = Sp.Pos;
      Out.push_back(std::move(M));
    }
    return Out;
  }

  bool reportable(const Access &Acc) const {
    return O.AnnotatedContainers || !isAnnotatedGuarded(Acc.Path);
  }

  void report(const Access &At, const Access &Other, const Spawn *Sp,
              const Spawn *Sp2, bool Self) {
    if (!reportable(At))
      return;
    unsigned Key = At.Site->getBeginLoc().getRawEncoding();
    if (Reports.count(Key))
      return;
    RaceReport R;
    R.At = At;
    R.Other = Other;
    R.Thread = Sp;
    R.OtherThread = Sp2;
    R.SelfRace = Self && At.Site == Other.Site;
    Reports.emplace(Key, std::move(R));
  }

  void compare(const std::vector<Access> &X, const std::vector<Access> &Y,
               const Spawn *Sp, const Spawn *Sp2, bool Self) {
    for (const Access &P : X) {
      for (const Access &Q : Y) {
        if (!P.Write && !Q.Write)
          continue;
        if (P.Path != Q.Path || !isSharedState(P.Path, nullptr) ||
            P.Locks.excludes(Q.Locks))
          continue;
        // At the unguarded write(s); at the read when only it is unguarded;
        // at the write when both hold different locks.
        bool PUnguarded = P.Locks.empty(), QUnguarded = Q.Locks.empty();
        bool Any = false;
        if (P.Write && PUnguarded) {
          report(P, Q, Sp, Sp2, Self);
          Any = true;
        }
        if (Q.Write && QUnguarded) {
          report(Q, P, Sp, Sp2, Self);
          Any = true;
        }
        if (Any)
          continue;
        if (PUnguarded || QUnguarded)
          report(PUnguarded ? P : Q, PUnguarded ? Q : P, Sp, Sp2, Self);
        else
          report(P.Write ? P : Q, P.Write ? Q : P, Sp, Sp2, Self);
      }
    }
  }

  /// The locks every caller in the translation unit holds when calling FD,
  /// in FD's frame; empty when FD has no known caller.
  LockSet callerLocks(const FunctionDecl *FD, int Depth) {
    LockSet Result;
    bool First = true;
    if (Depth > MaxCallerDepth)
      return Result;
    for (auto [Caller, Call] : A.callersOf(FD)) {
      if (Caller == FD)
        continue;
      LockSet Held = Call->Locks;
      Held.add(callerLocks(Caller, Depth + 1));
      // Only locks the callee can name: the caller's obj.mu_ is the
      // callee's this->mu_.
      LockSet Mine;
      for (const HeldLock &H : Held.locks()) {
        AccessPath M = unmap(H.Mutex, *Call);
        if (M.isValid())
          Mine.acquire({M, H.Shared, nullptr, H.Loc});
      }
      Result = First ? Mine : LockSet::meet(Result, Mine);
      First = false;
    }
    return Result;
  }

  static AccessPath unmap(const AccessPath &M, const CallSite &C) {
    if (!M.isValid())
      return AccessPath();
    if (M.isStatic())
      return M;
    const AccessPath &Obj = C.Object;
    if (!Obj.isValid() || M.rootKind() != Obj.rootKind() ||
        M.rootVar() != Obj.rootVar() ||
        M.steps().size() < Obj.steps().size())
      return AccessPath();
    for (size_t I = 0; I < Obj.steps().size(); ++I)
      if (!(M.steps()[I] == Obj.steps()[I]))
        return AccessPath();
    AccessPath R = AccessPath::thisObject();
    for (size_t I = Obj.steps().size(); I < M.steps().size(); ++I) {
      const AccessPath::Step &St = M.steps()[I];
      if (St.Kind == AccessPath::StepKind::Field)
        R = R.withField(St.Field);
      else if (St.Kind == AccessPath::StepKind::Deref)
        R = R.withDeref();
      else
        R = R.withAddrOf();
    }
    return R;
  }
};

bool isMemberOfThis(const AccessPath &P) {
  return P.rootKind() == AccessPath::RootKind::This && P.steps().size() == 1 &&
         P.steps()[0].Kind == AccessPath::StepKind::Field;
}

bool conventionallyLocked(const FunctionDecl *FD) {
  if (!FD->getIdentifier())
    return false;
  StringRef N = FD->getName();
  return N.ends_with_insensitive("locked") || N.ends_with("_l") ||
         N.ends_with("Lock") || N.ends_with("_lock");
}

/// The functions a thread entry runs, itself included (bounded).
llvm::DenseSet<const FunctionDecl *> callTree(ConcurrencyAnalysis &A,
                                              const FunctionDecl *Entry) {
  llvm::DenseSet<const FunctionDecl *> Seen{Entry};
  llvm::SmallVector<const FunctionDecl *, 16> Work{Entry};
  while (!Work.empty() && Seen.size() < 256)
    for (const CallSite &C : A.summary(Work.pop_back_val()).Calls)
      if (Seen.insert(C.Callee).second)
        Work.push_back(C.Callee);
  return Seen;
}

void RaceFinder::consistency(llvm::ArrayRef<const FunctionDecl *> Functions) {
  struct Seen {
    Access Acc;
    LockSet Effective;
  };
  // Accesses to each member container, per class.
  llvm::DenseMap<const ValueDecl *, std::vector<Seen>> ByField;
  std::vector<const ValueDecl *> Order;
  for (const FunctionDecl *FD : Functions) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || !MD->isInstance() || MD->getParent()->isLambda() ||
        isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD) ||
        conventionallyLocked(MD))
      continue;
    const FunctionSummary &S = A.summary(FD);
    LockSet Entry;
    bool EntryKnown = false;
    for (const Access &Acc : S.Accesses) {
      if (!isMemberOfThis(Acc.Path))
        continue;
      if (!EntryKnown) {
        if (!A.callersOf(FD).empty())
          Entry = callerLocks(FD, 0);
        else if (MD->getAccess() == AS_private)
          break; // Not called in this file: nothing to say.
        EntryKnown = true;
      }
      const ValueDecl *F = Acc.Path.steps()[0].Field;
      LockSet Eff = Acc.Locks;
      Eff.add(Entry);
      auto &V = ByField[F];
      if (V.empty())
        Order.push_back(F);
      V.push_back({Acc, Eff});
    }
  }
  for (const ValueDecl *F : Order) {
    const std::vector<Seen> &V = ByField[F];
    // The member mutex most accesses hold.
    std::vector<std::pair<AccessPath, unsigned>> Counts;
    for (const Seen &S : V)
      for (const HeldLock &H : S.Effective.locks()) {
        if (!H.Mutex.isValid() ||
            H.Mutex.rootKind() != AccessPath::RootKind::This)
          continue;
        auto It = llvm::find_if(Counts, [&](const auto &C) {
          return C.first == H.Mutex;
        });
        if (It == Counts.end())
          Counts.push_back({H.Mutex, 1});
        else
          ++It->second;
      }
    if (Counts.empty())
      continue;
    auto Best = std::max_element(
        Counts.begin(), Counts.end(),
        [](const auto &X, const auto &Y) { return X.second < Y.second; });
    unsigned Guarded = Best->second, Total = V.size();
    if (Guarded < O.MinGuardedAccesses || Guarded * 2 <= Total)
      continue;
    const Seen *Example = nullptr;
    for (const Seen &S : V)
      if (S.Effective.holds(Best->first)) {
        Example = &S;
        break;
      }
    for (const Seen &S : V) {
      if (!S.Acc.Write || S.Effective.holds(Best->first) || !reportable(S.Acc))
        continue;
      unsigned Key = S.Acc.Site->getBeginLoc().getRawEncoding();
      if (Reports.count(Key))
        continue;
      RaceReport R;
      R.At = S.Acc;
      R.At.Locks = S.Effective;
      R.Other = Example->Acc;
      R.Consistency = true;
      R.Mutex = Best->first;
      R.Guarded = Guarded;
      R.Total = Total;
      Reports.emplace(Key, std::move(R));
    }
  }
}

// A thread started by a member function that outlives it runs alongside
// the class's other non-private member functions: callers may call them
// while it runs. Only the object's own members are compared; the thread's
// own functions, and accesses after the thread is joined, are left out.
void RaceFinder::memberThreads(
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  for (const FunctionDecl *FD : Functions) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || !MD->isInstance() || MD->getParent()->isLambda())
      continue;
    const FunctionSummary &S = A.summary(FD);
    for (const Spawn &Sp : S.Spawns) {
      if (!outlives(Sp, S))
        continue;
      std::vector<Access> Mine;
      for (Access &Acc : threadAccesses(Sp))
        if (Acc.Path.rootKind() == AccessPath::RootKind::This)
          Mine.push_back(std::move(Acc));
      if (Mine.empty())
        continue;
      llvm::DenseSet<const FunctionDecl *> Tree =
          callTree(A, Sp.Binding.Callee);
      for (const FunctionDecl *Other : Functions) {
        const auto *OM = dyn_cast<CXXMethodDecl>(Other);
        if (!OM || OM == MD || !OM->isInstance() ||
            OM->getParent()->getCanonicalDecl() !=
                MD->getParent()->getCanonicalDecl() ||
            OM->getAccess() == AS_private || isa<CXXConstructorDecl>(OM) ||
            isa<CXXDestructorDecl>(OM) || conventionallyLocked(OM) ||
            Tree.count(OM))
          continue;
        unsigned Joined = joinAfter(A.summary(OM), Sp.Handle, 0, UINT_MAX);
        LockSet Entry = callerLocks(OM, 0);
        std::vector<Access> Theirs;
        for (const Access &Acc : A.reach(OM)) {
          if (Acc.Pos >= Joined ||
              Acc.Path.rootKind() != AccessPath::RootKind::This)
            continue;
          Theirs.push_back(Acc);
          Theirs.back().Locks.add(Entry);
        }
        compare(Mine, Theirs, &Sp, nullptr, false);
      }
    }
  }
}

} // namespace

bool isAnnotatedGuarded(const AccessPath &P) {
  const ValueDecl *Last = nullptr;
  for (const AccessPath::Step &St : P.steps())
    if (St.Kind == AccessPath::StepKind::Field)
      Last = St.Field;
  if (!Last && P.rootKind() == AccessPath::RootKind::Var)
    Last = P.rootVar();
  return Last &&
         (Last->hasAttr<GuardedByAttr>() || Last->hasAttr<PtGuardedByAttr>());
}

std::vector<RaceReport>
findRaces(ConcurrencyAnalysis &A, llvm::ArrayRef<const FunctionDecl *> Functions,
          const RaceOptions &Options) {
  A.indexCallers(Functions);
  RaceFinder Finder(A, Options);
  for (const FunctionDecl *FD : Functions)
    Finder.spawner(FD);
  Finder.memberThreads(Functions);
  Finder.consistency(Functions);
  return Finder.take();
}

} // namespace mapsafety
