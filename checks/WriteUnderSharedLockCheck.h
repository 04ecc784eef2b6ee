//===--- WriteUnderSharedLockCheck.h - mapsafety --------------*- C++ -*-===//

#ifndef MAPSAFETY_CHECKS_WRITEUNDERSHAREDLOCKCHECK_H
#define MAPSAFETY_CHECKS_WRITEUNDERSHAREDLOCKCHECK_H

#include "checks/ConcurrencyCheckBase.h"

namespace clang::tidy::mapsafety {

/// Finds structural writes to shared containers (including map operator[])
/// made while only a reader lock is held, directly or in a callee.
class WriteUnderSharedLockCheck : public ConcurrencyCheckBase {
public:
  using ConcurrencyCheckBase::ConcurrencyCheckBase;

protected:
  void analyze(::mapsafety::ConcurrencyAnalysis &A,
               llvm::ArrayRef<const FunctionDecl *> Functions) override;
};

} // namespace clang::tidy::mapsafety

#endif
