#include <map>

void prune(std::map<int, int> &M) {
  for (auto &KV : M)
    if (KV.second == 0)
      M.erase(KV.first);
}
