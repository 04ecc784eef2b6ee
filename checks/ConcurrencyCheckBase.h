//===--- ConcurrencyCheckBase.h - mapsafety -------------------*- C++ -*-===//
//
// What the three concurrency checks share: their options, the models built
// from them, and the collection of the translation unit's functions, which
// they analyse together at its end.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_CHECKS_CONCURRENCYCHECKBASE_H
#define MAPSAFETY_CHECKS_CONCURRENCYCHECKBASE_H

#include "clang-tidy/ClangTidyCheck.h"
#include "lib/ConcurrencySummary.h"
#include "llvm/ADT/SetVector.h"

namespace clang::tidy::mapsafety {

class ConcurrencyCheckBase : public ClangTidyCheck {
public:
  ConcurrencyCheckBase(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  /// Runs the check over the functions of the translation unit.
  virtual void analyze(::mapsafety::ConcurrencyAnalysis &A,
                       llvm::ArrayRef<const FunctionDecl *> Functions) = 0;

private:
  const std::string ContainerTypes;
  const std::string MutatingMethods;
  const std::string ThreadEntryFunctions;
  const std::string ThreadSafeTypes;
  const std::string LockGuardTypes;
  const std::string SharedLockGuardTypes;
  ::mapsafety::ContainerModel Containers;
  ::mapsafety::LockModel Locks;
  ::mapsafety::ThreadModel Threads;
  ::mapsafety::ConcurrencyOptions Analysis;
  llvm::SetVector<const FunctionDecl *> Functions;
  const SourceManager *SM = nullptr;
};

} // namespace clang::tidy::mapsafety

#endif
