#include <map>

void pruneAll(std::map<int, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first);
}

int lookup(const std::map<int, int> &m) {
  auto it = m.find(1);
  return it == m.end() ? 0 : it->second;
}
