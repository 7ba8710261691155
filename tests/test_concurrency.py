"""Several processes on one database at once: first open of an empty database, and two
ingest runs plus a backfill storing overlapping articles (SQLite and PostgreSQL)."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from html import escape
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from newswatch.cli.localsite import LocalSite, Route
from newswatch.models import PageRecord
from newswatch.settings import FetchSettings, Settings, Source
from storage.schema import SCHEMA_REVISION
from storage.store import ArticleFilter, Store, current_revision

pytest_plugins = ["tests.conftest_db"]
MakePage = Callable[..., PageRecord]
ARTICLES = 24
FEED_A = range(0, 16)
FEED_B = range(8, 24)  # 8..15 are in both feeds, and in the backfill (all 24)
CTX = multiprocessing.get_context("spawn")  # the parent runs server threads: never fork it


def _page(i: int) -> bytes:
    title = f"Harbour council story number {i} (synthetic)"
    paras = "".join(
        f"<p>Paragraph {p} of synthetic story {i}: the harbour council met on Tuesday to discuss ferry "
        f"timetables, pier repairs and the budget for the coming year, officials said.</p>"
        for p in range(4)
    )
    published = (datetime(2025, 9, 1, tzinfo=UTC) + timedelta(hours=i)).isoformat()
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><article><h1>{escape(title)}</h1>{paras}</article></body></html>"
    ).encode()


def _rss(base: str, items: range) -> bytes:
    entries = "".join(f"<item><title>Story {i}</title><link>{base}/story/{i}.html</link></item>" for i in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{base}/</link>'
            f"{entries}</channel></rss>").encode()


def _site() -> LocalSite:
    site = LocalSite().start()
    site.routes["/a.xml"] = Route(_rss(site.base, FEED_A), "application/rss+xml")
    site.routes["/b.xml"] = Route(_rss(site.base, FEED_B), "application/rss+xml")
    for i in range(ARTICLES):
        site.routes[f"/story/{i}.html"] = Route(_page(i), delay=0.05)  # slow pages: the runs overlap
    return site


def _settings(base: str, db_url: str) -> Settings:
    fetch = FetchSettings(allow_private_networks=True, timeout_s=20.0, retries=2, extract_workers=1, concurrency=4)
    return Settings(db_url=db_url, sources=(Source("feed-a", base + "/a.xml"), Source("feed-b", base + "/b.xml")),
                    fetch=fetch)


def _worker(kind: str, base: str, db_url: str, barrier: Barrier, results: Any) -> None:
    """One process: poll a feed (an ingest run) or process every URL (a backfill)."""
    from flows.pipeline import Candidate, Pipeline

    settings = _settings(base, db_url)
    barrier.wait(timeout=60)
    try:
        with Pipeline(settings) as pipeline:  # opening the store races the others' migration
            if kind == "backfill":
                candidates = [Candidate(f"{base}/story/{i}.html") for i in range(ARTICLES)]
                counts, _ = pipeline.process("backfill", candidates)
                results.put((kind, "ok", counts.stored, counts.failed))
            else:
                source = next(s for s in settings.sources if s.name == kind)
                res = pipeline.poll_source(source)
                results.put((kind, res.status, res.pages.stored, res.pages.failed))
    except Exception as exc:  # reported to the test, which fails on it
        results.put((kind, f"error: {exc!r}", 0, 0))


def test_two_ingests_and_a_backfill_store_every_article_once(store_url: str) -> None:
    site = _site()
    try:
        barrier = CTX.Barrier(3)
        results = CTX.Queue()
        procs = [CTX.Process(target=_worker, args=(kind, site.base, store_url, barrier, results))
                 for kind in ("feed-a", "feed-b", "backfill")]
        for p in procs:
            p.start()
        outcome = {}
        for _ in procs:
            kind, status, stored, failed = results.get(timeout=150)
            outcome[kind] = (status, stored, failed)
        for p in procs:
            p.join(timeout=30)
    finally:
        site.stop()
    assert {k: v[0] for k, v in outcome.items()} == {"feed-a": "ok", "feed-b": "ok", "backfill": "ok"}, outcome
    assert all(v[2] == 0 for v in outcome.values()), outcome  # no page failed
    assert sum(v[1] for v in outcome.values()) == ARTICLES  # each article inserted by exactly one run

    with Store(store_url) as store:
        rows = store.list_articles(ArticleFilter(limit=None))
        with store.engine.connect() as conn:
            links = conn.execute(text("SELECT count(*) FROM article_sources")).scalar_one()
    urls = sorted(r["url"] for r in rows)
    assert urls == sorted(f"{site.base}/story/{i}.html" for i in range(ARTICLES))
    by_url = {r["url"]: set(r["sources"]) for r in rows}
    for i in range(ARTICLES):
        expected = {"backfill"} | ({"feed-a"} if i in FEED_A else set()) | ({"feed-b"} if i in FEED_B else set())
        assert by_url[f"{site.base}/story/{i}.html"] == expected, i
    assert links == len(FEED_A) + len(FEED_B) + ARTICLES
    assert all("harbour council met" in r["text"] for r in rows)


def _open(db_url: str, barrier: Barrier, results: Any) -> None:
    barrier.wait(timeout=60)
    try:
        with Store(db_url) as store:
            results.put(current_revision(store.engine))
    except Exception as exc:
        results.put(f"error: {exc!r}")


def test_processes_opening_an_empty_database_at_once_all_succeed(store_url: str) -> None:
    n = 4
    barrier = CTX.Barrier(n)
    results = CTX.Queue()
    procs = [CTX.Process(target=_open, args=(store_url, barrier, results)) for _ in range(n)]
    for p in procs:
        p.start()
    revisions = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert revisions == [SCHEMA_REVISION] * n
    with Store(store_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


def test_sqlite_write_waits_for_a_lock_instead_of_failing(tmp_path: Path, make_page: MakePage) -> None:
    db = tmp_path / "locked.db"
    with Store(f"sqlite:///{db}") as store:
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process's long write transaction
        done: list[dict[str, int]] = []
        writing = threading.Event()  # set when the writer sends its INSERT (no sleep as synchronisation)

        def on_execute(conn: object, cursor: object, statement: str, *args: object) -> None:
            if statement.lstrip().upper().startswith("INSERT"):
                writing.set()

        event.listen(store.engine, "before_cursor_execute", on_execute)
        writer = threading.Thread(target=lambda: done.append(store.save_pages([make_page("https://a.example/1")])))
        writer.start()
        assert writing.wait(timeout=30)
        assert not done  # the INSERT is under way and cannot finish while the other transaction holds the lock
        holder.execute("COMMIT")
        holder.close()
        writer.join(timeout=30)
        assert done == [{"inserted": 1, "updated": 0, "unchanged": 0}]
        assert store.known_urls(["https://a.example/1"]) == {"https://a.example/1"}
