// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
// Correct code that must stay silent.
#include <algorithm>
#include <functional>
#include <list>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

// std::map insertion never invalidates iterators.
void mapInsert(std::map<int, int> &m) {
  for (auto &kv : m)
    if (kv.first < 100)
      m.emplace(kv.first + 1000, kv.second);
}

void setInsert(std::set<int> &s) {
  for (int x : s)
    if (x < 10)
      s.insert(x + 10);
}

void listPushBack(std::list<int> &l) {
  for (int x : l)
    if (x > 0 && x < 5)
      l.push_back(x + 5);
}

// Updating mapped values in place is not a structural change.
void valueUpdates(std::unordered_map<int, int> &u, std::map<int, int> &m) {
  for (auto &kv : u)
    kv.second += 1;
  for (auto &kv : u)
    u.at(kv.first) = 0;
  for (auto &kv : m)
    m[kv.first] = kv.second * 2;
}

// operator[] with the key being visited finds it: nothing is inserted.
void subscriptCurrentKey(std::unordered_map<std::string, int> &u) {
  for (auto &[k, v] : u)
    u[k] = v + 1;
}

// Erasing a different, already-visited key does not touch the current node.
void eraseOtherKey(std::map<int, int> &m) {
  int prev = -1;
  for (auto &kv : m) {
    if (prev >= 0 && kv.second == 0)
      m.erase(prev);
    prev = kv.first;
  }
}

// Erase and leave the loop at once.
bool eraseThenReturn(std::map<std::string, std::string> &m) {
  for (auto &kv : m) {
    if (kv.second.empty()) {
      m.erase(kv.first);
      return true;
    }
  }
  return false;
}

void eraseThenBreak(std::map<int, int> &m, int v) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->second == v) {
      m.erase(it);
      break;
    }
  }
}

void eraseThenThrow(std::set<int> &s) {
  for (int x : s)
    if (x < 0) {
      s.erase(x);
      throw x;
    }
}

void clearThenGoto(std::vector<int> &v) {
  for (int x : v) {
    if (x < 0) {
      v.clear();
      goto done;
    }
  }
done:
  return;
}

void pushBackThenBreak(std::vector<int> &v) {
  for (int x : v) {
    if (x == 42) {
      v.push_back(43);
      break;
    }
  }
}

// The correct erase loops.
void eraseReturningIterator(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();) {
    if (it->second < 0)
      it = m.erase(it);
    else
      ++it;
  }
}

void erasePostIncrement(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();) {
    if (it->second < 0)
      m.erase(it++);
    else
      ++it;
  }
}

void eraseWhileLoop(std::unordered_map<int, int> &m) {
  auto it = m.begin();
  while (it != m.end()) {
    if (it->second == 0)
      it = m.erase(it);
    else
      ++it;
  }
}

void vectorEraseReturning(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end();)
    it = (*it % 2) ? v.erase(it) : it + 1;
}

// Restarting from begin() after a change is fine.
void restart(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (*it == 0) {
      v.push_back(1);
      it = v.begin();
    }
  }
}

// Collect first, modify after the loop.
void collectThenErase(std::unordered_map<std::string, long> &m, long now) {
  std::vector<std::string> dead;
  for (const auto &kv : m)
    if (kv.second < now)
      dead.push_back(kv.first);
  for (const auto &k : dead)
    m.erase(k);
}

// Modifying a different container inside the loop.
void otherContainers(const std::map<int, int> &in, std::map<int, int> &evens,
                     std::vector<int> &odds, std::set<int> &seen) {
  for (const auto &kv : in) {
    if (kv.second % 2 == 0)
      evens[kv.first] = kv.second;
    else
      odds.push_back(kv.second);
    seen.insert(kv.first);
  }
}

// Containers of containers: changing the element's own container.
void innerContainers(std::map<int, std::vector<int>> &groups,
                     std::vector<std::vector<int>> &rows) {
  for (auto &[key, members] : groups)
    members.push_back(key);
  for (auto &row : rows)
    row.clear();
  for (auto &kv : groups)
    for (int x : kv.second)
      groups[x];
}

// Indexing a vector inside a range-for over it only reads the structure.
void vectorIndex(std::vector<int> &v) {
  for (int x : v)
    if (x >= 0 && x < static_cast<int>(v.size()))
      v[x] = 0;
}

// A local copy of the container is a different container.
void copyThenModify(std::map<int, int> &m) {
  for (auto &kv : std::map<int, int>(m))
    m.erase(kv.first);
  std::map<int, int> snapshot = m;
  for (auto &kv : snapshot)
    m.erase(kv.first);
}

// A lambda that modifies the container but is only stored, not run, in the loop.
void deferred(std::map<int, int> &m, std::vector<std::function<void()>> &later) {
  for (auto &kv : m) {
    int k = kv.first;
    later.push_back([&m, k] { m.erase(k); });
  }
}

// A function that modifies some other container.
static void record(std::vector<int> &log, int x) { log.push_back(x); }
void callsOtherFunction(std::vector<int> &v, std::vector<int> &log) {
  for (int x : v)
    record(log, x);
}

// A by-value parameter is the callee's own copy.
static void consume(std::vector<int> copy) { copy.clear(); }
void passByValue(std::vector<int> &v) {
  for (int x : v)
    if (x == 0)
      consume(v);
}

// Iterating one element's key list while erasing from another map.
void twoMaps(std::map<int, int> &a, std::map<int, int> &b) {
  for (auto &kv : a)
    b.erase(kv.first);
}

// Read-only member calls inside the loop.
int readers(const std::unordered_map<int, int> &m) {
  int n = 0;
  for (auto &kv : m)
    n += m.count(kv.second) + (m.find(kv.first) != m.end());
  return n;
}

// The standard library's erase_if.
void eraseIf(std::vector<int> &v) {
  v.erase(std::remove_if(v.begin(), v.end(), [](int x) { return x < 0; }),
          v.end());
}

// An erased iterator that is never used again.
void eraseFound(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it != m.end())
    m.erase(it);
}

// An erased iterator reassigned before its next use.
int eraseReassign(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  it = m.begin();
  return it->second;
}
