// RUN: %check_clang_tidy %s mapsafety-guarded-reference-escape %t
// References used only inside the locked region, and values copied out:
// all silent.
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

class Inventory {
public:
  // An iterator walked and dropped inside the lock, with an early return.
  bool anyEmpty() const {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = stock_.begin(); it != stock_.end(); ++it)
      if (it->second == 0)
        return true;
    return false;
  }
  // A reference kept in a local of a nested locked scope only.
  int take(const std::string &k) {
    int left = 0;
    {
      std::lock_guard<std::mutex> lock(mu_);
      int &n = stock_[k];
      left = --n;
    }
    return left;
  }
  // An element copied into an out-parameter.
  void read(const std::string &k, int *out) const {
    std::lock_guard<std::mutex> lock(mu_);
    *out = stock_.at(k);
  }
  // A value copied by an init-capture.
  void notifyLater(const std::string &k) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back([n = stock_.at(k)] { (void)n; });
  }
  // A wait predicate that captures an iterator runs under the lock.
  void waitRestock(const std::string &k) {
    std::unique_lock<std::mutex> lock(mu_);
    auto it = stock_.find(k);
    cv_.wait(lock, [&it, this] { return it == stock_.end() || it->second > 0; });
  }
  // The caller keeps the lock: the function returns with it still held.
  const std::map<std::string, int> &lockedView() {
    mu_.lock();
    return stock_;
  }
  void unlockView() { mu_.unlock(); }
  // Keys copied out under the lock.
  std::vector<std::string> names() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    for (const auto &kv : stock_)
      out.push_back(kv.first);
    return out;
  }

private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, int> stock_;
  std::vector<std::function<void()>> pending_;
};

// A function-local static table, set up once and returned without a lock.
const std::map<int, std::string> &codes() {
  static const std::map<int, std::string> table = {{1, "one"}};
  return table;
}
