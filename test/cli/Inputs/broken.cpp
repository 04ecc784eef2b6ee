#include <map>

int size(const std::map<int, int> &m) { return m.size() }
