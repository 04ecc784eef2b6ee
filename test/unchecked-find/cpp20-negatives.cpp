// RUN: %check_clang_tidy -std=c++20 %s mapsafety-unchecked-find %t
// C++17/20 spellings of the check: silent.
#include <map>
#include <string>
#include <unordered_map>

int initStatement(const std::map<std::string, int> &m, const std::string &k) {
  if (auto it = m.find(k); it != m.end())
    return it->second;
  return 0;
}

int containsFirst(const std::unordered_map<int, int> &m, int k) {
  if (!m.contains(k))
    return 0;
  return m.find(k)->second;
}

int containsBranch(const std::map<int, int> &m, int k) {
  if (m.contains(k)) {
    auto it = m.find(k);
    return it->second;
  }
  return 0;
}

int rewrittenComparison(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (m.end() == it)
    return 0;
  return it->second;
}
