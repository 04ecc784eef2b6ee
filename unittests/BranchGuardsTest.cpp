// Unit tests of lib/BranchGuards: which conditions are numbered alike, and
// which statements change them.
#include "lib/BranchGuards.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace mapsafety;

namespace {

const char *const Prelude = R"cpp(
struct Token {
  int varId() const;
  void setVarId(int);
};
int next();
void update(bool &);
)cpp";

class BranchGuardsTest : public ::testing::Test {
protected:
  /// The conditions of the `if` statements of function `f`, in order.
  std::vector<const Expr *> conditions(llvm::StringRef Body) {
    std::string Code = std::string(Prelude) +
                       "void f(bool a, bool b, int k, int *p, Token *t) {" +
                       Body.str() + "}";
    AST = tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
    std::vector<const Expr *> Conds;
    for (const BoundNodes &N :
         match(ifStmt().bind("if"), AST->getASTContext()))
      Conds.push_back(N.getNodeAs<IfStmt>("if")->getCond());
    llvm::sort(Conds, [](const Expr *A, const Expr *B) {
      return A->getBeginLoc() < B->getBeginLoc();
    });
    return Conds;
  }
  /// The statements of function `f`'s body.
  std::vector<const Stmt *> statements() {
    std::vector<const Stmt *> Stmts;
    for (const BoundNodes &N :
         match(functionDecl(hasName("f"), isDefinition()).bind("f"),
               AST->getASTContext()))
      for (const Stmt *S :
           cast<CompoundStmt>(N.getNodeAs<FunctionDecl>("f")->getBody())
               ->body())
        Stmts.push_back(S);
    return Stmts;
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(BranchGuardsTest, NegationsAndNullTestsAreOneCondition) {
  auto C = conditions("if (a) {} if (!a) {} if (p) {} if (p == nullptr) {}"
                      "if (k != 3) {} if (k == 3) {} if (t->varId() == 0) {}"
                      "if (!t->varId()) {}");
  ConditionTable T(AST->getASTContext());
  std::optional<GuardLiteral> A = T.literal(C[0], true);
  std::optional<GuardLiteral> NotA = T.literal(C[1], true);
  ASSERT_TRUE(A && NotA);
  EXPECT_EQ(A->Condition, NotA->Condition);
  EXPECT_NE(A->Value, NotA->Value);
  std::optional<GuardLiteral> P = T.literal(C[2], true);
  std::optional<GuardLiteral> PNull = T.literal(C[3], true);
  ASSERT_TRUE(P && PNull);
  EXPECT_EQ(P->Condition, PNull->Condition);
  EXPECT_NE(P->Value, PNull->Value);
  std::optional<GuardLiteral> Ne = T.literal(C[4], false);
  std::optional<GuardLiteral> Eq = T.literal(C[5], true);
  ASSERT_TRUE(Ne && Eq);
  EXPECT_EQ(*Ne, *Eq);
  EXPECT_NE(A->Condition, Eq->Condition);
  std::optional<GuardLiteral> Id0 = T.literal(C[6], true);
  std::optional<GuardLiteral> NotId = T.literal(C[7], true);
  ASSERT_TRUE(Id0 && NotId);
  EXPECT_EQ(*Id0, *NotId);
}

TEST_F(BranchGuardsTest, ConditionsWithSideEffectsAreNotNumbered) {
  auto C = conditions("if (next()) {} if (k++ == 0) {} if ((k = 2)) {}");
  ConditionTable T(AST->getASTContext());
  for (const Expr *Cond : C)
    EXPECT_FALSE(T.literal(Cond, true));
}

TEST_F(BranchGuardsTest, WritesChangeWhatTheConditionReads) {
  std::string Body = "if (a) {} if (t->varId() == 0) {}"
                     "k = 1; a = false; update(a); t->setVarId(1); b = a;"
                     "next();";
  auto Conds = conditions(Body);
  ConditionTable T(AST->getASTContext());
  unsigned A = T.literal(Conds[0], true)->Condition;
  unsigned Tok = T.literal(Conds[1], true)->Condition;
  std::vector<const Stmt *> S = statements();
  ASSERT_EQ(S.size(), 8u);
  EXPECT_TRUE(T.changedBy(S[2]).empty()); // k = 1
  EXPECT_EQ(T.changedBy(S[3]), (llvm::SmallVector<unsigned, 2>{A}));
  EXPECT_EQ(T.changedBy(S[4]), (llvm::SmallVector<unsigned, 2>{A}));
  EXPECT_EQ(T.changedBy(S[5]), (llvm::SmallVector<unsigned, 2>{Tok}));
  EXPECT_TRUE(T.changedBy(S[6]).empty()); // b = a reads a
  EXPECT_TRUE(T.changedBy(S[7]).empty()); // next() takes nothing
}

TEST_F(BranchGuardsTest, GuardsContradictAndIntersect) {
  Guard G, H;
  G.assume({1, true});
  G.assume({2, false});
  H.assume({2, false});
  EXPECT_TRUE(G.contradicts({1, false}));
  EXPECT_FALSE(G.contradicts({1, true}));
  EXPECT_FALSE(G.contradicts({3, false}));
  G.intersect(H);
  EXPECT_EQ(G, H);
  G.forgetIf([](unsigned Id) { return Id == 2; });
  EXPECT_TRUE(G.empty());
}

} // namespace
