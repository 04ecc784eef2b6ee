//===--- NullMapDereferenceCheck.cpp - mapsafety --------------------------===//

#include "checks/NullMapDereferenceCheck.h"
#include "lib/NullAnalysis.h"
#include "lib/NullFacts.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
using ::mapsafety::NullReason;
using ::mapsafety::NullReport;

namespace clang::tidy::mapsafety {

namespace {

/// Why the pointer may be null, for the warning.
std::string why(const NullReport &R) {
  const char *Null = R.IsOptional ? "empty" : "null";
  switch (R.Reason) {
  case NullReason::InitNull:
    return std::string("it is initialised ") +
           (R.IsOptional ? "empty" : "to null") + " and not set on every path";
  case NullReason::Uninitialized:
    return "it is declared without a value and not set on every path";
  case NullReason::Reset:
    return std::string("it is set ") + (R.IsOptional ? "empty" : "to null") +
           " earlier and not set again";
  case NullReason::Released:
    return "it is released earlier and not set again";
  case NullReason::Moved:
    return "it is moved from earlier and not reassigned";
  case NullReason::NeverSet:
    return "no constructor initialises it and nothing in this translation "
           "unit assigns, resets or emplaces it";
  case NullReason::NullReturn:
    return "'" + R.Callee->getNameAsString() + "' returns " +
           (R.IsOptional ? "an empty optional" : "null") +
           " on some paths and the result is not checked";
  case NullReason::WeakLock:
    return "'lock()' returns null once the object has expired, and the "
           "result is not checked";
  case NullReason::DefaultInserted:
    return std::string("'operator[]' inserts a ") + Null +
           " pointer for a missing key";
  }
  return "";
}

/// What happened at the origin, for the note.
std::string what(const NullReport &R) {
  switch (R.Reason) {
  case NullReason::InitNull:
    return R.IsOptional ? "initialised empty" : "initialised to null";
  case NullReason::Uninitialized:
    return "declared without a value";
  case NullReason::Reset:
    return isa<CXXMemberCallExpr>(R.Origin) ? "reset"
           : R.IsOptional                  ? "set empty"
                                           : "set to null";
  case NullReason::Released:
    return "released";
  case NullReason::Moved:
    return "moved from";
  case NullReason::WeakLock:
    return "set from 'lock()'";
  case NullReason::NullReturn:
    return "set from '" + R.Callee->getNameAsString() + "'";
  case NullReason::DefaultInserted:
    return "bound to the entry 'operator[]' inserts";
  case NullReason::NeverSet:
    return "declared";
  }
  return "";
}

/// A declaration's note points at the variable's name.
SourceLocation originLoc(const Stmt *Origin) {
  if (const auto *DS = dyn_cast<DeclStmt>(Origin))
    if (DS->isSingleDecl())
      return DS->getSingleDecl()->getLocation();
  return Origin->getBeginLoc();
}

} // namespace

NullMapDereferenceCheck::NullMapDereferenceCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ContainerTypes(Options.get("ContainerTypes", "")) {
  Model.addContainerTypes(ContainerTypes);
}

NullMapDereferenceCheck::~NullMapDereferenceCheck() = default;

void NullMapDereferenceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", ContainerTypes);
}

void NullMapDereferenceCheck::registerMatchers(MatchFinder *Finder) {
  // The standard library's own code is not the user's to fix.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("fn"),
                     this);
}

void NullMapDereferenceCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  // Template patterns are analysed through their instantiations.
  if (!FD || FD->isDependentContext() || FD->isInvalidDecl())
    return;
  if (!Facts)
    Facts = std::make_unique<::mapsafety::NullFacts>(*Result.Context, Model);
  for (const NullReport &R :
       ::mapsafety::findNullDereferences(FD, *Result.Context, Model, *Facts))
    report(R);
}

void NullMapDereferenceCheck::report(const NullReport &R) {
  SourceLocation Loc = R.Deref->getBeginLoc();
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  if (R.Reason == NullReason::NeverSet &&
      !ReportedMembers.insert(R.OriginDecl).second)
    return;
  if (R.Reason == NullReason::NeverSet)
    diag(Loc, "'%0' is never set, yet its container is accessed here: %1")
        << R.Name << why(R);
  else if (R.IsOptional)
    diag(Loc, "optional container '%0' may be empty when accessed here: %1")
        << R.Name << why(R);
  else
    diag(Loc, "'%0' may be %select{null|uninitialised}1 when its container "
              "is accessed here: %2")
        << R.Name << (R.Reason == NullReason::Uninitialized) << why(R);
  if (R.OriginDecl)
    diag(R.OriginDecl->getLocation(), "'%0' is %1 here", DiagnosticIDs::Note)
        << R.Name << what(R);
  else if (R.Origin && R.Reason != NullReason::DefaultInserted)
    diag(originLoc(R.Origin), "'%0' is %1 here", DiagnosticIDs::Note)
        << R.Name << what(R);
  if (R.CalleeReturn)
    diag(R.CalleeReturn->getBeginLoc(), "'%0' returns %1 here",
         DiagnosticIDs::Note)
        << R.Callee->getNameAsString()
        << (R.IsOptional ? "an empty optional" : "null");
}

void NullMapDereferenceCheck::onEndOfTranslationUnit() {
  Facts.reset();
  Reported.clear();
  ReportedMembers.clear();
}

} // namespace clang::tidy::mapsafety
