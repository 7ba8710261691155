"""A small HTTP server on 127.0.0.1 serving fixed pages: the demo's synthetic site,
and the server tests and benchmarks talk to (it can misbehave on demand).

Each route answers with its body, an ETag, and 304 to a matching If-None-Match.
Faults per route: a status code, a delay (seconds), a redirect, dropped validators, or a
drip (the body sent one byte at a time, slowly).
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    redirect: str | None = None
    etag: bool = True  # False: a server that never sends validators (so never 304)
    headers: dict[str, str] = field(default_factory=dict)
    drip: float = 0.0  # seconds between bytes of the body (a server that sends 1 byte/s: 1.0)


class LocalSite:
    """Serve `routes` (path -> Route) on 127.0.0.1; use as a context manager."""

    def __init__(self, routes: dict[str, Route] | None = None, port: int = 0) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests served at once (politeness tests)
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site._serve(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = _QuietServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            self._answer(req)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer(self, req: BaseHTTPRequestHandler) -> None:
        path = urlsplit(req.path).path
        key = path if path in self.routes else req.path
        with self._lock:
            self.hits[key] = self.hits.get(key, 0) + 1
            self.requests.append((req.path, {k.lower(): v for k, v in req.headers.items()}))
        route = self.routes.get(key)
        if route is None:
            return _send(req, 404, b"not found", "text/plain")
        if route.delay:
            time.sleep(route.delay)
        if route.redirect:
            return _send(req, 302, b"", "text/plain", {"Location": route.redirect})
        if route.status != 200:
            return _send(req, route.status, b"fault injected", "text/plain", route.headers)
        headers = dict(route.headers)
        if route.etag:
            tag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            headers["ETag"] = tag
            if req.headers.get("If-None-Match") == tag:
                return _send(req, 304, b"", None, headers)
        return _send(req, 200, route.body, route.content_type, headers, drip=route.drip)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up early (timeouts, size caps) are expected here


def _send(req: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str | None,
          headers: dict[str, str] | None = None, drip: float = 0.0) -> None:
    try:
        req.send_response(status)
        if ctype and status != 304:
            req.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            req.send_header(k, v)
        if status != 304:
            req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        if status != 304 and drip:
            for i in range(len(body)):
                req.wfile.write(body[i : i + 1])
                req.wfile.flush()
                time.sleep(drip)
        elif status != 304:
            req.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. a timeout test)
        pass
