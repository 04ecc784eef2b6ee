// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
#include <map>
#include <unordered_map>

struct Session { bool dead = false; };

class Server {
public:
  void reap() {
    for (auto &[id, s] : sessions_)
      if (s.dead)
        close(id);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: call to 'close' erases the element of 'sessions_' that the loop is visiting, invalidating the range-for's iterator [mapsafety-mutation-during-iteration]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: loop over 'sessions_' here
    // CHECK-NOTES: :[[@LINE+11]]:24: note: 'close' erases from 'sessions_' here
  }
  void reapAll() {
    for (auto &kv : sessions_)
      resetAll();
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: call to 'resetAll' clears 'sessions_', invalidating the range-for's iterator
    // CHECK-NOTES: :[[@LINE-3]]:5: note: loop over 'sessions_' here
    // CHECK-NOTES: :[[@LINE+6]]:20: note: 'dropAll' clears 'sessions_' here
  }

private:
  void close(int id) { sessions_.erase(id); }
  void resetAll() { dropAll(); }
  void dropAll() { sessions_.clear(); }
  std::map<int, Session> sessions_;
};

// A free function modifying its reference parameter, reached through the
// loop's container.
static void forget(std::unordered_map<int, int> &table, int key) {
  table.erase(key);
}

void purge(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    if (it->second < 0)
      forget(m, it->first);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: call to 'forget' erases the element of 'm' that the loop is visiting, invalidating iterator 'it', which the loop uses next
  // CHECK-NOTES: :[[@LINE-4]]:3: note: loop over 'm' here
  // CHECK-NOTES: :[[@LINE-9]]:3: note: 'forget' erases from 'table' here
  // CHECK-NOTES: :[[@LINE-6]]:46: note: 'it' is used here after the change
}

// A use of the erased element, named in a note.
void logged(std::map<int, int> &m, int &sum) {
  for (auto &kv : m) {
    if (kv.second == 0)
      m.erase(kv.first);
    sum += kv.second;
  }
  // CHECK-NOTES: :[[@LINE-3]]:7: warning: erasing the element of 'm' that the loop is visiting invalidates the range-for's iterator
  // CHECK-NOTES: :[[@LINE-6]]:3: note: loop over 'm' here
  // CHECK-NOTES: :[[@LINE-4]]:12: note: 'kv' is used here after the change
}
