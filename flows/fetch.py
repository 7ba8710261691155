"""HTTP for newswatch: the only module that sees httpx.

Timeouts, a body-size cap, a redirect cap, conditional GET, a User-Agent naming the
project, and a guard that refuses non-public addresses (checked on the resolved address
of every request, so every redirect hop too) unless `allow_private_networks` is set.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx

from newswatch.errors import FetchError, PermanentFetchError, TransientFetchError
from newswatch.settings import FetchSettings

_TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _GuardedTransport(httpx.HTTPTransport):
    """Refuses loopback, private, link-local and other non-public destinations."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        check_public_host(request.url.host, request.url.port or (443 if request.url.scheme == "https" else 80))
        return super().handle_request(request)


def check_public_host(host: str, port: int) -> None:
    """Raise PermanentFetchError unless every address `host` resolves to is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TransientFetchError(f"cannot resolve {host}: {exc}", url=host) from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global or addr.is_multicast:
            raise PermanentFetchError(
                f"refusing to connect to {host} ({addr}): not a public address "
                "(set [fetch] allow_private_networks = true to allow)",
                url=host,
            )


def make_client(settings: FetchSettings) -> httpx.Client:
    """An httpx client with newswatch's limits; share one per run (it is thread-safe)."""
    transport: httpx.HTTPTransport = (
        httpx.HTTPTransport(retries=0)
        if settings.allow_private_networks
        else _GuardedTransport(retries=0)
    )
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.timeout_s),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        limits=httpx.Limits(max_connections=max(settings.concurrency, 8), max_keepalive_connections=32),
    )


def fetch(
    client: httpx.Client,
    url: str,
    *,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
    retries: int = 1,
    accept: str | None = None,
) -> FetchResult:
    """GET `url`, conditionally when `etag`/`last_modified` are given.

    Returns 2xx and 304 responses; raises TransientFetchError (retried `retries` times
    first, honouring a short Retry-After) or PermanentFetchError otherwise.
    """
    attempt = 0
    while True:
        try:
            return _fetch_once(client, url, max_bytes, etag, last_modified, accept)
        except TransientFetchError as exc:
            if attempt >= retries:
                raise
            attempt += 1
            time.sleep(min(0.5 * attempt if exc.retry_after is None else exc.retry_after, 5.0))


def _fetch_once(
    client: httpx.Client,
    url: str,
    max_bytes: int,
    etag: str | None,
    last_modified: str | None,
    accept: str | None,
) -> FetchResult:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    if accept:
        headers["Accept"] = accept
    with _http_errors(url), client.stream("GET", url, headers=headers) as response:
        _check_status(response, url, max_bytes)
        chunks = list(_capped(response.iter_bytes(), url, max_bytes))
        return FetchResult(
            url=str(response.url),
            status=response.status_code,
            body=b"".join(chunks),
            content_type=response.headers.get("Content-Type"),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            fetched_at=datetime.now(UTC),
        )


def download(client: httpx.Client, url: str, dest: Path, *, max_bytes: int) -> None:
    """Stream `url` into the file `dest` as the server sends it (a .warc.gz stays gzipped),
    never holding the body in memory; same errors, guard and size cap as `fetch`."""
    with _http_errors(url), client.stream("GET", url, headers={"Accept-Encoding": "identity"}) as response:
        _check_status(response, url, max_bytes)
        with dest.open("wb") as out:
            for chunk in _capped(response.iter_raw(1 << 20), url, max_bytes):
                out.write(chunk)


def post_json(client: httpx.Client, url: str, payload: object, *, timeout_s: float) -> int:
    """POST `payload` as JSON to `url` (no redirects followed: a 3xx is a failure); returns the
    2xx status. Same guard and errors as `fetch`; the response body is not kept."""
    with _http_errors(url):
        response = client.post(url, json=payload, timeout=timeout_s, follow_redirects=False)
        _check_status(response, url, max_bytes=1 << 20)
        if response.status_code >= 300:
            raise PermanentFetchError(f"HTTP {response.status_code} (redirects are not followed)", url=url,
                                      status=response.status_code)
        return response.status_code


def _check_status(response: httpx.Response, url: str, max_bytes: int) -> None:
    status = response.status_code
    if status in _TRANSIENT_STATUS:
        raise TransientFetchError(
            f"HTTP {status}", url=url, status=status, retry_after=_retry_after(response.headers.get("Retry-After"))
        )
    if status >= 400:
        raise PermanentFetchError(f"HTTP {status}", url=url, status=status)
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise PermanentFetchError(f"body too large ({declared} bytes > {max_bytes})", url=url)


def _capped(chunks: Iterator[bytes], url: str, max_bytes: int) -> Iterator[bytes]:
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise PermanentFetchError(f"body too large (over {max_bytes} bytes)", url=url)
        yield chunk


@contextmanager
def _http_errors(url: str) -> Iterator[None]:
    """Convert httpx's exceptions into newswatch's transient/permanent ones."""
    try:
        yield
    except FetchError:
        raise
    except httpx.TooManyRedirects as exc:
        raise PermanentFetchError(f"too many redirects: {exc}", url=url) from exc
    except httpx.TimeoutException as exc:
        raise TransientFetchError(f"timed out ({type(exc).__name__})", url=url) from exc
    except httpx.UnsupportedProtocol as exc:
        raise PermanentFetchError(f"unsupported URL: {exc}", url=url) from exc
    except (httpx.TransportError, httpx.DecodingError) as exc:
        raise TransientFetchError(f"{type(exc).__name__}: {exc}", url=url) from exc
    except httpx.InvalidURL as exc:
        raise PermanentFetchError(f"invalid URL: {exc}", url=url) from exc


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
