//===--- LockModel.h - Which locks are held, and how -----------*- C++ -*-===//
//
// Lock acquisition and release as the source spells them: RAII guards
// (std::lock_guard, unique_lock, scoped_lock, shared_lock and the Boost,
// Abseil and folly equivalents), lock()/unlock() on any lockable object,
// pthread mutexes and rwlocks, std::lock. A lock's identity is the access
// path of its mutex ("this->mu_", "g_mu", "other->mu_").
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_LOCKMODEL_H
#define MAPSAFETY_LIB_LOCKMODEL_H

#include "lib/AccessPath.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <functional>
#include <optional>
#include <string>

namespace clang {
class CallExpr;
class CXXRecordDecl;
class CXXConstructExpr;
class Expr;
class VarDecl;
} // namespace clang

namespace mapsafety {

/// One lock held at a program point. An invalid Mutex path stands for a lock
/// whose mutex is not known (taken through an unknown object): it is held,
/// but matches any mutex, so that it never causes a report.
struct HeldLock {
  AccessPath Mutex;
  bool Shared = false;
  /// The RAII guard that releases it at the end of its scope, if any.
  const clang::VarDecl *Guard = nullptr;
  /// Where it was acquired, for notes.
  clang::SourceLocation Loc;

  bool sameLock(const HeldLock &O) const {
    return Mutex == O.Mutex && Shared == O.Shared && Guard == O.Guard;
  }
};

/// The set of locks that are certainly held at a point.
class LockSet {
public:
  void acquire(const HeldLock &L);
  /// Releases the locks owned by guard G (its destructor or unlock()).
  void releaseGuard(const clang::VarDecl *G);
  /// Releases mutex M whoever owns it (mu.unlock()).
  void release(const AccessPath &M);
  /// Keeps a guard's locks held but no longer owned (unique_lock::release()).
  void disown(const clang::VarDecl *G);

  bool empty() const { return Locks.empty(); }
  llvm::ArrayRef<HeldLock> locks() const { return Locks; }
  bool anyExclusive() const;
  bool anyShared() const;
  /// The first lock held in shared mode, for notes.
  const HeldLock *firstShared() const;
  /// Whether some lock is common to both sets such that the two accesses
  /// exclude each other (unknown mutexes count as common).
  bool excludes(const LockSet &O) const;
  /// Whether the mutex whose path is M (or an unknown mutex) is held.
  bool holds(const AccessPath &M) const;

  /// The locks held on both paths of a branch.
  static LockSet meet(const LockSet &A, const LockSet &B);
  /// Adds the locks of O (a callee's locks on top of the caller's).
  void add(const LockSet &O);
  /// Rewrites each mutex path (e.g. onto a caller's frame); paths that
  /// cannot be mapped become unknown mutexes.
  LockSet mapped(const std::function<AccessPath(const AccessPath &)> &F) const;

  /// "'mu_'", "'mu_' and 'other_'", "a lock".
  std::string describe() const;

private:
  llvm::SmallVector<HeldLock, 2> Locks;
};

/// How messages name a mutex: "mu_" for any object's mu_, "g_mu".
std::string mutexName(const AccessPath &M);

/// What a constructor of a lock guard does.
struct GuardConstruction {
  llvm::SmallVector<AccessPath, 2> Mutexes;
  bool Shared = false;
  /// false for std::defer_lock: the guard exists but does not hold yet.
  bool Acquires = true;
};

/// A lock or unlock call on a mutex (not on a guard).
struct MutexOp {
  enum Kind { Lock, Unlock } Op;
  bool Shared = false;
  llvm::SmallVector<AccessPath, 2> Mutexes;
};

/// A test of a lock attempt (`mu.try_lock()`, `lk.owns_lock()`, `lk`,
/// `pthread_mutex_trylock(&m) == 0`, `std::try_lock(a, b) == -1`): the lock
/// is held only where the test has the value WhenTrue.
struct LockTest {
  /// The mutexes a try-lock call took, or the guard whose state is tested.
  llvm::SmallVector<AccessPath, 2> Mutexes;
  const clang::VarDecl *Guard = nullptr;
  bool Shared = false;
  bool WhenTrue = true;
};

/// Recognises guard types, mutexes and lock calls.
class LockModel {
public:
  LockModel();
  /// Extra guard types by qualified name (option LockGuardTypes /
  /// SharedLockGuardTypes).
  void addGuardTypes(llvm::StringRef List, bool Shared);

  /// Whether T is a lock guard; Shared tells whether it locks for reading.
  bool isGuardType(clang::QualType T, bool *Shared = nullptr) const;
  /// The effect of constructing a guard, or nothing when E is not one.
  std::optional<GuardConstruction>
  guardConstruction(const clang::CXXConstructExpr *E) const;
  /// mu.lock(), mu.unlock_shared(), pthread_mutex_lock(&m), std::lock(a, b)...
  std::optional<MutexOp> mutexOp(const clang::CallExpr *E) const;
  /// The lock attempt a condition tests, if any.
  std::optional<LockTest> lockTest(const clang::Expr *Cond) const;
  /// lk.lock() / lk.unlock() / lk.release() on a guard variable: the guard
  /// and the method name.
  const clang::VarDecl *guardCall(const clang::CallExpr *E,
                                  llvm::StringRef &Method) const;

  /// The path of the mutex an argument names: `mu_`, `&mu_`, `mu_ptr`.
  static AccessPath mutexPath(const clang::Expr *E);

private:
  /// A class of the project's own whose constructor locks and whose
  /// destructor unlocks (zmq::scoped_lock_t, a hand-written MutexLock) is
  /// a guard: 0 no, 1 exclusive, 2 shared. Needs both bodies visible; a
  /// reader lock that can be upgraded to a writer lock is none.
  int inferredGuard(const clang::CXXRecordDecl *RD) const;

  llvm::StringSet<> ExclusiveGuards;
  llvm::StringSet<> SharedGuards;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, int> Inferred;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_LOCKMODEL_H
