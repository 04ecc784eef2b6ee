//===--- FirstReports.h - One report per origin -----------------*- C++ -*-===//
//
// The flow analyses replay every block, so the same finding can be seen at
// several dereferences. This keeps one report per origin (the search call,
// the null assignment...), at the dereference that comes first in the
// source, and hands them out in source order.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_FIRSTREPORTS_H
#define MAPSAFETY_LIB_FIRSTREPORTS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <vector>

namespace mapsafety {

/// Report needs a `const clang::Expr *Deref` member.
template <typename Report> class FirstReports {
public:
  /// The report to fill for Origin when Deref comes before the one it
  /// holds (or it is new); null otherwise.
  Report *claim(const void *Origin, const clang::Expr *Deref) {
    Report &R = Reports[Origin];
    if (R.Deref && order(R.Deref) <= order(Deref))
      return nullptr;
    R.Deref = Deref;
    return &R;
  }

  std::vector<Report> take() {
    std::vector<Report> Out;
    for (auto &KV : Reports)
      Out.push_back(std::move(KV.second));
    llvm::sort(Out, [](const Report &A, const Report &B) {
      return order(A.Deref) < order(B.Deref);
    });
    Reports.clear();
    return Out;
  }

private:
  static unsigned order(const clang::Expr *E) {
    return E->getBeginLoc().getRawEncoding();
  }
  llvm::DenseMap<const void *, Report> Reports;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_FIRSTREPORTS_H
