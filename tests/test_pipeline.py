"""The ingest path without Prefect: real HTTP on 127.0.0.1, real SQLite, real worker processes."""

from __future__ import annotations

import hashlib

from flows.pipeline import Pipeline, poll_all, summarise
from newswatch.cli.demo import page, rss
from newswatch.cli.localsite import LocalSite, Route
from storage.store import ArticleFilter, Store
from tests.helpers import local_settings


def run(site: LocalSite, db_url: str, paths: dict[str, str] | None = None, **fetch: object) -> dict:
    settings = local_settings(site, db_url, paths, **fetch)
    with Pipeline(settings) as p:
        return summarise(poll_all(p, list(settings.sources)))


def by_source(summary: dict) -> dict[str, dict]:
    return {r["source"]: r for r in summary["per_source"]}


def test_full_run_stores_each_article_once_with_its_sources(site: LocalSite, db_url: str) -> None:
    summary = run(site, db_url)
    assert summary["failed"] == 0 and summary["ok"] == 3
    assert summary["entries_seen"] == 6  # 3 + 2 + 1 feed entries
    assert summary["stored"] == 4  # the shared article and the JSON feed's duplicate are stored once
    with Store(db_url) as store:
        rows = store.list_articles(ArticleFilter(limit=None))
    assert len(rows) == 4
    assert len({r["url"] for r in rows}) == 4
    shared = next(r for r in rows if r["url"].endswith("/news/harbour-rebuttal.html"))
    assert sorted(shared["sources"]) == ["harbour-daily", "lotus-wire"]
    assert shared["published_from"] == "page"
    assert shared["published_at"].startswith("2025-09-06T01:00:00")
    assert "unsubstantiated remarks" in shared["text"]
    assert shared["raw_sha256"] == hashlib.sha256(page("harbour-rebuttal")).hexdigest()  # raw page kept intact
    tip = next(r for r in rows if r["url"].endswith("/news/tip-report-released.html"))
    assert sorted(tip["sources"]) == ["harbour-daily", "pier-post"]
    ferry = next(r for r in rows if "ferry" in r["url"])
    assert ferry["is_report"] is False and ferry["is_rebuttal"] is False
    assert shared["is_rebuttal"] is True and shared["evidence"]


def test_second_run_is_conditional_and_extracts_nothing(site: LocalSite, db_url: str) -> None:
    run(site, db_url)
    page_hits = sum(v for k, v in site.hits.items() if k.startswith("/news/"))
    again = run(site, db_url)
    assert {r["status"] for r in again["per_source"]} == {"not_modified"}
    assert again["extracted"] == 0 and again["fetched"] == 0 and again["stored"] == 0
    assert sum(v for k, v in site.hits.items() if k.startswith("/news/")) == page_hits
    feed_requests = [h for p, h in site.requests if p == "/rss.xml"]
    assert "if-none-match" in feed_requests[-1]
    with Store(db_url) as store:  # "not modified" states are written together when the run closes
        states = {s.name: s for s in store.list_sources()}
    assert {s.last_status for s in states.values()} == {"not_modified"}
    assert all(s.consecutive_failures == 0 and s.etag for s in states.values())


def test_server_without_validators_is_caught_by_body_hash(site: LocalSite, db_url: str) -> None:
    site.routes["/rss.xml"].etag = False
    run(site, db_url, {"harbour-daily": "/rss.xml"})
    again = run(site, db_url, {"harbour-daily": "/rss.xml"})
    assert by_source(again)["harbour-daily"]["status"] == "unchanged"
    assert again["fetched"] == 0


def test_malformed_feed_is_used_and_its_problem_recorded(site: LocalSite, db_url: str) -> None:
    site.routes["/bad.xml"] = Route(b"\n\n" + rss(site.base, ["ferry-timetable"]), "application/rss+xml")
    summary = run(site, db_url, {"broken": "/bad.xml"})
    result = by_source(summary)["broken"]
    assert result["status"] == "ok" and result["stored"] == 1
    assert result["problem"]
    with Store(db_url) as store:
        state = store.source_state("broken")
    assert state is not None and state.last_error == result["problem"]


def test_not_a_feed_fails_that_source_only(site: LocalSite, db_url: str) -> None:
    site.routes["/page.html"] = Route(b"<html><body><p>hello</p></body></html>")
    summary = run(site, db_url, {"html": "/page.html", "harbour-daily": "/rss.xml"})
    assert by_source(summary)["html"]["status"] == "failed"
    assert "not a feed" in by_source(summary)["html"]["error"]
    assert by_source(summary)["harbour-daily"]["stored"] == 3


def test_entry_whose_page_404s_is_reported_and_others_stored(site: LocalSite, db_url: str) -> None:
    site.routes["/news/ferry-timetable.html"] = Route(status=404)
    summary = run(site, db_url, {"harbour-daily": "/rss.xml"})
    result = by_source(summary)["harbour-daily"]
    assert result["failed_pages"] == 1 and result["stored"] == 2
    assert "HTTP 404" in result["page_errors"][0]
    # A 404 may be a page not published yet: it is tried on the next runs (the feed is read
    # again for it) up to max_page_attempts (3), then given up, and then the feed is a 304.
    for attempt in (2, 3):
        again = by_source(run(site, db_url, {"harbour-daily": "/rss.xml"}))["harbour-daily"]
        assert again["status"] == "ok" and again["failed_pages"] == 1 and again["stored"] == 0
        assert site.hits["/news/ferry-timetable.html"] == attempt
    given_up = by_source(run(site, db_url, {"harbour-daily": "/rss.xml"}))["harbour-daily"]
    assert given_up["status"] == "ok" and given_up["skipped_failing_pages"] == 1 and given_up["failed_pages"] == 0
    assert by_source(run(site, db_url, {"harbour-daily": "/rss.xml"}))["harbour-daily"]["status"] == "not_modified"
    assert site.hits["/news/ferry-timetable.html"] == 3


def test_transient_page_failure_is_retried_next_run(site: LocalSite, db_url: str) -> None:
    site.routes["/news/ferry-timetable.html"] = Route(status=503)
    first = run(site, db_url, {"harbour-daily": "/rss.xml"})
    assert first["stored"] == 2 and first["failed_pages"] == 1
    page = b"<html><body><article><p>" + b"The ferry adds sailings. " * 20 + b"</p></article></body></html>"
    site.routes["/news/ferry-timetable.html"] = Route(page)
    second = run(site, db_url, {"harbour-daily": "/rss.xml"})
    assert by_source(second)["harbour-daily"]["status"] == "ok"  # validators were not kept
    assert second["stored"] == 1 and second["new_articles"] == 1


def test_timeout_of_one_source_does_not_stop_the_others(site: LocalSite, db_url: str) -> None:
    site.routes["/slow.xml"] = Route(rss(site.base, ["ferry-timetable"]), delay=2.0)
    summary = run(site, db_url, {"slow": "/slow.xml", "lotus-wire": "/atom.xml"}, timeout_s=0.5)
    assert by_source(summary)["slow"]["status"] == "failed"
    assert "timed out" in by_source(summary)["slow"]["error"]
    assert by_source(summary)["lotus-wire"]["stored"] == 2
    assert summary["failures"] == {"slow": by_source(summary)["slow"]["error"]}
    with Store(db_url) as store:
        state = store.source_state("slow")
    assert state is not None and state.consecutive_failures == 1 and state.last_status == "failed"


def test_private_addresses_are_refused_unless_allowed(site: LocalSite, db_url: str) -> None:
    summary = run(site, db_url, allow_private_networks=False)
    assert summary["failed"] == 3 and summary["stored"] == 0
    assert all("not a public address" in r["error"] for r in summary["per_source"])
    assert site.hits == {}


def test_new_entries_appear_on_a_later_run(site: LocalSite, db_url: str) -> None:
    site.routes["/rss.xml"] = Route(rss(site.base, ["ferry-timetable"]), "application/rss+xml")
    assert run(site, db_url, {"harbour-daily": "/rss.xml"})["stored"] == 1
    site.routes["/rss.xml"] = Route(rss(site.base, ["ferry-timetable", "harbour-rebuttal"]), "application/rss+xml")
    later = run(site, db_url, {"harbour-daily": "/rss.xml"})
    assert later["new_articles"] == 1 and later["stored"] == 1


def test_page_fetches_are_capped_per_host(site: LocalSite, db_url: str) -> None:
    slugs = [f"slow-{i}" for i in range(8)]
    items = "".join(f"<item><link>{site.base}/news/{s}.html</link></item>" for s in slugs)
    site.routes["/many.xml"] = Route(f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode())
    body = b"<html><body><article><p>" + b"A slow page about the harbour. " * 20 + b"</p></article></body></html>"
    for s in slugs:
        site.routes[f"/news/{s}.html"] = Route(body, delay=0.3)
    summary = run(site, db_url, {"many": "/many.xml"}, per_host=2, concurrency=8)
    assert summary["stored"] == 8
    assert site.max_in_flight == 2  # 8 pages, 8 threads, one host: never more than 2 at once


def test_robots_txt_is_obeyed_for_pages_and_read_once(site: LocalSite, db_url: str) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /news/ferry\n", "text/plain")
    summary = run(site, db_url, {"harbour-daily": "/rss.xml", "lotus-wire": "/atom.xml"})
    assert summary["stored"] == 3 and summary["failed_pages"] == 1
    assert "robots.txt" in by_source(summary)["harbour-daily"]["page_errors"][0]
    assert "/news/ferry-timetable.html" not in site.hits
    assert site.hits["/robots.txt"] == 1  # one site, asked once however many threads fetch from it


def test_robots_txt_can_be_ignored_by_setting(site: LocalSite, db_url: str) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /\n", "text/plain")
    summary = run(site, db_url, {"harbour-daily": "/rss.xml"}, respect_robots=False)
    assert summary["stored"] == 3
    assert "/robots.txt" not in site.hits
