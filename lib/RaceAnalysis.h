//===--- RaceAnalysis.h - Deciding which accesses race ---------*- C++ -*-===//
//
// Two forms, over the summaries of one translation unit:
//  - threads: a thread started in F runs from its start to its join; its
//    accesses (its entry's reach, mapped onto F) race with F's accesses in
//    that range, with threads whose ranges overlap it, and with itself
//    when it is started in a loop or by a pool. Two accesses race when they
//    name the same container, one writes, and no common mutex is held.
//  - lock consistency (RacerD's insight, no thread needed): a member
//    container of a class that is accessed under a member mutex in most of
//    the class's methods, but written without it elsewhere.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_RACEANALYSIS_H
#define MAPSAFETY_LIB_RACEANALYSIS_H

#include "lib/ConcurrencySummary.h"
#include <vector>

namespace mapsafety {

struct RaceReport {
  /// The unguarded access reported, and the one it conflicts with.
  Access At;
  Access Other;
  /// The thread start involved (null for the lock-consistency form).
  const Spawn *Thread = nullptr;
  /// The other thread, when Other runs on a second thread of this function.
  const Spawn *OtherThread = nullptr;
  /// At and Other are the same access of a thread started several times.
  bool SelfRace = false;

  // Lock-consistency form.
  bool Consistency = false;
  AccessPath Mutex;
  unsigned Guarded = 0, Total = 0;
};

struct RaceOptions {
  /// Report containers annotated GUARDED_BY (left to -Wthread-safety
  /// otherwise).
  bool AnnotatedContainers = false;
  /// The lock-consistency form needs this many accesses under the mutex.
  unsigned MinGuardedAccesses = 2;
};

/// Finds the races among the given functions (every function definition of
/// the translation unit the checks saw), one report per reported access.
std::vector<RaceReport>
findRaces(ConcurrencyAnalysis &A,
          llvm::ArrayRef<const clang::FunctionDecl *> Functions,
          const RaceOptions &Options);

/// Whether the container a path names carries a thread-safety annotation
/// (GUARDED_BY, PT_GUARDED_BY).
bool isAnnotatedGuarded(const AccessPath &P);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_RACEANALYSIS_H
