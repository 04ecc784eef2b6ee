// RUN: %check_clang_tidy %s mapsafety-null-map-dereference %t
// Pointers that come from somewhere visibly null: a factory that returns
// null on a miss, weak_ptr::lock(), an optional that may be empty, and the
// null pointer a map's operator[] inserts for a missing key.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

using Table = std::map<std::string, int>;
static std::unordered_map<std::string, Table> g_tables;

Table *findTable(const std::string &name) {
  auto it = g_tables.find(name);
  if (it == g_tables.end())
    return nullptr;
  return &it->second;
}

Table *findTableOr(const std::string &name) {
  auto it = g_tables.find(name);
  return it == g_tables.end() ? nullptr : &it->second;
}

std::optional<Table> loadOverrides(bool present) {
  if (!present)
    return std::nullopt;
  return Table{{"threads", 4}};
}

int fromFactory(const std::string &name) {
  Table *t = findTable(name);
  return t->at("rows");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 't' may be null when its container is accessed here: 'findTable' returns null on some paths and the result is not checked [mapsafety-null-map-dereference]
}

void fromTernaryFactory(const std::string &name) {
  auto *t = findTableOr(name);
  (*t)["rows"] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 't' may be null when its container is accessed here: 'findTableOr' returns null on some paths and the result is not checked [mapsafety-null-map-dereference]
}

int fromOptional(bool present) {
  auto o = loadOverrides(present);
  return o->at("threads");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: optional container 'o' may be empty when accessed here: 'loadOverrides' returns an empty optional on some paths and the result is not checked [mapsafety-null-map-dereference]
}

int optionalSetInOneBranch(bool b) {
  std::optional<Table> o;
  if (b)
    o = Table{};
  return (*o)["x"];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: optional container 'o' may be empty when accessed here: it is initialised empty and not set on every path [mapsafety-null-map-dereference]
}

std::size_t fromWeak(const std::weak_ptr<Table> &weak) {
  auto strong = weak.lock();
  return strong->size();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'strong' may be null when its container is accessed here: 'lock()' returns null once the object has expired, and the result is not checked [mapsafety-null-map-dereference]
}

void nestedRaw(std::map<int, std::map<int, int> *> &outer, int k, int k2) {
  (*outer[k])[k2] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'outer[k]' may be null when its container is accessed here: 'operator[]' inserts a null pointer for a missing key [mapsafety-null-map-dereference]
}

void nestedUnique(
    std::unordered_map<std::string, std::unique_ptr<Table>> &outer,
    const std::string &k) {
  outer[k]->emplace("hits", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outer[k]' may be null when its container is accessed here: 'operator[]' inserts a null pointer for a missing key [mapsafety-null-map-dereference]
}

void nestedThroughReference(std::map<int, std::unique_ptr<Table>> &outer,
                            int k) {
  auto &inner = outer[k];
  (*inner)["x"] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'inner' may be null when its container is accessed here: 'operator[]' inserts a null pointer for a missing key [mapsafety-null-map-dereference]
}

struct Router {
  std::map<std::string, std::map<std::string, int> *> routes;
  void add(const std::string &host, const std::string &path, int port) {
    (*routes[host])[path] = port;
    // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'routes[host]' may be null when its container is accessed here: 'operator[]' inserts a null pointer for a missing key [mapsafety-null-map-dereference]
  }
};
