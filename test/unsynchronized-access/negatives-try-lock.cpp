// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// Writes only where a try_lock succeeded: all silent.
#include <map>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <thread>

class Stats {
public:
  // The success branch of owns_lock().
  void tryAdd(int k) {
    std::unique_lock<std::mutex> l(mu_, std::try_to_lock);
    if (l.owns_lock())
      counts_[k] += 1;
  }
  // Early return when the guard holds nothing.
  void tryErase(int k) {
    std::unique_lock<std::mutex> l(mu_, std::try_to_lock);
    if (!l)
      return;
    counts_.erase(k);
  }
  // A manual try_lock() with its unlock().
  void tryClear() {
    if (mu_.try_lock()) {
      counts_.clear();
      mu_.unlock();
    }
  }
  // Early return when try_lock() fails.
  void tryInsert(int k) {
    if (!mu_.try_lock())
      return;
    counts_.emplace(k, 0);
    mu_.unlock();
  }
  // Spinning until try_lock() succeeds.
  void spinInsert(int k) {
    while (!mu_.try_lock())
      std::this_thread::yield();
    counts_[k] = 0;
    mu_.unlock();
  }
  // A deferred guard tried later, combined with another condition.
  void deferredTry(int k, bool enabled) {
    std::unique_lock<std::mutex> l(mu_, std::defer_lock);
    if (enabled && l.try_lock())
      counts_.erase(k);
  }
  // std::try_lock of two mutexes returns -1 on success.
  void both(int k) {
    if (std::try_lock(mu_, other_) == -1) {
      counts_[k] = 1;
      other_.unlock();
      mu_.unlock();
    }
  }

private:
  std::mutex mu_, other_;
  std::map<int, int> counts_;
};
void stats() {
  Stats s;
  std::thread a([&] { s.tryAdd(1); s.tryErase(2); s.tryClear(); });
  std::thread b([&] { s.tryInsert(1); s.spinInsert(2); s.deferredTry(3, true); s.both(4); });
  a.join();
  b.join();
}

// pthread trylock in its spellings, and a shared try-lock for a read.
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static std::map<int, int> g_jobs;
static std::shared_mutex g_rw;
static std::map<int, int> g_table;
static void *worker(void *) {
  if (pthread_mutex_trylock(&g_mu) == 0) {
    g_jobs[1] = 1;
    pthread_mutex_unlock(&g_mu);
  }
  if (!pthread_mutex_trylock(&g_mu)) {
    g_jobs.erase(1);
    pthread_mutex_unlock(&g_mu);
  }
  if (pthread_mutex_trylock(&g_mu) != 0)
    return nullptr;
  g_jobs.clear();
  pthread_mutex_unlock(&g_mu);
  if (g_rw.try_lock_shared()) {
    (void)g_table.count(1);
    g_rw.unlock_shared();
  }
  return nullptr;
}
void pthreads() {
  pthread_t t;
  pthread_create(&t, nullptr, worker, nullptr);
  pthread_mutex_lock(&g_mu);
  g_jobs[2] = 2;
  pthread_mutex_unlock(&g_mu);
  {
    std::unique_lock<std::shared_mutex> w(g_rw);
    g_table[1] = 1;
  }
  pthread_join(t, nullptr);
}
