//===--- IterationFixes.cpp - Fix-its for mutation during iteration ------===//
//
// Fix-its are offered only for the shapes where the rewrite is mechanical
// and keeps the meaning: a loop body that is a single `if` whose only
// statement erases the current element.
//
//===----------------------------------------------------------------------===//

#include "checks/IterationFixes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace mapsafety {

namespace {

const Stmt *onlyStatement(const Stmt *S) {
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
    return CS->size() == 1 ? CS->body_front() : nullptr;
  return S;
}

const Expr *asExpr(const Stmt *S) {
  if (const auto *EWC = dyn_cast_or_null<ExprWithCleanups>(S))
    return EWC->getSubExpr();
  return dyn_cast_or_null<Expr>(S);
}

/// The body's lone `if (cond) <Erase>;` (braces allowed), or null.
const IfStmt *loneConditionalErase(const Stmt *Body, const Expr *Erase) {
  const auto *If = dyn_cast_or_null<IfStmt>(onlyStatement(Body));
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
      If->isConstexpr() || If->isConsteval())
    return nullptr;
  const Expr *Then = asExpr(onlyStatement(If->getThen()));
  if (!Then || Then->IgnoreParenImpCasts() != Erase)
    return nullptr;
  return If;
}

bool inFile(SourceRange R) {
  return R.getBegin().isFileID() && R.getEnd().isFileID();
}

StringRef textOf(SourceRange R, const ASTContext &Ctx) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R),
                              Ctx.getSourceManager(), Ctx.getLangOpts());
}

/// The whitespace that starts the line holding Loc.
std::string indentOf(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  StringRef Buffer = SM.getBufferData(File);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  StringRef Line = Buffer.substr(LineStart);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

/// The location just past the ';' that ends the expression statement E.
SourceLocation afterSemicolon(const Expr *E, const ASTContext &Ctx) {
  return Lexer::findLocationAfterToken(E->getEndLoc(), tok::semi,
                                       Ctx.getSourceManager(),
                                       Ctx.getLangOpts(), false);
}

bool isIncrementOf(const Expr *Inc, const VarDecl *It) {
  Inc = Inc ? Inc->IgnoreParenImpCasts() : nullptr;
  const Expr *Operand = nullptr;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Inc)) {
    if (UO->isIncrementOp())
      Operand = UO->getSubExpr();
  } else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Inc)) {
    if (OC->getOperator() == OO_PlusPlus)
      Operand = OC->getArg(0);
  }
  const auto *DRE =
      Operand ? dyn_cast<DeclRefExpr>(Operand->IgnoreParenImpCasts()) : nullptr;
  return DRE && DRE->getDecl() == It;
}

std::optional<std::vector<FixItHint>> eraseLoopFix(const IterationFinding &F,
                                                   ASTContext &Ctx) {
  const Mutation &M = F.Change;
  const auto *For = dyn_cast<ForStmt>(F.Loop->Loop);
  const VarDecl *It = F.Loop->Iterator;
  if (!For || !isIncrementOf(For->getInc(), It) || !M.Key.Arg)
    return std::nullopt;
  // erase(it), possibly converted to a const_iterator; not erase(it->first).
  const Expr *Key = M.Key.Arg->IgnoreParenImpCasts();
  if (const auto *Conversion = dyn_cast<CXXConstructExpr>(Key);
      Conversion && Conversion->getNumArgs() == 1)
    Key = Conversion->getArg(0)->IgnoreParenImpCasts();
  const auto *KeyRef = dyn_cast<DeclRefExpr>(Key);
  if (!KeyRef || KeyRef->getDecl() != It)
    return std::nullopt;
  const IfStmt *If = loneConditionalErase(For->getBody(), M.Leaf);
  if (!If || !inFile(For->getSourceRange()))
    return std::nullopt;

  const SourceManager &SM = Ctx.getSourceManager();
  // Drop the increment, from just after the condition's ';'.
  SourceLocation CondEnd = For->getCond()->getEndLoc();
  SourceLocation Semi = Lexer::findLocationAfterToken(
      CondEnd, tok::semi, SM, Ctx.getLangOpts(), false);
  if (Semi.isInvalid())
    return std::nullopt;
  SourceRange IncRange(Semi, For->getInc()->getEndLoc());

  const std::string Name = It->getNameAsString();
  const Stmt *Then = If->getThen();
  std::string Else;
  SourceLocation ElseAt;
  if (const auto *Block = dyn_cast<CompoundStmt>(Then)) {
    ElseAt = Lexer::getLocForEndOfToken(Block->getRBracLoc(), 0, SM,
                                        Ctx.getLangOpts());
    Else = " else {\n" + indentOf(M.Leaf->getBeginLoc(), SM) + "++" + Name +
           ";\n" + indentOf(Block->getRBracLoc(), SM) + "}";
  } else {
    ElseAt = afterSemicolon(M.Leaf, Ctx);
    if (SM.getSpellingLineNumber(If->getBeginLoc()) ==
        SM.getSpellingLineNumber(M.Leaf->getBeginLoc()))
      Else = " else ++" + Name + ";";
    else
      Else = "\n" + indentOf(If->getBeginLoc(), SM) + "else\n" +
             indentOf(M.Leaf->getBeginLoc(), SM) + "++" + Name + ";";
  }
  if (ElseAt.isInvalid())
    return std::nullopt;
  return std::vector<FixItHint>{
      FixItHint::CreateRemoval(CharSourceRange::getTokenRange(IncRange)),
      FixItHint::CreateInsertion(M.Leaf->getBeginLoc(), Name + " = "),
      FixItHint::CreateInsertion(ElseAt, Else)};
}

std::optional<std::vector<FixItHint>> eraseIfFix(const IterationFinding &F,
                                                 ASTContext &Ctx) {
  const Mutation &M = F.Change;
  const auto *RF = dyn_cast<CXXForRangeStmt>(F.Loop->Loop);
  const VarDecl *Element = F.Loop->Element;
  // erase(key) on a multi-container removes every equal key, which
  // erase_if would not: only unique-key standard containers qualify.
  if (!RF || !Element || isa<DecompositionDecl>(Element) || !M.Info.IsStd ||
      M.Info.Multi ||
      (M.Info.Family != ContainerFamily::Ordered &&
       M.Info.Family != ContainerFamily::Unordered))
    return std::nullopt;
  const IfStmt *If = loneConditionalErase(RF->getBody(), M.Leaf);
  if (!If || !inFile(RF->getSourceRange()) ||
      !inFile(If->getCond()->getSourceRange()))
    return std::nullopt;
  SourceLocation End = isa<CompoundStmt>(RF->getBody()) ||
                               isa<CompoundStmt>(If->getThen())
                           ? Lexer::getLocForEndOfToken(
                                 RF->getEndLoc(), 0, Ctx.getSourceManager(),
                                 Ctx.getLangOpts())
                           : afterSemicolon(M.Leaf, Ctx);
  if (End.isInvalid())
    return std::nullopt;
  std::string Replacement =
      ("std::erase_if(" + textOf(RF->getRangeInit()->getSourceRange(), Ctx) +
       ", [&](const auto &" + Element->getName() + ") { return " +
       textOf(If->getCond()->getSourceRange(), Ctx) + "; });")
          .str();
  return std::vector<FixItHint>{FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(RF->getBeginLoc(), End), Replacement)};
}

} // namespace

std::optional<std::vector<FixItHint>>
iterationFix(const IterationFinding &F, ASTContext &Ctx,
             const LangOptions &LangOpts) {
  const Mutation &M = F.Change;
  if (!F.Loop || M.Via || M.Op != "erase" ||
      F.Hazard != IterationHazard::ErasesCurrent)
    return std::nullopt;
  if (!F.Loop->IsRangeFor)
    return eraseLoopFix(F, Ctx);
  if (LangOpts.CPlusPlus20)
    return eraseIfFix(F, Ctx);
  return std::nullopt;
}

} // namespace mapsafety
