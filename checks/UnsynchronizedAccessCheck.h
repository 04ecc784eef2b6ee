//===--- UnsynchronizedAccessCheck.h - mapsafety --------------*- C++ -*-===//

#ifndef MAPSAFETY_CHECKS_UNSYNCHRONIZEDACCESSCHECK_H
#define MAPSAFETY_CHECKS_UNSYNCHRONIZEDACCESSCHECK_H

#include "checks/ConcurrencyCheckBase.h"

namespace clang::tidy::mapsafety {

/// Finds containers shared between threads and written while another thread
/// may access them with no common mutex held; and member containers of a
/// class that are written without the mutex that guards them elsewhere.
class UnsynchronizedAccessCheck : public ConcurrencyCheckBase {
public:
  UnsynchronizedAccessCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void analyze(::mapsafety::ConcurrencyAnalysis &A,
               llvm::ArrayRef<const FunctionDecl *> Functions) override;

private:
  void noteLocks(const ::mapsafety::Access &At,
                 const ::mapsafety::Access &Other);
  const bool AnnotatedContainers;
  const unsigned MinGuardedAccesses;
};

} // namespace clang::tidy::mapsafety

#endif
