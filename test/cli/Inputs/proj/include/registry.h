#pragma once
#include <map>
#include <string>

inline void dropAll(std::map<std::string, int> &names) {
  for (auto &entry : names)
    names.erase(entry.first);
}
