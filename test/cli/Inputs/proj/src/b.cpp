#include "registry.h"
#include "vendor.h"

void resetB(std::map<int, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first);
}
