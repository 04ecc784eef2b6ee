"""--diff REF: the lines a change touches, and the translation units it
reaches.

The change is the difference between the merge base of REF and HEAD and the
work tree: committed, staged and unstaged edits of the files git tracks (a
new file once it is added). So the same command serves a pull request
(--diff origin/main) and a pre-commit hook (--diff HEAD). Untracked files do
not count: in CI they are build outputs, not the change.

A translation unit is reached when its source file changed or when it
includes a changed file, directly or through other headers of the
repository. Includes are found by scanning the files for '#include' lines
and resolving them as the compiler would, with the include directories of
the unit's compile command; only files inside the repository are followed,
since a change cannot touch the others. The scan over-approximates
(an '#include' in an inactive '#if' counts). An include named by a macro
('#include CONFIG_HEADER') cannot be resolved without preprocessing, so a
unit reaching one is taken to include every changed file that is not itself
a translation unit.
"""
import os
import re
import shlex
import subprocess

from . import findings as fnd

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
INCLUDE = re.compile(r'^[ \t]*#[ \t]*(?:include|include_next|import)[ \t]*([<"])([^>"\n]+)[>"]',
                     re.M)
MACRO_INCLUDE = re.compile(r'^[ \t]*#[ \t]*(?:include|include_next|import)[ \t]+[A-Za-z_]', re.M)
# Options naming an include directory, by the search list they extend.
DIR_OPTIONS = {"-I": "angle", "--include-directory": "angle", "-isystem": "system",
               "-idirafter": "after", "-iquote": "quote"}


class DiffError(Exception):
    """--diff cannot work here; the message says why."""


def git(args, cwd):
    try:
        p = subprocess.run(["git", "-c", "core.quotePath=false"] + args, cwd=cwd,
                           capture_output=True, text=True, errors="replace")
    except OSError as e:
        raise DiffError("--diff needs git: %s" % e)
    if p.returncode != 0:
        raise DiffError("git %s failed: %s" % (" ".join(args), p.stderr.strip()))
    return p.stdout


def work_tree(start):
    """The top of the git work tree holding the directory start."""
    try:
        return os.path.realpath(git(["rev-parse", "--show-toplevel"], start).strip())
    except DiffError:
        raise DiffError("--diff needs a git work tree, and %s is not in one" % start)


class Change:
    """The lines changed since REF, by the real path of their file."""

    def __init__(self, ref, start):
        self.top = work_tree(start)
        try:
            git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], self.top)
        except DiffError:
            raise DiffError("--diff %s: no such commit in %s" % (ref, self.top))
        try:
            base = git(["merge-base", ref, "HEAD"], self.top).strip()
        except DiffError:
            base = ref  # unrelated histories, or no HEAD yet
        self.lines = parse_diff(git(["diff", "-U0", "--no-color", "--no-ext-diff",
                                     base, "--"], self.top), self.top)

    def files(self):
        return set(self.lines)

    def touches(self, path, line):
        return line in self.lines.get(os.path.realpath(path), ())


def parse_diff(text, top):
    """{real path: set of changed line numbers} from 'git diff -U0'. A
    deletion touches the lines on either side of it."""
    lines, current = {}, None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else \
                lines.setdefault(os.path.realpath(os.path.join(top, name[2:])), set())
            continue
        m = HUNK.match(line)
        if m and current is not None:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            current.update(range(start, start + count) if count else (start, start + 1))
    return lines


# --- which translation units a change reaches ----------------------------


def search_path(args, directory):
    """The include search lists of a compile command, and its forced
    includes (-include)."""
    lists = {"quote": [], "angle": [], "system": [], "after": [], "forced": []}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        for opt, kind in list(DIR_OPTIONS.items()) + [("-include", "forced")]:
            if arg == opt and i < len(args):
                value, i = args[i], i + 1
            elif arg.startswith(opt + "=") and opt.startswith("--"):
                value = arg[len(opt) + 1:]
            elif arg.startswith(opt) and not opt.startswith("--") and len(arg) > len(opt):
                value = arg[len(opt):]
            else:
                continue
            lists[kind].append(os.path.normpath(os.path.join(directory, value)))
            break
    return lists


class IncludeScanner:
    """Follows '#include' lines through the files of one repository."""

    def __init__(self, top):
        self.top = top.rstrip(os.sep) + os.sep
        self.includes = {}  # real path -> [(delimiter, name)]
        self.by_macro = set()  # real paths with an include named by a macro

    def inside(self, path):
        return path.startswith(self.top)

    def includes_of(self, path):
        if path not in self.includes:
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                self.includes[path] = INCLUDE.findall(text)
                if MACRO_INCLUDE.search(text):
                    self.by_macro.add(path)
            except OSError:
                self.includes[path] = []
        return self.includes[path]

    def resolve(self, delimiter, name, includer, lists):
        dirs = [os.path.dirname(includer)] + lists["quote"] if delimiter == '"' else []
        for d in dirs + lists["angle"] + lists["system"] + lists["after"]:
            candidate = os.path.join(d, name)
            if os.path.isfile(candidate):
                return os.path.realpath(candidate)
        return None

    def reached(self, source, lists):
        """The files of the repository the source includes, transitively."""
        start = [os.path.realpath(f) for f in [source] + lists["forced"]]
        seen, todo = set(start), list(start)
        while todo:
            current = todo.pop()
            for delimiter, name in self.includes_of(current):
                found = self.resolve(delimiter, name, current, lists)
                if found and found not in seen and self.inside(found):
                    seen.add(found)
                    todo.append(found)
        return seen


def command_args(entry):
    """The arguments of a compile database entry ('arguments', or 'command'
    split as a shell would)."""
    if "arguments" in entry:
        return list(entry["arguments"])
    try:
        return shlex.split(entry.get("command", ""))
    except ValueError:  # unbalanced quotes: clang-tidy will say so
        return entry.get("command", "").split()


def reached_units(files, commands, change):
    """The files (translation units) the change reaches. commands maps the
    absolute path of a file to the [(directory, args)] that compile it."""
    scanner = IncludeScanner(change.top)
    changed = change.files()
    # What a macro-named include may be: any changed file but the units.
    maybe_included = changed - {os.path.realpath(f) for f in files}
    picked = []
    for f in files:
        reached = set()
        for directory, args in commands.get(os.path.abspath(f)) or [(os.path.dirname(f), [])]:
            reached |= scanner.reached(f, search_path(args, directory))
        if reached & changed or (maybe_included and reached & scanner.by_macro):
            picked.append(f)
    return picked


def apply(findings, change):
    """Marks the failing findings none of whose locations (the warning's and
    its notes') is on a changed line."""
    for f in findings:
        locations = [f.location] + f.notes
        if f.fails() and not any(loc.file and change.touches(loc.file, loc.line)
                                 for loc in locations):
            f.state = fnd.OUTSIDE_DIFF
