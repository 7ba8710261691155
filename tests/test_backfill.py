"""Backfill's plain path against a synthetic outlet on 127.0.0.1 and WARCs built here.

The outlet ("Example Harbour Gazette", invented) serves a sitemap index with gzip
children and a Google News sitemap, an RFC 5005 archived feed, a paged feed, a plain
feed and article pages. The window is 2025-09-01..2025-10-15 throughout.
"""

from __future__ import annotations

import gzip
import io
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.backfill import BackfillRequest, LineProgress, backfill_with, run_backfill
from flows.pipeline import Pipeline, poll_all
from newswatch.cli.localsite import LocalSite, Route
from newswatch.errors import ConfigError, FetchError, ParseError
from newswatch.settings import Settings
from newswatch.timeutil import Window as DateWindow
from storage.store import ArticleFilter, Store
from tests.helpers import local_settings

pytest_plugins = ["tests.conftest_db"]

SINCE, UNTIL = "2025-09-01", "2025-10-15"
OUTLET = "Example Harbour Gazette (synthetic)"
GAZETTE = "https://gazette.example.org"  # the outlet's public name, used inside WARCs

# slug -> sitemap lastmod (None: undated). Names carry no digits, so no date hides in a URL.
SEPTEMBER = {
    "edge-before-start": "2025-08-31T23:59:59Z",  # last second before the window
    "edge-start": "2025-09-01T00:00:00Z",  # first second of the window
    "edge-offset": "2025-09-01T07:30:00+08:00",  # 31 August in UTC: outside
    "mid-september": "2025-09-15",
    "undated-notice": None,
}
OCTOBER = {
    "early-october": "2025-10-01T10:00:00Z",
    "edge-end": "2025-10-15T23:59:59Z",  # last second of the window
    "edge-after-end": "2025-10-16T00:00:00Z",  # first second after it
}
AUGUST = {"august-item": "2025-08-10"}  # in a child sitemap last modified before the window
NEWS = {"news-item": ("2025-10-02T08:00:00+00:00", "Gazette news item from the news sitemap")}
IN_WINDOW = ["edge-start", "mid-september", "early-october", "edge-end", "news-item"]

# Feed archive (RFC 5005): current -> 2025-09 -> 2025-08 (all before the window) -> 2025-07.
ARCHIVE = {
    "/archive/current.xml": ([("arch-october-a", "2025-10-10T09:00:00Z"), ("arch-october-b", "2025-10-03T09:00:00Z")],
                             "/archive/2025-09.xml"),
    "/archive/2025-09.xml": ([("arch-september", "2025-09-12T09:00:00Z"), ("arch-late-august", "2025-08-31T22:00:00Z")],
                             "/archive/2025-08.xml"),
    "/archive/2025-08.xml": ([("arch-august", "2025-08-20T09:00:00Z")], "/archive/2025-07.xml"),
    "/archive/2025-07.xml": ([("arch-july", "2025-07-20T09:00:00Z")], None),
}
# Paged RSS (WordPress ?paged=N): page 3 is before the window, page 4 must not be read.
PAGED = {
    1: [("paged-one", "Fri, 10 Oct 2025 09:00:00 +0000")],
    2: [("paged-two", "Mon, 15 Sep 2025 09:00:00 +0000")],
    3: [("paged-three", "Sat, 30 Aug 2025 09:00:00 +0000")],
    4: [("paged-four", "Sun, 10 Aug 2025 09:00:00 +0000")],
}
SOURCES = {
    "gazette-archive": "/archive/current.xml",
    "gazette-paged": "/paged/feed.xml?paged=1",
    "gazette-plain": "/plain/feed.xml",
    "gazette-rss": "/rss.xml",
}


# --- the synthetic outlet ------------------------------------------------------------


def article_html(slug: str) -> bytes:
    """A synthetic article page without a date of its own (the listing's date is used)."""
    words = slug.replace("-", " ")
    paras = [
        f"The harbour council discussed the {words} file at its regular meeting, according to this "
        "synthetic report written for newswatch tests.",
        "Members reviewed ferry timetables, repairs to the eastern pier and the budget for the coming "
        "season, and asked officials for a fuller account of the costs involved.",
        "A spokesperson said the council would publish its minutes after the next meeting, as it usually "
        "does, and that residents could comment on the plans in writing.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paras)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gazette: {escape(words)}</title>'
        f'</head><body><header><a href="/">{OUTLET}</a></header><article><h1>Gazette: {escape(words)}</h1>'
        f"{body}</article><footer><p>Synthetic test content.</p></footer></body></html>"
    ).encode()


def _urlset(base: str, items: Mapping[str, str | None]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/news/{slug}.html</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</url>"
        for slug, mod in items.items()
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()


def _news_sitemap(base: str) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/news/{slug}.html</loc><lastmod>2025-08-01</lastmod><news:news><news:publication>"
        f"<news:name>{OUTLET}</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{published}</news:publication_date><news:title>{escape(title)}</news:title>"
        f"</news:news></url>"
        for slug, (published, title) in NEWS.items()
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def sitemap_index(base: str, children: dict[str, str | None]) -> bytes:
    items = "".join(
        f"<sitemap><loc>{base}{path}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</sitemap>"
        for path, mod in children.items()
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>').encode()


def _atom(base: str, entries: list[tuple[str, str]], prev: str | None) -> bytes:
    links = f'<link rel="prev-archive" href="{prev}"/>' if prev else ""
    items = "".join(
        f'<entry><title>{slug}</title><link href="{base}/news/{slug}.html"/><id>{base}/news/{slug}.html</id>'
        f"<updated>{updated}</updated></entry>"
        for slug, updated in entries
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{OUTLET}</title>'
            f'<id>{base}/archive/</id><updated>2025-10-10T09:00:00Z</updated>{links}{items}</feed>').encode()


def _rss(base: str, items: list[tuple[str, str]], tracking: bool = False) -> bytes:
    suffix = "?utm_source=rss" if tracking else ""
    body = "".join(
        f"<item><title>{slug}</title><link>{base}/news/{slug}.html{suffix}</link><pubDate>{when}</pubDate></item>"
        for slug, when in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{OUTLET}</title>'
            f"<link>{base}/</link><description>synthetic</description>{body}</channel></rss>").encode()


def gazette_routes(base: str) -> dict[str, Route]:
    """Every route of the synthetic outlet."""
    gz = "application/x-gzip"
    routes = {
        "/sitemap_index.xml": Route(sitemap_index(base, {
            "/sitemaps/august.xml.gz": "2025-08-31T12:00:00Z",
            "/sitemaps/september.xml.gz": "2025-09-30T12:00:00Z",
            "/sitemaps/october.xml.gz": None,
            "/news-sitemap.xml": "2025-10-02T08:00:00Z",
        }), "application/xml"),
        "/sitemaps/august.xml.gz": Route(gzip.compress(_urlset(base, AUGUST)), gz),
        "/sitemaps/september.xml.gz": Route(gzip.compress(_urlset(base, SEPTEMBER)), gz),
        "/sitemaps/october.xml.gz": Route(gzip.compress(_urlset(base, OCTOBER)), gz),
        "/news-sitemap.xml": Route(_news_sitemap(base), "application/xml"),
        "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\nSitemap: /news-sitemap.xml\n", "text/plain"),
        "/plain/feed.xml": Route(_rss(base, [("plain-one", "Thu, 02 Oct 2025 09:00:00 +0000")]),
                                 "application/rss+xml"),
        "/rss.xml": Route(_rss(base, [("edge-start", "Mon, 01 Sep 2025 00:00:00 +0000"),
                                      ("mid-september", "Mon, 15 Sep 2025 09:00:00 +0000")], tracking=True),
                          "application/rss+xml"),
        "/not-a-sitemap.html": Route(article_html("not-a-sitemap")),
    }
    for path, (entries, prev) in ARCHIVE.items():
        routes[path] = Route(_atom(base, entries, prev), "application/atom+xml")
    for n, items in PAGED.items():
        routes[f"/paged/feed.xml?paged={n}"] = Route(_rss(base, items), "application/rss+xml")
    slugs = [*SEPTEMBER, *OCTOBER, *AUGUST, *NEWS, "plain-one"]
    slugs += [slug for entries, _ in ARCHIVE.values() for slug, _ in entries]
    slugs += [slug for items in PAGED.values() for slug, _ in items]
    for slug in slugs:
        routes[f"/news/{slug}.html"] = Route(article_html(slug))
    return routes


def gazette_settings(site: LocalSite, db_url: str, **fetch: object) -> Settings:
    """Settings for the outlet; one extraction process, as each worker takes a while to warm up."""
    return local_settings(site, db_url, SOURCES, **{"extract_workers": 1, "timeout_s": 10.0, **fetch})


def gazette_config(tmp_path: Path, site: LocalSite) -> Path:
    """The same settings as a TOML file, for the command line and the Prefect flow."""
    sources = "".join(f'[[sources]]\nname = "{name}"\nurl = "{site.url(path)}"\n\n' for name, path in SOURCES.items())
    path = tmp_path / "gazette.toml"
    path.write_text(
        "[fetch]\nallow_private_networks = true\ntimeout_s = 10.0\nretries = 0\nextract_workers = 1\n\n" + sources,
        encoding="utf-8",
    )
    return path


def build_warc(path: Path, pages: list[tuple[str, str | None]], *, status: str = "200 OK",
               extra: bool = True) -> Path:
    """A gzipped WARC: a warcinfo record, HTML responses (url, WARC-Date), and noise to skip."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newswatch tests"}))
        for url, when in pages:
            _warc_response(writer, url, article_html(url.rsplit("/", 1)[-1].removesuffix(".html")), when, status)
        if extra:
            _warc_response(writer, f"{GAZETTE}/logo.png", b"\x89PNG fake", "2025-09-20T00:00:00Z",
                           content_type="image/png")
            _warc_response(writer, f"{GAZETTE}/news/gone.html", b"gone", "2025-09-20T00:00:00Z",
                           "404 Not Found")
    return path


def _warc_response(writer: WARCWriter, url: str, body: bytes, when: str | None, status: str = "200 OK",
                   content_type: str = "text/html; charset=utf-8") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    if when is None:
        record.rec_headers.remove_header("WARC-Date")
    else:
        record.rec_headers.replace_header("WARC-Date", when)
    writer.write_record(record)


WARC_PAGES = [
    (f"{GAZETTE}/news/warc-start.html", "2025-09-01T00:00:00Z"),
    (f"{GAZETTE}/news/warc-middle.html?utm_source=feed", "2025-09-20T12:00:00Z"),
    (f"{GAZETTE}/news/warc-end.html", "2025-10-15T23:59:59Z"),
    (f"{GAZETTE}/news/warc-before.html", "2025-08-31T23:59:59Z"),
    (f"{GAZETTE}/news/warc-after.html", "2025-10-16T00:00:00Z"),
    (f"{GAZETTE}/news/warc-undated.html", None),
    (f"{GAZETTE}/news/warc-start.html", "2025-09-02T00:00:00Z"),  # a second capture
]
WARC_IN_WINDOW = {
    f"{GAZETTE}/news/warc-start.html",
    f"{GAZETTE}/news/warc-middle.html",  # tracking parameter dropped, as ingest does
    f"{GAZETTE}/news/warc-end.html",
}


# --- fixtures and helpers ------------------------------------------------------------


@pytest.fixture
def gazette() -> Iterator[LocalSite]:
    with LocalSite() as site:
        site.routes.update(gazette_routes(site.base))
        yield site


def request(**options: Any) -> BackfillRequest:
    options.setdefault("since", SINCE)
    options.setdefault("until", UNTIL)
    return BackfillRequest.from_options(**options)


def stored(db_url: str) -> dict[str, dict[str, Any]]:
    """Stored records by URL."""
    with Store(db_url) as store:
        return {row["url"]: row for row in store.list_articles(ArticleFilter(limit=None))}


def news_urls(site: LocalSite, slugs: list[str]) -> set[str]:
    return {site.url(f"/news/{slug}.html") for slug in slugs}


def page_hits(site: LocalSite) -> int:
    return sum(n for path, n in site.hits.items() if path.startswith("/news/"))


class InterruptAfter:
    """A progress reporter that simulates Ctrl-C once ``count`` items are stored."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.storing = False
        self.done = 0

    def phase(self, name: str, total: int | None = None) -> None:
        self.storing = "storing" in name

    def advance(self, n: int = 1) -> None:
        if self.storing:
            self.done += n
            if self.done >= self.count:
                raise KeyboardInterrupt


# --- sitemaps ------------------------------------------------------------------------


def test_sitemap_index_with_gzip_children_and_news_sitemap_respects_window_edges(
    gazette: LocalSite, db_url: str
) -> None:
    summary = run_backfill(gazette_settings(gazette, db_url), request(sitemap=gazette.url("/sitemap_index.xml")))

    records = stored(db_url)
    assert set(records) == news_urls(gazette, IN_WINDOW)
    assert summary["stored"] == 5 and summary["failed_pages"] == 0 and summary["complete"]
    assert (summary["listed"], summary["selected"], summary["outside_window"], summary["undated"]) == (9, 5, 3, 1)
    # index + september + october + news; august was last modified before the window.
    assert (summary["documents_read"], summary["documents_skipped"]) == (4, 1)
    assert gazette.hits.get("/sitemaps/august.xml.gz", 0) == 0
    assert page_hits(gazette) == 5  # nothing outside the window was fetched
    news = records[gazette.url("/news/news-item.html")]
    assert news["published_from"] == "sitemap"
    assert news["published_at"].startswith("2025-10-02")  # publication_date wins over lastmod
    assert news["sources"] == ["backfill:sitemap:127.0.0.1"]
    assert summary["resumed"] is False


def test_undated_items_are_selected_only_when_asked(gazette: LocalSite, db_url: str) -> None:
    index = gazette.url("/sitemap_index.xml")
    summary = run_backfill(gazette_settings(gazette, db_url),
                           request(sitemap=index, include_undated=True, dry_run=True))

    assert (summary["undated"], summary["selected"]) == (1, 6)
    assert set(summary["urls"]) == news_urls(gazette, [*IN_WINDOW, "undated-notice"])


def test_repeat_adds_nothing_and_urls_from_ingest_are_not_stored_twice(gazette: LocalSite, db_url: str) -> None:
    settings = gazette_settings(gazette, db_url)
    with Pipeline(settings) as pipeline:  # ingest stores two of the sitemap's pages (with utm_ links)
        ingest = pipeline.poll_source(next(s for s in settings.sources if s.name == "gazette-rss"))
        assert ingest.pages.stored == 2
        first = backfill_with(pipeline, request(sitemap=gazette.url("/sitemap_index.xml")))
    assert (first["already_stored"], first["stored"], first["resumed"]) == (2, 3, True)
    hits = page_hits(gazette)
    second = run_backfill(settings, request(sitemap=gazette.url("/sitemap_index.xml")))

    assert (second["already_stored"], second["stored"], second["analysed"]) == (5, 0, 0)
    assert page_hits(gazette) == hits  # nothing fetched again
    records = stored(db_url)
    assert set(records) == news_urls(gazette, IN_WINDOW)
    shared = records[gazette.url("/news/edge-start.html")]
    assert shared["sources"][0] == "gazette-rss" and len(shared["sources"]) == 2  # one record, seen by both


def test_interrupted_backfill_resumes_where_it_stopped(gazette: LocalSite, db_url: str) -> None:
    settings = gazette_settings(gazette, db_url)
    req = request(sitemap=gazette.url("/sitemap_index.xml"))
    with pytest.raises(KeyboardInterrupt):
        run_backfill(settings, req, progress=InterruptAfter(2), batch=2)
    assert len(stored(db_url)) == 2  # the finished batch is kept

    summary = run_backfill(settings, req, batch=2)

    assert (summary["resumed"], summary["already_stored"], summary["stored"]) == (True, 2, 3)
    assert set(stored(db_url)) == news_urls(gazette, IN_WINDOW)


def test_failed_pages_are_counted_and_fetched_on_the_next_run(gazette: LocalSite, db_url: str) -> None:
    gazette.routes["/news/mid-september.html"] = Route(status=503)
    with Pipeline(gazette_settings(gazette, db_url)) as pipeline:
        summary = backfill_with(pipeline, request(sitemap=gazette.url("/sitemap_index.xml")))
        assert (summary["stored"], summary["failed_pages"], summary["complete"]) == (4, 1, False)
        assert "mid-september" in summary["page_errors"][0]

        gazette.routes["/news/mid-september.html"] = Route(article_html("mid-september"))
        again = backfill_with(pipeline, request(sitemap=gazette.url("/sitemap_index.xml")))

    assert (again["already_stored"], again["stored"], again["complete"]) == (4, 1, True)


def test_site_root_reads_sitemaps_named_in_robots_txt(gazette: LocalSite, db_url: str) -> None:
    summary = run_backfill(gazette_settings(gazette, db_url), request(sitemap=gazette.url("/"), dry_run=True))

    assert gazette.hits["/robots.txt"] == 1
    assert summary["urls"] == [gazette.url("/news/news-item.html")]
    assert summary["documents_read"] == 1 and "/sitemap_index.xml" not in gazette.hits


def test_dry_run_lists_newest_first_and_fetches_no_page(gazette: LocalSite, db_url: str) -> None:
    summary = run_backfill(gazette_settings(gazette, db_url),
                           request(sitemap=gazette.url("/sitemap_index.xml"), dry_run=True))

    expected = ["edge-end", "news-item", "early-october", "mid-september", "edge-start"]
    assert summary["urls"] == [gazette.url(f"/news/{slug}.html") for slug in expected]
    assert page_hits(gazette) == 0
    assert stored(db_url) == {} and summary["stored"] == 0 and summary["complete"] is False


@pytest.mark.parametrize(
    ("child", "route", "error", "message"),
    [
        ("/not-a-sitemap.html", None, ParseError, "it is an HTML page"),
        ("/missing.xml", None, FetchError, "HTTP 404"),
        ("/cut.xml.gz", Route(gzip.compress(_urlset(GAZETTE, {f"item-{i}": None for i in range(300)}))[:300],
                              "application/x-gzip"),
         ParseError, "truncated gzip"),
        ("/rss.xml", None, ParseError, "it is a feed"),
    ],
)
def test_bad_sitemap_anywhere_in_the_index_stores_nothing(
    gazette: LocalSite, db_url: str, child: str, route: Route | None, error: type[Exception], message: str
) -> None:
    if route is not None:
        gazette.routes[child] = route
    gazette.routes["/bad-index.xml"] = Route(sitemap_index(gazette.base, {
        "/sitemaps/september.xml.gz": None, "/sitemaps/october.xml.gz": None, child: None,
    }), "application/xml")

    with pytest.raises(error) as raised:
        run_backfill(gazette_settings(gazette, db_url), request(sitemap=gazette.url("/bad-index.xml")))

    assert gazette.url(child) in str(raised.value) and message in str(raised.value)
    assert page_hits(gazette) == 0 and stored(db_url) == {}


def test_private_network_rule_applies_to_sitemaps(gazette: LocalSite, db_url: str) -> None:
    settings = gazette_settings(gazette, db_url, allow_private_networks=False)

    with pytest.raises(FetchError, match="not a public address"):
        run_backfill(settings, request(sitemap=gazette.url("/sitemap_index.xml")))
    assert gazette.hits == {} and stored(db_url) == {}


# --- feed archives -------------------------------------------------------------------


def test_rfc5005_archive_is_walked_back_to_the_window_start(gazette: LocalSite, db_url: str) -> None:
    summary = run_backfill(gazette_settings(gazette, db_url), request(source="gazette-archive"))

    assert set(stored(db_url)) == news_urls(gazette, ["arch-october-a", "arch-october-b", "arch-september"])
    assert gazette.hits["/archive/2025-08.xml"] == 1  # read to learn it is all before the window...
    assert gazette.hits.get("/archive/2025-07.xml", 0) == 0  # ...so the walk stops there
    assert (summary["documents_read"], summary["outside_window"], summary["source"]) == (3, 2, "gazette-archive")
    assert stored(db_url)[gazette.url("/news/arch-september.html")]["published_from"] == "feed"


def test_paged_feed_is_followed_until_the_window_start(gazette: LocalSite, db_url: str) -> None:
    summary = run_backfill(gazette_settings(gazette, db_url), request(source="gazette-paged", dry_run=True))

    assert summary["urls"] == [gazette.url(f"/news/{slug}.html") for slug in ("paged-one", "paged-two")]
    assert [gazette.hits.get(f"/paged/feed.xml?paged={n}", 0) for n in (1, 2, 3, 4)] == [1, 1, 1, 0]
    assert summary["documents_read"] == 3


def test_a_server_ignoring_page_guesses_ends_the_walk(gazette: LocalSite, db_url: str) -> None:
    # /plain/feed.xml?paged=2 and ?page=2 both answer with the first page again.
    summary = run_backfill(gazette_settings(gazette, db_url), request(source="gazette-plain", dry_run=True))

    assert gazette.hits["/plain/feed.xml"] == 3  # the feed, then each guess once
    assert summary["documents_read"] == 1 and summary["urls"] == [gazette.url("/news/plain-one.html")]


def test_unknown_source_is_an_error(gazette: LocalSite, db_url: str) -> None:
    with pytest.raises(ConfigError, match="unknown source"):
        run_backfill(gazette_settings(gazette, db_url), request(source="no-such-source"))


# --- WARC ----------------------------------------------------------------------------


def test_warc_pages_in_the_window_are_stored_without_fetching(gazette: LocalSite, db_url: str, tmp_path: Path) -> None:
    warc = build_warc(tmp_path / "CC-NEWS-20250930.warc.gz", WARC_PAGES)

    summary = run_backfill(gazette_settings(gazette, db_url), request(warc=str(warc)))

    records = stored(db_url)
    assert set(records) == WARC_IN_WINDOW
    assert (summary["listed"], summary["outside_window"], summary["undated"], summary["stored"]) == (6, 2, 1, 3)
    assert summary["source"] == "backfill:warc:CC-NEWS-20250930.warc.gz"
    start = records[f"{GAZETTE}/news/warc-start.html"]
    assert (start["published_from"], start["published_at"][:10]) == ("warc", "2025-09-01")  # the first capture
    assert page_hits(gazette) == 0


def test_warc_given_as_a_url_is_streamed_to_a_file_first(gazette: LocalSite, db_url: str, tmp_path: Path) -> None:
    warc = build_warc(tmp_path / "CC-NEWS-20250930.warc.gz", WARC_PAGES)
    gazette.routes["/crawl/CC-NEWS-20250930.warc.gz"] = Route(warc.read_bytes(), "application/warc")

    summary = run_backfill(gazette_settings(gazette, db_url),
                           request(warc=gazette.url("/crawl/CC-NEWS-20250930.warc.gz"), dry_run=True))

    assert set(summary["urls"]) == WARC_IN_WINDOW
    assert summary["source"] == "backfill:warc:CC-NEWS-20250930.warc.gz"
    assert gazette.requests[-1][1]["accept-encoding"] == "identity"  # the file as it is, not re-encoded


def test_warc_repeat_adds_nothing_and_interrupt_resumes(gazette: LocalSite, db_url: str, tmp_path: Path) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz", WARC_PAGES)
    settings = gazette_settings(gazette, db_url)
    req = request(warc=str(warc), include_undated=True)
    with pytest.raises(KeyboardInterrupt):
        run_backfill(settings, req, progress=InterruptAfter(2), batch=2)
    assert len(stored(db_url)) == 2

    resumed = run_backfill(settings, req, batch=2)
    repeated = run_backfill(settings, req, batch=2)

    assert (resumed["already_stored"], resumed["stored"]) == (2, 2)  # three in the window plus the undated one
    assert (repeated["already_stored"], repeated["stored"], repeated["analysed"]) == (4, 0, 0)
    assert len(stored(db_url)) == 4


def test_truncated_warc_stores_nothing(gazette: LocalSite, db_url: str, tmp_path: Path) -> None:
    whole = build_warc(tmp_path / "whole.warc.gz", WARC_PAGES[:3], extra=False).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 40])  # inside the last record

    with pytest.raises(ParseError, match=r"cut\.warc\.gz: truncated"):  # batch=1: storing as it read would show
        run_backfill(gazette_settings(gazette, db_url), request(warc=str(cut)), batch=1)
    assert stored(db_url) == {}


@pytest.mark.parametrize(("content", "message"), [(None, "no such WARC"), (b"<html>not a warc</html>", "not a")])
def test_missing_or_foreign_warc_is_an_error(
    gazette: LocalSite, db_url: str, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.warc"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ParseError, match=message):
        run_backfill(gazette_settings(gazette, db_url), request(warc=str(path)))
    assert stored(db_url) == {}


# --- URL lists -----------------------------------------------------------------------


def test_url_list_with_comments_and_repeats(gazette: LocalSite, db_url: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "# gazette items to backfill\n\n"
        f"{gazette.url('/news/edge-start.html')}\n"
        f"{gazette.url('/news/august-item.html')}   # dates do not filter a URL list\n"
        f"{gazette.url('/news/edge-start.html')}?utm_source=newsletter\n",
        encoding="utf-8",
    )
    summary = run_backfill(gazette_settings(gazette, db_url), BackfillRequest.from_options(urls=str(urls)))

    records = stored(db_url)
    assert set(records) == news_urls(gazette, ["edge-start", "august-item"])
    assert summary["listed"] == 2 and summary["stored"] == 2
    assert records[gazette.url("/news/edge-start.html")]["sources"] == ["backfill:urls:urls.txt"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read URL list"),
        (b"https://gazette.example.org/a.html\n\xff\xfe broken\n", "not UTF-8"),
        (b"https://gazette.example.org/a.html\nftp://gazette.example.org/b\n", ":2: not an http(s) URL"),
    ],
    ids=["missing", "binary", "bad-line"],
)
def test_unreadable_url_list_stores_nothing(
    gazette: LocalSite, db_url: str, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "urls.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ParseError, match=re.escape(message)):
        run_backfill(gazette_settings(gazette, db_url), BackfillRequest.from_options(urls=str(path)))
    assert stored(db_url) == {}


# --- requests, progress, concurrency --------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "exactly one"),
        ({"sitemap": "https://example.org/s.xml", "urls": "u.txt"}, r"exactly one .* \(got sitemap, urls\)"),
        ({"sitemap": "https://example.org/s.xml", "since": "1 Sept"}, "since: expected an ISO date"),
        ({"sitemap": "https://example.org/s.xml", "since": "2025-10-02", "until": "2025-10-01"}, "starts at or after"),
        ({"urls": "u.txt", "since": "2025-10-01"}, "no dates"),
    ],
)
def test_bad_requests_are_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        BackfillRequest.from_options(**options)


def test_request_parses_inclusive_window() -> None:
    req = BackfillRequest.from_options(source="gazette-archive", since="2025-09-01", until="2025-09-01")
    assert req.window == DateWindow(date(2025, 9, 1), date(2025, 9, 1))
    assert req.window.contains(datetime(2025, 9, 1, 23, 59, 59, tzinfo=UTC))


def test_line_progress_reports_counts_and_eta() -> None:
    lines: list[str] = []
    progress = LineProgress(lines.append, every=2)
    progress.phase("fetching and storing", total=4)
    for _ in range(4):
        progress.advance()
    progress.phase("reading sitemaps")
    progress.advance(3)

    assert lines[0] == "fetching and storing: 4 to do"
    assert lines[1].startswith("fetching and storing: 2/4 (50%), eta ")
    assert lines[2] == "fetching and storing: 4/4 (100%)"
    assert lines[3:] == ["reading sitemaps ...", "reading sitemaps: 3"]


def test_backfill_and_ingest_at_once_store_each_url_once(gazette: LocalSite, store_url: str) -> None:
    """On SQLite and on PostgreSQL."""
    db_url = store_url
    settings = gazette_settings(gazette, db_url)
    # A slow page keeps both runs busy on the same URLs at the same time.
    gazette.routes["/news/edge-start.html"] = replace(gazette.routes["/news/edge-start.html"], delay=0.3)
    results: dict[str, Any] = {}

    def ingest() -> None:
        with Pipeline(settings) as pipeline:
            results["ingest"] = poll_all(pipeline, [s for s in settings.sources if s.name == "gazette-rss"])

    thread = threading.Thread(target=ingest)
    thread.start()
    summary = run_backfill(settings, request(sitemap=gazette.url("/sitemap_index.xml")))
    thread.join(timeout=30)

    records = stored(db_url)
    assert set(records) == news_urls(gazette, IN_WINDOW)
    ingested = results["ingest"][0].pages
    assert ingested.failed == 0 and summary["failed_pages"] == 0
    # Every URL was inserted exactly once, by one run or the other.
    assert ingested.stored + summary["stored"] == len(records) == 5


def test_warc_captures_without_an_article_are_failures_not_empty_records(
    gazette: LocalSite, db_url: str, tmp_path: Path,
) -> None:
    # Synthetic captures: an image served as text/html, an empty 200 and a page with no text.
    path = tmp_path / "odd.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _warc_response(writer, f"{GAZETTE}/news/picture.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
                       "2025-09-10T00:00:00Z")
        _warc_response(writer, f"{GAZETTE}/news/empty.html", b"", "2025-09-11T00:00:00Z")
        _warc_response(writer, f"{GAZETTE}/news/bare.html", b"<html><body><script>var a = 1;</script></body></html>",
                       "2025-09-12T00:00:00Z")
    settings = gazette_settings(gazette, db_url)

    first = run_backfill(settings, request(warc=str(path)))
    again = run_backfill(settings, request(warc=str(path)))

    assert stored(db_url) == {}
    assert first["stored"] == 0 and first["failed_pages"] == 3 and first["complete"] is False
    reasons = " ".join(first["page_errors"])
    assert "not HTML: PNG image" in reasons and "empty body" in reasons and "no text extracted" in reasons
    assert again["failed_pages"] == 3 and again["already_stored"] == 0  # tried again, nothing fetched
    assert page_hits(gazette) == 0
