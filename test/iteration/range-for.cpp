// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
#include <deque>
#include <list>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct Entry { long expires; };

void eraseByKey(std::map<std::string, Entry> &cache, long now) {
  for (auto &kv : cache) {
    if (kv.second.expires < now)
      cache.erase(kv.first);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'cache' that the loop is visiting invalidates the range-for's iterator [mapsafety-mutation-during-iteration]
  }
}

void eraseFromSet(std::set<int> &s) {
  for (int x : s)
    if (x % 2)
      s.erase(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 's' that the loop is visiting invalidates the range-for's iterator
}

void structuredBinding(std::unordered_map<int, bool> &live) {
  for (const auto &[id, alive] : live)
    if (!alive)
      live.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'live' that the loop is visiting
}

void eraseCopyOfKey(std::map<int, int> &m) {
  for (const auto &kv : m) {
    const int key = kv.first;
    if (kv.second == 0)
      m.erase(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
  }
}

void eraseThroughFind(std::map<int, int> &m) {
  for (auto &kv : m)
    if (kv.second < 0)
      m.erase(m.find(kv.first));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
}

void unorderedInsert(std::unordered_map<std::string, int> &ids) {
  for (const auto &[name, id] : ids)
    if (name.size() > 3)
      ids[name.substr(0, 3)] = id;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'operator[]' may rehash 'ids', invalidating the range-for's iterator
}

void unorderedSetEmplace(std::unordered_set<int> &s) {
  for (int x : s)
    s.emplace(x * 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'emplace' may rehash 's', invalidating the range-for's iterator
}

void vectorGrowth(std::vector<int> &v) {
  for (int x : v)
    if (x > 0)
      v.push_back(-x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'push_back' may reallocate 'v', invalidating the range-for's iterator
}

void stringAppend(std::string &s) {
  for (char c : s)
    if (c == '\\')
      s += '\\';
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'operator+=' may reallocate 's', invalidating the range-for's iterator
}

void vectorEraseAnything(std::vector<int> &v) {
  for (int x : v)
    if (x == 0)
      v.erase(v.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'erase' erases from 'v', invalidating the end iterator that the range-for compares against
}

void dequePush(std::deque<int> &d) {
  for (int x : d)
    if (x > 10)
      d.push_front(x / 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'push_front' inserts into 'd', invalidating the range-for's iterator
}

void clearInside(std::set<int> &s) {
  for (int x : s)
    if (x > 100)
      s.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'clear' clears 's', invalidating the range-for's iterator
}

void assignInside(std::map<int, int> &m, const std::map<int, int> &fresh) {
  for (auto &kv : m)
    if (kv.second < 0)
      m = fresh;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'operator=' reassigns 'm', invalidating the range-for's iterator
}

void swapInside(std::list<int> &l, std::list<int> &other) {
  for (int x : l)
    if (x == 0)
      l.swap(other);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'swap' swaps 'l', invalidating the range-for's iterator
}

void stdSwapInside(std::vector<int> &a, std::vector<int> &b) {
  for (int x : a)
    if (x == 0)
      std::swap(a, b);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'swap' swaps 'a', invalidating the range-for's iterator
}

// Erasing and then continuing still advances the erased iterator.
void eraseThenContinue(std::map<int, int> &m) {
  for (auto &kv : m) {
    if (kv.second == 0) {
      m.erase(kv.first);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
      continue;
    }
  }
}

// The element is used after it was erased.
void useAfterErase(std::map<int, std::string> &m, std::vector<std::string> &log) {
  for (auto &kv : m) {
    if (kv.second.empty()) {
      m.erase(kv.first);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
      log.push_back(kv.second);
      return;
    }
  }
}
