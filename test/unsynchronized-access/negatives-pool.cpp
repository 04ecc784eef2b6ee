// RUN: %check_clang_tidy -std=c++20 %s mapsafety-unsynchronized-access %t -- \
// RUN:   -config="{CheckOptions: {mapsafety-unsynchronized-access.ThreadEntryFunctions: 'ThreadPool::submit'}}"
// Tasks of a pool configured by ThreadEntryFunctions, done right: silent.
#include <functional>
#include <map>
#include <mutex>
#include <string>

class ThreadPool {
public:
  void submit(std::function<void()> task);
};

// Every task locks the map.
static std::mutex g_mu;
static std::map<std::string, int> g_counts;
void countLocked(ThreadPool &pool, const std::string &word) {
  pool.submit([word] {
    std::lock_guard<std::mutex> g(g_mu);
    g_counts[word] += 1;
  });
}

// Filled before the tasks are submitted; the tasks only read.
void readOnly(ThreadPool &pool) {
  static std::map<int, int> table;
  table[1] = 1;
  pool.submit([] { (void)table.count(1); });
  pool.submit([] { (void)table.find(2); });
}

// Each task works on its own map: a local of the task, or a copy.
void ownMaps(ThreadPool &pool, const std::map<int, int> &input) {
  pool.submit([] {
    std::map<int, int> scratch;
    scratch[1] = 1;
  });
  pool.submit([copy = input]() mutable { copy.erase(1); });
}

// A service whose constructor submits its worker, every access locked.
class Service {
public:
  explicit Service(ThreadPool &pool) {
    pool.submit([this] { drain(); });
  }
  void add(int id) {
    std::lock_guard<std::mutex> g(mu_);
    jobs_[id] = 0;
  }

private:
  void drain() {
    std::lock_guard<std::mutex> g(mu_);
    jobs_.clear();
  }
  std::mutex mu_;
  std::map<int, int> jobs_;
};
