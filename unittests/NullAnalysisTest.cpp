// Unit tests of lib/NullAnalysis and lib/NullFacts.
#include "lib/NullAnalysis.h"
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
  V &operator[](const K &);
  void clear();
  unsigned long count(const K &) const;
};
template <class T> struct unique_ptr {
  unique_ptr();
  unique_ptr(unique_ptr &&);
  unique_ptr &operator=(unique_ptr &&);
  ~unique_ptr();
  T *operator->() const;
  T &operator*() const;
  explicit operator bool() const;
  void reset(T *p = nullptr);
  T *release();
};
template <class T> T &&move(T &t) { return static_cast<T &&>(t); }
}
using M = std::map<int, int>;
)cpp";

class NullAnalysisTest : public ::testing::Test {
protected:
  /// The reasons reported in the functions named `f`, in source order.
  std::vector<NullReason> reasons(llvm::StringRef Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code.str(),
                                            {"-std=c++17"});
    ASTContext &Ctx = AST->getASTContext();
    NullFacts Facts(Ctx, Model);
    std::vector<NullReason> Out;
    for (const BoundNodes &N :
         match(functionDecl(hasName("f"), isDefinition()).bind("f"), Ctx)) {
      const auto *FD = N.getNodeAs<FunctionDecl>("f");
      for (const NullReport &R : findNullDereferences(FD, Ctx, Model, Facts))
        Out.push_back(R.Reason);
    }
    return Out;
  }
  ContainerModel Model;
  std::unique_ptr<ASTUnit> AST;
};

using Reasons = std::vector<NullReason>;

TEST_F(NullAnalysisTest, LocalsOnSomePaths) {
  EXPECT_EQ(reasons("M g; void f(bool b) { M *p = nullptr; if (b) p = &g;"
                    " (*p)[1] = 2; }"),
            Reasons{NullReason::InitNull});
  EXPECT_EQ(reasons("M g; void f(bool b) { M *p = nullptr; if (b) p = &g;"
                    " if (!p || b) return; (*p)[1] = 2; }"),
            Reasons{});
  EXPECT_EQ(reasons("M g; void f(bool b) { M *p; if (b) p = &g; else p = &g;"
                    " p->clear(); }"),
            Reasons{});
}

TEST_F(NullAnalysisTest, ResetReleaseMove) {
  EXPECT_EQ(reasons("void f() { std::unique_ptr<M> p; p.reset(new M);"
                    " p.reset(); p->clear(); }"),
            Reasons{NullReason::Reset});
  EXPECT_EQ(reasons("void f(std::unique_ptr<M> p) { M *r = p.release();"
                    " p->clear(); }"),
            Reasons{NullReason::Released});
  EXPECT_EQ(reasons("void f(std::unique_ptr<M> p) {"
                    " std::unique_ptr<M> q = std::move(p); (*p)[1] = 1; }"),
            Reasons{NullReason::Moved});
}

TEST_F(NullAnalysisTest, MembersNeverSet) {
  const char *Never = "class C { public: void f() { (*m_)[1] = 2; }"
                      " private: std::unique_ptr<M> m_; };";
  EXPECT_EQ(reasons(Never), Reasons{NullReason::NeverSet});
  // A member function defined elsewhere could set it.
  EXPECT_EQ(reasons("class C { public: void f() { (*m_)[1] = 2; } void g();"
                    " private: std::unique_ptr<M> m_; };"),
            Reasons{});
  EXPECT_EQ(reasons("class C { public: void f() { (*m_)[1] = 2; }"
                    " void g() { m_.reset(new M); }"
                    " private: std::unique_ptr<M> m_; };"),
            Reasons{});
}

TEST_F(NullAnalysisTest, FactoriesAndNestedMaps) {
  EXPECT_EQ(reasons("M g; M *find(int k) { if (k) return &g; return nullptr; }"
                    " M *other(int k);"
                    " void f() { find(1)->clear(); M *a = find(1); a->clear();"
                    " M *b = other(1); b->clear(); }"),
            Reasons{NullReason::NullReturn});
  EXPECT_EQ(reasons("void f(std::map<int, M *> &o, int k) {"
                    " (*o[k])[1] = 1; if (!o.count(k + 1)) return;"
                    " (*o[k + 1])[1] = 1; }"),
            Reasons{NullReason::DefaultInserted});
}

} // namespace
