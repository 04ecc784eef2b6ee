// RUN: %check_clang_tidy %s mapsafety-null-map-dereference %t
// Locals that may be null, uninitialised, reset or moved from where their
// map is used.
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

using Map = std::map<int, int>;
static Map g_primary, g_secondary;
void fill(Map &m);
void consume(std::unique_ptr<Map> m);
void log(const char *);

void setInOneBranch(bool usePrimary, int k, int v) {
  Map *target = nullptr;
  if (usePrimary)
    target = &g_primary;
  (*target)[k] = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'target' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}

void uninitialised(int mode) {
  Map *p;
  if (mode == 0)
    p = &g_primary;
  else if (mode == 1)
    p = &g_secondary;
  p->insert({1, 2});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may be uninitialised when its container is accessed here: it is declared without a value and not set on every path [mapsafety-null-map-dereference]
}

int uniqueCreatedInOneBranch(bool warm) {
  std::unique_ptr<std::unordered_map<std::string, int>> cache;
  if (warm)
    cache = std::make_unique<std::unordered_map<std::string, int>>();
  cache->emplace("a", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cache' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
  return static_cast<int>(cache->size());
}

void resetThenUse() {
  auto owner = std::make_unique<Map>();
  owner->emplace(1, 1);
  owner.reset();
  owner->clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'owner' may be null when its container is accessed here: it is set to null earlier and not set again [mapsafety-null-map-dereference]
}

void assignedNullThenUse(Map *m) {
  m = nullptr;
  fill(*m);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'm' may be null when its container is accessed here: it is set to null earlier and not set again [mapsafety-null-map-dereference]
}

std::size_t releasedThenUse() {
  auto owner = std::make_unique<Map>();
  Map *raw = owner.release();
  std::size_t n = owner->size();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'owner' may be null when its container is accessed here: it is released earlier and not set again [mapsafety-null-map-dereference]
  delete raw;
  return n;
}

void movedIntoLocal() {
  auto up = std::make_unique<Map>();
  auto sink = std::move(up);
  (*up)[1] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'up' may be null when its container is accessed here: it is moved from earlier and not reassigned [mapsafety-null-map-dereference]
}

void movedIntoCall() {
  auto up = std::make_unique<Map>();
  consume(std::move(up));
  up->emplace(3, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'up' may be null when its container is accessed here: it is moved from earlier and not reassigned [mapsafety-null-map-dereference]
}

void sharedMovedByAssignment(std::shared_ptr<Map> &out) {
  auto sp = std::make_shared<Map>();
  out = std::move(sp);
  sp->clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sp' may be null when its container is accessed here: it is moved from earlier and not reassigned [mapsafety-null-map-dereference]
}

int inSwitch(int mode) {
  Map *m = nullptr;
  switch (mode) {
  case 0:
    m = &g_primary;
    break;
  case 1:
    m = &g_secondary;
    break;
  default:
    log("unknown mode");
    break;
  }
  return m->at(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'm' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}

void foundInLoop(std::vector<Map> &tables, int key) {
  Map *found = nullptr;
  for (Map &t : tables) {
    if (t.count(key)) {
      found = &t;
      break;
    }
  }
  found->erase(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'found' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}

void checkedTooLate(bool b) {
  Map *p = b ? &g_primary : nullptr;
  std::size_t n = p->size();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'p' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
  if (p)
    p->clear();
  (void)n;
}

void throwSkipsTheAssignment(bool bad) {
  Map *p = nullptr;
  try {
    if (bad)
      throw 1;
    p = &g_primary;
  } catch (int) {
    log("bad");
  }
  p->clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}

void inLambda() {
  auto f = [](int k) {
    std::unique_ptr<Map> m;
    (*m)[k] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'm' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
  };
  f(1);
}

template <class M> void templated(bool b) {
  M *p = nullptr;
  if (b)
    p = new M();
  p->clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
  delete p;
}
template void templated<Map>(bool);
template void templated<std::unordered_map<int, int>>(bool);

#define PUT(m, k, v) ((*(m))[k] = (v))
void viaMacro(bool b) {
  Map *m = nullptr;
  if (b)
    m = &g_primary;
  PUT(m, 1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}
