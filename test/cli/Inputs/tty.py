#!/usr/bin/env python3
"""tty.py CMD...: runs CMD with its stdout and stderr on a pseudo-terminal and
prints what it wrote there, carriage returns shown as <CR>, and a last line
"exit status N"."""
import os
import subprocess
import sys

master, slave = os.openpty()
proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=slave,
                        stderr=slave)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 4096)
    except OSError:  # EIO: the child closed the terminal
        break
    if not data:
        break
    chunks.append(data)
status = proc.wait()
text = b"".join(chunks).decode("utf-8", "replace")
sys.stdout.write(text.replace("\r\n", "\n").replace("\r", "<CR>"))
sys.stdout.write("exit status %d\n" % status)
