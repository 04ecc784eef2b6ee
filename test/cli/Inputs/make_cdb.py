#!/usr/bin/env python3
"""make_cdb.py OUT_DIR FLAGS -- FILE...: writes OUT_DIR/compile_commands.json
compiling each FILE with the space-separated FLAGS."""
import json
import os
import sys

out, flags = sys.argv[1], sys.argv[2].split()
files = sys.argv[sys.argv.index("--") + 1:]
os.makedirs(out, exist_ok=True)
entries = [{"directory": out,
            "file": os.path.abspath(f),
            "arguments": ["clang++"] + flags + ["-c", os.path.abspath(f)]}
           for f in files]
with open(os.path.join(out, "compile_commands.json"), "w") as fh:
    json.dump(entries, fh, indent=1)
