//===--- CheckLatency.cpp - Register the mapsafety checks as fast ---------===//
//
// clangd asks clang::clangd::isFastTidyCheck() whether a check may run under
// its default filter; the answer comes from a table compiled into clangd, with
// no way to extend it at run time. clangd-mapsafety is linked with
// --wrap=<that function>, so clangd's calls land here: the mapsafety checks
// measured in CheckLatency.def are fast, every other check keeps clangd's
// answer.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <optional>

#define MAPSAFETY_IS_FAST_TIDY_CHECK                                          \
  "_ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE"

std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) asm(
    "__real_" MAPSAFETY_IS_FAST_TIDY_CHECK);
std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) asm(
    "__wrap_" MAPSAFETY_IS_FAST_TIDY_CHECK);

std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) {
#define FAST(CHECK, PERCENT)                                                  \
  if (Check == #CHECK)                                                        \
    return true;
#include "clangd/CheckLatency.def"
  return realIsFastTidyCheck(Check);
}
