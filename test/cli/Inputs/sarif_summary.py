#!/usr/bin/env python3
"""sarif_summary.py [--rules|--fingerprints] LOG: the parts of a SARIF log
the tests pin, one line each, for FileCheck and diff.

  (default)       the run's tool, base URI and every result with its
                  location, related locations, code flow and fingerprints
  --rules         the ids of the rules that have a documentation page
  --fingerprints  ruleId and fingerprints of each result, without lines
"""
import json
import sys


def where(loc):
    phys = loc.get("physicalLocation")
    if not phys:
        return "(no location)"
    art, reg = phys["artifactLocation"], phys["region"]
    return "%s base=%s region=%d:%d-%d" % (
        art["uri"], art.get("uriBaseId", "-"), reg["startLine"],
        reg.get("startColumn", 0), reg.get("endColumn", 0))


def step_text(loc):
    phys = loc["physicalLocation"]
    return "%s:%d:%d" % (phys["artifactLocation"]["uri"], phys["region"]["startLine"],
                         phys["region"].get("startColumn", 0))


def rule_line(rule):
    return "rule %s level=%s short=%s full=%s help=%s helpUri=%s" % (
        rule["id"], rule["defaultConfiguration"]["level"],
        bool(rule["shortDescription"]["text"]), bool(rule["fullDescription"]["text"]),
        bool(rule.get("help", {}).get("markdown")), rule.get("helpUri", "-"))


def summary(log):
    run, = log["runs"]
    driver = run["tool"]["driver"]
    rules = driver["rules"]
    print("sarif %s driver %s %s" % (log["version"], driver["name"], driver["version"]))
    for rule in rules:
        print(rule_line(rule))
    for base, value in sorted(run.get("originalUriBaseIds", {}).items()):
        print("base %s %s" % (base, value["uri"]))
    invocation, = run["invocations"]
    print("executionSuccessful=%s" % invocation["executionSuccessful"])
    for n in invocation.get("toolExecutionNotifications", []):
        print("notification %s %s: %s" % (n["level"], where(n["locations"][0]),
                                          n["message"]["text"]))
    for r in run["results"]:
        consistent = rules[r["ruleIndex"]]["id"] == r["ruleId"]
        print("result %s ruleIndex-consistent=%s level=%s %s state=%s" % (
            r["ruleId"], consistent, r["level"], where(r["locations"][0]),
            r.get("baselineState", "-")))
        print("  message %s" % r["message"]["text"])
        for rel in r.get("relatedLocations", []):
            print("  related %d %s: %s" % (rel["id"], where(rel), rel["message"]["text"]))
        for flow in r.get("codeFlows", []):
            for thread in flow["threadFlows"]:
                print("  flow " + " -> ".join(step_text(step["location"])
                                               for step in thread["locations"]))
        for key, value in sorted(r["partialFingerprints"].items()):
            print("  fingerprint %s=%s" % (key, value))


def main(argv):
    with open(argv[-1], encoding="utf-8") as fh:
        log = json.load(fh)
    if "--rules" in argv:
        for rule in log["runs"][0]["tool"]["driver"]["rules"]:
            if rule.get("help", {}).get("markdown"):
                print(rule["id"])
    elif "--fingerprints" in argv:
        for r in log["runs"][0]["results"]:
            print(r["ruleId"], sorted(r["partialFingerprints"].items()))
    else:
        summary(log)


main(sys.argv[1:])
