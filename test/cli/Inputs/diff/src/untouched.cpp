#include <map>

void clearAll(std::map<int, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first);
}
