// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t -- -- -I %S/../Inputs
// Every access under a common mutex, in many spellings: all silent.
#include "absl_mutex.h"
#include "boost_thread.h"
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <string>
#include <thread>

class Counter {
public:
  void inc(const std::string &k) {
    std::lock_guard<std::mutex> g(mu_);
    ++counts_[k];
  }
  void reset(const std::string &k) {
    std::scoped_lock g(mu_);
    counts_.erase(k);
  }
  int get(const std::string &k) {
    std::unique_lock<std::mutex> g(mu_);
    auto it = counts_.find(k);
    return it == counts_.end() ? 0 : it->second;
  }
  void clearAll() {
    mu_.lock();
    counts_.clear();
    mu_.unlock();
  }
  void deferred(const std::string &k) {
    std::unique_lock<std::mutex> g(mu_, std::defer_lock);
    g.lock();
    counts_.erase(k);
  }
  // Early return with the lock released on both paths.
  bool eraseIfPresent(const std::string &k) {
    mu_.lock();
    if (counts_.count(k) == 0) {
      mu_.unlock();
      return false;
    }
    counts_.erase(k);
    mu_.unlock();
    return true;
  }
  // RAII guards in nested scopes.
  void nested(const std::string &k) {
    {
      std::lock_guard<std::mutex> g(mu_);
      counts_[k] = 0;
      {
        std::lock_guard<std::mutex> g2(other_);
        counts_.erase(k);
      }
      counts_[k] = 1;
    }
  }

private:
  std::mutex mu_, other_;
  std::map<std::string, int> counts_;
};

void counters() {
  Counter c;
  std::thread a([&] { c.inc("x"); c.nested("y"); });
  std::thread b([&] { c.reset("x"); c.clearAll(); c.eraseIfPresent("z"); });
  std::thread d([&] { c.deferred("x"); c.get("x"); });
  a.join();
  b.join();
  d.join();
}

// The helper takes no lock itself: every caller already holds it.
class Book {
public:
  void deposit(int account, int amount) {
    std::lock_guard<std::mutex> g(mu_);
    addLocked(account, amount);
  }
  void transfer(int from, int to, int amount) {
    std::lock_guard<std::mutex> g(mu_);
    apply(from, -amount);
    apply(to, amount);
  }

private:
  void addLocked(int account, int amount) { balances_[account] += amount; }
  void apply(int account, int amount) { balances_[account] += amount; }
  std::mutex mu_;
  std::map<int, long> balances_;
};
void books() {
  Book b;
  std::thread t1([&] { b.deposit(1, 10); });
  std::thread t2([&] { b.transfer(1, 2, 5); });
  t1.join();
  t2.join();
}

// A lock taken in a helper that returns the std::unique_lock.
class Queue {
public:
  void push(int v) {
    auto lk = lock();
    items_[v] = v;
  }
  void pop(int v) {
    std::unique_lock<std::mutex> lk = lock();
    items_.erase(v);
  }
  // The lock is held again when wait() returns.
  int waitPop() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [this] { return !items_.empty(); });
    int v = items_.begin()->first;
    items_.erase(items_.begin());
    return v;
  }

private:
  std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(mu_); }
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<int, int> items_;
};
void queues() {
  Queue q;
  std::thread a([&] { q.push(1); q.waitPop(); });
  std::thread b([&] { q.pop(1); });
  a.join();
  b.join();
}

// pthread, Abseil and Boost mutexes.
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static std::map<int, int> g_shared;
static void *pworker(void *) {
  pthread_mutex_lock(&g_mu);
  g_shared[1] = 1;
  pthread_mutex_unlock(&g_mu);
  return nullptr;
}
void pthreads() {
  pthread_t t;
  pthread_create(&t, nullptr, pworker, nullptr);
  pthread_mutex_lock(&g_mu);
  g_shared.erase(1);
  pthread_mutex_unlock(&g_mu);
  pthread_join(t, nullptr);
}

static absl::Mutex g_amu;
static std::map<int, int> g_amap;
static boost::mutex g_bmu;
static std::map<int, int> g_bmap;
void abslAndBoost() {
  std::thread t([] {
    absl::MutexLock l(&g_amu);
    g_amap[1] = 1;
    boost::lock_guard<boost::mutex> g(g_bmu);
    g_bmap[1] = 1;
  });
  {
    absl::MutexLock l(&g_amu);
    g_amap.erase(1);
  }
  g_bmu.lock();
  g_bmap.clear();
  g_bmu.unlock();
  t.join();
}

// std::lock of two mutexes, then adopting guards.
class Pair {
public:
  void move(Pair &other) {
    std::lock(mu_, other.mu_);
    std::lock_guard<std::mutex> a(mu_, std::adopt_lock);
    std::lock_guard<std::mutex> b(other.mu_, std::adopt_lock);
    m_.swap(other.m_);
  }
  void put(int k) {
    std::lock_guard<std::mutex> g(mu_);
    m_[k] = k;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};

// Copy-on-write: readers take a snapshot, the writer publishes a new map
// under the lock.
class Routes {
public:
  std::shared_ptr<const std::map<std::string, int>> snapshot() const {
    std::lock_guard<std::mutex> g(mu_);
    return current_;
  }
  void add(const std::string &path, int handler) {
    auto next = std::make_shared<std::map<std::string, int>>(*snapshot());
    (*next)[path] = handler;
    std::lock_guard<std::mutex> g(mu_);
    current_ = std::move(next);
  }

private:
  mutable std::mutex mu_;
  std::shared_ptr<const std::map<std::string, int>> current_ =
      std::make_shared<const std::map<std::string, int>>();
};
void routes() {
  Routes r;
  std::thread w([&] { r.add("/a", 1); });
  auto s = r.snapshot();
  (void)s->size();
  w.join();
}
