// A translation unit with errors gets clang's errors, and no crash.
// RUN: not %clang_tidy_plugin --checks='-*,mapsafety-*' %s -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck %s --input-file=%t.out
// CHECK: error: use of undeclared identifier 'undeclared'
// CHECK-NOT: Stack dump
// CHECK-NOT: PLEASE submit a bug report
#include <map>
#include <vector>

void broken(std::map<int, int> &m) {
  for (auto &kv : m)
    if (kv.second == 0)
      m.erase(undeclared);
  for (auto it = m.begin(); it != m.end(); ++it)
    m.erase(it->first, );
}

template <class T> void dependent(T &c) {
  for (auto &x : c.missing())
    c.erase(x);
}

struct Incomplete;
void incomplete(std::vector<Incomplete> &v) {
  for (auto &x : v)
    v.push_back(x);
}
