// RUN: %check_clang_tidy -std=c++20 %s mapsafety-mutation-during-iteration %t
// Correct code in real-world shapes that must stay silent.
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

// Advance first, then erase the saved position.
void advanceThenErase(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();) {
    auto cur = it++;
    if (cur->second == 0)
      m.erase(cur);
  }
}

// Erase, then continue from the returned iterator.
void eraseContinue(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end();) {
    if (*it < 0) {
      it = v.erase(it);
      continue;
    }
    ++it;
  }
}

// Index loops re-read size() every time.
void indexLoop(std::vector<int> &v) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i] > 0 && v.size() < 100)
      v.push_back(-v[i]);
}

// A work queue: not an iteration over the container.
void drain(std::deque<int> &q, std::vector<int> &out) {
  while (!q.empty()) {
    int x = q.front();
    q.pop_front();
    if (x > 1)
      q.push_back(x / 2);
    out.push_back(x);
  }
}

// Another object's member, with the same name.
class Server {
public:
  void reapInto(Server &peer) {
    for (auto &[id, dead] : sessions_)
      if (dead)
        peer.close(id);
  }
  void close(int id) { sessions_.erase(id); }

private:
  std::map<int, bool> sessions_;
};

// Callees that only read.
static int weight(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
}
int total(std::map<int, int> &m) {
  int sum = 0;
  for (auto &kv : m)
    sum += weight(m, kv.first);
  return sum;
}

// A recursive helper that modifies something else.
static void walk(std::map<int, std::vector<int>> &tree, int node,
                 std::set<int> &seen) {
  if (!seen.insert(node).second)
    return;
  for (int child : tree[node])
    walk(tree, child, seen);
}
void visitAll(std::map<int, std::vector<int>> &tree, std::set<int> &seen) {
  for (auto &kv : tree)
    walk(tree, kv.first, seen);
}

// A std::list keeps iterators to other elements when one is erased; the
// erased iterator is replaced before it is compared again.
void listEraseOther(std::list<int> &l, std::list<int>::iterator keep) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (*it == 0 && it != keep) {
      l.erase(keep);
      keep = l.end();
    }
}

// The element's own container, in a container of smart pointers.
struct Node { std::vector<int> children; };
void grow(std::vector<std::unique_ptr<Node>> &nodes) {
  for (auto &n : nodes)
    n->children.push_back(1);
}

// Structured bindings over a map of maps, changing the inner map.
void innerErase(std::map<std::string, std::map<int, int>> &byName) {
  for (auto &[name, inner] : byName)
    inner.erase(0);
}

// A lambda defined in the loop but only handed out, not run.
void deferCallbacks(std::unordered_map<int, int> &m,
                    std::vector<std::function<void()>> &later) {
  for (auto &[k, v] : m)
    if (v < 0)
      later.emplace_back([&m, key = k] { m.erase(key); });
}

// Reserving up front, then only reading inside the loop.
void reserveFirst(std::vector<int> &v, const std::vector<int> &in) {
  v.reserve(v.size() + in.size());
  for (int x : in)
    v.push_back(x);
}

// Erase by key, then break out of an iterator loop.
void eraseKeyBreak(std::unordered_map<std::string, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->second == 0) {
      m.erase(it->first);
      break;
    }
  }
}

// const iteration with only const calls.
bool anyNegative(const std::unordered_map<int, int> &m) {
  for (const auto &[k, v] : m)
    if (v < 0 && m.contains(k))
      return true;
  return false;
}

// std::erase_if itself is the fix.
void tidy(std::map<int, int> &m) {
  std::erase_if(m, [](const auto &kv) { return kv.second == 0; });
}

// Macros that expand to correct loops.
#define ERASE_WHERE(c, cond)                                                   \
  for (auto it = (c).begin(); it != (c).end();)                                \
    if (cond)                                                                  \
      it = (c).erase(it);                                                      \
    else                                                                       \
      ++it
void macroLoop(std::map<int, int> &m) { ERASE_WHERE(m, it->second < 0); }

// A template instantiated only with a container whose insertion is safe.
template <class Set> void closeUnder(Set &s, int limit) {
  for (int x : s)
    if (x * 2 < limit)
      s.insert(x * 2);
}
template void closeUnder(std::set<int> &, int);
