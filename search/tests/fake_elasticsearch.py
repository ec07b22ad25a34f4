"""A stand-in Elasticsearch HTTP server for tests on machines where none can run.

It speaks just enough of the REST API for the official client to talk to it, records every
request, and answers from canned responses. It does not search: the behaviour suite runs against
a real server when ELASTICSEARCH_URL is set. These tests check what our backend sends and how it
reads real-shaped answers.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeElasticsearch:
    def __init__(self):
        self.requests: list[tuple[str, str, object]] = []
        self.responses: dict[tuple[str, str], object] = {}
        self.aliases: dict[str, list[str]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = raw.decode() if raw else ""
                if body and "ndjson" in self.headers.get("Content-Type", ""):
                    parsed = [json.loads(line) for line in body.splitlines() if line.strip()]
                elif body:
                    parsed = json.loads(body)
                else:
                    parsed = None
                path = self.path.split("?")[0]
                server.requests.append((method, self.path, parsed))
                status, payload = server.answer(method, path, parsed)
                data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if method != "HEAD":
                    self.wfile.write(data)

            def do_GET(self):
                self._answer("GET")

            def do_POST(self):
                self._answer("POST")

            def do_PUT(self):
                self._answer("PUT")

            def do_DELETE(self):
                self._answer("DELETE")

            def do_HEAD(self):
                self._answer("HEAD")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, method, path, body):
        if (method, path) in self.responses:
            return 200, self.responses[(method, path)]
        parts = [part for part in path.split("/") if part]
        if method == "HEAD" and len(parts) == 2 and parts[0] == "_alias":
            return (200 if parts[1] in self.aliases else 404), None
        if method == "GET" and len(parts) == 2 and parts[0] == "_alias":
            if parts[1] not in self.aliases:
                return 404, {"error": "alias missing", "status": 404}
            return 200, {index: {"aliases": {parts[1]: {}}} for index in self.aliases[parts[1]]}
        if method == "POST" and parts == ["_aliases"]:
            for action in body["actions"]:
                for verb, spec in action.items():
                    names = self.aliases.setdefault(spec["alias"], [])
                    if verb == "add":
                        names.append(spec["index"])
                    elif spec["index"] in names:
                        names.remove(spec["index"])
            return 200, {"acknowledged": True}
        if method in ("POST", "PUT") and parts and parts[-1] == "_bulk":
            items = [
                {next(iter(line)): {"_id": line[next(iter(line))].get("_id"), "status": 200}}
                for line in body
                if isinstance(line, dict) and next(iter(line)) in ("index", "delete")
            ]
            return 200, {"errors": False, "took": 1, "items": items}
        if method == "PUT" and parts[:1] == ["_synonyms"]:
            return 200, {"result": "created"}
        if method == "PUT" and len(parts) == 1:
            return 200, {"acknowledged": True, "index": parts[0]}
        if method == "POST" and parts and parts[-1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if method == "DELETE":
            return 200, {"acknowledged": True}
        return 404, {"error": f"no fake for {method} {path}", "status": 404}

    def bodies(self, method: str | None, path_end: str) -> list:
        """Bodies of the requests to a path ending so (any method when method is None)."""
        return [
            body
            for verb, path, body in self.requests
            if method in (None, verb) and path.split("?")[0].endswith(path_end)
        ]
