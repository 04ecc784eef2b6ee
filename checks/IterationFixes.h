//===--- IterationFixes.h - Fix-its for mutation during iteration -*- C++ -*-===//

#ifndef MAPSAFETY_CHECKS_ITERATIONFIXES_H
#define MAPSAFETY_CHECKS_ITERATIONFIXES_H

#include "lib/IterationAnalysis.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
}

namespace mapsafety {

/// The fix-it for a loop finding, if one is mechanical and safe:
/// `for (...; ++it) if (c) m.erase(it);` becomes the `it = m.erase(it)` /
/// `else ++it` form, and (C++20) a range-for whose body only erases the
/// current element under a condition becomes `std::erase_if`.
std::optional<std::vector<clang::FixItHint>>
iterationFix(const IterationFinding &F, clang::ASTContext &Ctx,
             const clang::LangOptions &LangOpts);

} // namespace mapsafety

#endif
