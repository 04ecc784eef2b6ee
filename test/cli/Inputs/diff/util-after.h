#pragma once
#include <map>

// The first value of a non-empty map.
inline int firstValue(const std::map<int, int> &m) { return m.begin()->second; }
