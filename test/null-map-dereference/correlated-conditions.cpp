// RUN: %check_clang_tidy %s mapsafety-null-map-dereference %t
// A pointer set under one outcome of a side-effect-free test and used only
// under the same outcome of a second test of it: silent. When what the test
// reads changes in between, the tests are not correlated and the use is
// reported.
#include <map>
#include <memory>
#include <string>

using Map = std::map<int, int>;
static Map g_primary;
void log(const char *);
int nextMode();

void sameFlag(bool usePrimary, int k, int v) {
  Map *target = nullptr;
  if (usePrimary)
    target = &g_primary;
  log("selected");
  if (usePrimary)
    (*target)[k] = v;
}

int sameMode(int mode, const std::string &name) {
  std::unique_ptr<std::map<std::string, int>> index;
  if (mode == 2)
    index = std::make_unique<std::map<std::string, int>>();
  int total = 0;
  if (mode != 2)
    return total;
  (*index)[name] = 1;
  return static_cast<int>(index->size());
}

class Exporter {
  bool detailed_ = false;

public:
  void record(int k) const {
    Map *stats = nullptr;
    if (detailed_)
      stats = &g_primary;
    if (!detailed_)
      return;
    ++(*stats)[k];
  }
};

// The tested variable changes between the two tests.
void modeChanged(int mode, int k) {
  Map *target = nullptr;
  if (mode == 1)
    target = &g_primary;
  mode = nextMode();
  if (mode == 1)
    (*target)[k] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'target' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}

// The second test asks something else.
void otherFlag(bool usePrimary, bool verbose, int k) {
  Map *target = nullptr;
  if (usePrimary)
    target = &g_primary;
  if (verbose)
    (*target)[k] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'target' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}

// The flag is passed by reference to a function that may change it.
void flagPassedOut(bool usePrimary, int k);
void refresh(bool &flag);
void flagPassedOut(bool usePrimary, int k) {
  Map *target = nullptr;
  if (usePrimary)
    target = &g_primary;
  refresh(usePrimary);
  if (usePrimary)
    (*target)[k] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'target' may be null when its container is accessed here: it is initialised to null and not set on every path [mapsafety-null-map-dereference]
}
