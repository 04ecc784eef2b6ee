//===--- MutationDuringIterationCheck.h - mapsafety -----------*- C++ -*-===//

#ifndef MAPSAFETY_CHECKS_MUTATIONDURINGITERATIONCHECK_H
#define MAPSAFETY_CHECKS_MUTATIONDURINGITERATIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "lib/ContainerModel.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace mapsafety {
class IterationAnalysis;
struct IterationFinding;
} // namespace mapsafety

namespace clang::tidy::mapsafety {

/// Finds a container modified inside a loop that iterates over it, in a way
/// that invalidates the loop's iterator, and iterators used after erase().
class MutationDuringIterationCheck : public ClangTidyCheck {
public:
  MutationDuringIterationCheck(StringRef Name, ClangTidyContext *Context);
  ~MutationDuringIterationCheck() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  ::mapsafety::ContainerModel Model;
  const std::string ContainerTypes;
  void report(const ::mapsafety::IterationFinding &F, ASTContext &Ctx);

  std::unique_ptr<::mapsafety::IterationAnalysis> Analysis;
  /// Diagnostics are reported once per location, whatever the number of
  /// template instantiations that reach it.
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::mapsafety

#endif
