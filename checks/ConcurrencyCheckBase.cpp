//===--- ConcurrencyCheckBase.cpp - mapsafety -----------------------------===//

#include "checks/ConcurrencyCheckBase.h"
#include "lib/Names.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::mapsafety {

using ::mapsafety::addNameList;

ConcurrencyCheckBase::ConcurrencyCheckBase(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ContainerTypes(Options.get("ContainerTypes", "")),
      MutatingMethods(Options.get("MutatingMethods", "")),
      ThreadEntryFunctions(Options.get("ThreadEntryFunctions", "")),
      ThreadSafeTypes(Options.get(
          "ThreadSafeTypes",
          "tbb::concurrent_hash_map;tbb::concurrent_unordered_map;"
          "tbb::concurrent_vector;folly::ConcurrentHashMap;"
          "folly::AtomicHashMap;folly::Synchronized")),
      LockGuardTypes(Options.get("LockGuardTypes", "")),
      SharedLockGuardTypes(Options.get("SharedLockGuardTypes", "")) {
  Containers.addContainerTypes(ContainerTypes);
  Threads.addEntryFunctions(ThreadEntryFunctions);
  Locks.addGuardTypes(LockGuardTypes, /*Shared=*/false);
  Locks.addGuardTypes(SharedLockGuardTypes, /*Shared=*/true);
  addNameList(Analysis.MutatingMethods, MutatingMethods);
  addNameList(Analysis.ThreadSafeTypes, ThreadSafeTypes);
}

void ConcurrencyCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", ContainerTypes);
  Options.store(Opts, "MutatingMethods", MutatingMethods);
  Options.store(Opts, "ThreadEntryFunctions", ThreadEntryFunctions);
  Options.store(Opts, "ThreadSafeTypes", ThreadSafeTypes);
  Options.store(Opts, "LockGuardTypes", LockGuardTypes);
  Options.store(Opts, "SharedLockGuardTypes", SharedLockGuardTypes);
}

void ConcurrencyCheckBase::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("fn"),
      this);
  Finder->addMatcher(lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"),
                     this);
}

void ConcurrencyCheckBase::check(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn"))
    Functions.insert(FD);
  if (const auto *LE = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    if (const FunctionDecl *Op = LE->getCallOperator())
      Functions.insert(Op);
}

void ConcurrencyCheckBase::onEndOfTranslationUnit() {
  if (SM) {
    ::mapsafety::ConcurrencyAnalysis A(Containers, Locks, Threads, Analysis,
                                       *SM);
    analyze(A, Functions.getArrayRef());
  }
  Functions.clear();
  SM = nullptr;
}

} // namespace clang::tidy::mapsafety
