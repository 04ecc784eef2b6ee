#!/usr/bin/env python3
"""Prints one GitHub workflow command whose file name and message need
escaping, as scripts/mapsafety's --format=github writes it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts"))
from mapsafety_lib import formats  # noqa: E402


class Loc:
    path, line, col, end_col = "a,b:c.cpp", 1, 2, 3


sys.stdout.write(formats.workflow_command("warning", Loc(), "check", "100%\nnext"))
