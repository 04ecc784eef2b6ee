// RUN: %check_clang_tidy %s mapsafety-guarded-reference-escape %t
// References, pointers and iterators to single elements leaving the lock.
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

struct Session {
  std::string user;
  int hits = 0;
};

class Sessions {
public:
  // operator[] under the guard, the element's reference returned.
  Session &get(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    return sessions_[id];
// CHECK-NOTES: :[[@LINE-1]]:12: warning: returning a reference to an element of 'sessions_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }
  const Session &at(int id) const {
    std::lock_guard<std::mutex> lock(mu_);
    return sessions_.at(id);
// CHECK-NOTES: :[[@LINE-1]]:22: warning: returning a reference to an element of 'sessions_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }
  // A pointer into the found element, or null.
  const Session *find(int id) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sessions_.find(id);
    return it == sessions_.end() ? nullptr : &it->second;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: returning a pointer to an element of 'sessions_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // An iterator kept in a local, then returned.
  std::map<int, Session>::iterator lookup(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sessions_.find(id);
    return it;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: returning an iterator to 'sessions_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // Unlocked by hand before the return.
  std::map<int, Session>::iterator lookupUnlocked(int id) {
    mu_.lock();
    auto it = sessions_.find(id);
    mu_.unlock();
    return it;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: returning an iterator to 'sessions_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'mu_' is locked here
  }
  // A reference to a member of the element.
  const std::string &user(int id) const {
    std::lock_guard<std::mutex> lock(mu_);
    const Session &s = sessions_.at(id);
    return s.user;
// CHECK-NOTES: :[[@LINE-1]]:14: warning: returning a reference to an element of 'sessions_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // Stored in a member.
  void pin(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    pinned_ = &sessions_.at(id);
// CHECK-NOTES: :[[@LINE-1]]:13: warning: storing a pointer to an element of 'sessions_' in 'pinned_' lets it be used after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }

private:
  mutable std::mutex mu_;
  std::map<int, Session> sessions_;
  Session *pinned_ = nullptr;
};

// A global table and an element returned under a unique_lock.
static std::mutex g_mu;
static std::unordered_map<std::string, int> g_ports;
int &port(const std::string &name) {
  std::unique_lock<std::mutex> lock(g_mu);
  return g_ports[name];
// CHECK-NOTES: :[[@LINE-1]]:10: warning: returning a reference to an element of 'g_ports' lets callers use it after 'g_mu' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:32: note: 'g_mu' is locked here
}
