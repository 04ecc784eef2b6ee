//===--- MapSafetyFuzzer.cpp - libFuzzer target for the mapsafety checks --===//
//
// Feeds each input, as a C++ source file, through every mapsafety check in
// process: clang-tidy's own driver (runClangTidy) with the checks enabled,
// on an in-memory file. Its standard headers (<map>, <mutex>, <thread>, ...)
// are the small stand-ins of fuzz/include/, not the real ones: with those,
// each input would cost hundreds of milliseconds however small it is. The
// test headers of test/Inputs (Abseil, Boost, folly locks) are reachable too.
//
// Any crash, sanitizer report or hang inside the checks is a bug. Inputs
// need not compile: the checks run on the AST Clang recovers.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <string>
#include <vector>

using namespace clang;

namespace {

const char *const InputPath = "/mapsafety-fuzz/input.cpp";
std::vector<std::string> CompilerArgs;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *Argc, char ***Argv) {
  // Clang's builtin headers (<stddef.h>, ...) are those of the LLVM the
  // target was built against: this binary has none beside it.
  CompilerArgs = {"-std=c++20", "-fsyntax-only", "-w",
                  "-resource-dir", MAPSAFETY_CLANG_RESOURCE_DIR,
                  "-nostdinc++", "-isystem", MAPSAFETY_FUZZ_STD_INCLUDE,
                  "-I", MAPSAFETY_TEST_INPUTS,
                  // Bound the work Clang itself does on pathological input.
                  "-ftemplate-depth=128", "-fconstexpr-steps=100000",
                  "-fbracket-depth=64"};
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  tidy::ClangTidyOptions Options = tidy::ClangTidyOptions::getDefaults();
  Options.Checks = "-*,mapsafety-*";
  Options.WarningsAsErrors = "";
  Options.HeaderFilterRegex = ".*";
  tidy::ClangTidyContext Context(
      std::make_unique<tidy::DefaultOptionsProvider>(
          tidy::ClangTidyGlobalOptions(), Options));

  tooling::FixedCompilationDatabase Compilations(".", CompilerArgs);
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(InputPath, 0,
                  llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(
                      reinterpret_cast<const char *>(Data), Size)));
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  FS->pushOverlay(Memory);
  tidy::runClangTidy(Context, Compilations, {InputPath}, FS,
                     /*ApplyAnyFix=*/false, /*EnableCheckProfile=*/false,
                     /*StoreCheckProfile=*/"", /*Quiet=*/true);
  return 0;
}
