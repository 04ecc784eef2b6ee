"""The codebases scripts/bench and scripts/robustness run over, and the
plugin and clang-tidy they run: shared by both scripts.

A codebase is named by
  examples            the bundled example project
  DIR                 a build directory holding compile_commands.json
  leveldb, cppcheck, fish, ninja-build, re2, spdlog, zeromq3
                      Debian source packages: an unpacked NAME-VERSION/
                      directory under build/bench/ (or under a directory of
                      $MAPSAFETY_CODEBASES), fetched into build/bench/ with
                      --fetch (adds a deb-src entry in its own file,
                      /etc/apt/sources.list.d/mapsafety-bench-src.sources)
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "build", "bench")
SOURCES_FILE = "/etc/apt/sources.list.d/mapsafety-bench-src.sources"
PACKAGES = {
    # package: the CMake arguments that configure it without tests
    "leveldb": ["-DLEVELDB_BUILD_TESTS=OFF", "-DLEVELDB_BUILD_BENCHMARKS=OFF"],
    "cppcheck": ["-DBUILD_GUI=OFF", "-DBUILD_TESTS=OFF"],
    "fish": ["-DFISH_USE_SYSTEM_PCRE2=ON"],
    "ninja-build": ["-DBUILD_TESTING=ON"],
    "re2": ["-DRE2_BUILD_TESTING=OFF"],
    "spdlog": ["-DSPDLOG_FMT_EXTERNAL=ON", "-DSPDLOG_BUILD_EXAMPLE=ON",
               "-DSPDLOG_BUILD_TESTS=OFF"],
    "zeromq3": ["-DWITH_DOCS=OFF", "-DBUILD_TESTS=OFF", "-DWITH_LIBSODIUM=OFF",
                "-DENABLE_CURVE=OFF"],
}
PACKAGE_BUILD_DEPS = {"fish": ["libpcre2-dev"], "spdlog": ["libfmt-dev"]}
TU_SUFFIXES = (".cc", ".cpp", ".cxx")


def die(prog, msg):
    sys.stderr.write("%s: %s\n" % (prog, msg))
    sys.exit(2)


def plugin_path(prog):
    lib = os.path.join(ROOT, "build", "lib")
    if os.path.isdir(lib):
        for name in sorted(os.listdir(lib)):
            if name.startswith("libMapSafety-llvm") and name.endswith(".so"):
                return os.path.join(lib, name)
    die(prog, "the plugin is not built; run scripts/setup")


def clang_tidy_for(prog, plugin):
    major = os.path.basename(plugin)[len("libMapSafety-llvm"):-len(".so")]
    path = "/usr/lib/llvm-%s/bin/clang-tidy" % major
    if not os.path.exists(path):
        die(prog, "%s is missing; install clang-tidy-%s" % (path, major))
    return path


def run(cmd, cwd=None):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def prepare_examples():
    build = os.path.join(ROOT, "build", "examples")
    run(["cmake", "-S", os.path.join(ROOT, "examples"), "-B", build,
         "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"])
    return build


def source_dirs():
    """Where unpacked source packages are looked for: the directories of
    $MAPSAFETY_CODEBASES (':'-separated), then build/bench/."""
    extra = [d for d in os.environ.get("MAPSAFETY_CODEBASES", "").split(":") if d]
    return extra + [BENCH_DIR]


def find_package_source(name):
    for parent in source_dirs():
        if not os.path.isdir(parent):
            continue
        for d in sorted(os.listdir(parent)):
            if d.startswith(name + "-") and os.path.isdir(os.path.join(parent, d)):
                return os.path.join(parent, d)
    return None


def prepare_package(prog, name, fetch):
    src = find_package_source(name)
    if not src:
        if not fetch:
            die(prog, "%s is not in %s; rerun with --fetch to get its Debian "
                "source package" % (name, " or ".join(source_dirs())))
        os.makedirs(BENCH_DIR, exist_ok=True)
        if not os.path.exists(SOURCES_FILE):
            with open(SOURCES_FILE, "w") as fh:
                fh.write("Types: deb-src\nURIs: http://deb.debian.org/debian\n"
                         "Suites: bookworm\nComponents: main\n"
                         "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
            run(["apt-get", "update", "-q"])
        if PACKAGE_BUILD_DEPS.get(name):
            run(["apt-get", "install", "-y", "-q", "--no-install-recommends"] +
                PACKAGE_BUILD_DEPS[name])
        run(["apt-get", "source", "-q", name], cwd=BENCH_DIR)
        return prepare_package(prog, name, False)
    build = os.path.join(src, "build")
    if not os.path.exists(os.path.join(build, "compile_commands.json")):
        if name == "re2":
            generate_re2_tables(src)
        run(["cmake", "-S", src, "-B", build, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"] +
            PACKAGES[name])
    return build


def generate_re2_tables(src):
    """The Debian source of re2 drops its generated tables. perl_groups.cc is
    made by its script; the Unicode tables need data the package does not
    ship, so they are left empty: the analysis does not look into them."""
    re2 = os.path.join(src, "re2")
    perl_groups = os.path.join(re2, "perl_groups.cc")
    if not os.path.exists(perl_groups):
        with open(perl_groups, "w") as fh:
            subprocess.run(["perl", os.path.join(re2, "make_perl_groups.pl")],
                           cwd=src, check=True, stdout=fh)
    for table in ("unicode_casefold.cc", "unicode_groups.cc"):
        open(os.path.join(re2, table), "a").close()


def resolve(prog, codebase, fetch):
    """The build directory (holding compile_commands.json) of a codebase."""
    if codebase == "examples":
        return prepare_examples()
    if os.path.isdir(codebase):
        if not os.path.exists(os.path.join(codebase, "compile_commands.json")):
            die(prog, "%s has no compile_commands.json" % codebase)
        return os.path.abspath(codebase)
    if codebase in PACKAGES:
        return prepare_package(prog, codebase, fetch)
    die(prog, "unknown codebase %r (examples, a build directory, or one of %s)"
        % (codebase, ", ".join(sorted(PACKAGES))))


def translation_units(build):
    """The C++ translation units of a compile database, each once, with an
    absolute 'file'."""
    with open(os.path.join(build, "compile_commands.json")) as fh:
        entries = json.load(fh)
    seen, tus = set(), []
    for e in entries:
        path = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if path not in seen and path.endswith(TU_SUFFIXES):
            seen.add(path)
            tus.append(dict(e, file=path))
    return tus
