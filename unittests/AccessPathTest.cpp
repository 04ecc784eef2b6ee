// Unit tests of lib/AccessPath: the identity of container expressions.
#include "lib/AccessPath.h"
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
struct Map { void erase(int); };
template <class T> struct unique_ptr_like {};
namespace std { template <class T> struct unique_ptr { T *operator->() const; T &operator*() const; T *get() const; }; }
struct Entry { int key; Map second; };
struct EntryIterator {
  using iterator_category = int;
  Entry *operator->() const;
  Entry &operator*() const;
};
struct NotIterator { Entry *operator->() const; };
)cpp";

/// Builds the code and returns the paths of the object arguments of every
/// call to Map::erase, in source order.
class AccessPathTest : public ::testing::Test {
protected:
  std::vector<AccessPath> erasePaths(llvm::StringRef Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code.str(),
                                            {"-std=c++17"});
    std::vector<AccessPath> Out;
    for (const BoundNodes &N :
         match(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("erase"))))
                   .bind("call"),
               AST->getASTContext())) {
      const auto *Call = N.getNodeAs<CXXMemberCallExpr>("call");
      const Expr *Obj = Call->getImplicitObjectArgument();
      const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
      Out.push_back(ME && ME->isArrow() ? AccessPath::pointeeOf(Obj)
                                        : AccessPath::of(Obj));
    }
    return Out;
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(AccessPathTest, LocalsParamsAndReferenceAliases) {
  auto P = erasePaths("Map g; void f(Map &p) { Map &r = g; g.erase(1); r.erase(2);"
                      " p.erase(3); Map l; l.erase(4); }");
  ASSERT_EQ(P.size(), 4u);
  EXPECT_TRUE(P[0].isValid());
  EXPECT_EQ(P[0], P[1]); // the reference is an alias of g
  EXPECT_TRUE(P[0].isStatic());
  EXPECT_NE(P[0], P[2]);
  EXPECT_TRUE(P[2].isVisibleToCallers());
  EXPECT_FALSE(P[3].isVisibleToCallers());
  EXPECT_EQ(P[1].describe(), "g");
}

TEST_F(AccessPathTest, MembersThroughThisAndPointers) {
  auto P = erasePaths("struct S { Map m; Map *pm; std::unique_ptr<Map> um;"
                      "  void f() { m.erase(1); this->m.erase(2); pm->erase(3);"
                      "    (*pm).erase(4); um->erase(5); (*um).erase(6); } };");
  ASSERT_EQ(P.size(), 6u);
  EXPECT_EQ(P[0], P[1]);
  EXPECT_EQ(P[0].rootKind(), AccessPath::RootKind::This);
  EXPECT_EQ(P[2], P[3]);
  EXPECT_NE(P[0], P[2]);
  EXPECT_EQ(P[4], P[5]);
  EXPECT_EQ(P[0].describe(), "m");
  EXPECT_EQ(P[2].describe(), "*pm");
}

TEST_F(AccessPathTest, IteratorsDereferenceLikePointers) {
  auto P = erasePaths("void f(EntryIterator it, EntryIterator other,"
                      "       NotIterator n) {"
                      " it->second.erase(1); (*it).second.erase(2);"
                      " other->second.erase(3); n->second.erase(4); }");
  ASSERT_EQ(P.size(), 4u);
  EXPECT_TRUE(P[0].isValid());
  EXPECT_EQ(P[0], P[1]);
  EXPECT_NE(P[0], P[2]);
  EXPECT_EQ(P[0].describe(), "it->second");
  // Only a class declaring iterator_category is taken for an iterator.
  EXPECT_FALSE(P[3].isValid());
}

TEST_F(AccessPathTest, AddressOfAndConstPointerAliases) {
  auto P = erasePaths("Map g; void f() { Map *const cp = &g; cp->erase(1);"
                      " (&g)->erase(2); Map *mp = &g; mp->erase(3); }");
  ASSERT_EQ(P.size(), 3u);
  EXPECT_EQ(P[0], AccessPath::variable(P[0].rootVar()));
  EXPECT_EQ(P[0], P[1]);
  // A pointer that may be reassigned is not assumed to alias.
  EXPECT_NE(P[0], P[2]);
}

TEST_F(AccessPathTest, PointerCastsKeepTheObject) {
  auto P = erasePaths("Map g; void f(void *arg) { Map *const m = static_cast<Map *>(arg);"
                      " m->erase(1); static_cast<Map *>(arg)->erase(2);"
                      " ((Map *)(void *)&g)->erase(3); }");
  ASSERT_EQ(P.size(), 3u);
  EXPECT_TRUE(P[0].isValid());
  EXPECT_EQ(P[0], P[1]);
  EXPECT_EQ(P[0].describe(), "*arg");
  EXPECT_EQ(P[2], AccessPath::variable(P[2].rootVar()));
}

TEST_F(AccessPathTest, RebasingMapsCalleePathsOntoCallers) {
  auto P = erasePaths("struct S { Map m; void f() { m.erase(1); } };"
                      "struct T { S s; void g() { s.m.erase(2); } };");
  ASSERT_EQ(P.size(), 2u);
  // The callee's this->m seen from T::g through `s.f()` is this->s.m.
  AccessPath Base = AccessPath::thisObject();
  const auto &Steps = P[1].steps();
  ASSERT_EQ(Steps.size(), 2u);
  AccessPath Caller = Base.withField(Steps[0].Field);
  EXPECT_EQ(P[0].rebasedOn(Caller), P[1]);
}

TEST_F(AccessPathTest, UnknownIdentities) {
  auto P = erasePaths("Map &get(); Map arr[2]; void f() { get().erase(1); arr[0].erase(2); }");
  ASSERT_EQ(P.size(), 2u);
  EXPECT_FALSE(P[0].isValid());
  EXPECT_FALSE(P[1].isValid());
}

} // namespace
