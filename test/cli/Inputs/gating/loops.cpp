#include <map>

void eraseAll(std::map<int, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first);
}

void eraseAllAgain(std::map<int, int> &m) {
  for (auto &kv : m)
    m.erase(kv.first); // the same line as above
}

int lookup(const std::map<int, int> &m) {
  return m.find(1)->second;
}
