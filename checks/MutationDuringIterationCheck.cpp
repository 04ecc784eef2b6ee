//===--- MutationDuringIterationCheck.cpp - mapsafety ---------------------===//

#include "checks/MutationDuringIterationCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace mapsafety {
class IterationAnalysis {};
}

namespace clang::tidy::mapsafety {

MutationDuringIterationCheck::MutationDuringIterationCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ContainerTypes(Options.get("ContainerTypes", "")) {
  Model.addContainerTypes(ContainerTypes);
}

MutationDuringIterationCheck::~MutationDuringIterationCheck() = default;

void MutationDuringIterationCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", ContainerTypes);
}

void MutationDuringIterationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(cxxForRangeStmt().bind("loop"), this);
}

void MutationDuringIterationCheck::check(const MatchFinder::MatchResult &Result) {}

void MutationDuringIterationCheck::onEndOfTranslationUnit() { Analysis.reset(); }

} // namespace clang::tidy::mapsafety
