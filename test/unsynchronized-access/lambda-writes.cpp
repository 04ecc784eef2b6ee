// RUN: %check_clang_tidy -std=c++20 %s mapsafety-unsynchronized-access %t
// Writes made directly in the thread's lambda, racing with the starting
// function between start and join.
#include <functional>
#include <future>
#include <map>
#include <thread>
#include <vector>

class Counters {
public:
  // A detached thread clearing the map, the starter writing on.
  void reset() {
    std::thread([this] { counters_.clear(); }).detach();
// CHECK-NOTES: :[[@LINE-1]]:36: warning: 'counters_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:5: note: thread started here
// CHECK-NOTES: :[[@LINE+2]]:5: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:36: note: no mutex held here
    counters_[0] = 0;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'counters_' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-7]]:5: note: thread started here
// CHECK-NOTES: :[[@LINE-8]]:36: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:5: note: no mutex held here
  }
  // A jthread's lambda, and a read before it is joined at scope end.
  int sample() {
    std::jthread t([this] { counters_.erase(1); });
// CHECK-NOTES: :[[@LINE-1]]:39: warning: 'counters_' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:18: note: thread started here
// CHECK-NOTES: :[[@LINE+2]]:39: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:39: note: no mutex held here
    return static_cast<int>(counters_.size());
  }
  // std::async's lambda, and a read before get().
  int size() {
    auto f = std::async(std::launch::async, [this] { counters_.clear(); });
// CHECK-NOTES: :[[@LINE-1]]:64: warning: 'counters_' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:14: note: thread started here
// CHECK-NOTES: :[[@LINE+2]]:40: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:64: note: no mutex held here
    int n = static_cast<int>(counters_.size());
    f.get();
    return n;
  }

private:
  std::map<int, int> counters_;
};

// A local map captured by [&], written on both sides.
void fill(int k, int v) {
  std::map<int, int> m;
  std::thread t([&] { m[k] = v; });
// CHECK-NOTES: :[[@LINE-1]]:23: warning: 'm' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+2]]:5: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:23: note: no mutex held here
  m.erase(k);
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'm' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-7]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE-8]]:23: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:5: note: no mutex held here
  t.join();
}

// The lambda kept in a std::function before it is started.
void wrapped(int k, int v) {
  std::map<int, int> m;
  std::function<void()> work = [&] { m[k] = v; };
// CHECK-NOTES: :[[@LINE-1]]:38: warning: 'm' is modified while another thread may read it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+3]]:15: note: thread started here
// CHECK-NOTES: :[[@LINE+3]]:11: note: conflicting read here
// CHECK-NOTES: :[[@LINE-4]]:38: note: no mutex held here
  std::thread t(work);
  (void)m.count(k);
  t.join();
}
