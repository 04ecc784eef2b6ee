// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

void consume(const int &);
void take(std::pair<const int, int> &);

int direct(const std::map<int, int> &m, int k) {
  return m.find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int viaVariable(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

std::string star(const std::set<std::string> &s, const std::string &n) {
  return *s.find(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 's'; check it first [mapsafety-unchecked-find]
}

double upper(const std::map<int, double> &rates, int income) {
  std::map<int, double>::const_iterator it = rates.upper_bound(income);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'upper_bound' is dereferenced without a check against end() of 'rates'; check it first [mapsafety-unchecked-find]
}

int equalRangeDirect(const std::multimap<int, int> &mm, int k) {
  return mm.equal_range(k).first->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'equal_range' is dereferenced without a check against end() of 'mm'; check it first [mapsafety-unchecked-find]
}

int equalRangeVariable(const std::multimap<int, int> &mm, int k) {
  auto r = mm.equal_range(k);
  return r.first->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'r.first' returned by 'equal_range' is dereferenced without a check against end() of 'mm'; check it first [mapsafety-unchecked-find]
}

int algorithmFind(const std::vector<int> &v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  return *it;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'std::find' is dereferenced without a check against end() of 'v'; check it first [mapsafety-unchecked-find]
}

int algorithmFindIf(const std::vector<int> &v) {
  auto it = std::find_if(v.begin(), v.end(), [](int x) { return x > 3; });
  return *it + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'std::find_if' is dereferenced without a check against end() of 'v'; check it first [mapsafety-unchecked-find]
}

class Registry {
public:
  void touch(const std::string &name) {
    auto it = index_.find(name);
    consume(it->second);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'index_'; check it first or use 'at()' [mapsafety-unchecked-find]
  }

private:
  std::unordered_map<std::string, int> index_;
};

int checkedOnOnePathOnly(const std::map<int, int> &m, int k, bool strict) {
  auto it = m.find(k);
  if (strict) {
    if (it == m.end())
      return -1;
  }
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int checkedTooLate(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  int v = it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  if (it != m.end())
    return v;
  return 0;
}

int inLoop(const std::map<int, int> &m, const std::vector<int> &keys) {
  int total = 0;
  for (int k : keys)
    total += m.find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  return total;
}

int inSwitch(const std::map<int, int> &m, int mode, int a, int b) {
  std::map<int, int>::const_iterator it;
  switch (mode) {
  case 0:
    it = m.find(a);
    break;
  case 1:
    it = m.find(b);
    if (it == m.end())
      return 0;
    break;
  default:
    return -1;
  }
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

void byReference(std::map<int, int> &m, int k) {
  take(*m.find(k));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int throughPointer(const std::map<int, int> *p, int k) {
  return p->find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of '*p'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int reassignedAfterCheck(const std::map<int, int> &m, int a, int b) {
  auto it = m.find(a);
  if (it == m.end())
    return 0;
  it = m.find(b);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int countOfAnotherKey(const std::map<int, int> &m, int a, int b) {
  if (m.count(a))
    return m.find(b)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

int erasedAfterCount(std::map<int, int> &m, int k) {
  if (m.count(k) == 0)
    return 0;
  m.erase(k);
  return m.find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int keyChangedAfterCount(const std::map<int, int> &m, int k) {
  if (!m.count(k))
    return 0;
  ++k;
  return m.find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int endCheckWithoutExit(const std::map<int, int> &m, int k, int &misses) {
  auto it = m.find(k);
  if (it == m.end())
    ++misses;
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}

int derefOnTheEndBranch(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

int insideTry(const std::map<int, int> &m, int k) {
  try {
    auto it = m.find(k);
    return it->second;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  } catch (...) {
    return -1;
  }
}

int lambdaBody(const std::map<int, int> &m) {
  auto get = [&m](int k) { return m.find(k)->second; };
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
  return get(1) + get(2);
}

template <class Map> int firstValue(const Map &m, int k) {
  auto it = m.find(k);
  return it->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}
int instantiate(const std::map<int, int> &a, const std::unordered_map<int, int> &b) {
  return firstValue(a, 1) + firstValue(b, 2);
}

#define LOOKUP(m, k) ((m).find(k)->second)
int viaMacro(const std::map<int, int> &m) {
  return LOOKUP(m, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}
