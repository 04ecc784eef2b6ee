// RUN: %check_clang_tidy %s mapsafety-write-under-shared-lock %t -- -- -I %S/../Inputs
// Readers that only call const members, writers under the exclusive lock,
// and writes to state no other thread sees: all silent.
#include "absl_mutex.h"
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

class Dir {
public:
  int find(const std::string &k) const {
    std::shared_lock<std::shared_mutex> g(mu_);
    auto it = names_.find(k);
    return it == names_.end() ? -1 : it->second;
  }
  bool has(const std::string &k) const {
    std::shared_lock<std::shared_mutex> g(mu_);
    return names_.count(k) != 0 && names_.at(k) > 0;
  }
  void put(const std::string &k, int v) {
    std::unique_lock<std::shared_mutex> g(mu_);
    names_[k] = v;
  }
  void putScoped(const std::string &k, int v) {
    std::lock_guard<std::shared_mutex> g(mu_);
    names_.erase(k);
  }
  // The reader lock is dropped before the writer lock is taken.
  void upgrade(const std::string &k) {
    {
      std::shared_lock<std::shared_mutex> r(mu_);
      if (names_.count(k))
        return;
    }
    std::unique_lock<std::shared_mutex> w(mu_);
    names_[k] = 0;
  }
  void manual(const std::string &k) {
    mu_.lock_shared();
    bool found = names_.count(k) != 0;
    mu_.unlock_shared();
    if (!found) {
      mu_.lock();
      names_[k] = 1;
      mu_.unlock();
    }
  }
  // A local result built under the reader lock is the caller's own.
  std::vector<std::string> keys() const {
    std::shared_lock<std::shared_mutex> g(mu_);
    std::vector<std::string> out;
    std::map<std::string, int> copy;
    for (const auto &kv : names_) {
      out.push_back(kv.first);
      copy[kv.first] = kv.second;
    }
    return out;
  }
  // Value updates through at() and iterators do not change the structure.
  void bump(const std::string &k) {
    std::shared_lock<std::shared_mutex> g(mu_);
    auto it = names_.find(k);
    if (it != names_.end())
      names_.at(k) += 1;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, int> names_;
};

class AbslDir {
public:
  int get(int k) {
    absl::ReaderMutexLock l(&mu_);
    return ids_.count(k);
  }
  void set(int k) {
    absl::WriterMutexLock l(&mu_);
    ids_[k] = 1;
  }

private:
  absl::Mutex mu_;
  absl::flat_hash_map<int, int> ids_;
};

// A vector's operator[] does not insert.
class Slots {
public:
  int read(int i) {
    std::shared_lock<std::shared_mutex> g(mu_);
    return slots_[i];
  }

private:
  std::shared_mutex mu_;
  std::vector<int> slots_;
};
