// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t -- \
// RUN:   -config="{CheckOptions: {mapsafety-unsynchronized-access.AnnotatedContainers: true}}"
// With AnnotatedContainers, GUARDED_BY containers are reported too.
#include <map>
#include <mutex>

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
// CHECK-NOTES: :[[@LINE-1]]:25: warning: 'm_' is modified without holding 'mu_', which guards it elsewhere [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-8]]:5: note: 'm_' is guarded by 'mu_' in 2 of 3 accesses
// CHECK-NOTES: :[[@LINE-3]]:25: note: no mutex held here

private:
  std::mutex mu_;
  std::map<int, int> m_ __attribute__((guarded_by(mu_)));
};
