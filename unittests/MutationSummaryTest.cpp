// Unit tests of lib/MutationSummary: per-function summaries of container
// modifications and their mapping onto call sites.
#include "lib/MutationSummary.h"
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
namespace std {
template <class K, class V> struct map {
  void erase(const K &);
  V &operator[](const K &);
  int size() const;
  void clear();
};
}
)cpp";

class MutationSummaryTest : public ::testing::Test {
protected:
  const FunctionDecl *build(llvm::StringRef Code, llvm::StringRef Fn) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code.str(),
                                            {"-std=c++17"});
    auto M = match(functionDecl(hasName(Fn), isDefinition()).bind("f"),
                   AST->getASTContext());
    return M.empty() ? nullptr : M[0].getNodeAs<FunctionDecl>("f");
  }
  std::unique_ptr<ASTUnit> AST;
  ContainerModel Model;
};

TEST_F(MutationSummaryTest, DirectMembersParamsAndGlobals) {
  const FunctionDecl *F = build(
      "std::map<int, int> g;"
      "struct S { std::map<int, int> m;"
      "  void f(std::map<int, int> &p, int k) {"
      "    m.erase(k); p[k]; g.clear(); std::map<int, int> local; local.clear();"
      "    (void)m.size(); } };",
      "f");
  ASSERT_TRUE(F);
  MutationSummaries S(Model);
  auto Summary = S.of(F);
  ASSERT_EQ(Summary.size(), 3u); // The local and the read are not in it.
  EXPECT_EQ(Summary[0].Op, "erase");
  EXPECT_EQ(Summary[0].Container.rootKind(), AccessPath::RootKind::This);
  EXPECT_EQ(Summary[0].Key.K, KeyOrigin::Kind::Param);
  EXPECT_EQ(Summary[0].Key.ParamIndex, 1u);
  EXPECT_EQ(Summary[1].Op, "operator[]");
  EXPECT_EQ(Summary[1].Effect.Kind, OpKind::Insert);
  EXPECT_TRUE(isa<ParmVarDecl>(Summary[1].Container.rootVar()));
  EXPECT_EQ(Summary[2].Op, "clear");
  EXPECT_TRUE(Summary[2].Container.isStatic());
}

TEST_F(MutationSummaryTest, CalleesAreMappedOntoTheCaller) {
  const FunctionDecl *F = build(
      "struct S { std::map<int, int> m;"
      "  void drop(int k) { m.erase(k); } };"
      "void helper(std::map<int, int> *p) { p->clear(); }"
      "struct T { S s; std::map<int, int> own;"
      "  void g(int id) { s.drop(id); helper(&own); } };",
      "g");
  ASSERT_TRUE(F);
  MutationSummaries S(Model);
  auto Summary = S.of(F);
  ASSERT_EQ(Summary.size(), 2u);
  // this->s.m, keyed by g's own parameter.
  EXPECT_EQ(Summary[0].Container.describe(), "s.m");
  EXPECT_EQ(Summary[0].Key.K, KeyOrigin::Kind::Param);
  EXPECT_EQ(Summary[0].Key.ParamIndex, 0u);
  ASSERT_TRUE(Summary[0].Via);
  EXPECT_EQ(Summary[0].Via->getName(), "drop");
  // helper's *p is this->own.
  EXPECT_EQ(Summary[1].Container.describe(), "own");
  EXPECT_EQ(Summary[1].LeafContainer, "*p");
}

TEST_F(MutationSummaryTest, RecursionTerminates) {
  const FunctionDecl *F = build(
      "std::map<int, int> g;"
      "void b(int n);"
      "void a(int n) { if (n) b(n - 1); g.erase(n); }"
      "void b(int n) { if (n) a(n - 1); }",
      "a");
  ASSERT_TRUE(F);
  MutationSummaries S(Model);
  auto Summary = S.of(F);
  ASSERT_FALSE(Summary.empty());
  EXPECT_EQ(Summary.back().Op, "erase");
}

TEST_F(MutationSummaryTest, StoredLambdasDoNotRunButCalledOnesDo) {
  const FunctionDecl *F = build(
      "std::map<int, int> g; void (*sink)();"
      "void f() { auto later = [] { g.clear(); }; (void)later;"
      "  auto now = [](int k) { g.erase(k); }; now(3); }",
      "f");
  ASSERT_TRUE(F);
  MutationSummaries S(Model);
  auto Summary = S.of(F);
  ASSERT_EQ(Summary.size(), 1u);
  EXPECT_EQ(Summary[0].Op, "erase");
}

} // namespace
