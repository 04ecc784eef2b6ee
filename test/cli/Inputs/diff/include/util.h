#pragma once
#include <map>

inline int firstValue(const std::map<int, int> &m) { return m.begin()->second; }
