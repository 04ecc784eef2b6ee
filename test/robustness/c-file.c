// C files are not analysed and do not crash the checks.
// RUN: %clang_tidy_plugin --checks='-*,mapsafety-*' %s -- -std=c11 2>&1 | FileCheck %s --allow-empty --implicit-check-not="warning:"
struct map { int keys[8]; int n; };
void erase_all(struct map *m) {
  for (int i = 0; i < m->n; ++i)
    m->keys[i] = 0;
  m->n = 0;
}
