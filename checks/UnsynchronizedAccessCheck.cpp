//===--- UnsynchronizedAccessCheck.cpp - mapsafety ------------------------===//

#include "checks/UnsynchronizedAccessCheck.h"
#include "lib/RaceAnalysis.h"

namespace clang::tidy::mapsafety {

namespace {
// Options are read as strings. The typed OptionsView::get<bool> and
// store<bool> are explicit specialisations defined in clang-tidy, declared
// with an enable_if_t return type that GCC and Clang mangle differently
// (`is_integral_v<bool>` vs `std::is_integral_v<bool>`): a plugin built with
// GCC cannot bind to the ones in Debian's Clang-built clang-tidy.
unsigned parseCount(StringRef S) {
  unsigned N = 2;
  return S.trim().getAsInteger(10, N) ? 2 : N;
}
} // namespace

UnsynchronizedAccessCheck::UnsynchronizedAccessCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : ConcurrencyCheckBase(Name, Context),
      AnnotatedContainers(
          StringRef(Options.get("AnnotatedContainers", "false"))
              .equals_insensitive("true")),
      MinGuardedAccesses(parseCount(Options.get("MinGuardedAccesses", "2"))) {
}

void UnsynchronizedAccessCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  ConcurrencyCheckBase::storeOptions(Opts);
  Options.store(Opts, "AnnotatedContainers",
                AnnotatedContainers ? "true" : "false");
  Options.store(Opts, "MinGuardedAccesses", std::to_string(MinGuardedAccesses));
}

void UnsynchronizedAccessCheck::analyze(
    ::mapsafety::ConcurrencyAnalysis &A,
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  ::mapsafety::RaceOptions O;
  O.AnnotatedContainers = AnnotatedContainers;
  O.MinGuardedAccesses = MinGuardedAccesses;
  for (const ::mapsafety::RaceReport &R :
       ::mapsafety::findRaces(A, Functions, O)) {
    const ::mapsafety::Access &At = R.At, &Other = R.Other;
    if (R.Consistency) {
      diag(At.Site->getExprLoc(),
           "'%0' is modified without holding '%1', which guards it elsewhere")
          << At.Name << ::mapsafety::mutexName(R.Mutex);
      diag(Other.Site->getExprLoc(),
           "'%0' is guarded by '%1' in %2 of %3 accesses",
           DiagnosticIDs::Note)
          << Other.Name << ::mapsafety::mutexName(R.Mutex) << R.Guarded << R.Total;
      noteLocks(At, Other);
      continue;
    }
    if (At.Write)
      diag(At.Site->getExprLoc(),
           "'%0' is modified while another thread may %select{read|modify}1 "
           "it, with no common mutex held")
          << At.Name << Other.Write;
    else
      diag(At.Site->getExprLoc(),
           "'%0' is read while another thread may modify it, with no common "
           "mutex held")
          << At.Name;
    if (R.Thread) {
      const ::mapsafety::Spawn &Sp = *R.Thread;
      unsigned Kind = Sp.Start.Pooled ? 2 : R.SelfRace ? 1 : 0;
      diag(Sp.Start.Site->getExprLoc(),
           "%select{thread started here|thread started here, several "
           "times: it runs concurrently with itself|task submitted here; "
           "tasks run concurrently with each other}0",
           DiagnosticIDs::Note)
          << Kind;
    }
    if (R.OtherThread)
      diag(R.OtherThread->Start.Site->getExprLoc(),
           "%select{another|the other}0 thread started here",
           DiagnosticIDs::Note)
          << (Other.Site != At.Site);
    if (Other.Site != At.Site)
      diag(Other.Site->getExprLoc(), "conflicting %select{read|write}0 here",
           DiagnosticIDs::Note)
          << Other.Write;
    noteLocks(At, Other);
  }
}

void UnsynchronizedAccessCheck::noteLocks(const ::mapsafety::Access &At,
                                          const ::mapsafety::Access &Other) {
  if (At.Locks.empty())
    diag(At.Site->getExprLoc(), "no mutex held here", DiagnosticIDs::Note);
  else
    diag(At.Site->getExprLoc(),
         "only %0 held here; the other access %select{holds %2|holds no "
         "mutex}1",
         DiagnosticIDs::Note)
        << At.Locks.describe() << Other.Locks.empty()
        << Other.Locks.describe();
}

} // namespace clang::tidy::mapsafety
