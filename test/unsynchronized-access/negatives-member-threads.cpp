// RUN: %check_clang_tidy -std=c++20 %s mapsafety-unsynchronized-access %t
// Member threads with every access under one mutex, joined before the
// access, or touching other state: all silent.
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// Every access under mu_, the worker waiting on a condition variable.
class Queue {
public:
  void start() { worker_ = std::thread(&Queue::run, this); }
  void push(int k) {
    {
      std::lock_guard<std::mutex> g(mu_);
      items_[k] = k;
    }
    cv_.notify_one();
  }
  void stop() {
    {
      std::lock_guard<std::mutex> g(mu_);
      done_ = true;
    }
    cv_.notify_one();
    worker_.join();
    items_.clear(); // The worker has been joined.
  }

private:
  void run() {
    std::unique_lock<std::mutex> lk(mu_);
    while (!done_) {
      cv_.wait(lk, [this] { return done_ || !items_.empty(); });
      if (!items_.empty())
        items_.erase(items_.begin());
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::map<int, int> items_;
  std::thread worker_;
};

// Locks taken through a helper returning std::unique_lock, with early
// returns and nested scopes.
class Registry {
public:
  Registry() { worker_ = std::thread([this] { refresh(); }); }
  ~Registry() { worker_.join(); }
  bool add(const std::string &k) {
    auto lk = lock();
    if (names_.count(k))
      return false;
    names_[k] = 1;
    return true;
  }
  void remove(const std::string &k) {
    if (k.empty())
      return;
    {
      std::lock_guard<std::mutex> g(mu_);
      {
        names_.erase(k);
      }
    }
  }

private:
  std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(mu_); }
  void refresh() {
    std::lock_guard<std::mutex> g(mu_);
    names_.clear();
  }
  std::mutex mu_;
  std::map<std::string, int> names_;
  std::thread worker_;
};

// Joined in the same function that starts it; other members run later.
class Batch {
public:
  void run() {
    std::thread t([this] { results_.clear(); });
    t.join();
  }
  void add(int k) { results_[k] = k; }

private:
  std::map<int, int> results_;
};

// The thread touches only its own state; the others touch other members.
class Split {
public:
  void start() { worker_ = std::jthread([this] { mine_.clear(); }); }
  void put(int k) { theirs_[k] = k; }

private:
  std::map<int, int> mine_, theirs_;
  std::jthread worker_;
};

// A stop() that joins before clearing, called by a public restart().
class Restartable {
public:
  void start() { worker_ = std::thread([this] { cache_.clear(); }); }
  void stop() {
    worker_.join();
    cache_.clear();
  }
  void restart() {
    stop();
    cache_[0] = 0;
    start();
  }

private:
  std::map<int, int> cache_;
  std::thread worker_;
};

// Templates: a worker owned by a class template, every access locked.
template <typename K> class Cache {
public:
  void start() { worker_ = std::thread([this] { prune(); }); }
  void put(const K &k) {
    std::lock_guard<std::mutex> g(mu_);
    map_[k] = 1;
  }
  ~Cache() { worker_.join(); }

private:
  void prune() {
    std::lock_guard<std::mutex> g(mu_);
    map_.clear();
  }
  std::mutex mu_;
  std::map<K, int> map_;
  std::thread worker_;
};
void useCache() {
  Cache<std::string> c;
  c.start();
  c.put("a");
}
