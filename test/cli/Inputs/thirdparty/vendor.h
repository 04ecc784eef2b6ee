#pragma once
#include <map>

inline void vendorReset(std::map<long, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first);
}
