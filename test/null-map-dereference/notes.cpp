// RUN: %check_clang_tidy %s mapsafety-null-map-dereference %t
// The notes: where the pointer became null, the member's declaration, the
// factory's null return.
#include <map>
#include <memory>
#include <optional>
#include <utility>

using Map = std::map<int, int>;
static Map g_map;

Map *find(int id) {
  if (id < 0)
    return nullptr;
  return &g_map;
}

void fromFactory(int id) {
  Map *m = find(id);
  m->clear();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'm' may be null when its container is accessed here: 'find' returns null on some paths and the result is not checked [mapsafety-null-map-dereference]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: 'm' is set from 'find' here
  // CHECK-NOTES: :[[@LINE-9]]:5: note: 'find' returns null here
}

void maybeSet(bool b) {
  Map *target = nullptr;
  if (b)
    target = &g_map;
  (*target)[1] = 2;
  // CHECK-NOTES: :[[@LINE-1]]:4: warning: 'target' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
  // CHECK-NOTES: :[[@LINE-5]]:8: note: 'target' is initialised to null here
}

void moved() {
  auto p = std::make_unique<Map>();
  auto q = std::move(p);
  p->clear();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'p' may be null when its container is accessed here: it is moved from earlier and not reassigned [mapsafety-null-map-dereference]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'p' is moved from here
}

void optionalReset(std::optional<Map> o) {
  o = std::nullopt;
  o->clear();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: optional container 'o' may be empty when accessed here: it is set empty earlier and not set again [mapsafety-null-map-dereference]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'o' is set empty here
}

class Index {
public:
  Index() {}
  void add(int k) { (*postings_)[k] = 1; }
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'postings_' is never set, yet its container is accessed here: no constructor initialises it and nothing in this translation unit assigns, resets or emplaces it [mapsafety-null-map-dereference]
  // CHECK-NOTES: :[[@LINE+3]]:8: note: 'postings_' is declared here

private:
  Map *postings_;
};

void suppressed() {
  Map *p = nullptr;
  p->clear(); // NOLINT(mapsafety-null-map-dereference)
}
