#include <map>

using Map = std::map<int, int>;

inline int lookup(Map &m, int k) {
  auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
}
