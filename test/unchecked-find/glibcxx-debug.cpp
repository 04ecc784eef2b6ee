// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t -- -- -D_GLIBCXX_DEBUG
// With _GLIBCXX_DEBUG, std::map is std::__debug::map and its operator[] is
// that of its base, std::__cxx1998::map: still a container call, so the key
// operator[] inserts is known present. Reduced from a checker's cache of
// virtual function calls.
#include <list>
#include <map>

struct Function {};
struct Token;

const std::list<const Token *> &
virtualCalls(const Function &function,
             std::map<const Function *, std::list<const Token *>> &cache) {
  const auto found = cache.find(&function);
  if (found != cache.end())
    return found->second;
  cache[&function] = std::list<const Token *>();
  return cache.find(&function)->second;
}

int unchecked(const std::map<int, int> &m, int k) {
  return m.find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'm'; check it first or use 'at()' [mapsafety-unchecked-find]
}
