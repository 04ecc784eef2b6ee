// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
#include <map>
void f(std::map<int,int> &m) { for (auto &kv : m) kv.second++; }
