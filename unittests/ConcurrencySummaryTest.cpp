// Unit tests of lib/LockModel, lib/ThreadModel and lib/ConcurrencySummary:
// the locks held at each access, thread starts and joins.
#include "lib/ConcurrencySummary.h"
#include "lib/RaceAnalysis.h"
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
struct mutex { void lock(); void unlock(); bool try_lock(); };
struct shared_mutex { void lock(); void unlock(); void lock_shared(); void unlock_shared(); };
struct defer_lock_t {}; inline constexpr defer_lock_t defer_lock{};
struct try_to_lock_t {}; inline constexpr try_to_lock_t try_to_lock{};
template <class M> struct lock_guard { explicit lock_guard(M &); ~lock_guard(); };
template <class M> struct unique_lock {
  unique_lock(); explicit unique_lock(M &); unique_lock(M &, defer_lock_t);
  unique_lock(M &, try_to_lock_t);
  unique_lock(unique_lock &&); ~unique_lock(); void lock(); void unlock();
  bool owns_lock() const; explicit operator bool() const; };
template <class M> struct shared_lock { explicit shared_lock(M &); ~shared_lock(); };
template <class K, class V> struct map {
  struct iterator { struct P { K first; V second; }; P *operator->() const; };
  V &operator[](const K &); V &at(const K &); int count(const K &) const;
  void erase(const K &); iterator find(const K &); };
struct thread {
  template <class F, class... A> explicit thread(F &&, A &&...) {}
  void join(); };
}
)cpp";

class SummaryTest : public ::testing::Test {
protected:
  /// Summarises the function named Name in Code.
  const FunctionSummary &summarise(llvm::StringRef Code, llvm::StringRef Name) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code.str(),
                                            {"-std=c++17"});
    Analysis = std::make_unique<ConcurrencyAnalysis>(
        Containers, Locks, Threads, Options,
        AST->getASTContext().getSourceManager());
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    EXPECT_EQ(Found.size(), 1u);
    return Analysis->summary(Found[0].getNodeAs<FunctionDecl>("f"));
  }
  ContainerModel Containers;
  LockModel Locks;
  ThreadModel Threads;
  ConcurrencyOptions Options;
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<ConcurrencyAnalysis> Analysis;
};

TEST_F(SummaryTest, GuardsHoldUntilTheEndOfTheirScope) {
  const auto &S = summarise(R"cpp(
    std::mutex mu; std::map<int, int> m;
    void f() {
      { std::lock_guard<std::mutex> g(mu); m[1] = 1; }
      m.erase(1);
    })cpp", "f");
  ASSERT_EQ(S.Accesses.size(), 2u);
  EXPECT_TRUE(S.Accesses[0].Write);
  ASSERT_EQ(S.Accesses[0].Locks.locks().size(), 1u);
  EXPECT_EQ(mutexName(S.Accesses[0].Locks.locks()[0].Mutex), "mu");
  EXPECT_FALSE(S.Accesses[0].Locks.anyShared());
  EXPECT_TRUE(S.Accesses[1].Locks.empty());
}

TEST_F(SummaryTest, UniqueLockUnlockAndDeferLock) {
  const auto &S = summarise(R"cpp(
    std::mutex mu; std::map<int, int> m;
    void f() {
      std::unique_lock<std::mutex> a(mu, std::defer_lock);
      m.count(0);
      a.lock();
      m.count(1);
      a.unlock();
      m.count(2);
    })cpp", "f");
  ASSERT_EQ(S.Accesses.size(), 3u);
  EXPECT_TRUE(S.Accesses[0].Locks.empty());
  EXPECT_FALSE(S.Accesses[1].Locks.empty());
  EXPECT_TRUE(S.Accesses[2].Locks.empty());
}

TEST_F(SummaryTest, ManualLocksAcrossBranchesAndEarlyReturns) {
  const auto &S = summarise(R"cpp(
    std::mutex mu; std::map<int, int> m;
    void f(bool c) {
      mu.lock();
      if (c) { mu.unlock(); return; }
      m.erase(1);
      if (c) mu.unlock();
      m.erase(2);
    })cpp", "f");
  ASSERT_EQ(S.Accesses.size(), 2u);
  EXPECT_FALSE(S.Accesses[0].Locks.empty()); // the unlocking branch returned
  EXPECT_TRUE(S.Accesses[1].Locks.empty());  // released on one path
}

TEST_F(SummaryTest, SharedLocksAndLockIdentity) {
  const auto &S = summarise(R"cpp(
    struct C {
      std::shared_mutex mu; std::map<int, int> m;
      void f(C &other) {
        std::shared_lock<std::shared_mutex> r(mu);
        m.count(1);
        std::lock_guard<std::shared_mutex> w(other.mu);
        m.count(2);
      }
    };)cpp", "f");
  ASSERT_EQ(S.Accesses.size(), 2u);
  EXPECT_TRUE(S.Accesses[0].Locks.anyShared());
  EXPECT_FALSE(S.Accesses[0].Locks.anyExclusive());
  ASSERT_EQ(S.Accesses[1].Locks.locks().size(), 2u);
  // this->mu and other.mu are different locks.
  EXPECT_NE(S.Accesses[1].Locks.locks()[0].Mutex,
            S.Accesses[1].Locks.locks()[1].Mutex);
}

TEST_F(SummaryTest, ThreadStartsJoinsAndPositions) {
  const auto &S = summarise(R"cpp(
    std::map<int, int> m;
    void f() {
      m[0] = 0;
      std::thread t([] { m[1] = 1; });
      m.count(2);
      t.join();
      m.erase(3);
    })cpp", "f");
  ASSERT_EQ(S.Spawns.size(), 1u);
  ASSERT_EQ(S.Joins.size(), 1u);
  EXPECT_EQ(S.Spawns[0].Handle, S.Joins[0].Handle);
  ASSERT_EQ(S.Accesses.size(), 3u);
  EXPECT_LT(S.Accesses[0].Pos, S.Spawns[0].Pos);
  EXPECT_GT(S.Accesses[1].Pos, S.Spawns[0].Pos);
  EXPECT_LT(S.Accesses[1].Pos, S.Joins[0].Pos);
  EXPECT_GT(S.Accesses[2].Pos, S.Joins[0].Pos);
  EXPECT_FALSE(S.Spawns[0].inLoop());
}

TEST_F(SummaryTest, CallerLocksCoverCallees) {
  summarise(R"cpp(
    struct B {
      std::mutex mu; std::map<int, int> m;
      void helper() { m.erase(1); }
      void f() { std::lock_guard<std::mutex> g(mu); helper(); }
    };)cpp", "f");
  auto Found = match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                     AST->getASTContext());
  const auto &Reach = Analysis->reach(Found[0].getNodeAs<FunctionDecl>("f"));
  ASSERT_EQ(Reach.size(), 1u);
  EXPECT_TRUE(Reach[0].Write);
  EXPECT_FALSE(Reach[0].Locks.empty());
  EXPECT_NE(Reach[0].Via, nullptr);
}

TEST_F(SummaryTest, TryLocksHoldOnTheirSuccessBranchOnly) {
  const auto &S = summarise(R"cpp(
    std::mutex mu; std::map<int, int> m;
    void f() {
      std::unique_lock<std::mutex> l(mu, std::try_to_lock);
      m.count(0);
      if (l.owns_lock()) m.erase(1); else m.erase(2);
      if (!mu.try_lock()) return;
      m.erase(3);
    })cpp", "f");
  ASSERT_EQ(S.Accesses.size(), 4u);
  EXPECT_TRUE(S.Accesses[0].Locks.empty());
  EXPECT_FALSE(S.Accesses[1].Locks.empty());
  EXPECT_TRUE(S.Accesses[2].Locks.empty());
  EXPECT_FALSE(S.Accesses[3].Locks.empty());
}

TEST_F(SummaryTest, ElementsAndCapturesEscape) {
  const auto &S = summarise(R"cpp(
    struct C {
      std::mutex mu; std::map<int, int> m; int *p; void (*cb)();
      int &f(int k) {
        std::lock_guard<std::mutex> g(mu);
        p = &m.at(k);
        auto it = m.find(k);
        int copy = m[k];
        (void)copy;
        return it->second;
      }
    };)cpp", "f");
  ASSERT_EQ(S.Escapes.size(), 2u);
  EXPECT_EQ(S.Escapes[0].How, Escape::Stored);
  EXPECT_TRUE(S.Escapes[0].Element);
  EXPECT_STREQ(S.Escapes[0].What, "pointer");
  EXPECT_EQ(S.Escapes[1].How, Escape::Returned);
  EXPECT_TRUE(S.Escapes[1].Element);
  EXPECT_STREQ(S.Escapes[1].What, "reference");
  EXPECT_EQ(S.Escapes[1].Container.describe(), "m");
}

} // namespace
