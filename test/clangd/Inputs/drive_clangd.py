#!/usr/bin/env python3
"""Drives clangd-mapsafety over LSP as an editor would.

drive_clangd.py SCENARIO WORKDIR CLANGD...

Prints a transcript for FileCheck; exits non-zero when an expectation fails.
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "lsp", "Inputs"))
from lsp_client import (LspClient, expect, initialize, open_file,  # noqa: E402
                        show)

INPUTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "lsp", "Inputs")


def make_project(workdir, clangd_config):
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(os.path.join(workdir, "build"))
    src = os.path.join(workdir, "main.cpp")
    shutil.copy(os.path.join(INPUTS, "erase-loop.cpp"), src)
    with open(os.path.join(workdir, "build", "compile_commands.json"), "w") as fh:
        json.dump([{"directory": workdir, "file": src,
                    "arguments": ["clang++", "-std=c++17", "-c", src]}], fh)
    with open(os.path.join(workdir, ".clangd"), "w") as fh:
        fh.write(clangd_config)
    return src


def start(workdir, clangd):
    # An empty user configuration, so that the test sees only the project's.
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, "xdg"),
               HOME=workdir)
    client = LspClient(clangd + ["--log=error", "--background-index=false"],
                       env=env, cwd=workdir)
    initialize(client, workdir)
    return client


def scenario_findings(workdir, clangd):
    """Diagnostic with check name, range and notes; its fix-it as a code
    action; NOLINT silences it."""
    src = make_project(workdir, "Diagnostics:\n  ClangTidy:\n    Add: mapsafety-*\n"
                                "    FastCheckFilter: Loose\n")
    client = start(workdir, clangd)
    uri = open_file(client, src)
    diags = client.diagnostics(uri, timeout=120)
    show(diags)
    expect(any(d.get("code") == "mapsafety-mutation-during-iteration" for d in diags),
           "the mapsafety diagnostic")
    expect(not any(d["severity"] == 1 for d in diags),
           "no errors: the builtin headers were found")
    ours = [d for d in diags if d.get("code") == "mapsafety-mutation-during-iteration"]
    actions = client.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ours[0]["range"],
        "context": {"diagnostics": ours}}, timeout=120)["result"]
    for a in actions:
        edit = a.get("edit", {})
        edits = edit.get("changes", {}).get(uri) or [
            e for dc in edit.get("documentChanges", []) for e in dc.get("edits", [])]
        print("action %s: %s (%d edits)" % (a.get("kind"), a["title"], len(edits)))
    expect(any(a.get("kind") == "quickfix" and "NOLINT" not in a["title"]
               for a in actions), "the fix-it as a quick fix")

    # NOLINT on the line: the diagnostic goes.
    with open(src, encoding="utf-8") as fh:
        text = fh.read()
    text = text.replace("m.erase(it);",
                        "m.erase(it); // NOLINT(mapsafety-mutation-during-iteration)")
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]})
    diags = client.diagnostics(uri, timeout=120)
    print("with NOLINT: %d mapsafety diagnostics" % sum(
        1 for d in diags if str(d.get("code", "")).startswith("mapsafety-")))
    print("exit status %d" % client.shutdown())


def scenario_strict(workdir, clangd):
    """Under clangd's default FastCheckFilter (Strict), only checks of known
    latency run: the mapsafety checks listed in clangd/CheckLatency.def."""
    src = make_project(workdir, "Diagnostics:\n  ClangTidy:\n    Add: mapsafety-*\n")
    client = start(workdir, clangd)
    uri = open_file(client, src)
    diags = client.diagnostics(uri, timeout=120)
    print("default filter: %d mapsafety diagnostics" % sum(
        1 for d in diags if str(d.get("code", "")).startswith("mapsafety-")))
    print("exit status %d" % client.shutdown())


def main():
    scenario, workdir, clangd = sys.argv[1], sys.argv[2], sys.argv[3:]
    globals()["scenario_" + scenario](workdir, clangd)


if __name__ == "__main__":
    main()
