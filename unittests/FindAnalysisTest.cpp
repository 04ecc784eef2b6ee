// Unit tests of lib/FindAnalysis and the flow solver under it.
#include "lib/FindAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace mapsafety;

namespace {

// A map whose iterators have a destructor, so that conditions holding
// them get the temporaries (and the CFG shapes) of real library types.
const char *const Prelude = R"cpp(
namespace std {
template <class A, class B> struct pair { A first; B second; };
template <class K, class V> struct map {
  struct iterator {
    ~iterator();
    pair<const K, V> *operator->() const;
    pair<const K, V> &operator*() const;
    bool operator==(const iterator &) const;
    bool operator!=(const iterator &) const;
    iterator &operator++();
  };
  iterator find(const K &) const;
  iterator lower_bound(const K &) const;
  iterator end() const;
  pair<iterator, iterator> equal_range(const K &) const;
  unsigned long count(const K &) const;
  V &operator[](const K &);
  void erase(const K &);
};
}
using M = std::map<int, int>;
)cpp";

class FindAnalysisTest : public ::testing::Test {
protected:
  /// Lines (1-based, counted from the end of the prelude) of the reports
  /// in function `f`.
  std::vector<unsigned> reportLines(llvm::StringRef Code,
                                    FlowLimits Limits = {}) {
    std::string Full = std::string(Prelude) + Code.str();
    AST = tooling::buildASTFromCodeWithArgs(Full, {"-std=c++17"});
    ASTContext &Ctx = AST->getASTContext();
    unsigned PreludeLines = llvm::StringRef(Prelude).count('\n');
    std::vector<unsigned> Lines;
    for (const BoundNodes &N :
         match(functionDecl(hasName("f"), isDefinition()).bind("f"), Ctx)) {
      const auto *FD = N.getNodeAs<FunctionDecl>("f");
      for (const FindReport &R :
           findUncheckedSearches(FD, FD->getBody(), Ctx, Model, Limits))
        Lines.push_back(
            Ctx.getSourceManager().getSpellingLineNumber(R.Deref->getBeginLoc()) -
            PreludeLines);
    }
    return Lines;
  }
  ContainerModel Model;
  std::unique_ptr<ASTUnit> AST;
};

using Lines = std::vector<unsigned>;

TEST_F(FindAnalysisTest, UncheckedAndChecked) {
  EXPECT_EQ(reportLines("int f(const M &m) {\n"
                        "  auto it = m.find(1);\n"
                        "  return it->second;\n"
                        "}\n"),
            Lines{3});
  EXPECT_EQ(reportLines("int f(const M &m) {\n"
                        "  auto it = m.find(1);\n"
                        "  if (it != m.end()) return it->second;\n"
                        "  return 0;\n"
                        "}\n"),
            Lines{});
}

TEST_F(FindAnalysisTest, LogicalOperatorsWithTemporaries) {
  // `a || b` over temporaries: Clang joins both ways in one block before
  // branching; the solver must still tell them apart.
  EXPECT_EQ(reportLines("int f(const M &m, bool b) {\n"
                        "  auto it = m.find(1);\n"
                        "  if (it == m.end() || b) return 0;\n"
                        "  return it->second;\n"
                        "}\n"),
            Lines{});
  EXPECT_EQ(reportLines("int f(const M &m, bool b) {\n"
                        "  auto it = m.find(1);\n"
                        "  if (b || it != m.end()) return it->second;\n"
                        "  return 0;\n"
                        "}\n"),
            Lines{3});
  EXPECT_EQ(reportLines("bool f(const M &m, bool b) {\n"
                        "  auto it = m.find(1);\n"
                        "  return (b && it != m.end()) && it->second > 0;\n"
                        "}\n"),
            Lines{});
}

TEST_F(FindAnalysisTest, KnownKeys) {
  EXPECT_EQ(reportLines("int f(M &m, int k) {\n"
                        "  if (m.count(k) == 0) return 0;\n"
                        "  int a = m.find(k)->second;\n"
                        "  m.erase(k);\n"
                        "  return a + m.find(k)->second;\n"
                        "}\n"),
            Lines{5});
  EXPECT_EQ(reportLines("int f(M &m, int k) {\n"
                        "  m[k] = 1;\n"
                        "  return m.find(k)->second + m.find(k + 1)->second;\n"
                        "}\n"),
            Lines{3});
}

TEST_F(FindAnalysisTest, EqualRangeAndOtherContainers) {
  EXPECT_EQ(reportLines("int f(const M &m, const M &n) {\n"
                        "  auto r = m.equal_range(1);\n"
                        "  int s = r.first != r.second ? r.first->second : 0;\n"
                        "  auto it = m.lower_bound(2);\n"
                        "  if (it == n.end()) return s;\n"
                        "  return s + it->second;\n"
                        "}\n"),
            Lines{6});
}

TEST_F(FindAnalysisTest, LimitsSkipTheFunction) {
  FlowLimits Tiny;
  Tiny.MaxBlocks = 2;
  EXPECT_EQ(reportLines("int f(const M &m, bool b) {\n"
                        "  auto it = m.find(1);\n"
                        "  if (b) return 0;\n"
                        "  return it->second;\n"
                        "}\n",
                        Tiny),
            Lines{});
}

} // namespace
