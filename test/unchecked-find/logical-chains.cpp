// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
// A check against end() as the first of three or more conditions joined by
// && (the shape Clang evaluates in one merged block when the condition
// creates temporaries): silent. Reduced from a preprocessor's macro
// expansion loop.
#include <map>
#include <set>
#include <string>

struct Macro {
  int expand() const;
};
using MacroMap = std::map<std::string, Macro>;
struct Token {
  const std::string &str() const;
  bool isExpandedFrom(const Macro *) const;
  Token *next;
};
bool p1();
bool p2();

int expandArg(const MacroMap &macros, const std::set<std::string> &expanded,
              const Token *partok, const Token *end) {
  for (; partok != end;) {
    const MacroMap::const_iterator it = macros.find(partok->str());
    if (it != macros.end() && !partok->isExpandedFrom(&it->second) &&
        expanded.find(partok->str()) == expanded.end())
      return it->second.expand();
    partok = partok->next;
  }
  return 0;
}

int threeConditions(const MacroMap &macros, const std::string &k) {
  auto it = macros.find(k);
  if (it != macros.end() && p1() && p2())
    return it->second.expand();
  return 0;
}

int nestedOr(const MacroMap &macros, const std::string &k) {
  auto it = macros.find(k);
  if (it != macros.end() && (p1() || p2()) && p1())
    return it->second.expand();
  return 0;
}

int checkLast(const MacroMap &macros, const std::string &k) {
  auto it = macros.find(k);
  if (p1() && p2() && it != macros.end())
    return it->second.expand();
  return 0;
}

// The check is on the false side: still reported.
int orChain(const MacroMap &macros, const std::string &k) {
  auto it = macros.find(k);
  if (it != macros.end() || p1() || p2())
    return it->second.expand();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: iterator 'it' returned by 'find' is dereferenced without a check against end() of 'macros'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}
