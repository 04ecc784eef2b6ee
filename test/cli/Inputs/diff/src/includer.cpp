#include "wrapper.h"

void dropAll(std::map<int, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first);
}
