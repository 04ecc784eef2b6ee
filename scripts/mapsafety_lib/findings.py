"""Findings: clang-tidy's text diagnostics as data (location, message, notes),
with a fingerprint that survives edits elsewhere in the file.

The fingerprint of a finding hashes
  - the check's name,
  - the file's path relative to the repository root,
  - the flagged source line, with '//' comments dropped and whitespace
    collapsed,
  - the message, with digits replaced by '#' (counts such as "2 of 3
    accesses" change when unrelated code does),
  - and the occurrence index among the findings of the same file that agree
    on all of the above, in the order of their lines.
It contains no line or column number, so inserting or deleting lines above a
finding keeps it; editing the flagged line, renaming the file or an
identifier in the message makes it a new finding. The enclosing function is
not part of it: the text diagnostics do not name it, and the identifiers of
the message and the line text serve the same purpose.
"""
import hashlib
import os
import re

# Whether a finding fails the run: only "new" ones do.
NEW = "new"
BASELINED = "baselined"
OUTSIDE_DIFF = "outside-diff"

FINGERPRINT_VERSION = "mapsafety/v1"

NOTE = re.compile(r"^(?:(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): )?note: (?P<msg>.*)$")
TOKEN = re.compile(r"[A-Za-z_0-9]+|->|::|\+\+|--|<<|>>|[<>=!]=|&&|\|\||\S")


class SourceLines:
    """The lines of the files findings point into, read once each."""

    def __init__(self):
        self.files = {}

    def line(self, path, number):
        if path not in self.files:
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    self.files[path] = fh.read().splitlines()
            except OSError:
                self.files[path] = []
        lines = self.files[path]
        return lines[number - 1] if 0 < number <= len(lines) else ""


def display_path(path, root):
    """The path relative to root, with '/', when it is inside root; else the
    absolute path."""
    if not path:
        return ""
    full = os.path.realpath(path)
    if root:
        rel = os.path.relpath(full, root)
        if not rel.startswith(".." + os.sep) and rel != "..":
            return rel.replace(os.sep, "/")
    return full


class Location:
    def __init__(self, file, line, col, message, root, sources):
        self.file = file                      # as clang-tidy printed it
        self.path = display_path(file, root)  # repository-relative if possible
        self.line = line
        self.col = col
        self.message = message
        self.inside_root = bool(file) and not os.path.isabs(self.path)
        self.source = sources.line(file, line) if file and line else ""
        self.end_col = col + token_length(self.source, col) if col else 0


def token_length(text, col):
    """Length of the token starting at column col (1-based), at least 1."""
    m = TOKEN.match(text, col - 1) if 0 < col <= len(text) else None
    return len(m.group(0)) if m else 1


def parse_notes(lines, directory, root, sources):
    notes = []
    for line in lines:
        m = NOTE.match(line)
        if m:
            notes.append(Location(resolve(directory, m.group("file")),
                                  int(m.group("line") or 0), int(m.group("col") or 0),
                                  m.group("msg"), root, sources))
    return notes


def resolve(directory, path):
    return os.path.join(directory, path) if path else ""


class Finding:
    """One warning (or error) of a check, with its notes."""

    def __init__(self, unit, root, sources):
        self.unit = unit
        self.check = unit.check
        self.level = "error" if unit.level in ("error", "fatal error") else "warning"
        directory = getattr(unit, "directory", "")
        self.location = Location(resolve(directory, unit.file), unit.line, unit.col,
                                 unit.message, root, sources)
        self.message = unit.message
        self.notes = parse_notes(unit.lines[1:], directory, root, sources)
        self.state = NEW
        self.fingerprint = None

    def fails(self):
        return self.state == NEW

    def fingerprint_base(self):
        parts = (self.check, self.location.path, normalise_code(self.location.source),
                 normalise_message(self.message))
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def normalise_code(text):
    return " ".join(strip_line_comment(text).split())


def strip_line_comment(text):
    """Drops a trailing '//' comment that is not inside a string literal."""
    quoted = None
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\":
                i += 1
            elif c == quoted:
                quoted = None
        elif c in "\"'":
            quoted = c
        elif text.startswith("//", i):
            return text[:i]
        i += 1
    return text


def normalise_message(text):
    return re.sub(r"\d+", "#", text)


def assign_fingerprints(findings):
    """Sets each finding's fingerprint; findings must be sorted by file and
    line, which makes the occurrence index of identical ones stable."""
    seen = {}
    for f in findings:
        base = f.fingerprint_base()
        index = seen.get(base, 0)
        seen[base] = index + 1
        f.fingerprint = hashlib.sha256(
            ("%s:%d" % (base, index)).encode("utf-8")).hexdigest()[:32]
