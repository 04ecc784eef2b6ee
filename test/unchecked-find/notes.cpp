// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
// The notes: where the iterator comes from, and a comparison with the end()
// of another container.
#include <map>
#include <unordered_map>

int price(const std::unordered_map<int, int> &prices,
          const std::unordered_map<int, int> &discounts, int sku) {
  auto it = prices.find(sku);
  if (it == discounts.end())
    return 0;
  return it->second;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'prices'; check it first or use 'at()' [mapsafety-unchecked-find]
  // CHECK-NOTES: :[[@LINE-5]]:13: note: 'it' is set from 'find' here
  // CHECK-NOTES: :[[@LINE-5]]:7: note: 'it' is compared with end() of 'discounts', a different container than 'prices'
}

struct Tables {
  std::map<int, int> primary, secondary;
  int get(int k) const {
    std::map<int, int>::const_iterator pos = primary.lower_bound(k);
    if (pos != secondary.end())
      return pos->second;
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: iterator 'pos' returned by 'lower_bound' is dereferenced without a check against end() of 'primary'; check it first [mapsafety-unchecked-find]
    // CHECK-NOTES: :[[@LINE-4]]:46: note: 'pos' is set from 'lower_bound' here
    // CHECK-NOTES: :[[@LINE-4]]:9: note: 'pos' is compared with end() of 'secondary', a different container than 'primary'
    return 0;
  }
};

int suppressed(const std::map<int, int> &m, int k) {
  return m.find(k)->second; // NOLINT(mapsafety-unchecked-find)
}
