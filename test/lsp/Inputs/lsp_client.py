"""A minimal LSP client for tests: starts a server, frames messages, waits
for responses and notifications with a deadline."""
import json
import os
import queue
import subprocess
import threading
import time


class LspClient:
    def __init__(self, cmd, env=None, cwd=None):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, cwd=cwd)
        self.next_id = 0
        self.inbox = queue.Queue()
        self.pending = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def send_raw(self, body):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        self.send_raw(json.dumps(message))

    def request(self, method, params=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.next_id

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def wait_for(self, predicate, timeout=60):
        """The first message (kept or new) that satisfies predicate."""
        for i, message in enumerate(self.pending):
            if predicate(message):
                return self.pending.pop(i)
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("timed out; unmatched messages: %s"
                                     % json.dumps(self.pending)[:2000])
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError("the server closed its output; unmatched: %s"
                                     % json.dumps(self.pending)[:2000])
            if predicate(message):
                return message
            self.pending.append(message)

    def response(self, id, timeout=60):
        return self.wait_for(lambda m: m.get("id") == id and "method" not in m,
                             timeout)

    def call(self, method, params=None, timeout=60):
        return self.response(self.request(method, params), timeout)

    def diagnostics(self, uri, timeout=60, predicate=lambda d: True):
        return self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri and predicate(m["params"]["diagnostics"]),
            timeout)["params"]["diagnostics"]

    def shutdown(self):
        self.call("shutdown")
        self.notify("exit", None)
        return self.proc.wait(timeout=30)


def file_uri(path):
    import urllib.request
    return "file://" + urllib.request.pathname2url(os.path.abspath(path))


def initialize(client, root, options=None):
    response = client.call("initialize", {
        "processId": os.getpid(), "rootUri": file_uri(root),
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True,
                                   "codeDescriptionSupport": True},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                "valueSet": ["quickfix", "refactor", "source"]}}}}},
        "initializationOptions": options or {}})
    client.notify("initialized", {})
    return response


def open_file(client, path, language="cpp", version=1):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": file_uri(path), "languageId": language, "version": version,
        "text": text}})
    return file_uri(path)


def show(diagnostics):
    """Prints diagnostics one line each, with their link and notes."""
    for d in diagnostics:
        r = d["range"]
        print("diagnostic %d:%d-%d:%d source=%s code=%s severity=%d: %s" % (
            r["start"]["line"], r["start"]["character"], r["end"]["line"],
            r["end"]["character"], d.get("source"), d.get("code"), d["severity"],
            d["message"].split("\n")[0]))
        if "href" in d.get("codeDescription", {}):
            print("  href %s" % d["codeDescription"]["href"])
        for info in d.get("relatedInformation", []):
            loc = info["location"]
            print("  note %s:%d:%d: %s" % (os.path.basename(loc["uri"]),
                                           loc["range"]["start"]["line"],
                                           loc["range"]["start"]["character"],
                                           info["message"]))


def expect(condition, what):
    if not condition:
        raise AssertionError(what)
