// RUN: %check_clang_tidy %s mapsafety-unchecked-find %t
// A class's own presence test (a const member function returning bool and
// taking the key) guards a search by the same key in a container reached
// through the same object: silent. Reduced from a tokenizer's variable map.
#include <map>
#include <string>

class VariableMap {
  std::map<std::string, int> mVariableId;
  std::map<std::string, int> mVariableId_global;

public:
  void addVariable(const std::string &name, bool global);
  bool hasVariable(const std::string &name) const {
    return mVariableId.find(name) != mVariableId.end();
  }
  const std::map<std::string, int> &map(bool global) const {
    return global ? mVariableId_global : mVariableId;
  }
  int idOf(const std::string &name) const {
    if (hasVariable(name))
      return mVariableId.find(name)->second;
    return 0;
  }
};

struct Token {
  const std::string &str() const;
  bool isName() const;
  void varId(int);
};

void setVarIds(Token *declTok, VariableMap &variableMap) {
  if (declTok->isName() && variableMap.hasVariable(declTok->str()))
    declTok->varId(variableMap.map(false).find(declTok->str())->second);
}

int earlyReturn(const VariableMap &vm, const std::string &k) {
  if (!vm.hasVariable(k))
    return 0;
  return vm.map(false).find(k)->second;
}

// Presence tests that do not cover the search: reported.
int otherKey(const VariableMap &vm, const std::string &k, const std::string &j) {
  if (vm.hasVariable(k))
    return vm.map(false).find(j)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result of 'find' is dereferenced without a check against end() of 'vm.map(false)'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

int otherObject(const VariableMap &a, const VariableMap &b, const std::string &k) {
  if (a.hasVariable(k))
    return b.map(false).find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result of 'find' is dereferenced without a check against end() of 'b.map(false)'; check it first or use 'at()' [mapsafety-unchecked-find]
  return 0;
}

int changedBetween(VariableMap &vm, const std::string &k) {
  if (vm.hasVariable(k)) {
    vm.addVariable("x", false);
    return vm.map(false).find(k)->second;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result of 'find' is dereferenced without a check against end() of 'vm.map(false)'; check it first or use 'at()' [mapsafety-unchecked-find]
  }
  return 0;
}

int falseBranch(const VariableMap &vm, const std::string &k) {
  if (vm.hasVariable(k))
    return 0;
  return vm.map(false).find(k)->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'find' is dereferenced without a check against end() of 'vm.map(false)'; check it first or use 'at()' [mapsafety-unchecked-find]
}
