// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
#include <list>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

void eraseThenIncrement(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->second < 0) {
      m.erase(it);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting invalidates iterator 'it', which the loop uses next [mapsafety-mutation-during-iteration]
    }
  }
}
// CHECK-FIXES: for (auto it = m.begin(); it != m.end();) {
// CHECK-FIXES-NEXT: if (it->second < 0) {
// CHECK-FIXES-NEXT: it = m.erase(it);
// CHECK-FIXES: } else {
// CHECK-FIXES-NEXT: ++it;
// CHECK-FIXES-NEXT: }

void eraseByKeyOfIterator(std::map<int, int> &m) {
  for (std::map<int, int>::iterator it = m.begin(); it != m.end(); it++)
    if ((*it).second == 0)
      m.erase((*it).first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting invalidates iterator 'it'
}

void eraseSetElement(std::set<int> &s) {
  for (auto it = s.cbegin(); it != s.cend(); ++it)
    if (*it % 3 == 0)
      s.erase(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 's' that the loop is visiting invalidates iterator 'it'
}

void whileLoop(std::list<int> &l) {
  auto it = l.begin();
  while (it != l.end()) {
    if (*it == 0)
      l.erase(it);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'l' that the loop is visiting invalidates iterator 'it'
    ++it;
  }
}

void vectorGrowthInIteratorLoop(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it == 1)
      v.insert(v.end(), 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'insert' may reallocate 'v', invalidating iterator 'it', which the loop uses next
}

void unorderedInsertInIteratorLoop(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    m.try_emplace(it->first + 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'try_emplace' may rehash 'm', invalidating iterator 'it', which the loop uses next
}

// `end()` on either side, and std::end.
void reversedComparison(std::map<int, int> &m) {
  for (auto it = m.begin(); m.end() != it; ++it)
    if (it->second == 0)
      m.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
  // CHECK-FIXES: for (auto it = m.begin(); m.end() != it;)
  // CHECK-FIXES-NEXT: if (it->second == 0)
  // CHECK-FIXES-NEXT: it = m.erase(it);
  // CHECK-FIXES-NEXT: else
  // CHECK-FIXES-NEXT: ++it;
  for (auto it = std::begin(m); it != std::end(m); ++it)
    if (it->second == 1)
      m.erase(it->first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: erasing the element of 'm' that the loop is visiting
}

// Outside any loop: the erased iterator is used afterwards.
int useAfterErase(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'it' is used after 'erase' invalidated it; continue from the iterator that 'erase' returns [mapsafety-mutation-during-iteration]
  return it->second;
}

// A loop whose condition is not an end() comparison, with erase then ++it.
void countedLoop(std::map<int, int> &m, int n) {
  auto it = m.begin();
  for (int i = 0; i < n && it != m.end(); ++i) {
    if (it->second == 0)
      m.erase(it);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'it' is used after 'erase' invalidated it
    ++it;
  }
}

// An iterator erased in the loop and compared again on the next iteration.
void eraseRemembered(std::list<int> &l, std::list<int>::iterator keep) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (*it == 0 && it != keep)
      l.erase(keep);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'keep' is used after 'erase' invalidated it
}
