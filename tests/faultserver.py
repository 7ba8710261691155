"""A fault-injecting HTTP server on 127.0.0.1 for the reliability tests (synthetic content only).

Unlike `LocalSite`, each route is a function writing raw bytes to the socket, so it can
misbehave below HTTP: drip a body a byte at a time, stall in the middle of the headers,
promise more bytes than it sends, reset the connection, send a gzip bomb.
"""

from __future__ import annotations

import gzip
import socket
import socketserver
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass

Handler = Callable[["Exchange"], None]


@dataclass
class Exchange:
    """One request, and the socket to answer it on."""

    sock: socket.socket
    path: str
    headers: dict[str, str]
    server: FaultServer

    def raw(self, data: bytes) -> None:
        self.sock.sendall(data)

    def send(self, status: int, body: bytes = b"", ctype: str | None = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None, length: int | None = None) -> None:
        """A complete answer; `length` overrides the Content-Length (None: the body's; -1: none, close-delimited)."""
        head = [f"HTTP/1.1 {status} X"]
        if ctype:
            head.append(f"Content-Type: {ctype}")
        size = len(body) if length is None else length
        if size >= 0:
            head.append(f"Content-Length: {size}")
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        head.append("Connection: close")
        self.raw(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    def drip(self, data: bytes, every: float) -> None:
        for i in range(len(data)):
            if self.server.stopping.is_set():
                return
            self.raw(data[i : i + 1])
            time.sleep(every)

    def reset(self) -> None:
        """Close with a TCP reset (RST), not an orderly FIN."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


# A port served once, or handed out as refusing, is not served again in this process: what a store keys by URL
# or host (page failures, a host paused by a 429, robots.txt) must not carry from one test's server to the next
# one's, and a "dead" source must stay dead.
_USED_PORTS: set[int] = set()


def _fresh_server(handler: type[socketserver.BaseRequestHandler]) -> _Server:
    rejected: list[_Server] = []
    try:
        while True:
            server = _Server(("127.0.0.1", 0), handler)
            if server.server_address[1] not in _USED_PORTS:
                _USED_PORTS.add(server.server_address[1])
                return server
            rejected.append(server)  # held open until a new port is found, so the OS offers another
    finally:
        for old in rejected:
            old.server_close()


class FaultServer:
    """Serve `routes` (path -> handler) on 127.0.0.1; use as a context manager."""

    def __init__(self, routes: dict[str, Handler] | None = None) -> None:
        self.routes: dict[str, Handler] = dict(routes or {})
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        site = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                site._handle(self.request)

        self.server = _fresh_server(_Handler)
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    def _handle(self, sock: socket.socket) -> None:
        sock.settimeout(10)
        data = b""
        try:
            while b"\r\n\r\n" not in data and len(data) < 65536:
                chunk = sock.recv(4096)
                if not chunk:
                    return
                data += chunk
        except OSError:
            return
        lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        path = parts[1] if len(parts) > 1 else "/"
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            self.requests.append((path, headers))
        handler = self.routes.get(path)
        try:
            if handler is None:
                Exchange(sock, path, headers, self).send(404, b"not found", "text/plain")
            else:
                handler(Exchange(sock, path, headers, self))
        except OSError:
            pass  # the client gave up (a deadline, a size cap): expected here


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


# --- building blocks ------------------------------------------------------------------


def ok(body: bytes, ctype: str | None = "text/html; charset=utf-8", **headers: str) -> Handler:
    return lambda ex: ex.send(200, body, ctype, headers)


def status(code: int, **headers: str) -> Handler:
    named = {k.replace("_", "-"): v for k, v in headers.items()}
    return lambda ex: ex.send(code, b"fault injected", "text/plain", named)


def redirect(location: str, code: int = 302) -> Handler:
    return lambda ex: ex.send(code, b"", None, {"Location": location})


def drip(body: bytes, every: float = 0.2, ctype: str = "text/html; charset=utf-8") -> Handler:
    """Headers at once, then the body one byte every `every` seconds."""
    def handler(ex: Exchange) -> None:
        ex.raw(f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode())
        ex.drip(body, every)
    return handler


def stalled_headers(every: float = 0.2) -> Handler:
    """The status line, then the headers one byte every `every` seconds, never finishing."""
    def handler(ex: Exchange) -> None:
        ex.raw(b"HTTP/1.1 200 OK\r\n")
        ex.drip(b"X-Slow: " + b"a" * 10_000, every)
    return handler


def truncated(body: bytes, sent: int, ctype: str = "text/html; charset=utf-8") -> Handler:
    """Promise `len(body)` bytes, send `sent`, close cleanly."""
    def handler(ex: Exchange) -> None:
        ex.raw(f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
               + body[:sent])
    return handler


def reset_mid_body(body: bytes, sent: int) -> Handler:
    def handler(ex: Exchange) -> None:
        ex.raw(f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n".encode()
               + body[:sent])
        time.sleep(0.05)
        ex.reset()
    return handler


def huge(size: int, declared: bool, chunk: bytes = b"<p>filler</p>\n" * 4096) -> Handler:
    """`size` bytes of HTML, with or without a Content-Length (close-delimited)."""
    def handler(ex: Exchange) -> None:
        ex.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
               + (f"Content-Length: {size}\r\n".encode() if declared else b"") + b"Connection: close\r\n\r\n")
        left = size
        while left > 0 and not ex.server.stopping.is_set():
            piece = chunk[: min(left, len(chunk))]
            ex.raw(piece)
            left -= len(piece)
    return handler


_BOMB_SIZE = 200 * 1024 * 1024  # 200 MiB of zeros, sent compressed (about 200 KB)


def gzip_bomb(ctype: str = "text/html") -> Handler:
    blob = gzip.compress(b"\0" * _BOMB_SIZE, compresslevel=9)
    return lambda ex: ex.send(200, blob, ctype, {"Content-Encoding": "gzip"})


def deflate_bomb(ctype: str = "text/html") -> Handler:
    blob = zlib.compress(b"<p>" + b" " * _BOMB_SIZE, 9)
    return lambda ex: ex.send(200, blob, ctype, {"Content-Encoding": "deflate"})


def refuse_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused), and where no FaultServer of this
    process will ever listen: the OS may offer a port it just freed to the next server that binds port 0."""
    while True:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
        s.close()
        if port not in _USED_PORTS:
            _USED_PORTS.add(port)
            return port
