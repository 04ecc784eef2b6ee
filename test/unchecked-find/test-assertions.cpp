// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
// Test code checks its iterators with the test framework's fatal
// assertions: GoogleTest's ASSERT_NE / ASSERT_TRUE / ASSERT_FALSE, and a
// hand-written harness whose ASSERT macro returns when a bool-returning
// Check(cond, ...) fails. After them the dereference is safe: silent.
// Non-fatal expectations (EXPECT_NE) let a failing test go on to the
// dereference: reported. Reduced from a build tool's parser tests.
#include <gtest/gtest.h>
#include <map>
#include <string>

using Map = std::map<std::string, int>;

TEST(Lookup, AssertNe) {
  Map m{{"a", 1}};
  Map::iterator i = m.find("a");
  ASSERT_NE(i, m.end());
  EXPECT_EQ(1, i->second);
}

TEST(Lookup, AssertTrueAndFalse) {
  Map m{{"a", 1}};
  auto i = m.find("a");
  ASSERT_TRUE(i != m.end());
  auto j = m.find("b");
  ASSERT_FALSE(j == m.end());
  EXPECT_EQ(i->second, j->second);
}

TEST(Lookup, AssertInScope) {
  Map m{{"a", 1}, {"b", 2}};
  {
    Map::iterator i = m.find("b");
    ASSERT_NE(m.end(), i);
    EXPECT_EQ(2, i->second);
  }
}

TEST(Lookup, ExpectOnly) {
  Map m;
  auto i = m.find("a");
  EXPECT_NE(i, m.end());
  EXPECT_EQ(1, i->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: iterator 'i' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

TEST(Lookup, AssertOnAnotherIterator) {
  Map m;
  auto i = m.find("a");
  auto j = m.find("b");
  ASSERT_NE(j, m.end());
  EXPECT_EQ(1, i->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: iterator 'i' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

TEST(Lookup, AssertWrongWay) {
  Map m;
  auto i = m.find("a");
  ASSERT_EQ(i, m.end());
  EXPECT_EQ(1, i->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: iterator 'i' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

// A harness of one's own, its Check() defined in another file.
namespace harness {
struct Test {
  bool Check(bool condition, const char *file, int line, const char *error);
  void AddAssertionFailure();
};
extern Test *g_current_test;
} // namespace harness
#define H_EXPECT_NE(a, b)                                                      \
  harness::g_current_test->Check(a != b, __FILE__, __LINE__, #a " != " #b)
#define H_ASSERT_NE(a, b)                                                      \
  if (!H_EXPECT_NE(a, b)) {                                                    \
    harness::g_current_test->AddAssertionFailure();                            \
    return;                                                                    \
  }

void harnessAssert(Map &m) {
  Map::iterator i = m.find("x");
  H_ASSERT_NE(i, m.end());
  H_EXPECT_NE(i->second, 0);
}

void harnessExpectOnly(Map &m) {
  Map::iterator i = m.find("x");
  H_EXPECT_NE(i, m.end());
  H_EXPECT_NE(i->second, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: iterator 'i' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

// A bool-returning call with two bool arguments says nothing of either.
bool either(bool a, bool b);
int twoBools(Map &m, bool flag) {
  auto i = m.find("x");
  if (!either(i != m.end(), flag))
    return 0;
  return i->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'i' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}
