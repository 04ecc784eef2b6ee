// Objective-C++ is analysed like C++, and does not crash the checks.
// RUN: %clang_tidy_plugin --checks='-*,mapsafety-*' %s -- -x objective-c++ -std=c++17 2>&1 | FileCheck %s --implicit-check-not="warning:"
#include <map>

@interface Registry
- (void)prune:(std::map<int, int> &)m;
@end

@implementation Registry
- (void)prune:(std::map<int, int> &)m {
  for (auto it = m.begin(); it != m.end();)
    if (it->second == 0)
      it = m.erase(it);
    else
      ++it;
}
@end

void plain(std::map<int, int> &m) {
  for (auto &kv : m)
    if (kv.second == 0)
      m.erase(kv.first);
  // CHECK: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
}
