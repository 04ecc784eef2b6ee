// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
#include <map>
#include <unordered_map>
#include <vector>

void dropNegative(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->second < 0)
      m.erase(it);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting invalidates iterator 'it'
  }
}
// CHECK-FIXES: for (auto it = m.begin(); it != m.end();) {
// CHECK-FIXES-NEXT:   if (it->second < 0)
// CHECK-FIXES-NEXT:     it = m.erase(it);
// CHECK-FIXES-NEXT:   else
// CHECK-FIXES-NEXT:     ++it;

void braces(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); it++)
    if (it->second == 0) {
      m.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting invalidates iterator 'it'
    }
}
// CHECK-FIXES: for (auto it = m.begin(); it != m.end();)
// CHECK-FIXES-NEXT:   if (it->second == 0) {
// CHECK-FIXES-NEXT:     it = m.erase(it);
// CHECK-FIXES: } else {
// CHECK-FIXES-NEXT:     ++it;
// CHECK-FIXES-NEXT:   }

void oneLine(std::vector<int> &v) {
  for (auto i = v.begin(); i != v.end(); ++i) if (*i == 0) v.erase(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: erasing the element of 'v' that the loop is visiting invalidates iterator 'i'
}
// CHECK-FIXES: for (auto i = v.begin(); i != v.end();) if (*i == 0) i = v.erase(i); else ++i;

// No fix-it when the body does more than erase under a condition.
int moreWork(std::map<int, int> &m) {
  int erased = 0;
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->second == 0) {
      m.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
      ++erased;
    }
  }
  return erased;
}
// CHECK-FIXES: for (auto it = m.begin(); it != m.end(); ++it) {
// CHECK-FIXES-NEXT: if (it->second == 0) {
// CHECK-FIXES-NEXT: m.erase(it);
