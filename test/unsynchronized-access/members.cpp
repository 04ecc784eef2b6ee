// RUN: %check_clang_tidy -std=c++20 %s mapsafety-unsynchronized-access %t
// Members of objects shared between threads, through `this` and references.
#include <map>
#include <mutex>
#include <string>
#include <thread>

// The lock is released early and the map is written after.
class Stats {
public:
  void record(int key) {
    std::unique_lock<std::mutex> lock(mu_);
    int seen = hits_.count(key);
    lock.unlock();
    if (!seen)
      hits_[key] = 1;
// CHECK-NOTES: :[[@LINE-1]]:7: warning: 'hits_' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+12]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+12]]:15: note: the other thread started here
// CHECK-NOTES: :[[@LINE-7]]:22: note: conflicting read here
// CHECK-NOTES: :[[@LINE-5]]:7: note: no mutex held here
  }

private:
  std::mutex mu_;
  std::map<int, int> hits_;
};
void stats() {
  Stats s;
  std::thread a([&] { s.record(1); });
  std::thread b([&] { s.record(2); });
  a.join();
  b.join();
}

// Two mutexes, each access under a different one.
class TwoLocks {
public:
  void add(int k) {
    std::lock_guard<std::mutex> g(a_);
    items_[k] = k;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'items_' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+16]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+16]]:15: note: the other thread started here
// CHECK-NOTES: :[[@LINE+5]]:19: note: conflicting read here
// CHECK-NOTES: :[[@LINE-5]]:5: note: only 'a_' held here; the other access holds 'b_'
  }
  bool has(int k) {
    std::lock_guard<std::mutex> g(b_);
    return items_.count(k) != 0;
  }

private:
  std::mutex a_, b_;
  std::map<int, int> items_;
};
void twoLocks() {
  TwoLocks t;
  std::thread w([&t] { t.add(1); });
  std::thread r([&t] { t.has(1); });
  w.join();
  r.join();
}

// A member jthread capturing `this` runs while the other members write.
class Poller {
public:
  void start() {
    worker_ = std::jthread([this] {
      for (auto &kv : seen_)
        (void)kv;
    });
    seen_.insert({"x", 1});
// CHECK-NOTES: :[[@LINE-1]]:11: warning: 'seen_' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-6]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE-6]]:23: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:11: note: no mutex held here
  }

private:
  std::map<std::string, int> seen_;
  std::jthread worker_;
};

// Only the reader is unguarded: the report is at the read.
class HalfLocked {
public:
  void run() {
    std::thread w([this] {
      std::lock_guard<std::mutex> g(mu_);
      names_.erase(1);
    });
    (void)names_.size();
// CHECK-NOTES: :[[@LINE-1]]:18: warning: 'names_' is read while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-6]]:17: note: thread started here
// CHECK-NOTES: :[[@LINE-5]]:14: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:18: note: no mutex held here
    w.join();
  }

private:
  std::mutex mu_;
  std::map<int, int> names_;
};
