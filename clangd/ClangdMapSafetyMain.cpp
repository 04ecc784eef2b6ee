//===--- ClangdMapSafetyMain.cpp - clangd with the mapsafety checks ------===//
//
// The stock clangd, linked with the mapsafety module: the checks register
// themselves with clang-tidy's module registry, which clangd consults like
// clang-tidy does, so `Diagnostics: ClangTidy: Add: mapsafety-*` in a
// .clangd file enables them.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace {

bool hasResourceDirFlag(int Argc, char *Argv[]) {
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg(Argv[I]);
    if (Arg == "--")
      break;
    if (Arg.consume_front("--") || Arg.consume_front("-"))
      if (Arg.starts_with("resource-dir"))
        return true;
  }
  return false;
}

// clangd looks for Clang's resource directory (the builtin headers such as
// <stddef.h>) next to its own binary, in ../lib/clang/NN. That holds for the
// clangd installed with LLVM, not for this one, which lives in a build tree
// or under another prefix: there, the directory of the LLVM it was built
// against is used.
std::string resourceDir(const char *Argv0) {
  static int StaticForMainAddr;
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&StaticForMainAddr));
  llvm::SmallString<256> Beside(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Beside, "lib", "clang",
                          std::to_string(LLVM_VERSION_MAJOR), "include");
  if (llvm::sys::fs::is_directory(Beside))
    return "";
  llvm::SmallString<256> Built(MAPSAFETY_CLANG_RESOURCE_DIR);
  llvm::sys::path::append(Built, "include");
  if (llvm::sys::fs::is_directory(Built))
    return MAPSAFETY_CLANG_RESOURCE_DIR;
  return "";
}

} // namespace

int main(int Argc, char *Argv[]) {
  std::vector<char *> Args(Argv, Argv + Argc);
  std::string Flag;
  if (!hasResourceDirFlag(Argc, Argv)) {
    std::string Dir = resourceDir(Argv[0]);
    if (!Dir.empty()) {
      Flag = "--resource-dir=" + Dir;
      Args.insert(Args.begin() + 1, Flag.data());
    }
  }
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
