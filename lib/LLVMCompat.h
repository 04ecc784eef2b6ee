//===--- LLVMCompat.h - Differences between the supported LLVM majors ----===//
//
// mapsafety builds against LLVM 19 and LLVM 22. Every difference between
// their APIs is bridged here, so that the checks and the analysis are written
// once, against the newest API.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_LLVMCOMPAT_H
#define MAPSAFETY_LIB_LLVMCOMPAT_H

#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR < 19
#error "mapsafety needs LLVM 19 or newer"
#endif

// APIs that differ and that the code avoids rather than bridges:
// - llvm::StringSwitch::Cases: LLVM 22 takes a list, Cases({"a", "b"}, V),
//   and deprecates separate arguments, the only form LLVM 19 has. Use one
//   .Case per string.

// The clang-tidy module registry. LLVM 22 declares it in ClangTidyModule.h
// and deprecates ClangTidyModuleRegistry.h, which older majors need.
// Only the checks include this part (MAPSAFETY_COMPAT_TIDY), so that lib/
// keeps depending on Clang's AST alone.
#ifdef MAPSAFETY_COMPAT_TIDY
#include "clang-tidy/ClangTidyModule.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#endif

#endif // MAPSAFETY_LIB_LLVMCOMPAT_H
