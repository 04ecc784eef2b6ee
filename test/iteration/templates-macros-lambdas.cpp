// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

// A dependent container: reported once, in the template, whatever the number
// of instantiations.
template <class Map> void dropZeros(Map &m) {
  for (auto &kv : m)
    if (kv.second == 0)
      m.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting invalidates the range-for's iterator
}
template void dropZeros(std::map<int, int> &);
template void dropZeros(std::unordered_map<std::string, int> &);

template <class K> struct Index {
  std::map<K, int> byKey;
  void compact() {
    for (auto &kv : byKey)
      if (kv.second < 0)
        byKey.erase(kv.first);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: erasing the element of 'byKey' that the loop is visiting
  }
};
template struct Index<int>;

// A template whose instantiation is a vector of sets: inserting into a
// std::set in a loop over it is fine, so this stays silent.
template <class C> void addSquares(C &c) {
  for (auto x : c)
    if (x < 10)
      c.insert(x * x);
}
template void addSquares(std::set<int> &);

#define ERASE_KEY(container, key) (container).erase(key)
void viaMacro(std::map<int, int> &m) {
  for (auto &kv : m)
    if (kv.second == 0)
      ERASE_KEY(m, kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
}

#define FOR_EACH_ENTRY(e, c) for (auto &e : c)
void loopInMacro(std::unordered_map<int, int> &m) {
  FOR_EACH_ENTRY(e, m) {
    if (e.second > 0)
      m[e.second];
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'operator[]' may rehash 'm', invalidating the range-for's iterator
  }
}

// A lambda run in place by a standard algorithm inside the loop.
void lambdaInAlgorithm(std::vector<int> &v, const std::vector<int> &extra) {
  for (int x : v)
    if (x == 0)
      std::for_each(extra.begin(), extra.end(), [&](int e) { v.push_back(e); });
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'push_back' may reallocate 'v', invalidating the range-for's iterator
}

// A named lambda called in the loop.
void namedLambda(std::map<int, int> &m) {
  auto drop = [&m](int k) { m.erase(k); };
  for (auto &kv : m)
    if (kv.second < 0)
      drop(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting invalidates the range-for's iterator
}

// A loop inside a lambda.
auto makeCleaner(std::set<std::string> &names) {
  return [&names] {
    for (const auto &n : names)
      if (n.empty())
        names.erase(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: erasing the element of 'names' that the loop is visiting
  };
}

// Nested loops over two containers: only the loop over the modified one.
void nested(std::map<int, int> &a, std::vector<int> &b) {
  for (auto &kv : a)
    for (int x : b)
      if (x == kv.first)
        b.push_back(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'push_back' may reallocate 'b', invalidating the range-for's iterator
}

// A container of containers: the outer map is modified from the inner loop.
void outerFromInner(std::map<int, std::vector<int>> &groups) {
  for (auto &[key, members] : groups)
    for (int m : members)
      if (m == key)
        groups.erase(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: erasing the element of 'groups' that the loop is visiting
}

// const iteration over a container modified through a non-const alias.
void constIteration(std::map<int, int> &m) {
  const std::map<int, int> &view = m;
  for (const auto &kv : view)
    if (kv.second == 0)
      m.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
}

// Static members and globals.
struct Registry {
  static std::unordered_map<std::string, int> handlers;
  static void prune() {
    for (auto &h : handlers)
      if (h.second == 0)
        unregister(h.first);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: call to 'unregister' erases the element of 'handlers' that the loop is visiting
  }
  static void unregister(const std::string &name) { handlers.erase(name); }
};
