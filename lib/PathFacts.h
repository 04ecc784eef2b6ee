//===--- PathFacts.h - May-facts keyed by access path -----------*- C++ -*-===//
//
// The state of a "may be bad" analysis: one fact per tracked access path
// (an iterator that may be end(), a pointer that may be null). Joining
// keeps a fact that holds on any incoming path; when both sides have one,
// the one whose origin comes first in the source wins, so joins are
// deterministic and the state only grows, which makes the solver settle.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_PATHFACTS_H
#define MAPSAFETY_LIB_PATHFACTS_H

#include "lib/AccessPath.h"
#include "lib/BranchGuards.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace mapsafety {

/// Whether a path goes through a pointer (or smart pointer), and so may
/// alias a path spelled differently.
inline bool goesThroughPointer(const AccessPath &P) {
  return llvm::any_of(P.steps(), [](const AccessPath::Step &S) {
    return S.Kind != AccessPath::StepKind::Field;
  });
}

/// Fact needs: AccessPath Key; const clang::Stmt *Origin; Guard Conditions
/// (see BranchGuards.h); operator==; void absorb(const Fact &) to merge a
/// fact of the same origin.
template <typename Fact> class PathFacts {
public:
  Fact *find(const AccessPath &Key) {
    for (Fact &F : Facts)
      if (F.Key == Key)
        return &F;
    return nullptr;
  }
  const Fact *find(const AccessPath &Key) const {
    return const_cast<PathFacts *>(this)->find(Key);
  }
  void set(Fact F) {
    if (Fact *Old = find(F.Key))
      *Old = std::move(F);
    else
      Facts.push_back(std::move(F));
  }
  void erase(const AccessPath &Key) {
    llvm::erase_if(Facts, [&](const Fact &F) { return F.Key == Key; });
  }
  template <typename Pred> void eraseIf(Pred P) { llvm::erase_if(Facts, P); }
  template <typename Fn> void forEach(Fn F) {
    for (Fact &X : Facts)
      F(X);
  }
  bool empty() const { return Facts.empty(); }

  void unite(const PathFacts &O) {
    for (const Fact &F : O.Facts) {
      Fact *Mine = find(F.Key);
      if (!Mine) {
        Facts.push_back(F);
        continue;
      }
      // The joined fact holds on the paths of both.
      Guard Both = Mine->Conditions;
      Both.intersect(F.Conditions);
      if (before(F.Origin, Mine->Origin))
        *Mine = F;
      else if (F.Origin == Mine->Origin)
        Mine->absorb(F);
      Mine->Conditions = std::move(Both);
    }
  }
  bool operator==(const PathFacts &O) const {
    if (Facts.size() != O.Facts.size())
      return false;
    for (const Fact &F : Facts) {
      const Fact *Other = O.find(F.Key);
      if (!Other || !(*Other == F))
        return false;
    }
    return true;
  }

  auto begin() const { return Facts.begin(); }
  auto end() const { return Facts.end(); }

private:
  static bool before(const clang::Stmt *A, const clang::Stmt *B) {
    if (!A || !B)
      return A && !B;
    return A->getBeginLoc().getRawEncoding() <
           B->getBeginLoc().getRawEncoding();
  }
  llvm::SmallVector<Fact, 2> Facts;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_PATHFACTS_H
