//===--- UncheckedFindCheck.cpp - mapsafety -------------------------------===//

#include "checks/UncheckedFindCheck.h"
#include "lib/FindAnalysis.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::mapsafety {

UncheckedFindCheck::UncheckedFindCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ContainerTypes(Options.get("ContainerTypes", "")) {
  Model.addContainerTypes(ContainerTypes);
}

void UncheckedFindCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", ContainerTypes);
}

void UncheckedFindCheck::registerMatchers(MatchFinder *Finder) {
  // The standard library's own code is not the user's to fix.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("fn"),
                     this);
}

void UncheckedFindCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  // Template patterns are analysed through their instantiations, where
  // the container types are known.
  if (!FD || FD->isDependentContext() || FD->isInvalidDecl())
    return;
  for (const ::mapsafety::FindReport &R : ::mapsafety::findUncheckedSearches(
           FD, FD->getBody(), *Result.Context, Model)) {
    SourceLocation Loc = R.Deref->getBeginLoc();
    if (!Reported.insert(Loc.getRawEncoding()).second)
      continue;
    diag(Loc, "%select{iterator '%1' returned by|result of}0 '%2' is "
              "dereferenced without a check against end() of '%3'; "
              "%select{check it first|check it first or use 'at()'}4")
        << R.Iterator.empty() << R.Iterator << R.Function << R.Container
        << R.SuggestAt;
    if (!R.Iterator.empty())
      diag(R.Search->getBeginLoc(), "'%0' is set from '%1' here",
           DiagnosticIDs::Note)
          << R.Iterator << R.Function;
    if (R.WrongEnd)
      diag(R.WrongEnd->getBeginLoc(),
           "'%0' is compared with end() of '%1', a different container than "
           "'%2'",
           DiagnosticIDs::Note)
          << R.Iterator << R.WrongContainer << R.Container;
  }
}

} // namespace clang::tidy::mapsafety
