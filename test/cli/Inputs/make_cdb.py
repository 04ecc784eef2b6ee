#!/usr/bin/env python3
"""make_cdb.py OUT_DIR FLAGS [--relative-to DIR] -- FILE...: writes
OUT_DIR/compile_commands.json compiling each FILE with the space-separated
FLAGS; with --relative-to, the entries' directory is DIR and their file
names are relative to it, as some build systems write them."""
import json
import os
import sys

out, flags = sys.argv[1], sys.argv[2].split()
args = sys.argv[3:sys.argv.index("--")]
files = [os.path.abspath(f) for f in sys.argv[sys.argv.index("--") + 1:]]
directory = os.path.abspath(args[1]) if args[:1] == ["--relative-to"] else out
if directory != out:
    files = [os.path.relpath(f, directory) for f in files]
os.makedirs(out, exist_ok=True)
entries = [{"directory": directory, "file": f, "arguments": ["clang++"] + flags + ["-c", f]}
           for f in files]
with open(os.path.join(out, "compile_commands.json"), "w") as fh:
    json.dump(entries, fh, indent=1)
