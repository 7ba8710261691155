"""HTTP rules against a real server on 127.0.0.1: statuses, caps, validators, the address guard."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from flows.fetch import check_public_host, download, fetch, make_client, refusal
from newswatch.cli.localsite import LocalSite, Route
from newswatch.errors import PermanentFetchError, TransientFetchError
from newswatch.settings import FetchSettings

LOCAL = FetchSettings(allow_private_networks=True, timeout_s=1.0, max_bytes=10_000, max_redirects=2)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(LOCAL) as c:
        yield c


@pytest.fixture
def server() -> Iterator[LocalSite]:
    with LocalSite({
        "/ok": Route(b"hello", "text/plain"),
        "/big": Route(b"x" * 20_000),
        "/slow": Route(b"late", delay=3.0),
        "/gone": Route(status=404),
        "/busy": Route(status=503, headers={"Retry-After": "0"}),
        "/limited": Route(status=429),
        "/forbidden": Route(status=403),
        "/loop": Route(redirect="/loop"),
    }) as s:
        s.routes["/hop"] = Route(redirect=s.url("/ok"))
        yield s


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/gone", PermanentFetchError, "HTTP 404"),
        ("/forbidden", PermanentFetchError, "HTTP 403"),
        ("/busy", TransientFetchError, "HTTP 503"),
        ("/limited", TransientFetchError, "HTTP 429"),
        ("/big", PermanentFetchError, "body too large"),
        ("/slow", TransientFetchError, "timed out"),
        ("/loop", PermanentFetchError, "too many redirects"),
    ],
)
def test_failures_are_classified(server: LocalSite, client: httpx.Client, path: str,
                                 error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        fetch(client, server.url(path), max_bytes=LOCAL.max_bytes, retries=0)


def test_ok_and_redirect(server: LocalSite, client: httpx.Client) -> None:
    res = fetch(client, server.url("/hop"), max_bytes=LOCAL.max_bytes)
    assert res.status == 200 and res.body == b"hello"
    assert res.url == server.url("/ok")
    assert res.etag


def test_user_agent_names_the_project(server: LocalSite, client: httpx.Client) -> None:
    fetch(client, server.url("/ok"), max_bytes=LOCAL.max_bytes)
    assert server.requests[-1][1]["user-agent"].startswith("newswatch/")


@pytest.mark.parametrize(
    ("send_etag", "expect_status"),
    [(True, 304), (False, 200)],  # "ETag unchanged" -> 304; no validator -> full body
)
def test_conditional_get(server: LocalSite, client: httpx.Client, send_etag: bool, expect_status: int) -> None:
    first = fetch(client, server.url("/ok"), max_bytes=LOCAL.max_bytes)
    again = fetch(client, server.url("/ok"), max_bytes=LOCAL.max_bytes, etag=first.etag if send_etag else None)
    assert again.status == expect_status
    assert again.not_modified is (expect_status == 304)


def test_changed_body_gets_full_response_despite_old_etag(server: LocalSite, client: httpx.Client) -> None:
    first = fetch(client, server.url("/ok"), max_bytes=LOCAL.max_bytes)
    server.routes["/ok"] = Route(b"changed", "text/plain")
    again = fetch(client, server.url("/ok"), max_bytes=LOCAL.max_bytes, etag=first.etag)
    assert again.status == 200 and again.body == b"changed"


def test_transient_errors_are_retried(server: LocalSite, client: httpx.Client) -> None:
    with pytest.raises(TransientFetchError):
        fetch(client, server.url("/busy"), max_bytes=LOCAL.max_bytes, retries=2)
    assert server.hits["/busy"] == 3


def test_permanent_errors_are_not_retried(server: LocalSite, client: httpx.Client) -> None:
    with pytest.raises(PermanentFetchError):
        fetch(client, server.url("/gone"), max_bytes=LOCAL.max_bytes, retries=2)
    assert server.hits["/gone"] == 1


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1",
                                  "0.0.0.0"])
def test_non_public_addresses_are_refused(host: str) -> None:
    with pytest.raises(PermanentFetchError, match="refusing to connect"):
        check_public_host(host, 80)


def test_guard_refuses_loopback_by_default(server: LocalSite) -> None:
    with make_client(FetchSettings()) as guarded, pytest.raises(PermanentFetchError, match="allow_private_networks"):
        fetch(guarded, server.url("/ok"), max_bytes=1000, retries=0)
    assert "/ok" not in server.hits  # refused before connecting


def test_guard_checks_every_redirect_hop() -> None:
    # A public-looking first hop cannot be had offline, so check the hop itself: the guarded
    # transport refuses the loopback target of a redirect just as it refuses a first request.
    with LocalSite({"/ok": Route(b"x")}) as s, make_client(FetchSettings()) as guarded:
        request = guarded.build_request("GET", s.url("/ok"))
        with pytest.raises(PermanentFetchError):
            guarded.send(request)


def test_download_streams_to_a_file_with_the_same_cap(server: LocalSite, client: httpx.Client, tmp_path: Path) -> None:
    dest = tmp_path / "ok.bin"
    download(client, server.url("/ok"), dest, max_bytes=LOCAL.max_bytes)
    assert dest.read_bytes() == b"hello"
    with pytest.raises(PermanentFetchError, match="body too large"):
        download(client, server.url("/big"), tmp_path / "big.bin", max_bytes=LOCAL.max_bytes)
    with pytest.raises(PermanentFetchError, match="HTTP 404"):
        download(client, server.url("/gone"), tmp_path / "gone.bin", max_bytes=LOCAL.max_bytes)


# --- the address actually connected to (issue 12, item 9) ---------------------------------


@pytest.mark.parametrize(
    ("address", "private", "metadata", "refused"),
    [
        ("64:ff9b::7f00:1", False, False, "not a public address"),  # NAT64 of 127.0.0.1
        ("64:ff9b::a00:1", False, False, "not a public address"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::1", False, False, "not a public address"),  # 6to4 of 127.0.0.1
        ("::ffff:127.0.0.1", False, False, "not a public address"),  # IPv4-mapped
        ("::ffff:169.254.169.254", True, False, "cloud metadata"),
        ("169.254.169.254", True, False, "cloud metadata"),  # even with private networks allowed
        ("fd00:ec2::254", True, False, "cloud metadata"),
        ("64:ff9b::a9fe:a9fe", True, False, "cloud metadata"),  # NAT64 of 169.254.169.254
        ("169.254.169.254", True, True, None),  # both settings: allowed
        ("127.0.0.1", True, False, None),
        ("93.184.215.14", False, False, None),
        ("64:ff9b::5db8:d70e", False, False, None),  # NAT64 of a public address
        ("2606:4700::1111", False, False, None),
    ],
)
def test_wrapped_and_metadata_addresses(address: str, private: bool, metadata: bool, refused: str | None) -> None:
    reason = refusal(address, allow_private=private, allow_metadata=metadata)
    assert (reason is None) if refused is None else (reason is not None and refused in reason)


def test_dns_rebinding_cannot_reach_loopback() -> None:
    """The resolver answers a public address first, loopback after: the name is resolved
    once per connection and the checked address is the one connected to, so the loopback
    service is never reached, and a later connection that resolves to loopback is refused."""
    public = "93.184.215.14"
    answers = iter([[public], ["127.0.0.1"], ["127.0.0.1"], ["127.0.0.1"]])
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    with LocalSite({"/": Route(b"public site", "text/plain")}) as outside, \
            LocalSite({"/": Route(b"internal secret", "text/plain")}) as inside:
        outside_port = outside.server.server_address[1]

        def connector(address: str, port: int, **kwargs: object) -> object:
            import httpcore

            # No route to the internet here: the public address is served by `outside`.
            assert address in (public,), f"connected to {address}"
            return httpcore.SyncBackend().connect_tcp("127.0.0.1", outside_port, **kwargs)  # type: ignore[arg-type]

        settings = FetchSettings(max_bytes=1000, timeout_s=1.0)
        with make_client(settings, resolver=resolver, connector=connector) as guarded:
            url = f"http://rebind.example.org:{inside.server.server_address[1]}/"
            first = fetch(guarded, url, max_bytes=1000, retries=0)
            assert first.body == b"public site"
            assert calls == ["rebind.example.org"]  # one resolution for check and connect
            guarded.close()
        with make_client(settings, resolver=resolver, connector=connector) as guarded, \
                pytest.raises(PermanentFetchError, match=r"rebind.example.org \(127.0.0.1\): not a public address"):
            fetch(guarded, url, max_bytes=1000, retries=0)
        assert inside.hits == {}


def test_redirect_to_private_address_is_refused_at_the_hop() -> None:
    answers = {"news.example.org": ["93.184.215.14"], "intranet.example.org": ["10.0.0.5"]}
    with LocalSite({"/": Route(b"x")}) as site:
        site.routes["/go"] = Route(redirect="http://intranet.example.org/admin")
        port = site.server.server_address[1]

        def connector(address: str, p: int, **kwargs: object) -> object:
            import httpcore

            assert address == "93.184.215.14"
            return httpcore.SyncBackend().connect_tcp("127.0.0.1", port, **kwargs)  # type: ignore[arg-type]

        with make_client(FetchSettings(), resolver=lambda h, p: answers[h], connector=connector) as guarded, \
                pytest.raises(PermanentFetchError, match=r"intranet.example.org \(10.0.0.5\): not a public"):
            fetch(guarded, f"http://news.example.org:{port}/go", max_bytes=1000, retries=0)
        assert site.hits == {"/go": 1}


def test_every_fetch_has_a_deadline_by_default() -> None:
    """A drip (one byte every 0.2 s) fails at the client's page deadline, even when the caller names none."""
    from tests.faultserver import FaultServer, drip

    with FaultServer({"/drip": drip(b"x" * 100, 0.2)}) as srv, \
            make_client(FetchSettings(allow_private_networks=True, timeout_s=1.0, page_deadline_s=1.0)) as c:
        started = time.monotonic()
        with pytest.raises(TransientFetchError, match=r"^deadline exceeded after 1 s$"):
            fetch(c, srv.url("/drip"), max_bytes=1000, retries=0)
        assert time.monotonic() - started < 5  # generous; without a deadline: 20 s
