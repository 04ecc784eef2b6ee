// RUN: %check_clang_tidy %s mapsafety-write-under-shared-lock %t
// Filling the caller's output parameter under the reader lock that protects
// the members being read is not a shared write: silent. A parameter whose
// own mutex is the one read-locked is shared state: its writes are reported.
#include <map>
#include <shared_mutex>
#include <string>
#include <vector>

class Cache {
public:
  void snapshot(std::vector<int> *out) const {
    std::shared_lock<std::shared_mutex> l(mu_);
    out->clear();
    for (const auto &kv : data_)
      out->push_back(kv.second);
  }
  void keys(std::vector<int> &out) const {
    std::shared_lock<std::shared_mutex> l(mu_);
    for (const auto &kv : data_)
      out.push_back(kv.first);
  }
  bool name(int k, std::string *s) const {
    std::shared_lock<std::shared_mutex> l(mu_);
    auto it = names_.find(k);
    if (it == names_.end())
      return false;
    *s = it->second;
    return true;
  }
  void copyInto(std::map<int, int> &into) const {
    std::shared_lock<std::shared_mutex> l(mu_);
    into = data_;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<int, int> data_;
  std::map<int, std::string> names_;
};

struct Registry {
  std::shared_mutex mu;
  std::map<std::string, int> ids;
};

int lookupOrAdd(Registry &r, const std::string &name) {
  std::shared_lock<std::shared_mutex> l(r.mu);
  return r.ids[name];
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'operator[]' may insert into 'r.ids' while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:39: note: shared lock on 'mu' acquired here
}

void forget(Registry *r, const std::string &name) {
  std::shared_lock<std::shared_mutex> l(r->mu);
  r->ids.erase(name);
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'r->ids' is modified while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:39: note: shared lock on 'mu' acquired here
}
