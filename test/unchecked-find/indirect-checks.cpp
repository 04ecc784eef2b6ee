// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
// Checks that do not sit in the `if` around the dereference: an assert macro
// built on __builtin_expect, a const bool holding the comparison, a key put
// in by insert(std::make_pair(k, v)), a const map initialised with the key.
// Reduced from a shell's option parser and variable stack, a static
// analyser's program memory and symbol database, and a test builtin's table.
#include <map>
#include <string>
#include <utility>

#define likely(x) __builtin_expect(bool(x), 1)
[[noreturn]] void fail(const char *msg, const char *file, int line);
#define assert(e) likely(e) ? ((void)0) : fail(#e, __FILE__, __LINE__)

struct Options {
  std::map<std::wstring, int> options;
  std::wstring implicit_int_flag;
};

int implicitInt(const Options &opts) {
  auto found = opts.options.find(opts.implicit_int_flag);
  assert(found != opts.options.end());
  return found->second;
}

int withMessage(const std::map<int, int> &env, int key) {
  auto iter = env.find(key);
  assert(iter != env.end() && "Node should contain key");
  return iter->second;
}

const int *getValue(const std::map<int, int> &values, int id, bool impossible) {
  const std::map<int, int>::const_iterator it = values.find(id);
  const bool found = it != values.cend() && (impossible || it->second > 0);
  if (found)
    return &it->second;
  return nullptr;
}

typedef std::map<int, int> MemberIdMap;
int memberOf(std::map<int, MemberIdMap> &varIds, int var, int member) {
  std::map<int, MemberIdMap>::iterator varId = varIds.find(var);
  if (varId == varIds.end()) {
    MemberIdMap memberId;
    varIds.insert(std::make_pair(var, memberId));
    varId = varIds.find(var);
  }
  return varId->second.count(member);
}

struct TokenInfo {
  int tok;
  unsigned flags;
};
const TokenInfo *tokenFor(const std::wstring &str) {
  static const std::map<std::wstring, const TokenInfo> infos = {
      {L"", {0, 0}}, {L"!", {1, 0}}, {L"-b", {2, 1}}};
  auto t = infos.find(str);
  if (t != infos.end())
    return &t->second;
  return &infos.find(L"")->second;
}

// A const local holding a count tests as the count itself.
int countInConstLocal(const std::map<int, int> &m, int k) {
  const std::size_t n = m.count(k);
  if (n)
    return m.find(k)->second;
  return 0;
}

// A map reached through an iterator (`it->second`, `(*it).second`) holds
// what was inserted into it.
using Nested = std::map<int, std::map<int, int>>;
int insertedThroughIterator(Nested &outer, int a, int b) {
  Nested::iterator it = outer.find(a);
  if (it == outer.end())
    return 0;
  it->second.insert(std::make_pair(b, 1));
  int x = it->second.find(b)->second;
  (*it).second[b + 1] = 2;
  return x + (*it).second.find(b + 1)->second;
}

// The same shapes where the check does not cover the dereference: reported.
int negatedFlag(const std::map<int, int> &values, int id) {
  const auto it = values.find(id);
  const bool found = it != values.cend();
  if (!found)
    return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'values'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

int otherKeyInserted(std::map<int, int> &m, int a, int b) {
  m.insert(std::make_pair(a, 1));
  return m.find(b)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int notInTable() {
  static const std::map<int, int> table = {{1, 2}, {3, 4}};
  return table.find(5)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'table'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int mutableTable(int k) {
  static std::map<int, int> table = {{1, 2}};
  return table.find(1)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'table'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int insertedThroughOtherIterator(Nested &outer, int a, int b) {
  Nested::iterator it = outer.find(a);
  Nested::iterator other = outer.find(b);
  if (it == outer.end() || other == outer.end())
    return 0;
  it->second.insert(std::make_pair(b, 1));
  return other->second.find(b)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'other->second'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int iteratorMovedOn(Nested &outer, int a, int b) {
  Nested::iterator it = outer.find(a);
  if (it == outer.end())
    return 0;
  it->second.insert(std::make_pair(b, 1));
  ++it;
  if (it == outer.end())
    return 0;
  return it->second.find(b)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'it->second'; check it first or use 'at()' [mapsafety-unchecked-find]
}
