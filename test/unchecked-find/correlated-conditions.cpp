// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
// An iterator left unchecked under one outcome of a side-effect-free test
// and dereferenced only under the other outcome of the same test: silent.
// Reduced from a symbol database assigning member variable ids. When what
// the test reads changes in between, or the test may have side effects, the
// two tests are not correlated and the dereference is reported.
#include <map>
#include <vector>

struct Token {
  int varId() const;
  void varId(int id);
  bool isName() const;
};
struct Variable {
  const Token *nameToken() const;
};
int newVarId();
bool nextFlag();

using MemberIdMap = std::map<int, int>;
using VarIdMap = std::map<int, MemberIdMap>;

void fixVarId(VarIdMap &varIds, const Token *vartok, Token *membertok,
              const Variable *membervar,
              std::vector<const Variable *> &variables) {
  VarIdMap::iterator varId = varIds.find(vartok->varId());
  if (varId == varIds.end()) {
    varIds.insert(std::make_pair(vartok->varId(), MemberIdMap()));
    varId = varIds.find(vartok->varId());
  }
  MemberIdMap::iterator memberId =
      varId->second.find(membervar->nameToken()->varId());
  if (memberId == varId->second.end()) {
    if (membertok->varId() == 0) {
      varId->second.insert(
          std::make_pair(membervar->nameToken()->varId(), newVarId()));
      variables.push_back(membervar);
      memberId = varId->second.find(membervar->nameToken()->varId());
    } else
      variables[membertok->varId()] = membervar;
  }
  if (membertok->varId() == 0)
    membertok->varId(memberId->second);
}

int negatedFlag(const std::map<int, int> &m, int k, bool create) {
  auto it = m.find(k);
  if (it == m.end() && !create)
    return 0;
  // Here `it` may be end() only when `create` holds.
  if (!create)
    return it->second;
  return -1;
}

int pointerTest(const std::map<int, int> &m, int k, const int *hint) {
  auto it = m.find(k);
  if (it == m.end() && !hint)
    return 0;
  if (hint == nullptr)
    return it->second;
  return 0;
}

class Registry {
  std::map<int, int> byId_;
  bool strict_ = false;

public:
  int lookup(int id) const {
    auto it = byId_.find(id);
    if (it == byId_.end() && !strict_)
      return -1;
    if (!strict_)
      return it->second;
    return 0;
  }
};

// The variable the test reads is assigned in between.
int reassigned(const std::map<int, int> &m, int k, int mode) {
  auto it = m.find(k);
  if (it == m.end() && mode != 0)
    return 0;
  mode = k;
  if (mode != 0)
    return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

// A test that calls a free function may give another answer next time.
int impureTest(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end() && nextFlag())
    return 0;
  if (nextFlag())
    return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

// Both outcomes of the first test reach the dereference.
int sameOutcome(const std::map<int, int> &m, int k, bool create) {
  auto it = m.find(k);
  if (it == m.end() && create)
    return 0;
  if (create)
    return 1;
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

// A non-const member call on the tested object may change its answer.
int mutatedObject(const std::map<int, int> &m, int k, std::vector<int> &v) {
  auto it = m.find(k);
  if (it == m.end() && v.empty())
    return 0;
  v.clear();
  if (v.empty())
    return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

// The class's own non-const member function may change the tested field.
class Cache {
  std::map<int, int> entries_;
  bool warm_ = false;
  void reload();

public:
  int get(int k) {
    auto it = entries_.find(k);
    if (it == entries_.end() && !warm_)
      return 0;
    reload();
    if (!warm_)
      return it->second;
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'entries_'; check it first or use 'at()' [mapsafety-unchecked-find]
    return 1;
  }
};

// A variable declared in a loop body has a new value on every iteration:
// the iterator a small key left unchecked reaches the next iteration's test.
int loopLocal(const std::map<int, int> &m, const std::vector<int> &keys) {
  auto it = m.find(-1);
  if (it == m.end())
    return 0;
  int sum = 0;
  for (int k : keys) {
    bool big = k > 10;
    if (big)
      sum += it->second;
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
    it = m.find(k);
    if (big) {
      if (it == m.end())
        return sum;
    }
  }
  return sum;
}
