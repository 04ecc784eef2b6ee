//===--- NullMapDereferenceCheck.h - mapsafety -----------------*- C++ -*-===//

#ifndef MAPSAFETY_CHECKS_NULLMAPDEREFERENCECHECK_H
#define MAPSAFETY_CHECKS_NULLMAPDEREFERENCECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "lib/ContainerModel.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace mapsafety {
class NullFacts;
struct NullReport;
} // namespace mapsafety

namespace clang::tidy::mapsafety {

/// Finds a pointer, unique_ptr, shared_ptr or optional holding a container
/// dereferenced where it may be null or empty: Go's "assignment to entry in
/// nil map".
class NullMapDereferenceCheck : public ClangTidyCheck {
public:
  NullMapDereferenceCheck(StringRef Name, ClangTidyContext *Context);
  ~NullMapDereferenceCheck() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void report(const ::mapsafety::NullReport &R);

  ::mapsafety::ContainerModel Model;
  const std::string ContainerTypes;
  std::unique_ptr<::mapsafety::NullFacts> Facts;
  /// Template instantiations share source locations: report each once; a
  /// member that is never set is reported at its first use only.
  llvm::DenseSet<unsigned> Reported;
  llvm::DenseSet<const Decl *> ReportedMembers;
};

} // namespace clang::tidy::mapsafety

#endif // MAPSAFETY_CHECKS_NULLMAPDEREFERENCECHECK_H
