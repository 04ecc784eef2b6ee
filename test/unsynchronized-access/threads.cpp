// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// Containers shared with explicitly started threads.
#include <functional>
#include <future>
#include <map>
#include <pthread.h>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

// Two lambdas capturing a local by reference.
int twoLambdas() {
  std::map<int, int> m;
  std::thread writer([&m] {
    for (int i = 0; i < 10; ++i)
      m[i] = i;
// CHECK-NOTES: :[[@LINE-1]]:7: warning: 'm' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-4]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+4]]:15: note: the other thread started here
// CHECK-NOTES: :[[@LINE+6]]:16: note: conflicting read here
// CHECK-NOTES: :[[@LINE-5]]:7: note: no mutex held here
  });
  std::thread reader([&m] {
    int sum = 0;
    for (int i = 0; i < 10; ++i)
      sum += m.count(i);
  });
  writer.join();
  reader.join();
  return 0;
}

// The same lambda started in a loop races with itself.
void loopWorkers(const std::vector<std::string> &words) {
  std::map<std::string, int> freq;
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([&, t] { freq[words[t]]++; });
// CHECK-NOTES: :[[@LINE-1]]:32: warning: 'freq' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:10: note: thread started here, several times: it runs concurrently with itself
// CHECK-NOTES: :[[@LINE-3]]:32: note: no mutex held here
  for (auto &th : pool)
    th.join();
}

// Shared through std::ref with a function entry.
static void fill(std::set<int> &s) { s.insert(1); }
// CHECK-NOTES: :[[@LINE-1]]:40: warning: 's' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+5]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+5]]:15: note: another thread started here
// CHECK-NOTES: :[[@LINE-4]]:40: note: no mutex held here
void byRef() {
  std::set<int> s;
  std::thread a(fill, std::ref(s));
  std::thread b(fill, std::ref(s));
  a.join();
  b.join();
}

// Through void* to pthread_create.
static void *drain(void *arg) {
  auto *q = static_cast<std::vector<int> *>(arg);
  q->clear();
// CHECK-NOTES: :[[@LINE-1]]:6: warning: '*q' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+8]]:3: note: thread started here
// CHECK-NOTES: :[[@LINE+8]]:30: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:6: note: no mutex held here
  return nullptr;
}
void pthreads() {
  std::vector<int> q;
  pthread_t tid;
  pthread_create(&tid, nullptr, drain, &q);
  int n = static_cast<int>(q.size());
  pthread_join(tid, nullptr);
  (void)n;
}

// std::async, read before get().
static std::unordered_map<std::string, int> g_index;
static int build() {
  g_index.emplace("a", 1);
// CHECK-NOTES: :[[@LINE-1]]:11: warning: 'g_index' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+6]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+6]]:39: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:11: note: no mutex held here
  return 0;
}
int asyncThenRead() {
  auto done = std::async(std::launch::async, build);
  int hits = static_cast<int>(g_index.count("a"));
  done.get();
  return hits;
}

// A detached thread reads while the starter keeps writing.
static std::map<int, int> g_names;
static void dump() {
  for (const auto &kv : g_names)
    (void)kv;
}
void detached() {
  std::thread(dump).detach();
  g_names.erase(3);
// CHECK-NOTES: :[[@LINE-1]]:11: warning: 'g_names' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-3]]:3: note: thread started here
// CHECK-NOTES: :[[@LINE-8]]:25: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:11: note: no mutex held here
}

// A function-local static is shared after its initialisation.
static void remember(int k) {
  static std::map<int, int> seen;
  seen[k] = 1;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: 'seen' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+5]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+5]]:15: note: another thread started here
// CHECK-NOTES: :[[@LINE-4]]:3: note: no mutex held here
}
void statics() {
  std::thread a(remember, 1);
  std::thread b(remember, 2);
  a.join();
  b.join();
}

// A const member function writing a mutable memo map.
class Memo {
public:
  int get(int k) const {
    auto it = cache_.find(k);
    if (it != cache_.end())
      return it->second;
    cache_.emplace(k, k * k);
// CHECK-NOTES: :[[@LINE-1]]:12: warning: 'cache_' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+12]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+12]]:15: note: the other thread started here
// CHECK-NOTES: :[[@LINE-7]]:22: note: conflicting read here
// CHECK-NOTES: :[[@LINE-5]]:12: note: no mutex held here
    return k * k;
  }

private:
  mutable std::map<int, int> cache_;
};
void memo() {
  Memo m;
  std::thread a([&m] { m.get(1); });
  std::thread b([&m] { m.get(2); });
  a.join();
  b.join();
}

// Whole-map assignment and swap are writes.
void wholeMap() {
  std::map<int, int> current, next;
  std::thread reader([&current] { (void)current.size(); });
  current = next;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: 'current' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-3]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE-4]]:49: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:11: note: no mutex held here
  reader.join();
  std::thread reader2([&current] { (void)current.count(1); });
  current.swap(next);
// CHECK-NOTES: :[[@LINE-1]]:11: warning: 'current' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-3]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE-4]]:50: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:11: note: no mutex held here
  reader2.join();
}
