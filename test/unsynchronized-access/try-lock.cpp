// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// try_lock holds the mutex only where its success was tested.
#include <map>
#include <mutex>
#include <pthread.h>
#include <thread>

// The failure branch of owns_lock() writes without the mutex.
class Cache {
public:
  void put(int k) {
    std::unique_lock<std::mutex> l(mu_, std::try_to_lock);
    if (l.owns_lock())
      items_[k] = 1;
    else
      items_.erase(k);
// CHECK-NOTES: :[[@LINE-1]]:14: warning: 'items_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+16]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+16]]:15: note: the other thread started here
// CHECK-NOTES: :[[@LINE+5]]:12: note: conflicting write here
// CHECK-NOTES: :[[@LINE-5]]:14: note: no mutex held here
  }
  void drop(int k) {
    std::lock_guard<std::mutex> g(mu_);
    items_.erase(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> items_;
};
void cache() {
  Cache c;
  std::thread a([&] { c.put(1); });
  std::thread b([&] { c.drop(1); });
  a.join();
  b.join();
}

// try_lock() called, its result ignored.
class Unchecked {
public:
  void add(int k) {
    mu_.try_lock();
    seen_[k] = 1;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'seen_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+12]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+12]]:15: note: another thread started here
// CHECK-NOTES: :[[@LINE-4]]:5: note: no mutex held here
    mu_.unlock();
  }

private:
  std::mutex mu_;
  std::map<int, int> seen_;
};
void unchecked() {
  Unchecked u;
  std::thread a([&] { u.add(1); });
  std::thread b([&] { u.add(2); });
  a.join();
  b.join();
}

// pthread_mutex_trylock: the else branch of `== 0` does not hold it.
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static std::map<int, int> g_jobs;
static void *worker(void *) {
  if (pthread_mutex_trylock(&g_mu) == 0) {
    g_jobs[1] = 1;
    pthread_mutex_unlock(&g_mu);
  } else {
    g_jobs.erase(1);
// CHECK-NOTES: :[[@LINE-1]]:12: warning: 'g_jobs' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+8]]:3: note: thread started here
// CHECK-NOTES: :[[@LINE+9]]:10: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:12: note: no mutex held here
  }
  return nullptr;
}
void pthreads() {
  pthread_t t;
  pthread_create(&t, nullptr, worker, nullptr);
  pthread_mutex_lock(&g_mu);
  g_jobs.clear();
  pthread_mutex_unlock(&g_mu);
  pthread_join(t, nullptr);
}

// `if (!mu.try_lock())` falls through to the write when the lock failed.
class Inverted {
public:
  void add(int k) {
    if (!mu_.try_lock())
      ids_.erase(k);
// CHECK-NOTES: :[[@LINE-1]]:12: warning: 'ids_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+18]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+18]]:15: note: another thread started here
// CHECK-NOTES: :[[@LINE-4]]:12: note: no mutex held here
    ids_[k] = 1;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'ids_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+13]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+13]]:15: note: the other thread started here
// CHECK-NOTES: :[[@LINE-9]]:12: note: conflicting write here
// CHECK-NOTES: :[[@LINE-5]]:5: note: no mutex held here
    mu_.unlock();
  }

private:
  std::mutex mu_;
  std::map<int, int> ids_;
};
void inverted() {
  Inverted v;
  std::thread a([&] { v.add(1); });
  std::thread b([&] { v.add(2); });
  a.join();
  b.join();
}
