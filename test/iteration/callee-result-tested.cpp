// RUN: %check_clang_tidy %s mapsafety-mutation-during-iteration %t
// A callee that erases the visited element on some of its paths only and
// reports it through its result, tested by the loop before it goes on: not
// reported. Reduced from cppcheck's removeContradiction (lib/token.cpp).
#include <list>

struct Value {
  int bound = 0;
  int lo = 0;
  bool operator==(const Value &o) const { return bound == o.bound; }
  void decreaseRange() { --lo; }
};

static bool removePointValue(std::list<Value> &values, Value &x) {
  const bool isPoint = x.bound == 0;
  if (!isPoint)
    x.decreaseRange();
  else
    values.remove(x);
  return isPoint;
}

static bool removeContradiction(std::list<Value> &values) {
  bool result = false;
  for (Value &x : values) {
    for (Value &y : values) {
      if (&x == &y)
        continue;
      const bool removex = x.lo < y.lo;
      const bool removey = y.lo < x.lo;
      bool bail = false;
      if (removex && removePointValue(values, x))
        bail = true;
      if (removey && removePointValue(values, y))
        bail = true;
      if (bail)
        return true;
      result = true;
    }
  }
  return result;
}

void ifBreak(std::list<Value> &c) {
  for (Value &x : c) {
    if (removePointValue(c, x))
      break;
    x.lo = 1;
  }
}

void negatedContinue(std::list<Value> &c) {
  for (Value &x : c) {
    if (!removePointValue(c, x))
      continue;
    return;
  }
}

void storedThenTested(std::list<Value> &c) {
  for (Value &x : c) {
    bool done = removePointValue(c, x);
    if (done)
      return;
    x.lo = 2;
  }
}

void assignedThenTested(std::list<Value> &c) {
  bool done = false;
  for (Value &x : c) {
    done = removePointValue(c, x);
    if (done)
      return;
    x.lo = 3;
  }
}

// Conditional after an early return.
static bool dropIfLast(std::list<Value> &values, Value &x) {
  if (x.lo != 0)
    return false;
  values.remove(x);
  return true;
}

void earlyReturnCallee(std::list<Value> &c) {
  for (Value &x : c)
    if (x.bound > 0 && dropIfLast(c, x))
      break;
}

// Still reported: the callee always erases, whatever its result says.
static bool dropAlways(std::list<Value> &values, Value &x) {
  values.remove(x);
  return true;
}

void unconditionalTested(std::list<Value> &c) {
  for (Value &x : c) {
    if (dropAlways(c, x))
      x.lo = 4;
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: call to 'dropAlways' erases the element of 'c' that the loop is visiting, invalidating the range-for's iterator [mapsafety-mutation-during-iteration]
  }
}

// Still reported: the result that tells whether it erased is ignored.
void conditionalDiscarded(std::list<Value> &c) {
  for (Value &x : c) {
    removePointValue(c, x);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'removePointValue' erases the element of 'c' that the loop is visiting, invalidating the range-for's iterator [mapsafety-mutation-during-iteration]
    x.lo = 5;
  }
}

void conditionalStoredUntested(std::list<Value> &c) {
  for (Value &x : c) {
    bool done = removePointValue(c, x);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: call to 'removePointValue' erases the element of 'c' that the loop is visiting, invalidating the range-for's iterator [mapsafety-mutation-during-iteration]
    (void)done;
    x.lo = 7;
  }
}

// The callee's erase sits in a loop body or a switch case: on some of its
// paths only.
static bool removeAllMatching(std::list<Value> &values, Value &x, int n) {
  for (int i = 0; i < n; ++i)
    values.remove(x);
  return n > 0;
}

static bool removeByKind(std::list<Value> &values, Value &x, int kind) {
  switch (kind) {
  case 0:
    values.remove(x);
    return true;
  default:
    return false;
  }
}

bool loopAndSwitchCallees(std::list<Value> &values, int n) {
  for (Value &x : values) {
    if (removeAllMatching(values, x, n))
      return true;
    if (removeByKind(values, x, n))
      return true;
  }
  return false;
}
