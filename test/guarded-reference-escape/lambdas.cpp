// RUN: %check_clang_tidy %s mapsafety-guarded-reference-escape %t -- \
// RUN:   -config="{CheckOptions: {mapsafety-guarded-reference-escape.ThreadEntryFunctions: 'Pool::submit'}}"
// Lambdas that capture a reference into a guarded container and outlive the
// lock: stored, run on another thread, or returned.
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Dispatcher {
public:
  // An iterator captured by reference, the lambda kept in a member.
  void onChange(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = handlers_.find(id);
    callback_ = [&it] { it->second(); };
// CHECK-NOTES: :[[@LINE-1]]:19: warning: lambda capturing an iterator to 'handlers_' is stored in 'callback_' and may use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // A copied iterator still points into the map.
  void queue(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = handlers_.find(id);
    pending_.push_back([it] { it->second(); });
// CHECK-NOTES: :[[@LINE-1]]:25: warning: lambda capturing an iterator to 'handlers_' is stored in 'pending_' and may use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // An element's reference, used on another thread.
  void runAsync(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    std::function<void()> &h = handlers_[id];
    std::thread([&h] { h(); }).detach();
// CHECK-NOTES: :[[@LINE-1]]:19: warning: lambda capturing a reference to an element of 'handlers_' runs on another thread and may use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // The whole map, by an init-capture reference.
  void later() {
    std::lock_guard<std::mutex> lock(mu_);
    callback_ = [&all = handlers_] { all.clear(); };
// CHECK-NOTES: :[[@LINE-1]]:19: warning: lambda capturing a reference to 'handlers_' is stored in 'callback_' and may use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-3]]:33: note: 'mu_' is locked here
  }
  // A local reference to the map captured by a returned lambda.
  std::function<size_t()> counter() {
    std::lock_guard<std::mutex> lock(mu_);
    auto &all = handlers_;
    return [&all] { return all.size(); };
// CHECK-NOTES: :[[@LINE-1]]:14: warning: lambda capturing a reference to 'handlers_' is returned and may use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // A returned std::async future's task, capturing an element.
  std::future<void> callLater(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto &h = handlers_[id];
    return std::async(std::launch::async, [&h] { h(); });
// CHECK-NOTES: :[[@LINE-1]]:45: warning: lambda capturing a reference to an element of 'handlers_' runs on another thread and may use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }
  // A pointer to the map, captured by a member thread's lambda.
  void watch() {
    std::lock_guard<std::mutex> lock(mu_);
    auto *all = &handlers_;
    worker_ = std::thread([all] { (void)all->size(); });
// CHECK-NOTES: :[[@LINE-1]]:28: warning: lambda capturing a pointer to 'handlers_' runs on another thread and may use it after 'mu_' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:33: note: 'mu_' is locked here
  }

private:
  std::mutex mu_;
  std::map<int, std::function<void()>> handlers_;
  std::function<void()> callback_;
  std::vector<std::function<void()>> pending_;
  std::thread worker_;
};

// A configured pool's task with the default capture [&].
class Pool {
public:
  void submit(std::function<void()> task);
};
static std::mutex g_mu;
static std::map<std::string, int> g_counts;
void bump(Pool &pool, const std::string &key) {
  std::lock_guard<std::mutex> lock(g_mu);
  int &n = g_counts[key];
  pool.submit([&] { ++n; });
// CHECK-NOTES: :[[@LINE-1]]:23: warning: lambda capturing a reference to an element of 'g_counts' runs on another thread and may use it after 'g_mu' is released [mapsafety-guarded-reference-escape]
// CHECK-NOTES: :[[@LINE-4]]:31: note: 'g_mu' is locked here
}
