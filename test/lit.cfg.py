# lit configuration for mapsafety's tests: the checks' lit + FileCheck tests
# and the unit tests of lib/ (GoogleTest), reported in one summary.
import os
import shutil

import lit.formats

config.name = "mapsafety"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".mm", ".test"]
config.excludes = ["Inputs", "generated.test.py"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
config.test_exec_root = os.path.join(config.mapsafety_obj_root, "test")

tools = config.llvm_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [tools, os.environ.get("PATH", "")])
clang_tidy = os.path.join(tools, "clang-tidy")
runner = os.path.join(config.mapsafety_src_root, "test", "check_clang_tidy.py")
python = shutil.which("python3") or "python3"

config.substitutions.append(
    ("%check_clang_tidy",
     "%s %s --clang-tidy %s --plugin %s" % (python, runner, clang_tidy,
                                            config.mapsafety_plugin)))
config.substitutions.append(
    ("%clang_tidy_plugin",
     "%s --load=%s" % (clang_tidy, config.mapsafety_plugin)))
config.substitutions.append(("%plugin", config.mapsafety_plugin))
config.substitutions.append(("%clangxx", os.path.join(tools, "clang++")))
config.substitutions.append(("%mapsafety_src", config.mapsafety_src_root))
config.substitutions.append(("%python", python))

# The user-facing command, run with this build's plugin and clang-tidy; the
# tests of test/cli override these variables to exercise its setup errors.
# Added after %mapsafety_src and %mapsafety_obj, which it is a prefix of.
config.environment["MAPSAFETY_PLUGIN"] = config.mapsafety_plugin
config.environment["MAPSAFETY_CLANG_TIDY"] = clang_tidy
config.substitutions.append(("%mapsafety_obj", config.mapsafety_obj_root))
config.substitutions.append(
    ("%mapsafety", "%s %s" % (python, os.path.join(config.mapsafety_src_root,
                                                   "scripts", "mapsafety"))))
config.substitutions.append(
    ("%status", "%s %s" % (python, os.path.join(config.mapsafety_src_root, "test",
                                                "cli", "Inputs", "status.py"))))
config.available_features.add("llvm-%s" % config.llvm_major)

# The clang-tidy of the other supported LLVM major, when installed, for the
# test that the plugin refuses to run inside it.
for other in ("19", "22"):
    other_tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % other
    if other != config.llvm_major and os.path.exists(other_tidy):
        config.available_features.add("other-clang-tidy")
        config.substitutions.append(("%other_clang_tidy", other_tidy))
        break

# clangd-mapsafety, when this build has it (MAPSAFETY_BUILD_CLANGD).
if config.mapsafety_clangd:
    config.available_features.add("clangd")
    config.substitutions.append(("%clangd_mapsafety", config.mapsafety_clangd))
