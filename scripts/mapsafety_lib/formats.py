"""The machine-readable output formats of scripts/mapsafety (all but text):
json for scripts, sarif for code scanning, github for workflow annotations,
codequality for GitLab. Each writes the whole report at once, in the order
of the findings, so the output does not depend on -j."""
import json

from . import findings as fnd
from . import sarif

FORMATS = ("text", "json", "sarif", "github", "codequality")
JSON_VERSION = 1


class Report:
    """What a run found, ready to print."""

    def __init__(self, root, findings, errors, units, incomplete, compared, show_all):
        self.root = root              # repository root the paths are relative to
        self.findings = findings      # sorted, fingerprinted, each with its state
        self.errors = errors          # compile errors (findings of no check)
        self.units = units            # number of translation units analysed
        self.incomplete = incomplete  # files whose analysis failed in part
        self.compared = compared      # a baseline or a diff decided the states
        self.show_all = show_all      # also print findings that do not fail

    def shown(self):
        """The findings the human-facing formats print."""
        return [f for f in self.findings if self.show_all or f.fails()]

    def count(self, state):
        return sum(f.state == state for f in self.findings)


def write(fmt, report, out, version, root_dir):
    if fmt == "json":
        write_json(report, out, version)
    elif fmt == "sarif":
        dump(sarif.log(report, version, root_dir), out)
    elif fmt == "github":
        write_github(report, out)
    elif fmt == "codequality":
        write_codequality(report, out)


def dump(data, out):
    json.dump(data, out, indent=2, sort_keys=False, ensure_ascii=False)
    out.write("\n")


# --- json -------------------------------------------------------------------


def location_json(loc):
    return {"file": loc.path, "line": loc.line, "column": loc.col, "message": loc.message}


def finding_json(f):
    return {
        "check": f.check,
        "level": f.level,
        "file": f.location.path,
        "line": f.location.line,
        "column": f.location.col,
        "end_column": f.location.end_col,
        "message": f.message,
        "notes": [location_json(n) for n in f.notes],
        "fingerprint": f.fingerprint,
        "state": f.state,
    }


def write_json(report, out, version):
    dump({
        "version": JSON_VERSION,
        "tool": {"name": "mapsafety", "version": version},
        "root": report.root,
        "findings": [finding_json(f) for f in report.findings],
        "errors": [location_json(e.location) for e in report.errors],
        "summary": {
            "translation_units": report.units,
            "failing": report.count(fnd.NEW),
            "baselined": report.count(fnd.BASELINED),
            "outside_diff": report.count(fnd.OUTSIDE_DIFF),
            "incomplete": report.incomplete,
        },
    }, out)


# --- github workflow commands ----------------------------------------------


def escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def note_line(note):
    where = "%s:%d:%d: " % (note.path, note.line, note.col) if note.path else ""
    return where + "note: " + note.message


def workflow_command(level, loc, title, message):
    props = []
    if loc.path:
        props.append("file=" + escape_property(loc.path))
        if loc.line:
            props.append("line=%d" % loc.line)
        if loc.col:
            props += ["col=%d" % loc.col, "endColumn=%d" % loc.end_col]
    props.append("title=" + escape_property(title))
    return "::%s %s::%s\n" % (level, ",".join(props), escape_data(message))


def write_github(report, out):
    """GitHub Actions workflow commands: each finding becomes an annotation
    on the pull request's diff and in the job summary."""
    for f in report.shown():
        message = "\n".join([f.message] + [note_line(n) for n in f.notes])
        out.write(workflow_command(f.level, f.location, f.check, message))
    for e in report.errors:
        out.write(workflow_command("error", e.location, "compile error", e.message))


# --- GitLab code quality -----------------------------------------------------


def write_codequality(report, out):
    """The Code Climate JSON subset GitLab's code quality report reads."""
    dump([{
        "description": f.message,
        "check_name": f.check,
        "fingerprint": f.fingerprint,
        "severity": "critical" if f.level == "error" else "major",
        "location": {"path": f.location.path, "lines": {"begin": f.location.line}},
    } for f in report.shown()], out)
