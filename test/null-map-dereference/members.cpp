// RUN: %check_clang_tidy %s mapsafety-null-map-dereference %t
// Members: never set anywhere in the translation unit (Go's struct field
// whose map was never made), or moved from / reset earlier in the same
// member function.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

class Index {
public:
  Index() : hits_(0) {}
  void add(const std::string &word, int doc) {
    (*postings_)[word] = doc;
    // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'postings_' is never set, yet its container is accessed here: no constructor initialises it and nothing in this translation unit assigns, resets or emplaces it [mapsafety-null-map-dereference]
    ++hits_;
  }
  int count(const std::string &word) const {
    return postings_->count(word) ? 1 : 0;
  }

private:
  std::map<std::string, int> *postings_;
  int hits_;
};

class Memo {
public:
  int lookupOrCompute(const std::string &k) {
    auto it = cache_->find(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'cache_' is never set, yet its container is accessed here: no constructor initialises it and nothing in this translation unit assigns, resets or emplaces it [mapsafety-null-map-dereference]
    if (it != cache_->end())
      return it->second;
    int v = static_cast<int>(k.size());
    cache_->emplace(k, v);
    return v;
  }
  void forEach() const;

private:
  std::unique_ptr<std::unordered_map<std::string, int>> cache_;
};
void Memo::forEach() const {
  auto visit = [this] {
    for (auto &kv : *cache_)
      (void)kv;
  };
  visit();
}

class Settings {
public:
  explicit Settings(int version) : version_(version), overrides_(std::nullopt) {}
  int get(const std::string &key) const { return overrides_->at(key); }
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: 'overrides_' is never set, yet its container is accessed here: no constructor initialises it and nothing in this translation unit assigns, resets or emplaces it [mapsafety-null-map-dereference]

private:
  int version_;
  std::optional<std::map<std::string, int>> overrides_;
};

class Batch {
public:
  std::unique_ptr<std::map<int, int>> flush() {
    auto out = std::move(pending_);
    pending_->clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pending_' may be null when its container is accessed here: it is moved from earlier and not reassigned [mapsafety-null-map-dereference]
    return out;
  }
  void drop() {
    pending_.reset();
    (*pending_)[0] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'pending_' may be null when its container is accessed here: it is set to null earlier and not set again [mapsafety-null-map-dereference]
  }
  void add(int k, int v) {
    if (!pending_)
      pending_ = std::make_unique<std::map<int, int>>();
    (*pending_)[k] = v;
  }

private:
  std::unique_ptr<std::map<int, int>> pending_ =
      std::make_unique<std::map<int, int>>();
};

void use(Index &ix, Memo &m, Settings &s, Batch &b) {
  ix.add("go", 1);
  m.lookupOrCompute("abc");
  m.forEach();
  s.get("x");
  b.add(1, 2);
  b.flush();
  b.drop();
}
