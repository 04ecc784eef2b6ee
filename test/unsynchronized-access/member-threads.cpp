// RUN: %check_clang_tidy -std=c++20 %s mapsafety-unsynchronized-access %t
// Threads started by one member function run alongside the class's other
// member functions.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// start() keeps the thread in a member; put() writes without the lock.
class Server {
public:
  void start() { worker_ = std::thread(&Server::loop, this); }
  void stop() { worker_.join(); }
  void put(int k) { counts_[k] = 1; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'counts_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-4]]:28: note: thread started here
// CHECK-NOTES: :[[@LINE+6]]:13: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:21: note: no mutex held here

private:
  void loop() {
    std::lock_guard<std::mutex> g(mu_);
    counts_.clear();
  }
  std::mutex mu_;
  std::map<int, int> counts_;
  std::thread worker_;
};

// The lambda writes directly; another member function reads.
class Collector {
public:
  void start() {
    worker_ = std::thread([this] { counters_.clear(); });
// CHECK-NOTES: :[[@LINE-1]]:46: warning: 'counters_' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+3]]:52: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:46: note: no mutex held here
  }
  int get(const std::string &k) { return counters_.count(k) ? counters_[k] : 0; }
// CHECK-NOTES: :[[@LINE-1]]:63: warning: 'counters_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-8]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE-9]]:46: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:63: note: no mutex held here
  ~Collector() { worker_.join(); }

private:
  std::map<std::string, int> counters_;
  std::thread worker_;
};

// A pool of workers started in the constructor through a helper.
class Indexer {
public:
  Indexer() { spawn(); }
  void add(const std::string &word) {
    std::lock_guard<std::mutex> g(mu_);
    index_[word] += 1;
  }
  ~Indexer() {
    for (auto &t : pool_)
      t.join();
  }

private:
  void spawn() {
    for (int i = 0; i < 4; ++i)
      pool_.emplace_back([this] { index_.erase(""); });
// CHECK-NOTES: :[[@LINE-1]]:42: warning: 'index_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:13: note: thread started here, several times: it runs concurrently with itself
// CHECK-NOTES: :[[@LINE-3]]:42: note: no mutex held here
  }
  std::mutex mu_;
  std::map<std::string, int> index_;
  std::vector<std::thread> pool_;
};

// A detached thread started by a helper.
class Cleaner {
public:
  void kick() { std::thread(&Cleaner::sweep, this).detach(); }
  void touch(int id) { seen_.insert({id, 0}); }
// CHECK-NOTES: :[[@LINE-1]]:30: warning: 'seen_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-3]]:17: note: thread started here
// CHECK-NOTES: :[[@LINE+4]]:24: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:30: note: no mutex held here

private:
  void sweep() { seen_.clear(); }
// CHECK-NOTES: :[[@LINE-1]]:24: warning: 'seen_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-10]]:17: note: thread started here
// CHECK-NOTES: :[[@LINE-10]]:30: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:24: note: no mutex held here
  std::map<int, int> seen_;
};
