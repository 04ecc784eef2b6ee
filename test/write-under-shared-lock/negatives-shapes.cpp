// RUN: %check_clang_tidy -std=c++20 %s mapsafety-write-under-shared-lock %t
// More real-world reader shapes: all silent.
#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <string>
#include <unordered_map>

class Table {
public:
  // A shared try-lock that only reads; the writer's try_lock branch writes.
  int tryGet(int k) {
    if (!mu_.try_lock_shared())
      return -1;
    int v = rows_.count(k) ? rows_.at(k) : 0;
    mu_.unlock_shared();
    return v;
  }
  bool tryPut(int k, int v) {
    std::unique_lock<std::shared_mutex> w(mu_, std::try_to_lock);
    if (!w.owns_lock())
      return false;
    rows_[k] = v;
    return true;
  }
  // A reader lock from a helper returning std::shared_lock.
  bool has(int k) {
    auto r = reader();
    return rows_.find(k) != rows_.end();
  }
  // Early return under the reader lock, then the writer lock in a new scope.
  void ensure(int k) {
    {
      std::shared_lock<std::shared_mutex> r(mu_);
      if (rows_.count(k))
        return;
    }
    {
      std::unique_lock<std::shared_mutex> w(mu_);
      rows_.try_emplace(k, 0);
    }
  }
  // A lambda under the reader lock that only reads.
  bool anyAbove(int min) {
    std::shared_lock<std::shared_mutex> r(mu_);
    return std::any_of(rows_.begin(), rows_.end(),
                       [min](const auto &kv) { return kv.second > min; });
  }
  // A callee writing other state under its own exclusive lock.
  void audit(int k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    if (rows_.count(k))
      log(k);
  }
  // Waiting on a condition variable with the reader lock.
  int waitFor(int k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    cv_.wait(r, [&] { return rows_.count(k) != 0; });
    return rows_.at(k);
  }

private:
  std::shared_lock<std::shared_mutex> reader() {
    return std::shared_lock<std::shared_mutex>(mu_);
  }
  void log(int k) {
    std::lock_guard<std::mutex> g(logMu_);
    seen_[k] += 1;
  }
  std::shared_mutex mu_;
  std::mutex logMu_;
  std::condition_variable_any cv_;
  std::map<int, int> rows_;
  std::map<int, int> seen_;
};

// Scratch maps of the reader itself: a thread_local and a local.
static std::shared_mutex g_mu;
static std::unordered_map<std::string, int> g_names;
int lookup(const std::string &k) {
  thread_local std::map<std::string, int> memo;
  std::shared_lock<std::shared_mutex> r(g_mu);
  std::map<std::string, int> local;
  local[k] = 1;
  auto it = g_names.find(k);
  return memo[k] = it == g_names.end() ? 0 : it->second;
}

// pthread read-write locks used the right way round.
static pthread_rwlock_t g_rw = PTHREAD_RWLOCK_INITIALIZER;
static std::map<int, int> g_rows;
int readRow(int k) {
  pthread_rwlock_rdlock(&g_rw);
  int v = g_rows.count(k) ? g_rows.at(k) : 0;
  pthread_rwlock_unlock(&g_rw);
  return v;
}
void writeRow(int k, int v) {
  pthread_rwlock_wrlock(&g_rw);
  g_rows[k] = v;
  pthread_rwlock_unlock(&g_rw);
}

// A class template whose readers only read.
template <typename K> class Index {
public:
  bool contains(const K &k) const {
    std::shared_lock<std::shared_mutex> r(mu_);
    return keys_.count(k) != 0;
  }
  void add(const K &k) {
    std::unique_lock<std::shared_mutex> w(mu_);
    keys_[k] = true;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<K, bool> keys_;
};
bool useIndex() {
  Index<std::string> ix;
  ix.add("a");
  return ix.contains("a");
}
