// RUN: %check_clang_tidy -std=c++20 %s mapsafety-mutation-during-iteration %t
#include <map>
#include <set>
#include <string>
#include <unordered_map>

struct Entry { long expires; };

void purge(std::map<std::string, Entry> &cache, long now) {
  for (auto &kv : cache) {
    if (kv.second.expires < now)
      cache.erase(kv.first);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'cache' that the loop is visiting invalidates the range-for's iterator
  }
}
// CHECK-FIXES: void purge(std::map<std::string, Entry> &cache, long now) {
// CHECK-FIXES-NEXT: std::erase_if(cache, [&](const auto &kv) { return kv.second.expires < now; });
// CHECK-FIXES-NEXT: }

void odd(std::set<int> &s) {
  for (int x : s)
    if (x % 2 == 1)
      s.erase(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 's' that the loop is visiting
}
// CHECK-FIXES: void odd(std::set<int> &s) {
// CHECK-FIXES-NEXT: std::erase_if(s, [&](const auto &x) { return x % 2 == 1; });

struct Registry {
  std::unordered_map<int, int> *table;
  void dropZeros() {
    for (const auto &e : *table)
      if (e.second == 0) {
        table->erase(e.first);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: erasing the element of '*table' that the loop is visiting
      }
  }
};
// CHECK-FIXES: void dropZeros() {
// CHECK-FIXES-NEXT: std::erase_if(*table, [&](const auto &e) { return e.second == 0; });
// CHECK-FIXES-NEXT: }

// multimap::erase(key) removes every equal key: no fix-it.
void multi(std::multimap<int, int> &mm) {
  for (auto &kv : mm)
    if (kv.second == 0)
      mm.erase(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'mm' that the loop is visiting
}
// CHECK-FIXES: for (auto &kv : mm)

// Structured bindings cannot be lambda parameters: no fix-it.
void bindings(std::map<int, bool> &live) {
  for (auto &[id, alive] : live)
    if (!alive)
      live.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'live' that the loop is visiting
}
// CHECK-FIXES: for (auto &[id, alive] : live)
