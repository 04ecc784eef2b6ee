"""Baselines: the findings a project has accepted for now, by fingerprint, so
that only new ones fail the run.

The file is JSON: {"version": 1, "findings": [{"fingerprint", "check",
"file", "message"}, ...]}. Only the fingerprints count; the other fields say
what was accepted, for the reviewer of the file. There are no line numbers,
so rewriting the baseline after unrelated edits changes nothing.
"""
import json

from . import findings as fnd

VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be used."""


def read(path):
    """The fingerprints recorded in the baseline file at path."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as e:
        raise BaselineError("cannot read the baseline %s: %s" % (path, e.strerror))
    except ValueError as e:
        raise BaselineError("the baseline %s is not JSON: %s" % (path, e))
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != VERSION or \
            not all(isinstance(e, dict) and "fingerprint" in e for e in entries):
        raise BaselineError("%s is not a mapsafety baseline (version %d); write one with "
                            "--write-baseline" % (path, VERSION))
    return {e["fingerprint"] for e in entries}


def write(path, findings):
    entries = [{"fingerprint": f.fingerprint, "check": f.check, "file": f.location.path,
                "message": f.message} for f in findings]
    try:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"version": VERSION, "findings": entries}, fh, indent=2,
                      ensure_ascii=False)
            fh.write("\n")
    except OSError as e:
        raise BaselineError("cannot write the baseline %s: %s" % (path, e.strerror))


def apply(findings, fingerprints):
    """Marks the findings the baseline accepts."""
    for f in findings:
        if f.fingerprint in fingerprints:
            f.state = fnd.BASELINED
