#!/usr/bin/env python3
"""Drives scripts/mapsafety-lsp as an editor would and checks what it says.

drive_server.py SCENARIO WORKDIR SERVER...

Prints a transcript for FileCheck; exits non-zero when an expectation fails.
"""
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import (LspClient, expect, file_uri, initialize,  # noqa: E402
                        open_file, show)

HERE = os.path.dirname(os.path.abspath(__file__))


def make_project(workdir, source="erase-loop.cpp"):
    """A project with a compile database naming one source file."""
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(os.path.join(workdir, "build"))
    src = os.path.join(workdir, "main.cpp")
    shutil.copy(os.path.join(HERE, source), src)
    with open(os.path.join(workdir, "build", "compile_commands.json"), "w") as fh:
        json.dump([{"directory": workdir, "file": src,
                    "arguments": ["clang++", "-std=c++17", "-c", src]}], fh)
    return src


def scenario_findings(workdir, server):
    """Open a file with a hazard, get its diagnostic and fix-it, fix the file,
    save, see the diagnostic go; close clears."""
    src = make_project(workdir)
    client = LspClient(server, cwd=workdir)
    caps = initialize(client, workdir)["result"]["capabilities"]
    print("capabilities: sync=%s codeAction=%s" % (
        caps["textDocumentSync"]["change"], "codeActionProvider" in caps))
    uri = open_file(client, src)
    diags = client.diagnostics(uri)
    show(diags)
    expect(len(diags) == 1, "one finding")

    actions = client.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diags[0]["range"],
        "context": {"diagnostics": diags}})["result"]
    for a in actions:
        edits = a["edit"]["changes"][uri]
        print("action %s: %s (%d edits)" % (a["kind"], a["title"], len(edits)))
    expect(actions, "a quick fix")

    # Apply the fix as an editor would, save: the finding goes away.
    with open(src, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for e in sorted(actions[0]["edit"]["changes"][uri],
                    key=lambda e: (e["range"]["start"]["line"],
                                   e["range"]["start"]["character"]), reverse=True):
        s, t = e["range"]["start"], e["range"]["end"]
        text = "\n".join(lines)
        offset = lambda p: sum(len(l) + 1 for l in lines[:p["line"]]) + p["character"]
        text = text[:offset(s)] + e["newText"] + text[offset(t):]
        lines = text.split("\n")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": "\n".join(lines)}]})
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    diags = client.diagnostics(uri)
    print("after the fix: %d diagnostics" % len(diags))
    expect(not diags, "no finding after the fix")
    none = client.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                "end": {"line": 99, "character": 0}},
        "context": {"diagnostics": []}})["result"]
    print("actions after the fix: %d" % len(none))

    # Break it again, then close: the close clears the diagnostics.
    shutil.copy(os.path.join(HERE, "erase-loop.cpp"), src)
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    expect(client.diagnostics(uri), "the finding is back")
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    diags = client.diagnostics(uri)
    print("after close: %d diagnostics" % len(diags))
    expect(not diags, "close clears")
    print("exit status %d" % client.shutdown())


def scenario_cancel(workdir, server):
    """A slow analysis does not block requests, and a newer save cancels it:
    its stale result is never published."""
    src = make_project(workdir)
    env = dict(os.environ, MAPSAFETY_LSP_COMMAND=os.path.join(HERE, "slow-mapsafety"),
               SLOW_MAPSAFETY_PIDS=os.path.join(workdir, "pids"),
               REAL_MAPSAFETY=os.path.join(os.path.dirname(server[-1]), "mapsafety"))
    client = LspClient(server, env=env, cwd=workdir)
    initialize(client, workdir)
    uri = open_file(client, src)
    # The first run sleeps; wait until it has started.
    deadline = time.time() + 30
    while not os.path.exists(env["SLOW_MAPSAFETY_PIDS"]) and time.time() < deadline:
        time.sleep(0.05)
    start = time.time()
    client.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})
    waited = time.time() - start
    print("request answered during the analysis: %s" % (waited < 5))
    expect(waited < 5, "answered in %.1fs" % waited)

    # Fixed on disk and saved: the slow run of the broken text is cancelled.
    with open(os.path.join(HERE, "clean.cpp"), encoding="utf-8") as fh:
        clean = fh.read()
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(clean)
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": clean}]})
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    diags = client.diagnostics(uri)
    print("published after the save: %d diagnostics" % len(diags))
    expect(not diags, "the newer, clean result")
    with open(env["SLOW_MAPSAFETY_PIDS"]) as fh:
        first = int(fh.readline())
    time.sleep(0.5)
    alive = True
    try:
        os.kill(first, 0)
    except OSError:
        alive = False
    print("first run still alive: %s" % alive)
    expect(not alive, "the first run was killed")
    # Nothing stale arrives later.
    time.sleep(1)
    stale = [m for m in client.pending if m.get("method") == "textDocument/publishDiagnostics"]
    print("stale publications: %d" % len(stale))
    expect(not stale, "no stale result")
    print("exit status %d" % client.shutdown())


def scenario_errors(workdir, server):
    """Malformed and unknown messages get errors; the server keeps serving."""
    os.makedirs(workdir, exist_ok=True)
    client = LspClient(server, cwd=workdir)
    early = client.call("textDocument/codeAction", {})
    print("before initialize: %d" % early["error"]["code"])
    initialize(client, workdir)
    client.send_raw("{this is not json")
    print("bad JSON: %d" % client.wait_for(lambda m: m.get("id") is None
                                           and "error" in m)["error"]["code"])
    client.send_raw("[1, 2]")
    print("not an object: %d" % client.wait_for(lambda m: m.get("id") is None
                                                 and "error" in m)["error"]["code"])
    client.send({"id": 77, "params": {}})
    print("no method: %d" % client.response(77)["error"]["code"])
    print("unknown method: %d" % client.call("workspace/frobnicate", {})["error"]["code"])
    print("missing params: %d" % client.call("textDocument/codeAction", {})["error"]["code"])
    print("params not an object: %d" % client.call("textDocument/codeAction", 5)["error"]["code"])
    client.notify("textDocument/didOpen", {"nonsense": True})
    print("bad notification: %s" % client.wait_for(
        lambda m: m.get("method") == "window/logMessage")["params"]["message"][:40])
    client.notify("$/unknownNotification", {})
    client.send_raw(b"\xff\xfe")
    print("bad UTF-8: %d" % client.wait_for(lambda m: m.get("id") is None
                                            and "error" in m)["error"]["code"])
    client.proc.stdin.write(b"Bogus-Header\r\n\r\n")
    client.proc.stdin.flush()
    print("bad header: %d" % client.wait_for(lambda m: m.get("id") is None
                                             and "error" in m)["error"]["code"])
    # A file that is not C or C++ is not analysed.
    txt = os.path.join(workdir, "notes.txt")
    with open(txt, "w") as fh:
        fh.write("hello\n")
    open_file(client, txt, language="plaintext")
    print("still serving: %s" % ("result" in client.call("textDocument/codeAction", {
        "textDocument": {"uri": file_uri(txt)},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})))
    print("exit status %d" % client.shutdown())
    # Exit without shutdown: status 1, as the protocol asks.
    client = LspClient(server, cwd=workdir)
    initialize(client, workdir)
    client.notify("exit", None)
    print("exit without shutdown: %d" % client.proc.wait(timeout=30))


def main():
    scenario, workdir, server = sys.argv[1], sys.argv[2], sys.argv[3:]
    globals()["scenario_" + scenario](workdir, server)


if __name__ == "__main__":
    main()
