"""Sources of kind "sitemap": a Google News sitemap polled like a feed, against a synthetic site
on 127.0.0.1 (invented outlet, demo pages), real SQLite and real worker processes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from flows.pipeline import Pipeline, SourceResult
from flows.sitemap_source import OVERLAP, list_sitemap, listed_since
from newswatch.cli.app import app
from newswatch.cli.localsite import LocalSite, Route
from newswatch.models import SourceState
from newswatch.settings import FetchSettings, Settings, Source, load_settings
from storage.store import ArticleFilter, Store

NEWS_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def news_sitemap(base: str, items: list[tuple[str, datetime]]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/news/{slug}.html</loc><news:news><news:publication>"
        f"<news:name>Harbour Daily (synthetic)</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{when.isoformat()}</news:publication_date>"
        f"<news:title>{slug}</news:title></news:news></url>"
        for slug, when in items
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NEWS_NS}>{urls}</urlset>'.encode()


def sitemap_index(base: str, children: list[tuple[str, datetime]]) -> bytes:
    rows = "".join(f"<sitemap><loc>{base}{path}</loc><lastmod>{when.isoformat()}</lastmod></sitemap>"
                   for path, when in children)
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>').encode()


def poll(site: LocalSite, db_url: str, path: str = "/news-sitemap.xml") -> SourceResult:
    settings = sitemap_settings(site, db_url, path)
    with Pipeline(settings) as p:
        return p.poll_source(settings.sources[0])


def sitemap_settings(site: LocalSite, db_url: str, path: str) -> Settings:
    fetch = FetchSettings(allow_private_networks=True, timeout_s=2.0, retries=0, extract_workers=1)
    return Settings(db_url=db_url, sources=(Source("harbour-sitemap", site.url(path), "en", kind="sitemap"),),
                    fetch=fetch)


def stored_urls(db_url: str) -> set[str]:
    with Store(db_url) as store:
        return {r["url"] for r in store.list_articles(ArticleFilter(limit=None))}


OLD = datetime(2025, 9, 6, 1, tzinfo=UTC)


def test_a_news_sitemap_is_ingested_then_polled_conditionally_then_only_new_entries(
    site: LocalSite, db_url: str,
) -> None:
    site.routes["/news-sitemap.xml"] = Route(
        news_sitemap(site.base, [("harbour-rebuttal", OLD), ("tip-report-released", OLD)]), "application/xml")
    first = poll(site, db_url)
    assert (first.status, first.entries, first.pages.stored) == ("ok", 2, 2)
    assert stored_urls(db_url) == {site.url("/news/harbour-rebuttal.html"), site.url("/news/tip-report-released.html")}
    with Store(db_url) as store:
        rows = {r["url"]: r for r in store.list_articles(ArticleFilter(limit=None))}
    assert rows[site.url("/news/harbour-rebuttal.html")]["sources"] == ["harbour-sitemap"]

    second = poll(site, db_url)  # unchanged: the server answers 304 to the stored ETag
    assert second.status == "not_modified"
    assert "if-none-match" in [h for p, h in site.requests if p == "/news-sitemap.xml"][-1]
    assert site.hits["/news/harbour-rebuttal.html"] == 1

    # The sitemap now also lists an entry published after the last poll and an old one never seen:
    # only the new one is listed (the old one is older than the last poll less the overlap).
    site.routes["/news-sitemap.xml"] = Route(news_sitemap(site.base, [
        ("harbour-rebuttal", OLD), ("tip-report-released", OLD),
        ("ferry-timetable", datetime.now(UTC)), ("zh-rebuttal", OLD - timedelta(days=30)),
    ]), "application/xml")
    third = poll(site, db_url)
    assert (third.status, third.entries, third.new, third.pages.stored) == ("ok", 1, 1, 1)
    assert site.url("/news/ferry-timetable.html") in stored_urls(db_url)
    assert "/news/zh-rebuttal.html" not in site.hits


def test_an_index_is_followed_to_the_children_changed_since_the_last_poll(site: LocalSite, db_url: str) -> None:
    recent = datetime.now(UTC)
    site.routes["/sitemap-index.xml"] = Route(sitemap_index(site.base, [
        ("/sitemap-new.xml", recent), ("/sitemap-2020.xml", datetime(2020, 1, 1, tzinfo=UTC))]), "application/xml")
    site.routes["/sitemap-new.xml"] = Route(news_sitemap(site.base, [("harbour-rebuttal", recent)]), "application/xml")
    site.routes["/sitemap-2020.xml"] = Route(news_sitemap(site.base, [("zh-rebuttal", OLD)]), "application/xml")
    first = poll(site, db_url, "/sitemap-index.xml")  # first poll: every child, every entry
    assert (first.status, first.entries, first.pages.stored) == ("ok", 2, 2)
    # The index changes (a new child); the 2020 child is older than the last poll and not read again.
    site.routes["/sitemap-index.xml"] = Route(sitemap_index(site.base, [
        ("/sitemap-new.xml", recent), ("/sitemap-2020.xml", datetime(2020, 1, 1, tzinfo=UTC)),
        ("/sitemap-newer.xml", datetime.now(UTC))]), "application/xml")
    site.routes["/sitemap-newer.xml"] = Route(news_sitemap(site.base, [("ferry-timetable", datetime.now(UTC))]),
                                              "application/xml")
    second = poll(site, db_url, "/sitemap-index.xml")
    assert second.status == "ok" and second.pages.stored == 1
    assert site.hits["/sitemap-2020.xml"] == 1 and site.hits["/sitemap-newer.xml"] == 1


def test_a_child_that_fails_keeps_no_validators(site: LocalSite, db_url: str) -> None:
    site.routes["/sitemap-index.xml"] = Route(sitemap_index(site.base, [("/gone.xml", OLD)]), "application/xml")
    result = poll(site, db_url, "/sitemap-index.xml")
    assert result.status == "ok" and result.problem and "/gone.xml" in result.problem
    with Store(db_url) as store:
        state = next(s for s in store.list_sources() if s.name == "harbour-sitemap")
    assert state.etag is None and state.body_hash is None  # the next poll reads everything again


def test_not_a_sitemap_fails_the_source_with_the_reason(site: LocalSite, db_url: str) -> None:
    result = poll(site, db_url, "/rss.xml")  # a feed given as a sitemap
    assert result.status == "failed" and result.error and "not a sitemap" in result.error


def test_listed_since_is_the_last_complete_poll_less_the_overlap() -> None:
    at = datetime(2025, 9, 6, 12, tzinfo=UTC)
    state = SourceState("s", "https://news.example.org/sitemap.xml", body_hash="abc", last_success_at=at)
    assert listed_since(state) == at - OVERLAP
    assert listed_since(replace(state, body_hash=None)) is None  # the last poll was incomplete
    assert listed_since(SourceState("s", "https://news.example.org/sitemap.xml")) is None  # never polled


def test_undated_entries_are_always_listed(site: LocalSite) -> None:
    body = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{site.base}/a</loc></url><url><loc>{site.base}/b</loc><lastmod>2020-01-01</lastmod></url>"
            f"</urlset>").encode()
    from flows.fetch import make_client

    fetch = FetchSettings(allow_private_networks=True)
    with make_client(fetch) as client:
        entries, problem = list_sitemap(client, fetch, body, site.url("/s.xml"), OLD)
    assert [e.url for e in entries] == [f"{site.base}/a"] and problem is None


def test_sources_list_shows_the_kind_and_health(site: LocalSite, db_url: str, tmp_path: Path) -> None:
    site.routes["/news-sitemap.xml"] = Route(news_sitemap(site.base, [("harbour-rebuttal", OLD)]), "application/xml")
    cfg = tmp_path / "newswatch.toml"
    cfg.write_text(f'[fetch]\nallow_private_networks = true\nretries = 0\n\n[[sources]]\nname = "harbour-sitemap"\n'
                   f'url = "{site.url("/news-sitemap.xml")}"\nkind = "sitemap"\n', encoding="utf-8")
    settings = load_settings(cfg, db_url, env={})
    with Pipeline(settings) as p:
        assert p.poll_source(settings.sources[0]).pages.stored == 1
    result = CliRunner().invoke(app, ["sources", "list", "--json", "--config", str(cfg), "--db", db_url])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.splitlines()[0])
    assert (row["name"], row["kind"], row["last_status"]) == ("harbour-sitemap", "sitemap", "ok")
