"""SARIF 2.1.0, as GitHub code scanning reads it: one run, a rule per check
with its documentation, results with repository-relative locations (base
%SRCROOT%), the notes as related locations and as a code flow (the story of
the finding: thread started, conflicting access, lock held, then the flagged
line), and partial fingerprints that do not depend on line numbers."""
import urllib.parse
import urllib.request

from . import findings as fnd
from . import rules as rls

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"


def file_uri(path, is_dir=False):
    uri = "file://" + urllib.request.pathname2url(path)
    return uri + "/" if is_dir and not uri.endswith("/") else uri


def artifact(loc):
    if loc.inside_root:
        return {"uri": urllib.parse.quote(loc.path), "uriBaseId": SRCROOT}
    return {"uri": file_uri(loc.path)}


def region(loc):
    r = {"startLine": loc.line}
    if loc.col:
        r.update(startColumn=loc.col, endColumn=loc.end_col)
    return r


def location(loc, message=None):
    result = {}
    if loc.path and loc.line:
        result["physicalLocation"] = {"artifactLocation": artifact(loc), "region": region(loc)}
    if message:
        result["message"] = {"text": message}
    return result


def rule(r):
    data = {
        "id": r.id,
        "name": r.id,
        "shortDescription": {"text": r.short},
        "fullDescription": {"text": r.full},
        "defaultConfiguration": {"level": "warning"},
    }
    if r.markdown:
        data["help"] = {"text": r.markdown, "markdown": r.markdown}
    if r.help_uri:
        data["helpUri"] = r.help_uri
    return data


def result(f, rule_index, compared):
    data = {
        "ruleId": f.check,
        "ruleIndex": rule_index[f.check],
        "level": f.level,
        "message": {"text": f.message},
        "locations": [location(f.location)],
        "partialFingerprints": {fnd.FINGERPRINT_VERSION: f.fingerprint},
    }
    related = [dict(location(n, n.message), id=i) for i, n in enumerate(f.notes, 1)]
    if related:
        data["relatedLocations"] = related
        data["codeFlows"] = [code_flow(f)]
    if compared:
        data["baselineState"] = "new" if f.fails() else "unchanged"
    return data


def code_flow(f):
    """The notes in the order the check gave them, ending at the finding (once,
    when the last note already points there)."""
    steps = [location(n, n.message) for n in f.notes if n.path and n.line]
    last = f.notes[-1] if f.notes else None
    if not (last and (last.path, last.line, last.col) ==
            (f.location.path, f.location.line, f.location.col)):
        steps.append(location(f.location, f.message))
    return {"threadFlows": [{"locations": [{"location": s} for s in steps]}]}


def notification(e):
    return {"level": "error", "message": {"text": e.message},
            "locations": [location(e.location)]}


def rule_ids(report):
    """The mapsafety checks, then any other check that reported."""
    ids = sorted(rls.SHORT_DESCRIPTIONS)
    ids += sorted({f.check for f in report.findings} - set(ids))
    return ids


def log(report, version, root_dir):
    """The SARIF log of the report, as a JSON-ready dict."""
    dirs = rls.docs_dirs(root_dir)
    rules = [rls.Rule(check, dirs) for check in rule_ids(report)]
    rule_index = {r.id: i for i, r in enumerate(rules)}
    run = {
        "tool": {"driver": {
            "name": "mapsafety",
            "version": version,
            "semanticVersion": version,
            "rules": [rule(r) for r in rules],
        }},
        "invocations": [{
            "executionSuccessful": not report.incomplete,
            "toolExecutionNotifications": [notification(e) for e in report.errors],
        }],
        "results": [result(f, rule_index, report.compared) for f in report.findings],
        "columnKind": "unicodeCodePoints",
    }
    if report.root:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": file_uri(report.root, is_dir=True)}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
