//===--- ThreadModel.h - Where threads start and are joined ----*- C++ -*-===//
//
// Thread entry points as the source spells them: std::thread, std::jthread,
// std::async (not deferred), pthread_create, threads emplaced into a
// container of threads, and calls of configured entry functions (thread
// pools, executors). And the points that order a thread before what
// follows: join(), future::get()/wait(), pthread_join.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_THREADMODEL_H
#define MAPSAFETY_LIB_THREADMODEL_H

#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace clang {
class Expr;
class FunctionDecl;
class LambdaExpr;
class CallExpr;
} // namespace clang

namespace mapsafety {

/// A function started on another thread, and what its parameters are bound
/// to.
struct ThreadStart {
  const clang::Expr *Site = nullptr;
  /// The function the thread runs (a lambda's call operator for lambdas).
  const clang::FunctionDecl *Entry = nullptr;
  const clang::LambdaExpr *Lambda = nullptr;
  /// For a member function entry: the object argument (pointer, reference
  /// wrapper or copied object).
  const clang::Expr *Object = nullptr;
  /// The arguments bound to Entry's parameters, in order; nullptr where the
  /// parameter gets no argument from the call site (std::stop_token).
  llvm::SmallVector<const clang::Expr *, 4> Args;
  /// Started through a configured entry function (a pool): runs
  /// concurrently with other tasks of the same kind, and is never joined.
  bool Pooled = false;
  /// The expression the started thread's handle is created from: the
  /// constructed std::thread, the container emplaced into, the pthread_t.
  const clang::Expr *HandleExpr = nullptr;
  /// The thread is joined when its handle is destroyed (std::jthread).
  bool JoinsOnDestruction = false;
};

class ThreadModel {
public:
  ThreadModel();
  /// Functions (by qualified name) whose callable argument runs on another
  /// thread: "ThreadPool::submit;boost::asio::post".
  void addEntryFunctions(llvm::StringRef List);

  /// The thread started by E: a std::thread/jthread construction, a call of
  /// std::async, pthread_create, emplace_back on a container of threads, or
  /// of a configured entry function.
  std::optional<ThreadStart> threadStart(const clang::Expr *E) const;
  /// The handle whose thread E waits for: `t` in t.join(), f.get(),
  /// f.wait(), pthread_join(t, ...).
  const clang::Expr *joinedHandle(const clang::CallExpr *E) const;

  /// The lambda E yields: itself, copied, wrapped in std::function, or a
  /// local initialised with one.
  static const clang::LambdaExpr *lambdaOf(const clang::Expr *E);

  static bool isThreadType(clang::QualType T);
  static bool isJoiningThreadType(clang::QualType T);
  /// A container of threads or futures (std::vector<std::thread>...).
  static bool holdsThreads(clang::QualType T);

private:
  bool resolveEntry(const clang::Expr *Callable, ThreadStart &S) const;
  llvm::StringSet<> EntryFunctions;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_THREADMODEL_H
