//===--- MutationDuringIterationCheck.cpp - mapsafety ---------------------===//

#include "checks/MutationDuringIterationCheck.h"
#include "checks/IterationFixes.h"
#include "lib/IterationAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
using ::mapsafety::IterationFinding;
using ::mapsafety::IterationHazard;
using ::mapsafety::Mutation;
using ::mapsafety::OpKind;

namespace clang::tidy::mapsafety {

namespace {

/// "erases from", "inserts into", "clears": what an operation does.
std::string verbOf(const Mutation &M) {
  switch (M.Effect.Kind) {
  case OpKind::Insert:
    return "inserts into";
  case OpKind::Erase:
    return "erases from";
  case OpKind::Reset:
    if (M.Op == "clear")
      return "clears";
    if (M.Op == "swap")
      return "swaps";
    return "reassigns";
  case OpKind::Read:
    break;
  }
  return "modifies";
}

/// What the modification does to the container, e.g. "may rehash 'ids'".
std::string actionOf(const IterationFinding &F, const std::string &Container) {
  const Mutation &M = F.Change;
  const std::string Quoted = "'" + Container + "'";
  switch (F.Hazard) {
  case IterationHazard::ErasesCurrent:
    return "erases the element of " + Quoted + " that the loop is visiting";
  case IterationHazard::InvalidatesAll:
    if (M.Effect.Kind == OpKind::Insert) {
      switch (M.Info.Family) {
      case ::mapsafety::ContainerFamily::Vector:
        return "may reallocate " + Quoted;
      case ::mapsafety::ContainerFamily::Unordered:
      case ::mapsafety::ContainerFamily::FlatHash:
      case ::mapsafety::ContainerFamily::NodeHash:
        return "may rehash " + Quoted;
      default:
        return "inserts into " + Quoted;
      }
    }
    return verbOf(M) + " " + Quoted;
  case IterationHazard::InvalidatesEnd:
  case IterationHazard::UseAfterErase:
    return "erases from " + Quoted;
  }
  return "modifies " + Quoted;
}

/// The iterator the loop goes on to use.
std::string victimOf(const IterationFinding &F) {
  if (F.Hazard == IterationHazard::InvalidatesEnd)
    return "the end iterator that the range-for compares against";
  if (F.Loop->IsRangeFor)
    return "the range-for's iterator";
  return "iterator '" + F.Loop->Iterator->getNameAsString() +
         "', which the loop uses next";
}

/// The warning text for a loop finding.
std::string loopMessage(const IterationFinding &F, const std::string &Container) {
  const Mutation &M = F.Change;
  if (!M.Via && F.Hazard == IterationHazard::ErasesCurrent)
    return "erasing the element of '" + Container +
           "' that the loop is visiting invalidates " + victimOf(F);
  std::string Subject = M.Via ? "call to '" + M.Via->getNameAsString() + "'"
                              : "'" + M.Op + "'";
  return Subject + " " + actionOf(F, Container) + ", invalidating " +
         victimOf(F);
}

} // namespace

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
  // Whole functions, not loops: finding a loop's function through the
  // parent map would build that map for the whole translation unit.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("fn"),
      this);
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
}

void MutationDuringIterationCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Fn = Lambda->getCallOperator();
  if (!Fn || !Fn->hasBody() || Fn->isDependentContext() || Fn->isInvalidDecl())
    return;
  ::mapsafety::LoopsAndErases Found = ::mapsafety::findLoopsAndErases(Fn);
  if (Found.Loops.empty() && Found.Erases.empty())
    return;
  if (!Analysis)
    Analysis = std::make_unique<::mapsafety::IterationAnalysis>(
        Model, *Result.Context);

  for (const Stmt *Loop : Found.Loops)
    if (std::optional<::mapsafety::IterationLoop> L = Analysis->matchLoop(Loop))
      for (const IterationFinding &F : Analysis->analyzeLoop(*L, Fn))
        report(F, *Result.Context);
  for (const CXXMemberCallExpr *Erase : Found.Erases)
    if (auto F = Analysis->analyzeErase(Erase, Fn))
      report(*F, *Result.Context);
}

void MutationDuringIterationCheck::report(const IterationFinding &F,
                                          ASTContext &Ctx) {
  const Mutation &M = F.Change;
  SourceLocation Loc = M.Trigger->getBeginLoc();
  if (Loc.isInvalid() || !Reported.insert(Loc.getRawEncoding()).second)
    return;
  const std::string Container = M.Container.describe();

  if (F.Hazard == IterationHazard::UseAfterErase) {
    std::string It = F.NextUse ? F.NextUse->getDecl()->getNameAsString()
                               : std::string("the iterator");
    diag(Loc, "'%0' is used after 'erase' invalidated it; continue from the "
              "iterator that 'erase' returns")
        << It;
    if (F.NextUse)
      diag(F.NextUse->getLocation(), "'%0' is used here after the erase",
           DiagnosticIDs::Note)
          << It;
    return;
  }

  {
    auto D = diag(Loc, "%0") << loopMessage(F, Container);
    if (auto Fix = ::mapsafety::iterationFix(F, Ctx, getLangOpts()))
      for (const FixItHint &H : *Fix)
        D << H;
  }
  diag(F.Loop->Loop->getBeginLoc(), "loop over '%0' here", DiagnosticIDs::Note)
      << Container;
  if (M.Leaf && M.Leaf != M.Trigger) {
    // The modification is in a callee, or in a lambda the trigger runs.
    std::string Actor = M.LeafFunction && M.Via
                            ? M.LeafFunction->getNameAsString()
                            : M.Op;
    diag(M.Leaf->getBeginLoc(), "'%0' %1 '%2' here", DiagnosticIDs::Note)
        << Actor << verbOf(M) << M.LeafContainer;
  }
  if (F.NextUse)
    diag(F.NextUse->getLocation(), "'%0' is used here after the change",
         DiagnosticIDs::Note)
        << F.NextUse->getDecl()->getNameAsString();
}

void MutationDuringIterationCheck::onEndOfTranslationUnit() {
  Analysis.reset();
  Reported.clear();
}

} // namespace clang::tidy::mapsafety
