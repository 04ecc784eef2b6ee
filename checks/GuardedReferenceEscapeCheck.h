//===--- GuardedReferenceEscapeCheck.h - mapsafety ------------*- C++ -*-===//

#ifndef MAPSAFETY_CHECKS_GUARDEDREFERENCEESCAPECHECK_H
#define MAPSAFETY_CHECKS_GUARDEDREFERENCEESCAPECHECK_H

#include "checks/ConcurrencyCheckBase.h"

namespace clang::tidy::mapsafety {

/// Finds references, pointers and iterators to a mutex-guarded container
/// that leave the locked region: returned from a function that holds the
/// lock, or stored where they outlive it.
class GuardedReferenceEscapeCheck : public ConcurrencyCheckBase {
public:
  using ConcurrencyCheckBase::ConcurrencyCheckBase;

protected:
  void analyze(::mapsafety::ConcurrencyAnalysis &A,
               llvm::ArrayRef<const FunctionDecl *> Functions) override;
};

} // namespace clang::tidy::mapsafety

#endif
