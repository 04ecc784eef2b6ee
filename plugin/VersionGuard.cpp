//===--- VersionGuard.cpp - Refuse a clang-tidy of another LLVM major ----===//
//
// A plugin built for one LLVM major still loads into the clang-tidy of
// another: its checks are listed, run, and report nothing, which looks like
// a clean result. So at load time the plugin asks the process which LLVM it
// runs on and, on a mismatch, stops clang-tidy with an error and status 2.
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <string>
#include <unistd.h>

namespace {

// The LLVM major of the running process, or 0 if it cannot be told. Looked
// up by name, because the plugin links against no LLVM library: its
// symbols resolve against whatever the host process carries.
unsigned hostLLVMMajor() {
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  if (auto *Fn = reinterpret_cast<GetVersionFn>(
          dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    Fn(&Major, &Minor, &Patch);
    return Major;
  }
  // A host that links LLVM statically may export Clang's symbols only.
  using FullVersionFn = std::string (*)();
  if (auto *Fn = reinterpret_cast<FullVersionFn>(
          dlsym(RTLD_DEFAULT, "_ZN5clang20getClangFullVersionB5cxx11Ev"))) {
    std::string Version = Fn();
    std::string::size_type At = Version.find("version ");
    if (At != std::string::npos)
      return std::strtoul(Version.c_str() + At + 8, nullptr, 10);
  }
  return 0;
}

const char *pluginPath() {
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&hostLLVMMajor), &Info) &&
      Info.dli_fname)
    return Info.dli_fname;
  return "libMapSafety";
}

struct VersionGuard {
  VersionGuard() {
    unsigned Host = hostLLVMMajor();
    if (Host == 0 || Host == LLVM_VERSION_MAJOR)
      return;
    std::fprintf(stderr,
                 "error: the mapsafety plugin %s was built for LLVM %d, but "
                 "it was loaded by a clang-tidy of LLVM %u; it would report "
                 "nothing there.\n"
                 "  Use clang-tidy-%d, or build the plugin for LLVM %u: "
                 "MAPSAFETY_LLVM_MAJOR=%u scripts/setup\n",
                 pluginPath(), LLVM_VERSION_MAJOR, Host, LLVM_VERSION_MAJOR,
                 Host, Host);
    std::fflush(stderr);
    // Not exit(): this runs inside dlopen, where the host's static
    // destructors must not run.
    _exit(2);
  }
};

VersionGuard Guard;

} // namespace
