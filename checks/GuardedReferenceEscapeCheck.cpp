//===--- GuardedReferenceEscapeCheck.cpp - mapsafety ----------------------===//

#include "checks/GuardedReferenceEscapeCheck.h"

namespace clang::tidy::mapsafety {

using ::mapsafety::AccessPath;
using ::mapsafety::Escape;
using ::mapsafety::HeldLock;

namespace {

/// A container other threads reach: a member or a global, not a local.
bool sharedContainer(const AccessPath &P) {
  return P.isValid() && ::mapsafety::isSharedState(P, nullptr) &&
         (P.rootKind() == AccessPath::RootKind::This || P.isStatic());
}

/// The lock released when the function returns: one owned by a guard.
const HeldLock *scopedLock(const Escape &E) {
  for (const HeldLock &H : E.Locks.locks())
    if (H.Guard && H.Mutex.isValid())
      return &H;
  return nullptr;
}

const HeldLock *anyLock(const Escape &E) {
  for (const HeldLock &H : E.Locks.locks())
    if (H.Mutex.isValid())
      return &H;
  return nullptr;
}

} // namespace

void GuardedReferenceEscapeCheck::analyze(
    ::mapsafety::ConcurrencyAnalysis &A,
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  for (const FunctionDecl *FD : Functions) {
    for (const Escape &E : A.summary(FD).Escapes) {
      if (!sharedContainer(E.Container))
        continue;
      const HeldLock *L =
          E.How == Escape::Returned ? scopedLock(E) : anyLock(E);
      if (!L)
        continue;
      if (E.How == Escape::Returned)
        diag(E.Site->getExprLoc(),
             "returning %select{a|an}0 %1 to '%2' lets callers use it after "
             "'%3' is released")
            << (StringRef(E.What) == "iterator") << E.What << E.Container.describe() << ::mapsafety::mutexName(L->Mutex);
      else
        diag(E.Site->getExprLoc(),
             "storing %select{a|an}0 %1 to '%2' in '%3' lets it be used "
             "after '%4' is released")
            << (StringRef(E.What) == "iterator") << E.What
            << E.Container.describe() << E.Target.describe()
            << ::mapsafety::mutexName(L->Mutex);
      diag(L->Loc, "'%0' is locked here", DiagnosticIDs::Note)
          << ::mapsafety::mutexName(L->Mutex);
    }
  }
}

} // namespace clang::tidy::mapsafety
