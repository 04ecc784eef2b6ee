//===--- GuardedReferenceEscapeCheck.cpp - mapsafety ----------------------===//

#include "checks/GuardedReferenceEscapeCheck.h"

namespace clang::tidy::mapsafety {

using ::mapsafety::AccessPath;
using ::mapsafety::Escape;
using ::mapsafety::HeldLock;
using ::mapsafety::LockSet;

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

const HeldLock *anyLock(const LockSet &L) {
  for (const HeldLock &H : L.locks())
    if (H.Mutex.isValid())
      return &H;
  return nullptr;
}

/// The lock the escaping reference outlives: one released when the
/// function returns (for returns), any held (for stores and captures), or
/// the one it was taken under and that was released since.
const HeldLock *outlivedLock(const Escape &E) {
  if (const HeldLock *L =
          E.How == Escape::Returned ? scopedLock(E) : anyLock(E.Locks))
    return L;
  return anyLock(E.Released);
}

} // namespace

void GuardedReferenceEscapeCheck::analyze(
    ::mapsafety::ConcurrencyAnalysis &A,
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  for (const FunctionDecl *FD : Functions) {
    for (const Escape &E : A.summary(FD).Escapes) {
      if (!sharedContainer(E.Container))
        continue;
      const HeldLock *L = outlivedLock(E);
      if (!L)
        continue;
      bool An = StringRef(E.What) == "iterator";
      std::string Mutex = ::mapsafety::mutexName(L->Mutex);
      if (E.CaptureLoc.isValid())
        diag(E.CaptureLoc,
             "lambda capturing %select{a|an}0 %1 to %select{|an element of "
             "}2'%3' %select{is returned|is stored in '%5'|runs on another "
             "thread}4 and may use it after '%6' is released")
            << An << E.What << E.Element << E.Container.describe() << E.How
            << E.Target.describe() << Mutex;
      else if (E.How == Escape::Returned)
        diag(E.Site->getExprLoc(),
             "returning %select{a|an}0 %1 to %select{|an element of }2'%3' "
             "lets callers use it after '%4' is released")
            << An << E.What << E.Element << E.Container.describe() << Mutex;
      else
        diag(E.Site->getExprLoc(),
             "storing %select{a|an}0 %1 to %select{|an element of }2'%3' in "
             "'%4' lets it be used after '%5' is released")
            << An << E.What << E.Element << E.Container.describe()
            << E.Target.describe() << Mutex;
      diag(L->Loc, "'%0' is locked here", DiagnosticIDs::Note)
          << ::mapsafety::mutexName(L->Mutex);
    }
  }
}

} // namespace clang::tidy::mapsafety
