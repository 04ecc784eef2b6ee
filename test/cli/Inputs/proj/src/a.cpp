#include "registry.h"

void resetA(std::map<int, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first);
}
