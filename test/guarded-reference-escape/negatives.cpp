// RUN: %check_clang_tidy %s mapsafety-guarded-reference-escape %t
// Copies, snapshots, unlocked getters and locals: silent.
#include <map>
#include <memory>
#include <mutex>
#include <string>

class Registry {
public:
  // A copy made under the lock.
  std::map<std::string, int> all() const {
    std::lock_guard<std::mutex> lock(mu_);
    return items_;
  }
  // A value looked up under the lock.
  int get(const std::string &k) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = items_.find(k);
    return it == items_.end() ? 0 : it->second;
  }
  // A shared_ptr snapshot: readers keep an immutable version alive.
  std::shared_ptr<const std::map<std::string, int>> snapshot() const {
    std::lock_guard<std::mutex> lock(mu_);
    return snapshot_;
  }
  // No lock: a plain accessor of a class that is not shared.
  const std::map<std::string, int> &unguarded() const { return plain_; }
  // The caller holds the lock for as long as it uses the reference.
  const std::map<std::string, int> &locked(std::unique_lock<std::mutex> &) const {
    return items_;
  }
  // The lock is released before the reference escapes... through a copy.
  std::map<std::string, int> copyOut() {
    mu_.lock();
    std::map<std::string, int> copy = items_;
    mu_.unlock();
    return copy;
  }
  // A local container built under the lock.
  std::map<std::string, int> *build() {
    std::lock_guard<std::mutex> lock(mu_);
    static thread_local std::map<std::string, int> scratch;
    std::map<std::string, int> *local = new std::map<std::string, int>(items_);
    return local;
  }
  // A pointer to a local stored in a local.
  int count() {
    std::lock_guard<std::mutex> lock(mu_);
    std::map<std::string, int> tmp = items_;
    auto *p = &tmp;
    return static_cast<int>(p->size());
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> items_;
  std::map<std::string, int> plain_;
  std::shared_ptr<const std::map<std::string, int>> snapshot_;
};
