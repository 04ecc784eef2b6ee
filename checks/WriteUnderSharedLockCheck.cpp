//===--- WriteUnderSharedLockCheck.cpp - mapsafety ------------------------===//

#include "checks/WriteUnderSharedLockCheck.h"

namespace clang::tidy::mapsafety {

using ::mapsafety::Access;
using ::mapsafety::AccessPath;
using ::mapsafety::LockSet;

namespace {

/// Only reader locks are held: a writer would exclude the other readers.
bool onlyShared(const LockSet &L) { return L.anyShared() && !L.anyExclusive(); }

} // namespace

void WriteUnderSharedLockCheck::analyze(
    ::mapsafety::ConcurrencyAnalysis &A,
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  for (const FunctionDecl *FD : Functions) {
    const ::mapsafety::FunctionSummary &S = A.summary(FD);
    for (const Access &Acc : S.Accesses) {
      if (!Acc.Write || !onlyShared(Acc.Locks) ||
          !::mapsafety::isSharedUnderLocks(Acc.Path, FD, Acc.Locks))
        continue;
      const ::mapsafety::HeldLock *L = Acc.Locks.firstShared();
      diag(Acc.Site->getExprLoc(),
           Acc.Subscript
               ? "'operator[]' may insert into '%0' while only a shared lock "
                 "is held"
               : "'%0' is modified while only a shared lock is held")
          << Acc.Name;
      diag(L->Loc, "shared lock on '%0' acquired here", DiagnosticIDs::Note)
          << ::mapsafety::mutexName(L->Mutex);
    }
    for (const ::mapsafety::CallSite &C : S.Calls) {
      if (!onlyShared(C.Locks))
        continue;
      for (const Access &Acc : A.reach(C.Callee)) {
        if (!Acc.Write || Acc.Locks.anyExclusive() || onlyShared(Acc.Locks))
          continue; // Callee writes under its own locks are its own report.
        AccessPath P = A.mapToCaller(Acc.Path, C.Callee, C);
        if (!::mapsafety::isSharedUnderLocks(P, FD, C.Locks))
          continue;
        const ::mapsafety::HeldLock *L = C.Locks.firstShared();
        const auto *MD = dyn_cast<CXXMethodDecl>(C.Callee);
        std::string Callee = MD && MD->getParent()->isLambda()
                                 ? std::string("the lambda")
                                 : "'" + C.Callee->getNameAsString() + "'";
        diag(C.Site->getExprLoc(),
             "call to %0 modifies '%1' while only a shared lock is held")
            << Callee << P.describe();
        diag(Acc.Site->getExprLoc(),
             Acc.Subscript ? "'operator[]' may insert into '%0' here"
                           : "'%0' is modified here",
             DiagnosticIDs::Note)
            << Acc.Name;
        diag(L->Loc, "shared lock on '%0' acquired here", DiagnosticIDs::Note)
            << ::mapsafety::mutexName(L->Mutex);
        break;
      }
    }
  }
}

} // namespace clang::tidy::mapsafety
