// RUN: %check_clang_tidy %s mapsafety-guarded-reference-escape %t
// Elements copied out, lambdas run under the lock, snapshots: all silent.
#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct Entry {
  std::string name;
  int size = 0;
};

class Catalog {
public:
  // Returned by value: a copy made under the lock.
  Entry get(int id) const {
    std::lock_guard<std::mutex> lock(mu_);
    return entries_.at(id);
  }
  std::optional<Entry> find(int id) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(id);
    if (it == entries_.end())
      return std::nullopt;
    return it->second;
  }
  // A reference returned by a function that takes no lock.
  const Entry &unlocked(int id) const { return plain_.at(id); }
  // A lambda called right away, while the lock is held.
  int total() const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.begin();
    auto sum = [&it, this] {
      int n = 0;
      for (; it != entries_.end(); ++it)
        n += it->second.size;
      return n;
    };
    return sum();
  }
  // Lambdas handed to algorithms and to wait(): they run before it returns.
  bool any(int min) {
    std::unique_lock<std::mutex> lock(mu_);
    const Entry &first = entries_.begin()->second;
    cv_.wait(lock, [&first] { return first.size > 0; });
    return std::any_of(entries_.begin(), entries_.end(),
                       [&first, min](const auto &kv) {
                         return kv.second.size >= min + first.size;
                       });
  }
  // Captured by value: a copy of the element.
  void remember(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    Entry copy = entries_.at(id);
    const Entry &ref = entries_.at(id);
    callback_ = [copy] { (void)copy.size; };
    later_ = [ref] { (void)ref.size; };
  }
  // A shared_ptr snapshot captured by a thread.
  void publish() {
    std::shared_ptr<const std::map<int, Entry>> snap;
    {
      std::lock_guard<std::mutex> lock(mu_);
      snap = std::make_shared<std::map<int, Entry>>(entries_);
    }
    std::thread([snap] { (void)snap->size(); }).detach();
  }
  // A lambda stored with no reference into the map: it locks when it runs.
  void schedule(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    callback_ = [this, id] {
      std::lock_guard<std::mutex> inner(mu_);
      entries_.erase(id);
    };
  }
  // A reference into a local copy.
  void local() {
    std::lock_guard<std::mutex> lock(mu_);
    std::map<int, Entry> copy = entries_;
    auto it = copy.begin();
    std::thread([copy, it] { (void)it->second; }).detach();
  }

private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<int, Entry> entries_;
  std::map<int, Entry> plain_;
  std::function<void()> callback_, later_;
};

// Templates: an element copied out of a guarded map of any type.
template <typename K, typename V> class Guarded {
public:
  V get(const K &k) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(k);
    return it == map_.end() ? V() : it->second;
  }

private:
  mutable std::mutex mu_;
  std::map<K, V> map_;
};
int useGuarded() {
  Guarded<std::string, int> g;
  return g.get("a");
}
