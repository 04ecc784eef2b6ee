//===--- ConcurrencySummary.h - Per-function concurrency facts -*- C++ -*-===//
//
// What a function does that matters for races, computed once per function
// by a structured walk of its body: the container accesses with the locks
// held at each, the calls with the locks held, the threads it starts and
// joins, and the references to containers it lets escape. Positions order
// the events of one function, so that "after the thread starts and before
// it is joined" is a range of positions.
//
// reach() adds what callees do, mapped onto the caller's frame (a callee's
// this->m_ becomes the caller's obj.m_; a parameter becomes the argument),
// with the caller's locks added to the callee's: a lock held by the caller
// covers the callee. Each function's reach is computed once and reused; a
// call cycle is cut where it closes.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_CONCURRENCYSUMMARY_H
#define MAPSAFETY_LIB_CONCURRENCYSUMMARY_H

#include "lib/AccessPath.h"
#include "lib/ContainerModel.h"
#include "lib/LockModel.h"
#include "lib/ThreadModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class CXXMethodDecl;
class Expr;
class FunctionDecl;
class SourceManager;
} // namespace clang

namespace mapsafety {

/// A container access.
struct Access {
  AccessPath Path;
  /// The access expression (a call or operator), where diagnostics point.
  const clang::Expr *Site = nullptr;
  /// The function Site is in.
  const clang::FunctionDecl *Fn = nullptr;
  /// The container as the function that accesses it names it ("data_").
  std::string Name;
  bool Write = false;
  /// A map operator[]: a write that readers often take for a lookup.
  bool Subscript = false;
  LockSet Locks;
  /// Position in the function the access is seen from: for an access made
  /// by a callee, the position of the call.
  unsigned Pos = 0;
  /// For an access made by a callee: the call in the function it is seen
  /// from.
  const clang::Expr *Via = nullptr;
};

/// A call of a function whose body is in the translation unit.
struct CallSite {
  const clang::FunctionDecl *Callee = nullptr;
  const clang::Expr *Site = nullptr;
  /// What the callee's `this` denotes in the caller.
  AccessPath Object;
  /// What each callee parameter denotes in the caller: the referenced object
  /// for references, `&pointee` for pointers, invalid for copies.
  llvm::SmallVector<AccessPath, 4> Args;
  LockSet Locks;
  unsigned Pos = 0;
};

/// A thread started by the function.
struct Spawn {
  ThreadStart Start;
  /// The entry with its parameters bound, as a call.
  CallSite Binding;
  /// The handle that joins it (the thread, future, container of threads).
  AccessPath Handle;
  unsigned Pos = 0;
  /// The innermost loop around the start: [LoopBegin, LoopEnd), or 0, 0.
  unsigned LoopBegin = 0, LoopEnd = 0;
  bool inLoop() const { return LoopEnd != 0; }
};

struct Join {
  AccessPath Handle;
  unsigned Pos = 0;
};

/// A reference, pointer or iterator to a container or to one of its
/// elements leaving the function (returned), stored where it outlives the
/// statement, or captured by a lambda that does either or runs on another
/// thread.
struct Escape {
  enum Kind { Returned, Stored, Started } How;
  const clang::Expr *Site = nullptr;
  /// For a capture: the capture, where diagnostics point.
  clang::SourceLocation CaptureLoc;
  AccessPath Container;
  /// It refers to an element of Container, not to Container itself.
  bool Element = false;
  /// The store's destination, for Stored.
  AccessPath Target;
  /// The locks held where it escapes.
  LockSet Locks;
  /// The locks held where it was taken (into a local) that were released
  /// before it escapes.
  LockSet Released;
  /// "reference", "pointer", "iterator".
  const char *What = "reference";
};

struct FunctionSummary {
  const clang::FunctionDecl *Fn = nullptr;
  std::vector<Access> Accesses;
  std::vector<CallSite> Calls;
  std::vector<Spawn> Spawns;
  std::vector<Join> Joins;
  std::vector<Escape> Escapes;
  unsigned EndPos = 0;
  /// A helper that returns a lock guard (std::unique_lock): the lock the
  /// caller holds through it.
  std::optional<HeldLock> ReturnedLock;
};

/// Options shared by the concurrency checks.
struct ConcurrencyOptions {
  /// Methods of user container types that change their structure.
  llvm::StringSet<> MutatingMethods;
  /// Types that are safe to use concurrently (tbb::concurrent_hash_map).
  llvm::StringSet<> ThreadSafeTypes;
};

/// Summaries of the functions of one translation unit, computed on demand
/// and cached.
class ConcurrencyAnalysis {
public:
  ConcurrencyAnalysis(const ContainerModel &Containers, const LockModel &Locks,
                      const ThreadModel &Threads,
                      const ConcurrencyOptions &Options,
                      const clang::SourceManager &SM);
  ~ConcurrencyAnalysis();

  /// Whether FD has a body the analysis looks at (user code, not a
  /// dependent template).
  bool analyzable(const clang::FunctionDecl *FD) const;
  /// The function's own facts; an empty summary when not analyzable.
  const FunctionSummary &summary(const clang::FunctionDecl *FD);
  /// Accesses made by FD and its callees, in FD's frame.
  const std::vector<Access> &reach(const clang::FunctionDecl *FD);
  /// Maps a path of Callee's frame onto the frame of the call C; invalid
  /// when it denotes something the caller cannot name (a callee local).
  AccessPath mapToCaller(const AccessPath &P, const clang::FunctionDecl *Callee,
                         const CallSite &C) const;
  /// Every call of FD seen so far, with its caller: lets a check ask which
  /// locks all callers hold.
  const std::vector<std::pair<const clang::FunctionDecl *, const CallSite *>> &
  callersOf(const clang::FunctionDecl *FD);
  /// Registers the calls of every summarised function (for callersOf).
  void indexCallers(llvm::ArrayRef<const clang::FunctionDecl *> Functions);

  const ContainerModel &containers() const { return Containers; }
  const LockModel &locks() const { return Locks; }
  const ThreadModel &threads() const { return Threads; }
  const ConcurrencyOptions &options() const { return Options; }

private:
  const ContainerModel &Containers;
  const LockModel &Locks;
  const ThreadModel &Threads;
  const ConcurrencyOptions &Options;
  const clang::SourceManager &SM;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<std::vector<Access>>>
      Reach;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<std::pair<const clang::FunctionDecl *,
                                       const CallSite *>>>
      Callers;
  FunctionSummary Empty;
  std::vector<Access> NoAccesses;
};

/// Whether a path denotes state that outlives one call of its function and
/// is not private to one thread: not thread_local, not a local of Fn.
bool isSharedState(const AccessPath &P, const clang::FunctionDecl *Fn);

/// Whether a write in Fn to P, with Locks held, is to state other threads
/// reach: shared state that is not a local of Fn (a lambda's captures are
/// its enclosing function's), nor what a parameter of Fn points to unless a
/// held shared lock is on that same object (`r.mu` for `r.map`). An output
/// parameter filled under a reader lock is the caller's.
bool isSharedUnderLocks(const AccessPath &P, const clang::FunctionDecl *Fn,
                        const LockSet &Locks);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_CONCURRENCYSUMMARY_H
