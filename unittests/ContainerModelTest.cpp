// Unit tests of lib/ContainerModel: classification of types and the
// invalidation table of the design, row by row.
#include "lib/ContainerModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace mapsafety;

namespace {

// A self-contained stand-in for the library headers, so the tests do not
// depend on the installed standard library.
const char *const Prelude = R"cpp(
namespace std {
inline namespace __1 {
template <class T> struct allocator {};
template <class T, class A = allocator<T>> struct vector { void push_back(const T &); };
template <class C> struct char_traits {};
template <class C, class T = char_traits<C>, class A = allocator<C>> struct basic_string {};
typedef basic_string<char> string;
template <class T, class A = allocator<T>> struct deque {};
template <class T, class A = allocator<T>> struct list {};
template <class K, class V> struct map {};
template <class K> struct set {};
template <class K, class V> struct multimap {};
template <class K, class V> struct unordered_map {};
template <class T> struct unique_ptr {};
template <class T> struct shared_ptr {};
template <class T> struct optional {};
}
}
namespace absl { template <class K, class V> struct flat_hash_map {}; }
namespace mine { template <class K, class V> struct FastMap {}; struct Plain {}; }
)cpp";

class ContainerModelTest : public ::testing::Test {
protected:
  QualType typeOf(llvm::StringRef Decls, llvm::StringRef Var) {
    Code = std::string(Prelude) + Decls.str();
    AST = tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
    auto Matches = match(varDecl(hasName(Var)).bind("v"), AST->getASTContext());
    if (Matches.empty())
      return QualType();
    return Matches[0].getNodeAs<VarDecl>("v")->getType();
  }
  std::string Code;
  std::unique_ptr<ASTUnit> AST;
  ContainerModel Model;
};

TEST_F(ContainerModelTest, ClassifiesStandardContainersThroughAliases) {
  QualType T = typeOf("using Table = std::map<int, int>; Table t; Table &r = t;",
                      "r");
  auto Info = Model.classify(T);
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family, ContainerFamily::Ordered);
  EXPECT_TRUE(Info->SubscriptInserts);
  EXPECT_EQ(Info->Name, "std::map");

  Info = Model.classify(typeOf("std::string s;", "s"));
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family, ContainerFamily::Vector);
  EXPECT_FALSE(Info->SubscriptInserts);

  Info = Model.classify(typeOf("typedef std::unordered_map<int, int> U; const U u{};", "u"));
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family, ContainerFamily::Unordered);

  Info = Model.classify(typeOf("std::multimap<int, int> mm;", "mm"));
  ASSERT_TRUE(Info);
  EXPECT_TRUE(Info->Multi);
  EXPECT_FALSE(Info->SubscriptInserts);

  EXPECT_TRUE(Model.classify(typeOf("absl::flat_hash_map<int, int> f;", "f")));
  EXPECT_FALSE(Model.classify(typeOf("mine::Plain p;", "p")));
  EXPECT_FALSE(Model.classify(typeOf("int i;", "i")));
  // A pointer is not a container; its pointee is.
  EXPECT_FALSE(Model.classify(typeOf("std::map<int, int> *p;", "p")));
}

TEST_F(ContainerModelTest, ClassifiesPointeesOfPointersAndOwners) {
  auto Info = Model.classifyPointee(typeOf("std::map<int, int> *p;", "p"));
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family, ContainerFamily::Ordered);
  EXPECT_TRUE(Model.classifyPointee(
      typeOf("std::unique_ptr<std::map<int, int>> p;", "p")));
  EXPECT_TRUE(Model.classifyPointee(
      typeOf("std::shared_ptr<std::vector<int>> p;", "p")));
  EXPECT_TRUE(Model.classifyPointee(
      typeOf("std::optional<std::unordered_map<int, int>> p;", "p")));
  EXPECT_FALSE(Model.classifyPointee(typeOf("std::unique_ptr<int> p;", "p")));
}

TEST_F(ContainerModelTest, UserTypesByOption) {
  QualType T = typeOf("mine::FastMap<int, int> m;", "m");
  EXPECT_FALSE(Model.classify(T));
  Model.addContainerTypes("mine::FastMap=flathash; other::Thing");
  auto Info = Model.classify(T);
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family, ContainerFamily::FlatHash);
  EXPECT_TRUE(Info->SubscriptInserts);
  EXPECT_FALSE(Model.addContainerType("x::Y=nonsense"));
}

ContainerInfo info(ContainerFamily F, bool SubscriptInserts = true) {
  ContainerInfo C;
  C.Family = F;
  C.SubscriptInserts = SubscriptInserts;
  return C;
}

Invalidation inval(ContainerFamily F, llvm::StringRef Op, bool Subscript = true) {
  return ContainerModel::effectOf(info(F, Subscript), Op).Invalidates;
}

// One test per row of the design's invalidation table.
TEST(InvalidationTable, VectorAndString) {
  auto F = ContainerFamily::Vector;
  EXPECT_EQ(inval(F, "push_back", false), Invalidation::All);
  EXPECT_EQ(inval(F, "insert", false), Invalidation::All);
  EXPECT_EQ(inval(F, "emplace_back", false), Invalidation::All);
  EXPECT_EQ(inval(F, "erase", false), Invalidation::AtOrAfter);
  EXPECT_EQ(inval(F, "pop_back", false), Invalidation::AtOrAfter);
  EXPECT_EQ(inval(F, "clear", false), Invalidation::All);
  EXPECT_EQ(inval(F, "operator=", false), Invalidation::All);
  EXPECT_EQ(inval(F, "swap", false), Invalidation::All);
  EXPECT_EQ(inval(F, "reserve", false), Invalidation::All);
  EXPECT_EQ(inval(F, "resize", false), Invalidation::All);
  EXPECT_EQ(inval(F, "shrink_to_fit", false), Invalidation::All);
  EXPECT_EQ(inval(F, "operator[]", false), Invalidation::None);
}

TEST(InvalidationTable, Deque) {
  auto F = ContainerFamily::Deque;
  EXPECT_EQ(inval(F, "push_back", false), Invalidation::All);
  EXPECT_EQ(inval(F, "insert", false), Invalidation::All);
  EXPECT_EQ(inval(F, "erase", false), Invalidation::All);
  EXPECT_EQ(inval(F, "pop_front", false), Invalidation::Erased);
  EXPECT_EQ(inval(F, "pop_back", false), Invalidation::Erased);
  EXPECT_EQ(inval(F, "clear", false), Invalidation::All);
  EXPECT_EQ(inval(F, "resize", false), Invalidation::All);
}

TEST(InvalidationTable, ListAndForwardList) {
  auto F = ContainerFamily::List;
  EXPECT_EQ(inval(F, "push_back", false), Invalidation::None);
  EXPECT_EQ(inval(F, "insert", false), Invalidation::None);
  EXPECT_EQ(inval(F, "splice", false), Invalidation::None);
  EXPECT_EQ(inval(F, "erase", false), Invalidation::Erased);
  EXPECT_EQ(inval(F, "remove_if", false), Invalidation::Erased);
  EXPECT_EQ(inval(F, "clear", false), Invalidation::All);
  EXPECT_EQ(inval(F, "swap", false), Invalidation::All);
}

TEST(InvalidationTable, OrderedAssociative) {
  auto F = ContainerFamily::Ordered;
  EXPECT_EQ(inval(F, "insert"), Invalidation::None);
  EXPECT_EQ(inval(F, "emplace"), Invalidation::None);
  EXPECT_EQ(inval(F, "operator[]"), Invalidation::None);
  EXPECT_EQ(inval(F, "erase"), Invalidation::Erased);
  EXPECT_EQ(inval(F, "extract"), Invalidation::Erased);
  EXPECT_EQ(inval(F, "clear"), Invalidation::All);
  EXPECT_EQ(inval(F, "operator="), Invalidation::All);
  EXPECT_EQ(inval(F, "swap"), Invalidation::All);
}

TEST(InvalidationTable, Unordered) {
  auto F = ContainerFamily::Unordered;
  EXPECT_EQ(inval(F, "insert"), Invalidation::All);
  EXPECT_EQ(inval(F, "emplace"), Invalidation::All);
  EXPECT_EQ(inval(F, "operator[]"), Invalidation::All);
  EXPECT_EQ(inval(F, "try_emplace"), Invalidation::All);
  EXPECT_EQ(inval(F, "erase"), Invalidation::Erased);
  EXPECT_EQ(inval(F, "clear"), Invalidation::All);
  EXPECT_EQ(inval(F, "rehash"), Invalidation::All);
  EXPECT_EQ(inval(F, "reserve"), Invalidation::All);
}

TEST(InvalidationTable, AbseilFlatHash) {
  auto F = ContainerFamily::FlatHash;
  EXPECT_EQ(inval(F, "insert"), Invalidation::All);
  EXPECT_EQ(inval(F, "operator[]"), Invalidation::All);
  EXPECT_EQ(inval(F, "erase"), Invalidation::Erased);
  EXPECT_EQ(inval(F, "clear"), Invalidation::All);
}

TEST(InvalidationTable, AbseilNodeHashAndBTree) {
  EXPECT_EQ(inval(ContainerFamily::NodeHash, "insert"), Invalidation::All);
  EXPECT_EQ(inval(ContainerFamily::NodeHash, "erase"), Invalidation::Erased);
  EXPECT_EQ(inval(ContainerFamily::BTree, "insert"), Invalidation::All);
  EXPECT_EQ(inval(ContainerFamily::BTree, "erase"), Invalidation::All);
  EXPECT_EQ(inval(ContainerFamily::BTree, "clear"), Invalidation::All);
}

// Design section 3: for race purposes operator[] is a read, except on
// associative containers, where it may insert.
TEST(DataRaceRule, SubscriptIsAWriteOnlyOnAssociativeContainers) {
  EXPECT_FALSE(ContainerModel::effectOf(info(ContainerFamily::Vector, false),
                                        "operator[]").isStructuralWrite());
  EXPECT_FALSE(ContainerModel::effectOf(info(ContainerFamily::Deque, false),
                                        "operator[]").isStructuralWrite());
  EXPECT_TRUE(ContainerModel::effectOf(info(ContainerFamily::Ordered),
                                       "operator[]").isStructuralWrite());
  EXPECT_TRUE(ContainerModel::effectOf(info(ContainerFamily::Unordered),
                                       "operator[]").isStructuralWrite());
  // A set has no operator[]; a const map's operator[] does not exist either.
  EXPECT_FALSE(ContainerModel::effectOf(info(ContainerFamily::Ordered),
                                        "operator[]", /*IsConstCall=*/true)
                   .isStructuralWrite());
  for (const char *Read : {"find", "at", "begin", "end", "lower_bound",
                           "upper_bound", "equal_range", "count", "size",
                           "front", "back", "data", "contains"})
    EXPECT_FALSE(ContainerModel::effectOf(info(ContainerFamily::Unordered), Read)
                     .isStructuralWrite())
        << Read;
  for (const char *Write : {"insert", "emplace", "erase", "clear", "swap",
                            "operator=", "try_emplace", "insert_or_assign"})
    EXPECT_TRUE(ContainerModel::effectOf(info(ContainerFamily::Ordered), Write)
                    .isStructuralWrite())
        << Write;
}

TEST(FreeFunctions, EraseIfAndSwap) {
  auto E = ContainerModel::effectOfFreeFunction(info(ContainerFamily::Vector),
                                                "std::erase_if");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Invalidates, Invalidation::All);
  E = ContainerModel::effectOfFreeFunction(info(ContainerFamily::Ordered),
                                           "std::swap");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Kind, OpKind::Reset);
  EXPECT_FALSE(ContainerModel::effectOfFreeFunction(
      info(ContainerFamily::Ordered), "std::find"));
}

} // namespace
