// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// Classes whose unlocked accesses are fine: silent.
#include <map>
#include <mutex>
#include <string>

class Store {
public:
  // Constructors and destructors run before and after any sharing.
  Store() { data_["init"] = 0; }
  ~Store() { data_.clear(); }
  void put(const std::string &k, int v) {
    std::lock_guard<std::mutex> g(mu_);
    data_[k] = v;
  }
  int get(const std::string &k) {
    std::lock_guard<std::mutex> g(mu_);
    return data_.count(k);
  }
  // Reads without the lock are not reported by this form.
  size_t approxSize() const { return data_.size(); }
  // The naming convention says the caller holds the lock.
  void eraseLocked(const std::string &k) { data_.erase(k); }

private:
  std::mutex mu_;
  std::map<std::string, int> data_;
};

// Guarded only once: not enough evidence of a locking discipline.
class Loose {
public:
  void a(int k) {
    std::lock_guard<std::mutex> g(mu_);
    m_[k] = 1;
  }
  void b(int k) { m_.erase(k); }
  void c(int k) { m_[k] = 2; }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};

// A private helper called only with the lock held.
class Book {
public:
  void deposit(int a, int v) {
    std::lock_guard<std::mutex> g(mu_);
    add(a, v);
  }
  void withdraw(int a, int v) {
    std::lock_guard<std::mutex> g(mu_);
    add(a, -v);
  }
  long balance(int a) {
    std::lock_guard<std::mutex> g(mu_);
    return balances_[a];
  }

private:
  void add(int a, int v) { balances_[a] += v; }
  std::mutex mu_;
  std::map<int, long> balances_;
};
