// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// Threads started by helpers, ordered before or after the caller's accesses:
// all silent.
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

struct Job {
  std::thread t;
};
void launch(Job &j, std::map<int, int> &m) {
  j.t = std::thread([&m] { (void)m.size(); });
}
void wait(Job &j) { j.t.join(); }

// The caller writes before the helper starts the thread and after the
// other helper joins it; in between it only reads.
void ordered() {
  std::map<int, int> m;
  m[0] = 0;
  Job j;
  launch(j, m);
  (void)m.count(0);
  wait(j);
  m.clear();
}

// A helper that returns the thread: the caller joins it.
std::thread spawnReader(const std::map<int, int> &m) {
  return std::thread([&m] { (void)m.size(); });
}
void returned() {
  std::map<int, int> m;
  std::thread t = spawnReader(m);
  t.join();
  m[1] = 1;
}

// A helper that starts and joins its own threads.
static std::map<std::string, int> g_totals;
void parallelSum(std::vector<int> &parts) {
  std::vector<std::thread> ts;
  for (int &p : parts)
    ts.emplace_back([&p] { p *= 2; });
  for (auto &t : ts)
    t.join();
}
void tally(std::vector<int> &parts) {
  parallelSum(parts);
  g_totals["sum"] = 0;
}

// A helper returning std::async's future: the caller waits with get().
std::future<int> countLater(const std::map<int, int> &m) {
  return std::async(std::launch::async, [&m] { return static_cast<int>(m.size()); });
}
void futures() {
  std::map<int, int> m;
  std::future<int> f = countLater(m);
  int n = f.get();
  m[n] = 1;
}
