#!/usr/bin/env python3
"""Runs the mapsafety plugin in stock clang-tidy on one test file and checks
its output, in the spirit of upstream clang-tidy's check_clang_tidy.py.

Usage:
  check_clang_tidy.py --clang-tidy BIN --plugin SO [-std=c++17] [--check-suffix S]
                      SOURCE CHECKS TMP [-- CLANG_TIDY_ARGS [-- COMPILER_ARGS]]

What is checked:
  CHECK-MESSAGES[-S]: the warnings (notes dropped), and no other warning or error.
  CHECK-NOTES[-S]:    warnings and notes, and no other diagnostic.
  CHECK-FIXES[-S]:    the file after --fix; the fixed file must also compile.
  With no CHECK-MESSAGES/CHECK-NOTES, the checks must emit no diagnostic at all,
  so a negative test is a file without expectations. With no CHECK-FIXES the file
  must be left unchanged by --fix.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys


def fail(msg, output=None):
    sys.stderr.write("check_clang_tidy: %s\n" % msg)
    if output:
        sys.stderr.write("------ clang-tidy output ------\n%s\n" % output)
    sys.exit(1)


def split_args(argv):
    """Splits at the first and second '--'."""
    own, tidy, compiler = [], [], []
    parts = [own]
    for a in argv:
        if a == "--" and len(parts) < 3:
            parts.append(tidy if len(parts) == 1 else compiler)
            continue
        parts[-1].append(a)
    return own, tidy, compiler


def run_filecheck(filecheck, input_file, source, prefix, extra):
    cmd = [filecheck, "-input-file=" + input_file, source,
           "-check-prefix=" + prefix] + extra
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        with open(input_file, encoding="utf-8", errors="replace") as fh:
            fail("FileCheck %s failed" % prefix, fh.read())


def main():
    own, tidy_args, compiler_args = split_args(sys.argv[1:])
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("-std", default=None)
    ap.add_argument("--check-suffix", default="")
    ap.add_argument("--expect-clang-tidy-error", action="store_true")
    ap.add_argument("source")
    ap.add_argument("checks")
    ap.add_argument("tmp")
    args = ap.parse_args(own)

    ext = os.path.splitext(args.source)[1]
    std = args.std or ("c11" if ext == ".c" else "c++17")
    suffix = ("-" + args.check_suffix.upper()) if args.check_suffix else ""
    msg_prefix, note_prefix, fix_prefix = ("CHECK-MESSAGES" + suffix,
                                           "CHECK-NOTES" + suffix,
                                           "CHECK-FIXES" + suffix)

    with open(args.source, encoding="utf-8") as fh:
        text = fh.read()
    has = lambda p: re.search(r"\b%s:" % re.escape(p), text) is not None
    has_msgs, has_notes, has_fixes = has(msg_prefix), has(note_prefix), has(fix_prefix)

    # Keep line numbers, drop the expectations themselves so that fixes and
    # the compile check of the fixed file see only the code.
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text)
    tmp_file = args.tmp + ext
    os.makedirs(os.path.dirname(os.path.abspath(tmp_file)), exist_ok=True)
    with open(tmp_file, "w", encoding="utf-8") as fh:
        fh.write(cleaned)

    lang = ["-std=" + std]
    if ext != ".c":
        lang.append("-pthread")
    checks = "-*," + args.checks
    cmd = [args.clang_tidy, "--load=" + args.plugin, tmp_file, "--fix",
           "--checks=" + checks, "--quiet"] + tidy_args + ["--"] + lang + compiler_args
    proc = subprocess.run(cmd, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    if "error: unable to load plugin" in output or "Segmentation" in output \
            or "Stack dump" in output:
        fail("clang-tidy failed to run", output)
    if proc.returncode != 0 and not args.expect_clang_tidy_error:
        fail("clang-tidy exited with %d" % proc.returncode, output)

    out_file = args.tmp + ".msg"
    with open(out_file, "w", encoding="utf-8") as fh:
        fh.write(output)
    diag_lines = [l for l in output.splitlines()
                  if re.search(r"\b(warning|error): ", l)]

    if has_msgs:
        no_notes = args.tmp + ".warnings"
        with open(no_notes, "w", encoding="utf-8") as fh:
            fh.write("\n".join(l for l in output.splitlines()
                               if " note: " not in l) + "\n")
        run_filecheck("FileCheck", no_notes, args.source, msg_prefix,
                      ["-implicit-check-not={{warning|error}}:"])
    if has_notes:
        run_filecheck("FileCheck", out_file, args.source, note_prefix,
                      ["-implicit-check-not={{note|warning|error}}:"])
    if not has_msgs and not has_notes and diag_lines:
        fail("expected no diagnostics, got %d" % len(diag_lines), output)

    with open(tmp_file, encoding="utf-8") as fh:
        fixed = fh.read()
    if has_fixes:
        run_filecheck("FileCheck", tmp_file, args.source, fix_prefix,
                      ["-strict-whitespace"])
        clangxx = os.path.join(os.path.dirname(args.clang_tidy), "clang++")
        if not os.path.exists(clangxx):
            clangxx = shutil.which("clang++") or clangxx
        comp = subprocess.run([clangxx, "-fsyntax-only", "-x",
                               "c" if ext == ".c" else "c++"] + lang +
                              compiler_args + [tmp_file],
                              capture_output=True, text=True)
        if comp.returncode != 0:
            fail("the fixed file does not compile", comp.stderr + "\n" + fixed)
    elif fixed != cleaned:
        fail("--fix changed the file but the test has no %s" % fix_prefix,
             fixed)


if __name__ == "__main__":
    main()
