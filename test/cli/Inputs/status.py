#!/usr/bin/env python3
"""status.py N CMD...: runs CMD (its output passes through) and fails unless
it exits with status N."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.run(sys.argv[2:]).returncode
if got != want:
    sys.stderr.write("status.py: expected exit status %d, got %d\n" % (want, got))
    sys.exit(1)
