//===--- UncheckedFindCheck.h - mapsafety ----------------------*- C++ -*-===//

#ifndef MAPSAFETY_CHECKS_UNCHECKEDFINDCHECK_H
#define MAPSAFETY_CHECKS_UNCHECKEDFINDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "lib/ContainerModel.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::mapsafety {

/// Finds the result of find, lower_bound, upper_bound, equal_range().first
/// and std::find/find_if dereferenced on a path where it was not compared
/// with the container's end().
class UncheckedFindCheck : public ClangTidyCheck {
public:
  UncheckedFindCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  ::mapsafety::ContainerModel Model;
  const std::string ContainerTypes;
  /// Template instantiations share source locations: report each once.
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::mapsafety

#endif // MAPSAFETY_CHECKS_UNCHECKEDFINDCHECK_H
