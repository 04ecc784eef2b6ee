//===--- BranchGuards.h - Facts held under tested conditions --*- C++ -*-===//
//
// A fact a may-analysis carries (an iterator that may be end(), a pointer
// that may be null) often arises on one side of a test and is used only on
// the other side of a second test of the same condition:
//
//   if (it == m.end()) {
//     if (k == 0) it = m.emplace(key, v).first; // else: it stays end()
//   }
//   if (k == 0) use(it->second);
//
// Each fact keeps the side-effect-free conditions tested since it arose,
// with their outcomes (its guard). A later test of the same condition with
// the other outcome cannot be reached with that fact, so the fact is dropped
// on that branch. A statement that may change what a condition reads
// removes the condition from every guard.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_BRANCHGUARDS_H
#define MAPSAFETY_LIB_BRANCHGUARDS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class ValueDecl;
} // namespace clang

namespace mapsafety {

/// A tested condition (numbered by ConditionTable) and its outcome.
struct GuardLiteral {
  unsigned Condition = 0;
  bool Value = false;
  bool operator==(const GuardLiteral &O) const {
    return Condition == O.Condition && Value == O.Value;
  }
};

/// The conditions known, with their outcomes, on every path a fact
/// arrived by.
class Guard {
public:
  /// Whether the fact's paths all gave L's condition the other outcome.
  bool contradicts(GuardLiteral L) const {
    return llvm::any_of(Lits, [&](const GuardLiteral &G) {
      return G.Condition == L.Condition && G.Value != L.Value;
    });
  }
  void assume(GuardLiteral L) {
    if (!llvm::is_contained(Lits, L))
      Lits.push_back(L);
  }
  /// Keeps what holds on both this fact's paths and O's.
  void intersect(const Guard &O) {
    llvm::erase_if(Lits, [&](const GuardLiteral &L) {
      return !llvm::is_contained(O.Lits, L);
    });
  }
  template <typename Pred> void forgetIf(Pred P) {
    llvm::erase_if(Lits, [&](const GuardLiteral &L) { return P(L.Condition); });
  }
  bool empty() const { return Lits.empty(); }
  bool operator==(const Guard &O) const {
    return Lits.size() == O.Lits.size() &&
           llvm::all_of(Lits, [&](const GuardLiteral &L) {
             return llvm::is_contained(O.Lits, L);
           });
  }

private:
  llvm::SmallVector<GuardLiteral, 2> Lits;
};

/// Numbers the side-effect-free conditions of one function (`!c` and
/// `a != b` as `c` and `a == b` with the outcome flipped, `p == nullptr`
/// and `n == 0` as `!p` and `!n`) and tells which statements may change
/// their value: those writing a variable or member field the condition
/// reads, non-const member calls on it, and, for conditions reading
/// `this`'s fields, non-const calls of the class's own member functions.
class ConditionTable {
public:
  explicit ConditionTable(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// The literal `Cond == Taken` stands for, or none when evaluating Cond
  /// may have a side effect (a call of a non-const function...).
  std::optional<GuardLiteral> literal(const clang::Expr *Cond, bool Taken);

  /// The conditions whose value S may change; empty for most statements.
  llvm::SmallVector<unsigned, 2> changedBy(const clang::Stmt *S) const;

private:
  struct Entry {
    unsigned Id;
    bool Flip;
  };
  struct Reads {
    llvm::SmallVector<const clang::ValueDecl *, 2> Decls;
    bool ThisFields = false; ///< Reads a member field through `this`.
  };
  std::optional<Entry> number(const clang::Expr *Cond);

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::Expr *, std::optional<Entry>> Cache;
  std::map<llvm::FoldingSetNodeID, unsigned> Ids;
  std::vector<Reads> ReadsOf; ///< Indexed by condition number.
};

/// Applies the outcome L of a branch to the guards of a PathFacts' facts
/// (each with a `Guard Conditions` member): those whose guard says the
/// other outcome cannot be on this branch.
template <typename Facts> void assumeOnBranch(Facts &F, GuardLiteral L) {
  F.eraseIf([&](const auto &Fact) { return Fact.Conditions.contradicts(L); });
  F.forEach([&](auto &Fact) { Fact.Conditions.assume(L); });
}

/// Removes from the guards the conditions S may change.
template <typename Facts>
void forgetChanged(Facts &F, const ConditionTable &T, const clang::Stmt *S) {
  bool AnyGuard = false;
  F.forEach([&](auto &Fact) { AnyGuard |= !Fact.Conditions.empty(); });
  if (!AnyGuard)
    return;
  llvm::SmallVector<unsigned, 2> Changed = T.changedBy(S);
  if (Changed.empty())
    return;
  F.forEach([&](auto &Fact) {
    Fact.Conditions.forgetIf(
        [&](unsigned Id) { return llvm::is_contained(Changed, Id); });
  });
}

} // namespace mapsafety

#endif // MAPSAFETY_LIB_BRANCHGUARDS_H
