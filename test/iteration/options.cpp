// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
// RUN: %check_clang_tidy --check-suffix=OPT %s mapsafety-mutation-during-iteration %t \
// RUN:   -- -config="{CheckOptions: {mapsafety-mutation-during-iteration.ContainerTypes: 'mylib::FastMap=flathash;mylib::Tree=ordered'}}"
// Project containers are known only through the ContainerTypes option.
#include <utility>

namespace mylib {
template <class K, class V> class FastMap {
public:
  using value_type = std::pair<const K, V>;
  value_type *begin();
  value_type *end();
  V &operator[](const K &);
  void erase(const K &);
};
template <class K, class V> class Tree {
public:
  using value_type = std::pair<const K, V>;
  value_type *begin();
  value_type *end();
  void insert(const value_type &);
  void erase(const K &);
};
} // namespace mylib

void fill(mylib::FastMap<int, int> &m) {
  for (auto &kv : m)
    m[kv.first + 1];
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:5: warning: 'operator[]' may rehash 'm', invalidating the range-for's iterator
}

void tree(mylib::Tree<int, int> &t) {
  for (auto &kv : t)
    t.insert({kv.first + 1, 0}); // An ordered tree keeps its iterators.
  for (auto &kv : t)
    t.erase(kv.first);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:5: warning: erasing the element of 't' that the loop is visiting
}
