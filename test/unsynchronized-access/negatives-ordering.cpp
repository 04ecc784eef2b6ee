// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t -- -- -std=c++20
// Happens-before and thread-private state: all silent.
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// Filled before the threads start, only read by them, cleared after join.
int buildBeforeThreads() {
  std::map<std::string, int> table;
  for (int i = 0; i < 100; ++i)
    table[std::to_string(i)] = i;
  std::vector<std::thread> readers;
  std::vector<int> found(4);
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&table, &found, t] {
      auto it = table.find(std::to_string(t));
      found[t] = it == table.end() ? -1 : it->second;
    });
  for (auto &r : readers)
    r.join();
  table.clear();
  return found[0];
}

// Written by the thread, used after join().
int joinThenUse() {
  std::map<int, int> squares;
  std::thread worker([&squares] {
    for (int i = 0; i < 10; ++i)
      squares[i] = i * i;
  });
  worker.join();
  squares.erase(0);
  return squares.at(3);
}

// Used after future::get() and wait().
int asyncThenGet() {
  std::map<int, int> m;
  auto f = std::async(std::launch::async, [&m] { m[1] = 1; });
  f.get();
  m[2] = 2;
  auto g = std::async(std::launch::async, [&m] { m.erase(1); });
  g.wait();
  return static_cast<int>(m.size());
}

// A deferred task runs in the thread that calls get().
int deferred() {
  std::map<int, int> m;
  auto f = std::async(std::launch::deferred, [&m] { m[1] = 1; });
  m[2] = 2;
  f.get();
  return static_cast<int>(m.size());
}

// Started and joined in the same loop iteration: one thread at a time.
void sequentialInLoop() {
  std::map<int, int> m;
  for (int i = 0; i < 4; ++i) {
    std::thread t([&m, i] { m[i] = i; });
    t.join();
  }
}

// A std::jthread joins at the end of its scope.
void jthreadScope() {
  std::map<int, int> m;
  {
    std::jthread t([&m] { m[1] = 1; });
  }
  m[2] = 2;
}

// Captured by value, or passed by value: each thread has its own copy.
static int sumCopy(std::map<int, int> copy) {
  int s = 0;
  for (auto &kv : copy)
    s += kv.second;
  return s;
}
void copies() {
  std::map<int, int> m{{1, 1}};
  std::thread a([m]() mutable { m[2] = 2; });
  std::thread b(sumCopy, m);
  m[3] = 3;
  a.join();
  b.join();
}

// thread_local maps and maps local to the thread's function.
thread_local std::map<int, int> t_cache;
static int work(int seed) {
  std::map<int, int> local;
  for (int i = 0; i < 10; ++i) {
    local[i] = seed + i;
    t_cache[i] = seed;
  }
  return local[3] + t_cache[2];
}
void perThread() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([i] { work(i); });
  for (auto &t : ts)
    t.join();
}

// Distinct vector elements written by distinct threads.
void distinctElements() {
  std::vector<int> results(4);
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&results, i] { results[i] = i * i; });
  for (auto &t : ts)
    t.join();
}

// A function-local static initialised once, then only read.
static const std::map<std::string, int> &codes() {
  static const std::map<std::string, int> table = [] {
    std::map<std::string, int> m;
    m["ok"] = 200;
    return m;
  }();
  return table;
}
void functionStatic() {
  int a = 0, b = 0;
  std::thread t1([&] { a = codes().at("ok"); });
  std::thread t2([&] { b = codes().count("x"); });
  t1.join();
  t2.join();
}

// std::call_once initialisation.
static std::once_flag g_once;
static std::map<int, int> g_table;
static int lookup(int k) {
  std::call_once(g_once, [] { g_table[1] = 1; });
  auto it = g_table.find(k);
  return it == g_table.end() ? 0 : it->second;
}
void callOnce() {
  std::thread a(lookup, 1);
  std::thread b(lookup, 2);
  a.join();
  b.join();
}

// Concurrent reads only.
static std::map<int, int> g_readonly = {{1, 1}};
void readers() {
  std::thread a([] { (void)g_readonly.count(1); });
  std::thread b([] { (void)g_readonly.find(2); });
  a.join();
  b.join();
}
