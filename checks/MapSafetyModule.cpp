//===--- MapSafetyModule.cpp - The mapsafety clang-tidy module ------------===//

#include "checks/MutationDuringIterationCheck.h"
#include "checks/UncheckedFindCheck.h"
#define MAPSAFETY_COMPAT_TIDY
#include "lib/LLVMCompat.h"

namespace clang::tidy::mapsafety {

class MapSafetyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<MutationDuringIterationCheck>(
        "mapsafety-mutation-during-iteration");
    Factories.registerCheck<UncheckedFindCheck>("mapsafety-unchecked-find");
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
