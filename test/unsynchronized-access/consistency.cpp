// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// The lock-consistency form: no thread in sight, but a class that guards a
// member container with its mutex almost everywhere writes it without.
#include <map>
#include <mutex>
#include <set>
#include <string>

class Cache {
public:
  bool get(const std::string &k, int &out) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = data_.find(k);
    if (it == data_.end())
      return false;
    out = it->second;
    return true;
  }
  void put(const std::string &k, int v) {
    std::lock_guard<std::mutex> lock(mu_);
    data_[k] = v;
  }
  void evict(const std::string &k) { data_.erase(k); }
// CHECK-NOTES: :[[@LINE-1]]:44: warning: 'data_' is modified without holding 'mu_', which guards it elsewhere [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-12]]:21: note: 'data_' is guarded by 'mu_' in 4 of 5 accesses
// CHECK-NOTES: :[[@LINE-3]]:44: note: no mutex held here
  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return data_.size();
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> data_;
};

// Several mutexes: each member is judged by the one that guards it.
class Sessions {
public:
  void open(int id) {
    std::lock_guard<std::mutex> g(ids_mu_);
    ids_.insert(id);
  }
  void close(int id) {
    std::lock_guard<std::mutex> g(ids_mu_);
    ids_.erase(id);
  }
  // Holds the wrong mutex for ids_.
  void reset() {
    std::lock_guard<std::mutex> g(names_mu_);
    names_.clear();
    ids_.clear();
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'ids_' is modified without holding 'ids_mu_', which guards it elsewhere [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-12]]:10: note: 'ids_' is guarded by 'ids_mu_' in 2 of 3 accesses
// CHECK-NOTES: :[[@LINE-3]]:10: note: only 'names_mu_' held here; the other access holds 'ids_mu_'
  }
  void rename(int id, const std::string &n) {
    std::lock_guard<std::mutex> g(names_mu_);
    names_[id] = n;
  }

private:
  std::mutex ids_mu_, names_mu_;
  std::set<int> ids_;
  std::map<int, std::string> names_;
};

// A template class: reported once, at the template's code.
template <class K> class Registry {
public:
  void add(const K &k) {
    std::lock_guard<std::mutex> g(mu_);
    items_.insert(k);
  }
  bool has(const K &k) {
    std::lock_guard<std::mutex> g(mu_);
    return items_.count(k) != 0;
  }
  void drop(const K &k) { items_.erase(k); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: 'items_' is modified without holding 'mu_', which guards it elsewhere [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-8]]:12: note: 'items_' is guarded by 'mu_' in 2 of 3 accesses
// CHECK-NOTES: :[[@LINE-3]]:34: note: no mutex held here

private:
  std::mutex mu_;
  std::set<K> items_;
};
void useRegistry() {
  Registry<int> r;
  r.add(1);
  r.has(1);
  r.drop(1);
  Registry<long> q;
  q.drop(2);
  q.has(2);
}
