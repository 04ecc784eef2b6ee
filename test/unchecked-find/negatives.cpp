// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
// Search results checked against end() in every common spelling: silent.
#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#define MS_CHECK(cond)                                                         \
  do {                                                                         \
    if (!(cond))                                                               \
      std::abort();                                                            \
  } while (0)

void advanceToValid(std::map<int, int>::const_iterator &it);
void log(const char *);

int notEqual(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it != m.end())
    return it->second;
  return -1;
}

int earlyReturn(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return -1;
  return it->second;
}

int earlyThrow(const std::unordered_map<std::string, int> &m,
               const std::string &k) {
  auto it = m.find(k);
  if (it == m.end())
    throw std::out_of_range(k);
  return it->second;
}

int conditional(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  int a = it == m.end() ? 0 : it->second;
  int b = it != m.end() ? it->second : 0;
  return a + b;
}

int asserted(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  assert(it != m.end());
  return it->second;
}

int projectMacro(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  MS_CHECK(it != m.end());
  return it->second;
}

int countFirst(const std::map<int, int> &m, int k) {
  if (m.count(k))
    return m.find(k)->second;
  if (m.count(k + 1) > 0)
    return m.find(k + 1)->second;
  return 0;
}

int countEarlyExit(const std::map<int, int> &m, int k) {
  if (m.count(k) == 0)
    return 0;
  auto it = m.find(k);
  return it->second;
}

int findCompared(const std::map<int, int> &m, int k) {
  if (m.find(k) == m.end())
    return 0;
  return m.find(k)->second;
}

int loopCondition(const std::multimap<int, int> &m, int k) {
  int sum = 0;
  for (auto it = m.find(k); it != m.end() && it->first == k; ++it)
    sum += it->second;
  auto it = m.lower_bound(k);
  while (it != m.end()) {
    sum += it->second;
    ++it;
  }
  return sum;
}

bool shortCircuit(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end() || it->second == 0)
    return false;
  return it != m.end() && it->second > 0 && it->first == k;
}

int endVariable(const std::map<int, int> &m, int k) {
  const auto end = m.end();
  auto it = m.find(k);
  if (it == end)
    return 0;
  return it->second;
}

int cendAndStdEnd(const std::map<int, int> &m, int a, int b) {
  auto x = m.find(a);
  auto y = m.find(b);
  if (x == m.cend() || y == std::end(m))
    return 0;
  return x->second + y->second;
}

int equalRangeChecked(const std::multimap<int, int> &mm, int k) {
  auto r = mm.equal_range(k);
  if (r.first == r.second)
    return 0;
  int sum = r.first->second;
  auto q = mm.equal_range(k + 1);
  for (; q.first != q.second; ++q.first)
    sum += q.first->second;
  return sum;
}

int lowerBoundRange(const std::map<int, int> &m, int lo, int hi) {
  int sum = 0;
  for (auto it = m.lower_bound(lo); it != m.upper_bound(hi); ++it)
    sum += it->second;
  return sum;
}

std::string stringFind(const std::string &s) {
  auto pos = s.find('=');
  if (pos == std::string::npos)
    return s;
  return s.substr(pos + 1);
}

int insertedFirst(std::map<int, int> &m, std::unordered_map<int, int> &u,
                  int k) {
  m[k] = 1;
  u.emplace(k, 2);
  auto it = u.find(k);
  return m.find(k)->second + it->second;
}

int lazyInsert(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    it = m.emplace(k, 0).first;
  return it->second;
}

int escapedByReference(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  advanceToValid(it);
  return it->second;
}

int algorithmChecked(std::vector<int> &v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it == v.end())
    return 0;
  *it = 0;
  auto jt = std::find_if(v.begin(), v.end(), [](int y) { return y < 0; });
  return jt != v.end() ? *jt : 0;
}

int checkedInsideTry(const std::map<int, int> &m, int k) {
  try {
    auto it = m.find(k);
    if (it == m.end())
      throw std::runtime_error("missing");
    return it->second;
  } catch (const std::exception &) {
    return -1;
  }
}

int checkedInSwitch(const std::map<int, int> &m, int mode, int k) {
  auto it = m.find(k);
  switch (mode) {
  case 0:
    if (it == m.end())
      return 0;
    return it->second;
  default:
    return -1;
  }
}

int continueOnMiss(const std::map<int, int> &m, const std::vector<int> &keys) {
  int sum = 0;
  for (int k : keys) {
    auto it = m.find(k);
    if (it == m.end()) {
      log("miss");
      continue;
    }
    sum += it->second;
  }
  return sum;
}

int checkedThenCaptured(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return 0;
  auto value = [it] { return it->second; };
  auto other = [&m](int key) {
    auto jt = m.find(key);
    return jt == m.end() ? 0 : jt->second;
  };
  return value() + other(k);
}

int aliasOfTheSameMap(const std::map<int, int> &m, int k) {
  const auto &same = m;
  auto it = m.find(k);
  if (it == same.end())
    return 0;
  return it->second;
}

int throughPointerAlias(std::map<int, int> &m, int k) {
  std::map<int, int> *p = &m;
  auto it = p->find(k);
  if (it == m.end())
    return 0;
  return it->second;
}

int explicitType(const std::map<int, int> &m, int k) {
  std::map<int, int>::const_iterator it;
  it = m.find(k);
  if (it != m.end())
    return it->second;
  return 0;
}

std::map<int, int>::const_iterator notDereferenced(const std::map<int, int> &m) {
  return m.find(3);
}

struct Cache {
  int get(int k) const {
    auto it = entries_.find(k);
    if (it == entries_.end())
      return 0;
    return it->second;
  }
  std::map<int, int> entries_;
};

template <class Map> int templateChecked(const Map &m, int k) {
  auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
}
int useTemplate(const std::map<int, int> &m) { return templateChecked(m, 1); }

int setMembership(const std::set<int> &s, int k) {
  auto it = s.lower_bound(k);
  if (it != s.end() && *it == k)
    return *it;
  return 0;
}

int negatedCheck(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (!(it != m.end()))
    return 0;
  return it->second;
}
