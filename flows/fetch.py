"""HTTP for newswatch: the only module that sees httpx.

Timeouts, a wall-clock deadline per request, a body-size cap (counted on the decoded
bytes, decoded a bounded piece at a time, so a gzip bomb costs no memory), a redirect cap,
conditional GET, a User-Agent naming the project, and a guard on the address actually
connected to: `GuardedBackend`, httpcore's network backend, resolves each name once,
refuses non-public addresses (IPv4-mapped, NAT64 and 6to4 addresses unwrapped first) and
connects to exactly the address it checked, so a DNS answer that changes between check and
connect (rebinding) cannot slip through. Every redirect hop opens its own connection and
is checked the same way.
"""

from __future__ import annotations

import contextvars
import ipaddress
import socket
import time
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpcore
import httpx

from newswatch.errors import FetchError, PermanentFetchError, TransientFetchError
from newswatch.settings import FetchSettings

_TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}
# Cloud instance metadata (AWS, GCP, Azure, ECS, AWS IPv6): refused even with
# allow_private_networks unless allow_metadata_endpoints is set too.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200",
))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Resolver = Callable[[str, int], list[str]]  # host, port -> addresses, in the order to try them
Connector = Callable[..., httpcore.NetworkStream]

# The wall-clock deadline (time.monotonic()) of the request running on this thread.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("newswatch_deadline", default=None)
# A client's deadline for requests that name none (`page_deadline_s` of its settings).
_DEFAULT_DEADLINE: weakref.WeakKeyDictionary[httpx.Client, float] = weakref.WeakKeyDictionary()


class NetworkFetchError(TransientFetchError):
    """The host could not be reached at all (name not resolved, connection refused or cut off
    before an answer): a run where every source fails this way is our own outage."""


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    declared_length: int | None = None  # Content-Length, when the body was not content-encoded

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def unwrap(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4
    (2002::/16) address; other addresses unchanged."""
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return addr.ipv4_mapped
        if addr in _NAT64:
            return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if addr.sixtofour is not None:
            return addr.sixtofour
    return addr


def refusal(address: str, *, allow_private: bool, allow_metadata: bool) -> str | None:
    """Why connecting to `address` is refused, or None when it is allowed."""
    addr = unwrap(ipaddress.ip_address(address.split("%", 1)[0]))
    if addr in METADATA_ADDRESSES and not allow_metadata:
        return "a cloud metadata address (set [fetch] allow_metadata_endpoints = true to allow)"
    if (not addr.is_global or addr.is_multicast) and not allow_private:
        return "not a public address (set [fetch] allow_private_networks = true to allow)"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's sync backend, connecting only to addresses that pass `refusal`, each name
    resolved once (by `resolver`) and the checked address used for the connection itself;
    reads and connects are cut short at the request's wall-clock deadline."""

    def __init__(self, *, allow_private: bool, allow_metadata: bool, resolver: Resolver | None = None,
                 connector: Connector | None = None) -> None:
        self.allow_private = allow_private
        self.allow_metadata = allow_metadata
        self.resolver = resolver or system_resolver
        self._inner = httpcore.SyncBackend()
        self.connector = connector or self._inner.connect_tcp

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            addresses = [host] if _is_ip(host) else self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise NetworkFetchError(f"cannot resolve {host}: {exc}", url=host) from exc
        if not addresses:
            raise NetworkFetchError(f"cannot resolve {host}: no address", url=host)
        for address in addresses:  # every address must pass, as with the check before
            reason = refusal(address, allow_private=self.allow_private, allow_metadata=self.allow_metadata)
            if reason:
                raise PermanentFetchError(f"refusing to connect to {host} ({address}): {reason}", url=host)
        last: Exception | None = None
        for address in addresses:
            try:
                stream = self.connector(address, port, timeout=_bounded(timeout), local_address=local_address,
                                        socket_options=socket_options)
            except httpcore.ConnectError as exc:
                last = exc
                continue
            return _DeadlineStream(stream)
        assert last is not None
        raise last

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise PermanentFetchError("unix sockets are not fetched", url=path)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # The certificate is checked against the URL's host name (SNI), whatever address was dialled.
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


def _bounded(timeout: float | None) -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("deadline exceeded")
    return left if timeout is None else min(timeout, left)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def check_public_host(host: str, port: int, *, allow_metadata: bool = False) -> None:
    """Raise PermanentFetchError unless every address `host` resolves to is public."""
    try:
        addresses = [host] if _is_ip(host) else system_resolver(host, port)
    except OSError as exc:
        raise NetworkFetchError(f"cannot resolve {host}: {exc}", url=host) from exc
    for address in addresses:
        reason = refusal(address, allow_private=False, allow_metadata=allow_metadata)
        if reason:
            raise PermanentFetchError(f"refusing to connect to {host} ({address}): {reason}", url=host)


def make_client(settings: FetchSettings, *, resolver: Resolver | None = None,
                connector: Connector | None = None) -> httpx.Client:
    """An httpx client with newswatch's limits; share one per run (it is thread-safe).

    `resolver` and `connector` replace name resolution and the TCP connect (tests inject them)."""
    transport = httpx.HTTPTransport(retries=0)
    transport._pool._network_backend = GuardedBackend(  # httpx does not expose the backend
        allow_private=settings.allow_private_networks, allow_metadata=settings.allow_metadata_endpoints,
        resolver=resolver, connector=connector,
    )
    client = httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.timeout_s),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        limits=httpx.Limits(max_connections=max(settings.concurrency, 8), max_keepalive_connections=32),
    )
    if settings.page_deadline_s:
        _DEFAULT_DEADLINE[client] = settings.page_deadline_s
    return client


def fetch(
    client: httpx.Client,
    url: str,
    *,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
    retries: int = 1,
    accept: str | None = None,
    deadline_s: float | None = None,
) -> FetchResult:
    """GET `url`, conditionally when `etag`/`last_modified` are given.

    Returns 2xx and 304 responses; raises TransientFetchError (retried `retries` times first,
    after a short pause, unless the server named a time with Retry-After: that is for the
    caller to schedule, not to sleep through) or PermanentFetchError otherwise. Each attempt
    must finish within `deadline_s` seconds of wall-clock time, whatever the server's pace
    (default: the client's `page_deadline_s`).
    """
    if deadline_s is None:
        deadline_s = _DEFAULT_DEADLINE.get(client)
    attempt = 0
    while True:
        try:
            return _fetch_once(client, url, max_bytes, etag, last_modified, accept, deadline_s)
        except TransientFetchError as exc:
            if attempt >= retries or (exc.retry_after or 0) > 1.0:  # a later time: scheduled, not slept
                raise
            attempt += 1
            time.sleep(0.5 * attempt)


def _fetch_once(
    client: httpx.Client,
    url: str,
    max_bytes: int,
    etag: str | None,
    last_modified: str | None,
    accept: str | None,
    deadline_s: float | None,
) -> FetchResult:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    if accept:
        headers["Accept"] = accept
    token = _DEADLINE.set(time.monotonic() + deadline_s if deadline_s else None)
    try:
        with _http_errors(url, deadline_s), client.stream("GET", url, headers=headers) as response:
            _check_status(response, url, max_bytes)
            encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
            body = b"".join(_capped(_decoded(response, encoding), url, max_bytes))
            declared = response.headers.get("Content-Length")
            length = int(declared) if declared and declared.isdigit() and encoding == "identity" else None
            if length is not None and response.num_bytes_downloaded < length:
                raise TransientFetchError(
                    f"body shorter than its Content-Length ({response.num_bytes_downloaded} of {length} bytes)",
                    url=url)
            return FetchResult(
                url=str(response.url),
                status=response.status_code,
                body=body,
                content_type=response.headers.get("Content-Type"),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
                fetched_at=datetime.now(UTC),
                declared_length=length,
            )
    finally:
        _DEADLINE.reset(token)


def _decoded(response: httpx.Response, encoding: str) -> Iterator[bytes]:
    """The body decoded (gzip, deflate; else as httpx decodes it), at most 1 MiB of output
    per step, so the size cap stops a decompression bomb before it fills memory."""
    if encoding in ("identity", ""):
        yield from response.iter_raw()
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        yield from response.iter_bytes()
        return
    wbits = zlib.MAX_WBITS | 16 if encoding != "deflate" else zlib.MAX_WBITS
    decoder = zlib.decompressobj(wbits)
    first = True
    try:
        for chunk in response.iter_raw():
            if first and encoding == "deflate" and chunk and (chunk[0] & 0x0F) != 8:
                decoder = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
            first = False
            data = chunk
            while data:
                out = decoder.decompress(data, 1 << 20)
                if out:
                    yield out
                data = decoder.unconsumed_tail
                if decoder.eof and decoder.unused_data and wbits != zlib.MAX_WBITS:
                    data = decoder.unused_data  # another gzip member follows
                    decoder = zlib.decompressobj(wbits)
        tail = decoder.flush()
        if tail:
            yield tail
    except zlib.error as exc:
        raise httpx.DecodingError(f"bad {encoding} body: {exc}") from exc


def download(client: httpx.Client, url: str, dest: Path, *, max_bytes: int) -> None:
    """Stream `url` into the file `dest` as the server sends it (a .warc.gz stays gzipped),
    never holding the body in memory; same errors, guard and size cap as `fetch`."""
    with _http_errors(url), client.stream("GET", url, headers={"Accept-Encoding": "identity"}) as response:
        _check_status(response, url, max_bytes)
        with dest.open("wb") as out:
            for chunk in _capped(response.iter_raw(1 << 20), url, max_bytes):
                out.write(chunk)


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
def _http_errors(url: str, deadline_s: float | None = None) -> Iterator[None]:
    """Convert httpx's exceptions into newswatch's transient/permanent ones."""
    try:
        yield
    except FetchError:
        raise
    except httpx.TooManyRedirects as exc:
        raise PermanentFetchError(f"too many redirects: {exc}", url=url) from exc
    except httpx.TimeoutException as exc:
        deadline = _DEADLINE.get()
        if deadline is not None and time.monotonic() >= deadline - 0.05:
            raise TransientFetchError(f"deadline exceeded after {deadline_s:g} s", url=url) from exc
        if isinstance(exc, httpx.ConnectTimeout):
            raise NetworkFetchError(f"timed out ({type(exc).__name__})", url=url) from exc
        raise TransientFetchError(f"timed out ({type(exc).__name__})", url=url) from exc
    except httpx.UnsupportedProtocol as exc:
        raise PermanentFetchError(f"unsupported URL: {exc}", url=url) from exc
    except httpx.ConnectError as exc:
        raise NetworkFetchError(f"{type(exc).__name__}: {exc}", url=url) from exc
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
