// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// Threads started by a helper function run on in its caller until joined.
#include <map>
#include <string>
#include <thread>

// A helper detaches a refresher; the caller writes on.
static std::map<std::string, int> g_cache;
static void refresh() { g_cache.clear(); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'g_cache' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE+3]]:25: note: thread started here
// CHECK-NOTES: :[[@LINE+5]]:3: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:33: note: no mutex held here
void startRefresher() { std::thread(refresh).detach(); }
void handle(const std::string &k) {
  startRefresher();
  g_cache[k] = 1;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: 'g_cache' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-5]]:25: note: thread started here
// CHECK-NOTES: :[[@LINE-11]]:33: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:3: note: no mutex held here
}

// A helper keeps the thread in the caller's job; another helper joins it.
struct Job {
  std::thread t;
};
void launch(Job &j, std::map<int, int> &m) {
  j.t = std::thread([&m] { m.clear(); });
// CHECK-NOTES: :[[@LINE-1]]:30: warning: 'm' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:9: note: thread started here
// CHECK-NOTES: :[[@LINE+8]]:3: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:30: note: no mutex held here
}
void wait(Job &j) { j.t.join(); }
void run() {
  std::map<int, int> m;
  Job j;
  launch(j, m);
  m[1] = 1;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: 'm' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-13]]:9: note: thread started here
// CHECK-NOTES: :[[@LINE-14]]:30: note: conflicting write here
// CHECK-NOTES: :[[@LINE-4]]:3: note: no mutex held here
  wait(j);
  m[2] = 2; // Joined: silent.
}
