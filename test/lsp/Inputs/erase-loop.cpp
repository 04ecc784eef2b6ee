#include <map>

void dropEmpty(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->second == 0)
      m.erase(it);
  }
}
