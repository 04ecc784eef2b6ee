#include <map>

int sum(const std::map<int, int> &m) {
  int total = 0;
  for (const auto &kv : m)
    total += kv.second;
  return total;
}

void eraseOdd(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();) {
    if (it->first % 2)
      it = m.erase(it);
    else
      ++it;
  }
}
