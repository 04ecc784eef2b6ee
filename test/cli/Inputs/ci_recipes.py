#!/usr/bin/env python3
"""ci_recipes.py hook CI_MD MAPSAFETY: prints the pre-commit hook of
docs/ci.md, running the mapsafety command MAPSAFETY.
ci_recipes.py yaml CI_MD: parses every yaml block of docs/ci.md and prints
the top-level keys of each."""
import re
import sys

import yaml


def blocks(text, language):
    return re.findall(r"^```%s\n(.*?)^```" % language, text, re.M | re.S)


def main(argv):
    with open(argv[1], encoding="utf-8") as fh:
        text = fh.read()
    if argv[0] == "hook":
        hook, = [b for b in blocks(text, "sh") if b.startswith("#!/bin/sh")]
        sys.stdout.write(hook.replace("/path/to/mapsafety/scripts/mapsafety", argv[2]))
    elif argv[0] == "yaml":
        for block in blocks(text, "yaml"):
            data = yaml.safe_load(block)
            print("yaml: " + " ".join(str(key) for key in data))


main(sys.argv[1:])
