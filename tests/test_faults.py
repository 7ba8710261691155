"""Fault injection (issue 12): a misbehaving server on 127.0.0.1, one parametrized test over
the kinds of misbehaviour, each asserting the exact outcome: the source's status and reason
in the run summary, the state `sources list` shows, the page failures recorded and what is
stored. All content is synthetic (invented outlets, example.org)."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from flows.pipeline import Pipeline, SourceResult, summarise
from newswatch.settings import FetchSettings, Settings, Source
from storage.store import ArticleFilter, Store
from tests.faultserver import (
    Exchange,
    FaultServer,
    Handler,
    deflate_bomb,
    drip,
    gzip_bomb,
    huge,
    ok,
    redirect,
    refuse_port,
    reset_mid_body,
    stalled_headers,
    status,
    truncated,
)

MAX_BYTES = 11 * 1024 * 1024  # 10 MB of zeros fits; the bombs and huge bodies do not
SETTINGS = FetchSettings(
    allow_private_networks=True, timeout_s=1.0, feed_deadline_s=1.0, page_deadline_s=1.0, retries=0,
    extract_workers=1, max_articles_per_source=5, max_bytes=MAX_BYTES, backoff_base_s=900.0,
)
TEXT = ("The Harbour Daily (a synthetic outlet) reports that the ferry timetable changes on Monday. "
        "Passengers are asked to check the new departure times before they travel. ") * 3


def article(title: str = "Ferry timetable changes", text: str = TEXT) -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><article><h1>{escape(title)}</h1><p>{escape(text)}</p></article></body></html>").encode()


def rss(base: str, links: list[str], *, titles: list[str] | None = None, guids: list[str] | None = None,
        prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    items = "".join(
        f"<item><title>{escape((titles or [])[i] if titles else f'Item {i}')}</title><link>{escape(link)}</link>"
        + (f"<guid>{escape(guids[i])}</guid>" if guids else "") + "</item>"
        for i, link in enumerate(links)
    )
    return (f'{prolog}<rss version="2.0"><channel><title>Harbour Daily (synthetic)</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


def page_feed(page: Handler, *, pages: int = 1, robots: Handler | None = None) -> Callable[[FaultServer], dict]:
    """Routes: a good feed at /feed listing /p/0 .. /p/N-1, each served by `page`."""
    def routes(srv: FaultServer) -> dict[str, Handler]:
        out = {"/feed": ok(rss(srv.base, [srv.url(f"/p/{i}") for i in range(pages)]), "application/rss+xml")}
        out.update({f"/p/{i}": page for i in range(pages)})
        if robots is not None:
            out["/robots.txt"] = robots
        return out
    return routes


def feed_only(handler: Handler) -> Callable[[FaultServer], dict]:
    return lambda srv: {"/feed": handler}


def _chain(n: int, last: Handler) -> Callable[[FaultServer], dict]:
    def routes(srv: FaultServer) -> dict[str, Handler]:
        out = {f"/hop{i}": redirect(srv.url(f"/hop{i + 1}")) for i in range(n)}
        out["/feed"] = redirect(srv.url("/hop0"))
        out[f"/hop{n}"] = last
        return out
    return routes


def _with_pages(extra: Callable[[FaultServer], dict[str, Handler]], feed: Callable[[str], bytes]
                ) -> Callable[[FaultServer], dict]:
    def routes(srv: FaultServer) -> dict[str, Handler]:
        out = {"/feed": ok(feed(srv.base), "application/rss+xml")}
        out.update(extra(srv))
        return out
    return routes


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True))
          + "]>")


@dataclass(frozen=True)
class Kind:
    routes: Callable[[FaultServer], dict[str, Handler]]
    status: str  # the source's status in the run summary
    error: str | None = None  # its reason (a substring), for a failed source
    stored: int = 0  # articles stored
    entries: int | None = None
    page_reason: str | None = None  # every failed page's reason (a substring)
    page_rows: int | None = 0  # page_failures rows recorded (None: `check` counts them)
    gave_up: bool | None = None  # those rows given up at once
    failures_in_row: int = 0  # `sources list`: failures in a row
    next_attempt_in: tuple[float, float] | None = None  # `sources list`: next attempt, seconds from now (range)
    network: bool = False
    feed_url: str | None = None  # another feed URL (else the server's /feed)
    check: Callable[[FaultServer, SourceResult, Store], None] | None = field(default=None, compare=False)


def _no_secret(srv: FaultServer, res: SourceResult, store: Store) -> None:
    rows = [r for r in store.list_articles(ArticleFilter(limit=None)) if r["url"].startswith(srv.base)]
    assert rows and not any("TOPSECRET" in (r["title"] or "") + r["text"] for r in rows)


def _titles(*expected: str) -> Callable[[FaultServer, SourceResult, Store], None]:
    def check(srv: FaultServer, res: SourceResult, store: Store) -> None:
        titles = [r["title"] for r in store.list_articles(ArticleFilter(limit=None)) if r["url"].startswith(srv.base)]
        assert sorted(t for t in titles if t) == sorted(expected)
    return check


def _stored_paths(*paths: str) -> Callable[[FaultServer, SourceResult, Store], None]:
    def check(srv: FaultServer, res: SourceResult, store: Store) -> None:
        urls = sorted(r["url"].removeprefix(srv.base) for r in store.list_articles(ArticleFilter(limit=None))
                      if r["url"].startswith(srv.base))
        assert urls == sorted(paths)
    return check


def _host_paused(srv: FaultServer, res: SourceResult, store: Store) -> None:
    # Up to `per_host` (4) requests start together; every later page waits for the host's pause.
    asked = sum(n for p, n in srv.hits.items() if p.startswith("/p/"))
    assert 1 <= asked <= SETTINGS.per_host < 5
    assert res.pages.failed == 5 and res.pages.transient_failures == 5
    assert len(store.page_failures([srv.url(f"/p/{i}") for i in range(5)])) == asked  # pauses are not the page's fault
    assert sum("host backing off until" in e for e in res.pages.errors) == 5 - asked


def _robots_unavailable(srv: FaultServer, res: SourceResult, store: Store) -> None:
    assert not any(p.startswith("/p/") for p in srv.hits)  # no page requested


HOUR = 3600.0
BACKOFF_1 = (SETTINGS.backoff_base_s - 60, SETTINGS.backoff_base_s + 60)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
KINDS: dict[str, Kind] = {
    # --- the feed misbehaves ----------------------------------------------------------------
    "feed drip (1 byte per 0.2 s)": Kind(feed_only(drip(b"<rss>" + b" " * 100)), "failed",
                                         "deadline exceeded after 1 s", failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed stalled headers": Kind(feed_only(stalled_headers()), "failed", "deadline exceeded after 1 s",
                                 failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed 500": Kind(feed_only(status(500)), "failed", "HTTP 500", failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed 503 with Retry-After 120": Kind(feed_only(status(503, Retry_After="120")), "failed", "HTTP 503",
                                          failures_in_row=1, next_attempt_in=(100, 130)),
    "feed 429 with Retry-After a day (capped)": Kind(feed_only(status(429, Retry_After="86400")), "failed",
                                                     "HTTP 429", failures_in_row=1,
                                                     next_attempt_in=(HOUR - 60, HOUR + 5)),
    "feed 403": Kind(feed_only(status(403)), "failed", "HTTP 403", failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed 404": Kind(feed_only(status(404)), "failed", "HTTP 404", failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed 410": Kind(feed_only(status(410)), "failed", "HTTP 410", failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed truncated (Content-Length 2000, 700 sent)": Kind(
        feed_only(truncated(b"<rss>" + b" " * 1995, 700)), "failed", "RemoteProtocolError: peer closed connection",
        failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed reset mid-body": Kind(feed_only(reset_mid_body(b"<rss>" + b" " * 5000, 1000)), "failed",
                                "ReadError", failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed gzip bomb (200 MiB of zeros)": Kind(feed_only(gzip_bomb("application/rss+xml")), "failed",
                                              f"body too large (over {MAX_BYTES} bytes)", failures_in_row=1,
                                              next_attempt_in=BACKOFF_1),
    "feed deflate bomb": Kind(feed_only(deflate_bomb("application/rss+xml")), "failed",
                              f"body too large (over {MAX_BYTES} bytes)", failures_in_row=1,
                              next_attempt_in=BACKOFF_1),
    "feed huge body, declared": Kind(feed_only(huge(50 * 1024 * 1024, declared=True)), "failed",
                                     f"body too large ({50 * 1024 * 1024} bytes > {MAX_BYTES})", failures_in_row=1,
                                     next_attempt_in=BACKOFF_1),
    "feed huge body, undeclared": Kind(feed_only(huge(50 * 1024 * 1024, declared=False)), "failed",
                                       f"body too large (over {MAX_BYTES} bytes)", failures_in_row=1,
                                       next_attempt_in=BACKOFF_1),
    "feed redirect loop": Kind(lambda srv: {"/feed": redirect(srv.url("/feed"))}, "failed", "too many redirects",
                               failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed redirect chain of 7 (cap 5)": Kind(_chain(6, ok(b"<rss/>")), "failed", "too many redirects",
                                             failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed redirect chain of 3": Kind(
        lambda srv: {**_chain(2, ok(rss(srv.base, [srv.url("/p/0")]), "application/rss+xml"))(srv),
                     "/p/0": ok(article())}, "ok", stored=1, entries=1),
    "feed redirect to cloud metadata": Kind(
        feed_only(redirect("http://169.254.169.254/latest/meta-data/")), "failed",
        "refusing to connect to 169.254.169.254 (169.254.169.254): a cloud metadata address",
        failures_in_row=1, next_attempt_in=BACKOFF_1),
    "feed connection refused": Kind(lambda srv: {}, "failed", "ConnectError", network=True,
                                    feed_url=f"http://127.0.0.1:{refuse_port()}/feed", failures_in_row=1,
                                    next_attempt_in=BACKOFF_1),
    "feed is an HTML page": Kind(feed_only(ok(article())), "failed", "not a feed", failures_in_row=1,
                                 next_attempt_in=BACKOFF_1),
    "feed empty 200": Kind(feed_only(ok(b"", "application/rss+xml")), "failed",
                           "not a feed (no RSS, Atom or JSON Feed found)", failures_in_row=1,
                           next_attempt_in=BACKOFF_1),
    "feed billion laughs": Kind(_with_pages(lambda s: {"/p/0": ok(article("Laughs"))}, lambda b: (
        LAUGHS + f'<rss version="2.0"><channel><title>S</title><item><title>&i;</title><link>{b}/p/0</link>'
        "</item></channel></rss>").encode()), "ok", stored=1, entries=1, check=_titles("Laughs")),
    "feed external entity (XXE)": Kind(_with_pages(lambda s: {"/p/0": ok(article("Leak  end"))}, lambda b: (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///tmp/newswatch-xxe-secret.txt">]>'
        f'<rss version="2.0"><channel><title>S</title><item><title>Leak &secret; end</title><link>{b}/p/0</link>'
        "</item></channel></rss>").encode()), "ok", stored=1, entries=1, check=_no_secret),
    "feed with a UTF-8 BOM": Kind(_with_pages(lambda s: {"/p/0": ok(article("Bom"))}, lambda b: (
        b"\xef\xbb\xbf" + rss(b, [b + "/p/0"]))), "ok", stored=1, entries=1),
    "feed in UTF-16": Kind(_with_pages(lambda s: {"/p/0": ok(article("渡輪時間表"))}, lambda b: rss(
        b, [b + "/p/0"], titles=["渡輪時間表"], prolog='<?xml version="1.0" encoding="utf-16"?>').decode()
        .encode("utf-16")), "ok", stored=1, entries=1, check=_titles("渡輪時間表")),
    "feed with a wrong charset": Kind(_with_pages(lambda s: {"/p/0": ok(article("Café"))}, lambda b: rss(
        b, [b + "/p/0"], titles=["Caf\u00e9"]).decode().encode("latin-1")), "ok", stored=1, entries=1,
        check=_titles("Café")),
    "feed of 10,000 entries": Kind(
        lambda srv: {"/feed": ok(rss(srv.base, [srv.url(f"/p/{i}") for i in range(10_000)]), "application/rss+xml"),
                     **{f"/p/{i}": ok(article(f"Item {i}")) for i in range(10_000)}},
        "ok", stored=5, entries=10_000),
    "feed with duplicate GUIDs and links": Kind(
        lambda srv: {"/feed": ok(rss(srv.base, [srv.url("/p/0"), srv.url("/p/0"), srv.url("/p/1"),
                                                srv.url("/p/1?utm_source=rss")], guids=["g0", "g0", "g1", "g1"]),
                                 "application/rss+xml"),
                     "/p/0": ok(article("Zero")), "/p/1": ok(article("One"))},
        "ok", stored=2, entries=4, check=_stored_paths("/p/0", "/p/1")),
    "feed with relative and non-HTTP links": Kind(
        lambda srv: {"/feed": ok(rss(srv.base, ["/p/0", "p/1", "mailto:desk@example.org", "javascript:alert(1)",
                                                "ftp://files.example.org/a", "data:text/html,x"]),
                                 "application/rss+xml"),
                     "/p/0": ok(article("Zero")), "/p/1": ok(article("One"))},
        "ok", stored=2, entries=2, check=_stored_paths("/p/0", "/p/1")),
    # --- an article page misbehaves -----------------------------------------------------------
    "page drip": Kind(page_feed(drip(article(), 0.2)), "ok", page_reason="deadline exceeded after 1 s",
                      page_rows=1, gave_up=False),
    "page stalled headers": Kind(page_feed(stalled_headers()), "ok", page_reason="deadline exceeded after 1 s",
                                 page_rows=1, gave_up=False),
    "page PNG served as text/html": Kind(page_feed(ok(PNG)), "ok", page_reason="not HTML: PNG image",
                                         page_rows=1, gave_up=True),
    "page PDF served as text/html": Kind(page_feed(ok(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")), "ok",
                                         page_reason="not HTML: PDF document", page_rows=1, gave_up=True),
    "page zip": Kind(page_feed(ok(b"PK\x03\x04\x14\x00" + b"\x00" * 40, "application/zip")), "ok",
                     page_reason="not HTML: zip archive", page_rows=1, gave_up=True),
    "page SQLite database": Kind(page_feed(ok(b"SQLite format 3\x00" + b"\x10\x00" * 50)), "ok",
                                 page_reason="not HTML: SQLite database", page_rows=1, gave_up=True),
    "page JSON": Kind(page_feed(ok(b'{"a": 1}', "application/json")), "ok",
                      page_reason="not HTML: Content-Type application/json", page_rows=1, gave_up=True),
    "page 10 MB of zeros": Kind(page_feed(ok(b"\0" * (10 * 1024 * 1024))), "ok",
                                page_reason="not HTML: binary content (NUL bytes)", page_rows=1, gave_up=True),
    "page empty 200": Kind(page_feed(ok(b"")), "ok", page_reason="empty body", page_rows=1, gave_up=False),
    "page 100k-deep HTML": Kind(page_feed(ok(b"<html><body>" + b"<div>" * 100_000 + b"<p>Deep.</p>"
                                             + b"</div>" * 100_000 + b"</body></html>")), "ok",
                                page_reason="no text extracted", page_rows=1, gave_up=False),
    "page with no text": Kind(page_feed(ok(b"<html><head><title>t</title></head><body></body></html>")), "ok",
                              page_reason="no text extracted", page_rows=1, gave_up=False),
    "page truncated (Content-Length)": Kind(page_feed(truncated(article(), 200)), "ok",
                                            page_reason="RemoteProtocolError", page_rows=1, gave_up=False),
    "page reset mid-body": Kind(page_feed(reset_mid_body(article(), 100)), "ok", page_reason="ReadError",
                                page_rows=1, gave_up=False),
    "page gzip bomb": Kind(page_feed(gzip_bomb()), "ok", page_reason="body too large", page_rows=1, gave_up=False),
    "page deflate bomb": Kind(page_feed(deflate_bomb()), "ok", page_reason="body too large", page_rows=1,
                              gave_up=False),
    "page 404": Kind(page_feed(status(404)), "ok", page_reason="HTTP 404", page_rows=1, gave_up=False),
    "page 410": Kind(page_feed(status(410)), "ok", page_reason="HTTP 410", page_rows=1, gave_up=False),
    "page 503": Kind(page_feed(status(503)), "ok", page_reason="HTTP 503", page_rows=1, gave_up=False),
    "page 429 with Retry-After pauses its host": Kind(
        page_feed(status(429, Retry_After="600"), pages=5), "ok", page_reason="HTTP 429", page_rows=None,
        gave_up=False, check=_host_paused),
    "page redirect loop": Kind(lambda srv: {**page_feed(redirect(srv.url("/p/0")))(srv)}, "ok",
                               page_reason="too many redirects", page_rows=1, gave_up=False),
    "page redirect to a private address (metadata)": Kind(
        page_feed(redirect("http://[fd00:ec2::254]/latest/")), "ok", page_reason="a cloud metadata address",
        page_rows=1, gave_up=False),
    "page gzip-encoded, good": Kind(page_feed(lambda ex: ex.send(200, gzip.compress(article()), "text/html",
                                                                  {"Content-Encoding": "gzip"})), "ok", stored=1),
    "page in GBK declared in meta": Kind(page_feed(ok(
        "<html><head><meta charset='gbk'><title>渡轮时刻表</title></head><body><article><p>".encode("gbk")
        + ("本报（合成）讯：渡轮时刻表将于周一更改，请乘客出行前查看新的开船时间。" * 4).encode("gbk")
        + b"</p></article></body></html>", "text/html")), "ok", stored=1, check=_titles("渡轮时刻表")),
    "robots.txt 503: site off limits this run": Kind(
        page_feed(ok(article()), robots=status(503)), "ok",
        page_reason="robots.txt unavailable (HTTP 503): site disallowed for this run", page_rows=0,
        check=_robots_unavailable),
    "robots.txt unreachable (drip)": Kind(
        page_feed(ok(article()), robots=drip(b"User-agent: *\nAllow: /\n", 0.3)), "ok",
        page_reason="robots.txt unavailable (deadline exceeded after 1 s)", page_rows=0, check=_robots_unavailable),
    "robots.txt 404: allowed": Kind(page_feed(ok(article()), robots=status(404)), "ok", stored=1),
    "robots.txt disallows": Kind(page_feed(ok(article()), robots=ok(b"User-agent: *\nDisallow: /p/\n", "text/plain")),
                                 "ok", page_reason="disallowed by robots.txt", page_rows=1, gave_up=False),
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Pipeline, Store]]:
    Path("/tmp/newswatch-xxe-secret.txt").write_text("TOPSECRET", encoding="utf-8")
    db = f"sqlite:///{tmp_path_factory.mktemp('faults') / 'faults.db'}"
    with Store(db) as store, Pipeline(Settings(db_url=db, sources=(), fetch=SETTINGS), store) as pipeline:
        yield pipeline, store


@pytest.mark.parametrize("name", list(KINDS))
def test_fault(name: str, shared: tuple[Pipeline, Store]) -> None:
    kind = KINDS[name]
    pipeline, store = shared
    source_name = "fault-" + "".join(c if c.isalnum() else "-" for c in name.lower())
    with FaultServer() as srv:
        srv.routes.update(kind.routes(srv))
        source = Source(source_name, kind.feed_url or srv.url("/feed"))
        before = {r["url"] for r in store.list_articles(ArticleFilter(limit=None))}
        started = time.monotonic()
        result = pipeline.poll_source(source)
        assert time.monotonic() - started < 30  # generous: deadlines are 1 s here
        assert pipeline.finish([result]) is False
        stored = [r for r in store.list_articles(ArticleFilter(limit=None)) if r["url"] not in before]
        summary = summarise([result])
        row = summary["per_source"][0]  # type: ignore[index]
        assert row["status"] == kind.status, row
        if kind.error:
            assert kind.error in (row["error"] or ""), row
            assert summary["failures"] == {source_name: row["error"]}
        else:
            assert row["error"] is None, row
        assert row["stored"] == kind.stored == len(stored)
        assert all(r["text"].strip() for r in stored)  # never an empty article
        if kind.entries is not None:
            assert row["entries"] == kind.entries
        failures = [f for f in store.page_failures().values() if f.source == source_name]
        assert kind.page_rows is None or len(failures) == kind.page_rows, failures
        if kind.page_reason:
            assert result.pages.errors and all(kind.page_reason in e for e in result.pages.errors), result.pages.errors
            assert all(kind.page_reason in f.reason for f in failures)
            assert all(f.gave_up is kind.gave_up and f.attempts == 1 for f in failures)
        else:
            assert result.pages.failed == 0, result.pages.errors
        state = store.source_state(source_name)
        assert state is not None
        assert state.consecutive_failures == kind.failures_in_row
        assert state.last_status == ("failed" if kind.status == "failed" else state.last_status)
        assert result.network is kind.network
        if kind.next_attempt_in is None:
            assert state.next_attempt_at is None
        else:
            assert state.next_attempt_at is not None
            wait = (state.next_attempt_at - datetime.now(UTC)).total_seconds()
            low, high = kind.next_attempt_in
            assert low <= wait <= high, wait
        if kind.check:
            kind.check(srv, result, store)


def test_there_are_at_least_thirty_kinds() -> None:
    assert len(KINDS) >= 30


# --- backoff, outages, scheduling (items 5-7) ----------------------------------------------------


def _settings(db: str, sources: list[Source], **fetch: object) -> Settings:
    opts = {**SETTINGS.__dict__, **fetch}
    return Settings(db_url=db, sources=tuple(sources), fetch=FetchSettings(**opts))  # type: ignore[arg-type]


def test_backoff_doubles_skips_with_a_reason_and_recovers(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'b.db'}"
    with FaultServer() as srv:
        srv.routes["/feed"] = status(500)
        src = Source("flaky", srv.url("/feed"))
        settings = _settings(db, [src], backoff_base_s=0.0)  # no wait: every run tries
        waits = []
        for _ in range(3):
            with Pipeline(_settings(db, [src], backoff_base_s=10.0, backoff_cap_s=25.0)) as p:
                p._states = None
                with p.store as store:
                    prior = store.source_state("flaky")
                if prior is not None and prior.next_attempt_at:  # pretend the wait is over
                    p.store.save_source_state(prior.__class__(**{**prior.__dict__, "next_attempt_at": None}))
                res = p.poll_source(src)
                p.finish([res])
                state = p.store.source_state("flaky")
                assert state is not None and state.next_attempt_at is not None
                waits.append(round((state.next_attempt_at - datetime.now(UTC)).total_seconds()))
        assert waits == [10, 20, 25]  # doubling, capped
        assert state.consecutive_failures == 3
        # Still waiting: skipped with the reason, the server not asked.
        hits = srv.hits["/feed"]
        with Pipeline(_settings(db, [src], backoff_base_s=10.0)) as p:
            res = p.poll_source(src)
        assert res.status == "backing_off" and res.error is not None
        assert res.error.startswith("backing off until ") and res.error.endswith(" UTC")
        assert srv.hits["/feed"] == hits
        summary = summarise([res])
        assert summary["backing_off"] == 1 and summary["skipped"] == {"flaky": res.error}
        # Named explicitly (`--source flaky`): polled anyway. The site is back: recovered.
        srv.routes["/feed"] = ok(rss(srv.base, [srv.url("/p/0")]), "application/rss+xml")
        srv.routes["/p/0"] = ok(article())
        with Pipeline(settings) as p:
            p.override_backoff = True
            res = p.poll_source(src)
        assert res.status == "ok" and res.pages.stored == 1
        with Store(db) as store:
            state = store.source_state("flaky")
        assert state is not None and state.consecutive_failures == 0 and state.next_attempt_at is None


def test_an_outage_does_not_count_against_the_sources(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'o.db'}"
    dead = [Source(f"dead-{i}", f"http://127.0.0.1:{refuse_port()}/feed") for i in range(3)]
    with Pipeline(_settings(db, dead)) as p:
        results = [p.poll_source(s) for s in dead]
        assert p.finish(results) is True
        summary = summarise(results, outage=True)
    assert summary["outage"] is True and summary["failed"] == 3
    with Store(db) as store:
        states = [store.source_state(s.name) for s in dead]
    assert all(s is not None and s.consecutive_failures == 0 and s.next_attempt_at is None for s in states)
    assert all(s is not None and s.last_status == "failed" and "ConnectError" in (s.last_error or "")
               for s in states)
    # One source reachable: the others' network failures are theirs, and counted.
    with FaultServer() as srv:
        srv.routes["/feed"] = ok(rss(srv.base, []), "application/rss+xml")
        alive = Source("alive", srv.url("/feed"))
        with Pipeline(_settings(db, [*dead, alive])) as p:
            results = [p.poll_source(s) for s in [*dead, alive]]
            assert p.finish(results) is False
    with Store(db) as store:
        assert all((st := store.source_state(s.name)) is not None and st.consecutive_failures == 1 for s in dead)


def test_always_304_is_fetched_unconditionally_and_reported_stale(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"

    def always_304(ex: Exchange) -> None:
        if "if-none-match" in ex.headers:
            ex.send(304, b"", None, {"ETag": '"v1"'})
        else:
            ex.send(200, rss(srv.base, []), "application/rss+xml", {"ETag": '"v1"'})

    with FaultServer() as srv:
        srv.routes["/feed"] = always_304
        src = Source("frozen", srv.url("/feed"))
        with Pipeline(_settings(db, [src])) as p:
            assert p.poll_source(src).status == "ok"  # first poll: unconditional
            assert p.poll_source(src).status == "not_modified"  # then conditional
        assert "if-none-match" not in srv.requests[0][1] and srv.requests[1][1]["if-none-match"] == '"v1"'
        with Store(db) as store:  # a day and more later, nothing new for 8 days
            st = store.source_state("frozen")
            assert st is not None
            store.save_source_state(st.__class__(**{**st.__dict__,
                                                    "last_full_fetch_at": datetime.now(UTC) - timedelta(hours=25),
                                                    "last_new_at": datetime.now(UTC) - timedelta(days=8)}))
        with Pipeline(_settings(db, [src])) as p:
            res = p.poll_source(src)
        assert "if-none-match" not in srv.requests[-1][1]  # asked without validators
        assert res.status == "unchanged"  # the same body: a true "not modified"
        assert res.stale is not None and res.stale.startswith("nothing new since ")
        assert summarise([res])["stale"] == {"frozen": res.stale}


def test_crawl_delay_spaces_page_requests(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    times: list[float] = []

    def timed(ex: Exchange) -> None:
        times.append(time.monotonic())
        ex.send(200, article(f"Page {len(times)}"))

    with FaultServer() as srv:
        srv.routes.update(page_feed(timed, pages=3, robots=ok(b"User-agent: *\nCrawl-delay: 0.5\n", "text/plain"))(srv))
        src = Source("polite", srv.url("/feed"))
        with Pipeline(_settings(db, [src])) as p:
            res = p.poll_source(src)
    assert res.pages.stored == 3
    gaps = [b - a for a, b in zip(sorted(times), sorted(times)[1:], strict=False)]
    assert all(g >= 0.45 for g in gaps), gaps


def test_a_failing_page_is_given_up_after_the_limit(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'g.db'}"
    with FaultServer() as srv:
        srv.routes.update(page_feed(ok(b"<html><body></body></html>"))(srv))
        src = Source("empty-pages", srv.url("/feed"))
        for attempt in range(1, 5):
            with Pipeline(_settings(db, [src], max_page_attempts=3)) as p:
                res = p.poll_source(src)
            with Store(db) as store:
                (failure,) = store.page_failures().values()
            if attempt <= 3:
                assert res.pages.failed == 1 and failure.attempts == attempt
                assert failure.gave_up is (attempt == 3) and failure.reason == "no text extracted"
            else:  # given up: not fetched again, and said so
                assert res.pages.failed == 0 and res.pages.skipped_failing == 1 and failure.attempts == 3
        assert srv.hits["/p/0"] == 3
        # The page gets text: nothing more is fetched (given up), so it stays recorded with its reason.
        with Store(db) as store:
            assert store.count_articles() == 0


def test_sources_list_shows_last_error_failures_and_next_attempt(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from newswatch.cli.app import app

    db = f"sqlite:///{tmp_path / 'l.db'}"
    with FaultServer() as srv:
        srv.routes["/feed"] = status(503, Retry_After="1800")
        cfg = tmp_path / "n.toml"
        cfg.write_text('[fetch]\nallow_private_networks = true\n[[sources]]\nname = "busy-wire"\n'
                       f'url = "{srv.url("/feed")}"\n', encoding="utf-8")
        src = Source("busy-wire", srv.url("/feed"))
        with Pipeline(_settings(db, [src])) as p:
            p.finish([p.poll_source(src)])
    result = CliRunner().invoke(app, ["sources", "list", "--json", "--config", str(cfg), "--db", db])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.splitlines()[0])
    assert row["last_status"] == "failed" and row["last_error"] == "HTTP 503" and row["consecutive_failures"] == 1
    wait = (datetime.fromisoformat(row["next_attempt_at"]) - datetime.now(UTC)).total_seconds()
    assert 1700 < wait <= 1800  # the server's Retry-After, scheduled rather than slept
    assert row["stale"] is False and row["last_new_at"] is None
    assert CliRunner().invoke(app, ["sources", "list", "--config", str(cfg), "--db", db]).exit_code == 0
