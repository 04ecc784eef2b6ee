// RUN: %check_clang_tidy %s mapsafety-write-under-shared-lock %t -- -- -I %S/../Inputs
#include "absl_mutex.h"
#include "boost_thread.h"
#include "folly_shared_mutex.h"
#include <map>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <string>
#include <unordered_map>

class Config {
public:
  // A "reader" that looks up with operator[]: it inserts missing keys.
  std::string lookup(const std::string &key) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return values_[key];
// CHECK-NOTES: :[[@LINE-1]]:12: warning: 'operator[]' may insert into 'values_' while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:41: note: shared lock on 'mu_' acquired here
  }
  void forget(const std::string &key) {
    std::shared_lock lock(mu_);
    values_.erase(key);
// CHECK-NOTES: :[[@LINE-1]]:13: warning: 'values_' is modified while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:22: note: shared lock on 'mu_' acquired here
  }
  // The write is in a helper called with the reader lock held.
  void refresh(const std::string &key) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    if (values_.count(key) == 0)
      store(key);
// CHECK-NOTES: :[[@LINE-1]]:7: warning: call to 'store' modifies 'values_' while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE+12]]:48: note: 'values_' is modified here
// CHECK-NOTES: :[[@LINE-5]]:41: note: shared lock on 'mu_' acquired here
  }
  void manual(const std::string &key) {
    mu_.lock_shared();
    values_.emplace(key, "x");
// CHECK-NOTES: :[[@LINE-1]]:13: warning: 'values_' is modified while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:5: note: shared lock on 'mu_' acquired here
    mu_.unlock_shared();
  }

private:
  void store(const std::string &key) { values_.insert({key, ""}); }
  std::shared_mutex mu_;
  std::map<std::string, std::string> values_;
};

static pthread_rwlock_t g_rw = PTHREAD_RWLOCK_INITIALIZER;
static std::unordered_map<int, int> g_table;

void bump(int k) {
  pthread_rwlock_rdlock(&g_rw);
  ++g_table[k];
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'operator[]' may insert into 'g_table' while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:3: note: shared lock on 'g_rw' acquired here
  pthread_rwlock_unlock(&g_rw);
}

class AbslCache {
public:
  void touch(int k) {
    absl::ReaderMutexLock l(&mu_);
    seen_[k] = true;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'operator[]' may insert into 'seen_' while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:27: note: shared lock on 'mu_' acquired here
  }

private:
  absl::Mutex mu_;
  absl::flat_hash_map<int, bool> seen_;
};

class BoostIndex {
public:
  void add(int k) {
    boost::shared_lock<boost::shared_mutex> l(mu_);
    ids_.clear();
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'ids_' is modified while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:45: note: shared lock on 'mu_' acquired here
  }

private:
  boost::shared_mutex mu_;
  std::map<int, int> ids_;
};

class FollyIndex {
public:
  void add(int k) {
    folly::SharedMutex::ReadHolder h(mu_);
    ids_.erase(k);
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'ids_' is modified while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:36: note: shared lock on 'mu_' acquired here
  }

private:
  folly::SharedMutex mu_;
  std::map<int, int> ids_;
};

// A lambda inside a member function, holding the reader lock of its class.
class Registry {
public:
  void visit() {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto add = [this](int k) { names_[k] = "?"; };
    add(1);
// CHECK-NOTES: :[[@LINE-1]]:5: warning: call to the lambda modifies 'names_' while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:32: note: 'operator[]' may insert into 'names_' here
// CHECK-NOTES: :[[@LINE-5]]:41: note: shared lock on 'mu_' acquired here
  }

private:
  std::shared_mutex mu_;
  std::map<int, std::string> names_;
};
