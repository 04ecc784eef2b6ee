// RUN: %check_clang_tidy %s mapsafety-guarded-reference-escape %t -- -- -I %S/../Inputs
// References, pointers and iterators to guarded containers leaving the lock.
#include "absl_mutex.h"
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

class Registry {
public:
  // The getter locks, then hands out the map itself.
  const std::map<std::string, int> &all() const {
    std::lock_guard<std::mutex> lock(mu_);
    return items_;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: returning a reference to 'items_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }
  std::map<std::string, int> *raw() {
    std::scoped_lock lock(mu_);
    return &items_;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: returning a pointer to 'items_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:22: note: 'mu_' is locked here
  }
  std::map<std::string, int>::iterator find(const std::string &k) {
    std::unique_lock<std::mutex> lock(mu_);
    return items_.find(k);
// CHECK-NOTES: :[[@LINE-1]]:19: warning: returning an iterator to 'items_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:34: note: 'mu_' is locked here
  }
  // Stored where it outlives the lock: a member and an out-parameter.
  void remember() {
    std::lock_guard<std::mutex> lock(mu_);
    cached_ = &items_;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: storing a pointer to 'items_' in 'cached_' lets it be used after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }
  void expose(std::map<std::string, int> **out) {
    std::lock_guard<std::mutex> lock(mu_);
    *out = &items_;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: storing a pointer to 'items_' in '*out' lets it be used after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }
  void keepIterator(const std::string &k) {
    std::lock_guard<std::mutex> lock(mu_);
    last_ = items_.find(k);
// CHECK-NOTES: :[[@LINE-1]]:11: warning: storing an iterator to 'items_' in 'last_' lets it be used after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> items_;
  std::map<std::string, int> *cached_ = nullptr;
  std::map<std::string, int>::iterator last_;
};

// A reader lock, and a global table.
static std::shared_mutex g_mu;
static std::unordered_map<int, int> g_table;
const std::unordered_map<int, int> &table() {
  std::shared_lock<std::shared_mutex> lock(g_mu);
  return g_table;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: returning a reference to 'g_table' lets callers use it after 'g_mu' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:39: note: 'g_mu' is locked here
}

class AbslIndex {
public:
  const std::map<int, int> &view() {
    absl::MutexLock l(&mu_);
    return ids_;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: returning a reference to 'ids_' lets callers use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:21: note: 'mu_' is locked here
  }

private:
  absl::Mutex mu_;
  std::map<int, int> ids_;
};
