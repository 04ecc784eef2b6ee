//===--- MapSafetyModule.cpp - The mapsafety clang-tidy module ------------===//

#include "checks/GuardedReferenceEscapeCheck.h"
#include "checks/MutationDuringIterationCheck.h"
#include "checks/NullMapDereferenceCheck.h"
#include "checks/UncheckedFindCheck.h"
#include "checks/UnsynchronizedAccessCheck.h"
#include "checks/WriteUnderSharedLockCheck.h"
#define MAPSAFETY_COMPAT_TIDY
#include "lib/LLVMCompat.h"

namespace clang::tidy::mapsafety {

class MapSafetyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<MutationDuringIterationCheck>(
        "mapsafety-mutation-during-iteration");
    Factories.registerCheck<UncheckedFindCheck>("mapsafety-unchecked-find");
    Factories.registerCheck<UnsynchronizedAccessCheck>(
        "mapsafety-unsynchronized-access");
    Factories.registerCheck<WriteUnderSharedLockCheck>(
        "mapsafety-write-under-shared-lock");
    Factories.registerCheck<GuardedReferenceEscapeCheck>(
        "mapsafety-guarded-reference-escape");
    Factories.registerCheck<NullMapDereferenceCheck>(
        "mapsafety-null-map-dereference");
  }
};

} // namespace clang::tidy::mapsafety

namespace clang::tidy {
// Registered under a unique name so that a second loaded module cannot
// clash with it.
static ClangTidyModuleRegistry::Add<mapsafety::MapSafetyModule>
    MapSafetyModuleRegistration("mapsafety-module",
                                "Map and container safety checks.");
} // namespace clang::tidy
