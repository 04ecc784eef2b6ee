// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t -- \
// RUN:   -config="{CheckOptions: {mapsafety-unsynchronized-access.ThreadSafeTypes: 'tbb::concurrent_hash_map;util::SafeMap', mapsafety-unsynchronized-access.ContainerTypes: 'util::SafeMap'}}"
// Thread-safe types and containers annotated for -Wthread-safety: silent.
#include <map>
#include <mutex>
#include <thread>

namespace tbb {
template <class K, class V> class concurrent_hash_map {
public:
  bool insert(const K &);
  void clear();
};
} // namespace tbb
namespace util {
template <class K, class V> class SafeMap {
public:
  V &operator[](const K &);
  void clear();
};
} // namespace util

static tbb::concurrent_hash_map<int, int> g_tbb;
static util::SafeMap<int, int> g_safe;
void threadSafeTypes() {
  std::thread a([] { g_tbb.insert(1); g_safe[1] = 1; });
  std::thread b([] { g_tbb.clear(); g_safe.clear(); });
  a.join();
  b.join();
}

// Left to -Wthread-safety unless AnnotatedContainers is true.
class Annotated {
public:
  void put(int k) {
    std::lock_guard<std::mutex> g(mu_);
    m_[k] = k;
  }
  bool has(int k) {
    std::lock_guard<std::mutex> g(mu_);
    return m_.count(k) != 0;
  }
  void drop(int k) { m_.erase(k); }

private:
  std::mutex mu_;
  std::map<int, int> m_ __attribute__((guarded_by(mu_)));
};
