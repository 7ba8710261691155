"""storage.store.Store: the same suite on SQLite and PostgreSQL (the `store_url` fixture)."""

from __future__ import annotations

import hashlib
import itertools
import string
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from newswatch.errors import StorageError
from newswatch.models import (
    Article,
    Claims,
    Detection,
    Evidence,
    Jurisdiction,
    PageRecord,
    Quote,
    ReportRef,
    Response,
    SourceState,
    TierRating,
)
from storage.schema import articles
from storage.store import ArticleFilter, Store

pytest_plugins = ["tests.conftest_db"]
MakePage = Callable[..., PageRecord]

ZH_TITLE = "特区政府强烈不满并坚决反对美国《人口贩运问题报告》"
ZH_TEXT = "美国国务院日前发表2025年《人口贩运问题报告》，将香港由第二级观察名单调升至第二级。"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as s:
        yield s


def _urls(rows: list[dict[str, object]]) -> list[object]:
    return [r["url"] for r in rows]


# --- writing and reading -----------------------------------------------------------


def test_saved_page_reads_back_with_structured_fields(store: Store, make_page: MakePage) -> None:
    page = make_page("https://a.example/1", "Report out", "The TIP report is out.", is_report=True,
                     raw=b"<html>raw bytes</html>")
    assert store.save_pages([page]) == {"inserted": 1, "updated": 0, "unchanged": 0}

    [row] = store.list_articles(ArticleFilter(limit=None))
    assert row == store.get_article(row["id"])
    assert row["url"] == "https://a.example/1" and row["title"] == "Report out"
    assert row["authors"] == ["Desk"] and row["sources"] == ["test-source"]
    assert row["published_at"] == "2025-09-05T12:00:00+00:00"
    assert row["is_report"] is True and row["is_rebuttal"] is False
    assert row["report"] == {"name": "Trafficking in Persons Report", "issuer": "US Department of State", "year": 2025}
    assert row["jurisdictions"] == [{"name": "Hong Kong", "code": "HK"}]
    assert row["tiers"][0]["change"] == "upgrade" and row["tiers"][0]["years_on_previous"] == 3
    assert row["evidence"][0]["rule"] == "tip-report-name"
    assert row["raw_sha256"] == hashlib.sha256(b"<html>raw bytes</html>").hexdigest()
    assert store.count_articles() == 1


def test_json_columns_are_stored_as_compact_utf8_text(store: Store, make_page: MakePage) -> None:
    # Standard tools (sqlite3, psql, Datasette) show the JSON as written: 记者, not an escape.
    page = make_page("https://a.example/zh", ZH_TITLE, ZH_TEXT, is_report=True)
    page = replace(page, article=replace(page.article, authors=("记者 王",)))
    store.save_pages([page])
    with store.engine.connect() as conn:
        authors, record = conn.execute(text("SELECT CAST(authors AS TEXT), CAST(record AS TEXT) FROM articles")).one()
    assert authors == '["记者 王"]'
    assert "\\u" not in record and ", " not in record and '"report":{"name":' in record


def test_one_record_shape_for_every_read(store: Store, make_page: MakePage) -> None:
    # storage/serialize.py record_from_row: the store's rows and the lean read queries share one shape
    # (`raw_sha256` only where the raw page was read; `text` only where asked for), keys in the same order.
    from storage.reading import fetch_records

    store.save_pages([make_page("https://a.example/1", "Report out", "The TIP report is out.", is_report=True)])
    full = store.get_article(1)
    assert full is not None
    lean = fetch_records(store, [1], with_text=True)[1]
    assert list(lean.items()) == [(k, v) for k, v in full.items() if k != "raw_sha256"]
    assert list(full)[-3:] == ["story_id", "raw_sha256", "updated_at"]
    assert "text" not in fetch_records(store, [1])[1]


def test_upsert_is_idempotent_and_reports_updates(store: Store, make_page: MakePage) -> None:
    page = make_page("https://a.example/1", text="first version")
    assert store.save_pages([page])["inserted"] == 1
    assert store.save_pages([page]) == {"inserted": 0, "updated": 0, "unchanged": 1}
    changed = replace(page, article=replace(page.article, text="second version"))
    assert store.save_pages([changed]) == {"inserted": 0, "updated": 1, "unchanged": 0}
    assert store.count_articles() == 1
    [row] = store.list_articles(ArticleFilter())
    assert row["text"] == "second version"


def test_a_batch_of_new_stored_and_repeated_urls(store: Store, make_page: MakePage) -> None:
    store.save_pages([make_page("https://a.example/old", text="stored before")])
    batch = [make_page(f"https://a.example/new-{i}", text=f"new {i} harbour") for i in range(3)]
    batch += [make_page("https://a.example/old", text="stored before, changed"),
              make_page("https://a.example/twice", text="first copy"),
              make_page("https://a.example/twice", text="last copy")]
    assert store.save_pages(batch) == {"inserted": 4, "updated": 1, "unchanged": 0}
    rows = {r["url"]: r for r in store.list_articles(ArticleFilter(limit=None))}
    assert rows["https://a.example/twice"]["text"] == "last copy"  # the last page given for a URL wins
    assert rows["https://a.example/old"]["text"] == "stored before, changed"
    assert {r["url"] for r in store.search("harbour")} == {f"https://a.example/new-{i}" for i in range(3)}
    assert all(rows[f"https://a.example/new-{i}"]["sources"] for i in range(3))


def test_same_url_from_two_sources_is_one_article_seen_in_both(store: Store, make_page: MakePage) -> None:
    store.save_pages([make_page("https://a.example/1", source="feed-a")])
    store.save_pages([make_page("https://a.example/1", source="feed-b")])
    store.link_sources([("https://a.example/1", "feed-c"), ("https://a.example/unknown", "feed-c")])
    assert store.count_articles() == 1
    [row] = store.list_articles(ArticleFilter())
    assert sorted(row["sources"]) == ["feed-a", "feed-b", "feed-c"]
    assert store.known_urls(["https://a.example/1", "https://a.example/unknown"]) == {"https://a.example/1"}
    assert _urls(store.list_articles(ArticleFilter(source="feed-c"))) == ["https://a.example/1"]


def test_known_urls_handles_more_than_one_chunk(store: Store, make_page: MakePage) -> None:
    store.save_pages([make_page(f"https://a.example/{i}") for i in range(3)])
    asked = [f"https://a.example/{i}" for i in range(1200)]
    assert store.known_urls(asked) == {f"https://a.example/{i}" for i in range(3)}


def test_list_filters_and_order(store: Store, make_page: MakePage) -> None:
    day = datetime(2025, 9, 1, tzinfo=UTC)
    store.save_pages([
        make_page("https://a.example/old", published=day),
        make_page("https://a.example/report", published=day + timedelta(days=2), is_report=True),
        make_page("https://a.example/rebuttal", published=day + timedelta(days=4), is_report=True, is_rebuttal=True),
        make_page("https://a.example/undated", published=None),
    ])
    newest_first = _urls(store.list_articles(ArticleFilter(limit=None)))
    assert newest_first == ["https://a.example/rebuttal", "https://a.example/report", "https://a.example/old",
                            "https://a.example/undated"]  # undated last on both backends
    assert _urls(store.list_articles(ArticleFilter(report=True))) == ["https://a.example/rebuttal",
                                                                      "https://a.example/report"]
    assert _urls(store.list_articles(ArticleFilter(rebuttal=True))) == ["https://a.example/rebuttal"]
    assert _urls(store.list_articles(ArticleFilter(since=date(2025, 9, 4)))) == ["https://a.example/rebuttal"]
    assert len(store.list_articles(ArticleFilter(limit=2))) == 2


def test_source_state_round_trip_and_upsert(store: Store) -> None:
    assert store.source_state("feed") is None
    state = SourceState(name="feed", url="https://a.example/rss", etag='"abc"', last_status="ok", http_status=200,
                        last_checked_at=datetime(2025, 9, 5, 1, 2, 3, tzinfo=UTC), entries_seen=7)
    store.save_source_state(state)
    assert store.source_state("feed") == state
    later = replace(state, etag=None, last_status="failed", consecutive_failures=2)
    store.save_source_state(later)
    assert store.source_state("feed") == later
    assert store.list_sources() == [later]


def test_many_source_states_in_one_write(store: Store) -> None:
    first = [SourceState(name=f"feed-{i}", url=f"https://a.example/{i}.xml", etag=f'"{i}"') for i in range(60)]
    store.save_source_states(first)
    changed = [replace(s, last_status="not_modified", http_status=304) for s in first[::2]]
    store.save_source_states([*changed, SourceState(name="new", url="https://a.example/new.xml")])
    states = {s.name: s for s in store.list_sources()}
    assert len(states) == 61
    assert states["feed-0"] == changed[0] and states["feed-1"] == first[1]
    store.save_source_states([])  # nothing to write is fine


def test_iter_raw_returns_raw_bytes_within_window(store: Store, make_page: MakePage) -> None:
    day = datetime(2025, 9, 1, tzinfo=UTC)
    store.save_pages([make_page(f"https://a.example/{i}", published=day + timedelta(days=i), raw=f"<p>{i}</p>".encode())
                      for i in range(5)])
    rows = list(store.iter_raw(batch=2))
    assert [r[1] for r in rows] == [f"https://a.example/{i}" for i in range(5)]
    assert rows[3][3] == b"<p>3</p>" and rows[3][5]["published_at"] == day + timedelta(days=3)
    window = list(store.iter_raw(since=date(2025, 9, 2), until=datetime(2025, 9, 4, tzinfo=UTC)))
    assert [r[1] for r in window] == ["https://a.example/1", "https://a.example/2"]
    assert list(store.iter_raw(source="nobody")) == []


def test_rows_stored_with_zlib_before_zstd_still_read_back(store: Store, make_page: MakePage) -> None:
    store.save_pages([make_page("https://a.example/old", raw=b"<p>old row</p>")])
    with store.engine.begin() as conn:  # as a version before storage/compress.py wrote it
        conn.execute(articles.update().values(raw_html=zlib.compress(b"<p>old row</p>", 1)))
    [row] = list(store.iter_raw())
    assert row[3] == b"<p>old row</p>"
    [public] = store.list_articles(ArticleFilter())
    assert public["raw_sha256"] == hashlib.sha256(b"<p>old row</p>").hexdigest()


def test_update_analysis_changes_only_what_differs(store: Store, make_page: MakePage) -> None:
    page = make_page("https://a.example/1", text="old text")
    store.save_pages([page])
    [(article_id, *_)] = list(store.iter_raw())
    assert store.update_analysis(article_id, page) is False
    assert store.update_analysis(article_id, replace(page, detection=replace(page.detection, is_rebuttal=True)))
    assert store.list_articles(ArticleFilter(rebuttal=True))[0]["id"] == article_id
    assert store.update_analysis(10_000, page) is False


# --- full-text search --------------------------------------------------------------


@pytest.fixture
def searchable(store: Store, make_page: MakePage) -> Store:
    day = datetime(2025, 9, 1, tzinfo=UTC)
    store.save_pages([
        make_page("https://a.example/en", "US releases Trafficking in Persons Report",
                  "The anti-trafficking report ranks Hong Kong in Tier 2.", published=day + timedelta(days=2)),
        make_page("https://a.example/zh", ZH_TITLE, ZH_TEXT, language="zh", published=day + timedelta(days=3)),
        make_page("https://a.example/ferry", "Harbour ferry adds sailings",
                  "Kong ferries run late; Hong is not a word here.", published=day),
    ])
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("trafficking", ["https://a.example/en"]),  # in a title, and inside "anti-trafficking"
        ("TRAFFICKING report", ["https://a.example/en"]),  # case-insensitive, every term required
        ("anti-trafficking", ["https://a.example/en"]),
        ('"Hong Kong"', ["https://a.example/en"]),  # a phrase: adjacent words only
        ("Hong Kong", ["https://a.example/en", "https://a.example/ferry"]),  # two words, anywhere
        ("traffick", []),  # whole words, no stemming or prefixes
        ("人口贩运", ["https://a.example/zh"]),  # CJK: exact substring
        ("香港", ["https://a.example/zh"]),
        ("问题报告 2025", ["https://a.example/zh"]),
        ("贩人", []),  # both characters occur, but not as this substring
        ("香港 ferry", []),
        ("", []),
        ('"', []),
        ("* OR NOT ( ) : ^ -", []),  # FTS operators are plain text, never syntax
        ("report' OR 1=1 --", []),
    ],
)
def test_search(searchable: Store, query: str, expected: list[str]) -> None:
    assert _urls(searchable.search(query)) == expected


def test_search_rows_have_the_list_shape_and_honour_limit(searchable: Store) -> None:
    [hit] = searchable.search("Tier", limit=5)
    assert hit == searchable.get_article(hit["id"])
    assert set(hit) == set(searchable.list_articles(ArticleFilter(limit=1))[0])
    assert len(searchable.search("Hong Kong", limit=1)) == 1
    assert _urls(searchable.search("Hong Kong", limit=None)) == ["https://a.example/en", "https://a.example/ferry"]


def test_search_follows_changed_text(store: Store, make_page: MakePage) -> None:
    page = make_page("https://a.example/1", "Ferry news", "The ferry runs late.")
    store.save_pages([page])
    assert _urls(store.search("ferry")) == ["https://a.example/1"]
    store.save_pages([replace(page, article=replace(page.article, title="Rebuttal", text="Officials reject it."))])
    assert store.search("ferry") == []
    assert _urls(store.search("officials reject")) == ["https://a.example/1"]
    [(article_id, *_)] = list(store.iter_raw())
    store.update_analysis(article_id, replace(page, article=replace(page.article, text="报告 was rejected")))
    assert store.search("officials") == [] and _urls(store.search("报告")) == ["https://a.example/1"]


@pytest.mark.postgres
def test_postgres_search_uses_the_gin_index(pg_url: str, make_page: MakePage) -> None:
    with Store(pg_url) as store:
        store.save_pages([make_page(f"https://a.example/{i}", text=f"word{i} filler") for i in range(50)])
        stmt = select(articles.c.id).where(store._matches(["word7"]))  # the condition search() uses
        with store.engine.connect() as conn:
            conn.execute(text("SET enable_seqscan = off"))
            compiled = stmt.compile(store.engine, compile_kwargs={"literal_binds": True})
            plan = "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {compiled}")))
        assert "ix_articles_search" in plan, plan
        assert _urls(store.search("word7")) == ["https://a.example/7"]



@pytest.mark.postgres
def test_postgres_search_index_keeps_a_small_pending_list(pg_url: str) -> None:
    # Every search reads the GIN pending list; migration 0006 keeps it at 256 kB.
    with Store(pg_url) as store, store.engine.connect() as conn:
        options = conn.execute(text("SELECT reloptions FROM pg_class WHERE relname = 'ix_articles_search'")).scalar()
    assert options == ["gin_pending_list_limit=256"]


# --- backend details ---------------------------------------------------------------


def test_sqlite_runs_in_wal_mode_with_busy_timeout(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


@pytest.mark.parametrize(
    "url",
    ["sqlite:////nonexistent-dir/sub/x.db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "not a url"],
)
def test_unusable_database_raises_storage_error(url: str) -> None:
    with pytest.raises(StorageError, match=r"cannot open database|not a database URL"):
        Store(url)


# --- property: what is stored comes back -------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=200)
_words = st.text(string.ascii_letters + "中文报告", min_size=1, max_size=12)


@st.composite
def _pages(draw: st.DrawFn) -> PageRecord:
    evidence = tuple(
        Evidence(draw(st.sampled_from(["report", "rebuttal"])), draw(_words), draw(_text),
                 draw(st.floats(0, 10, allow_nan=False)))
        for _ in range(draw(st.integers(0, 3)))
    )
    detection = Detection(
        is_report=draw(st.booleans()), is_rebuttal=draw(st.booleans()),
        report_score=draw(st.floats(-1e6, 1e6, allow_nan=False)),
        rebuttal_score=draw(st.floats(-1e6, 1e6, allow_nan=False)),
        evidence=evidence,
        report=draw(st.none() | st.builds(ReportRef, _words, _words, st.none() | st.integers(1900, 2100))),
        jurisdictions=tuple(draw(st.lists(st.builds(Jurisdiction, _words, st.none() | _words), max_size=3))),
        tiers=tuple(draw(st.lists(st.builds(TierRating, _words, st.none() | _words, st.none() | _words,
                                            st.sampled_from([None, "upgrade", "downgrade", "unchanged"]),
                                            st.none() | st.integers(0, 20)), max_size=2))),
        responses=tuple(draw(st.lists(st.builds(
            Response, _words, _words, st.sampled_from(["rebuts", "accepts", "welcomes", "neutral"]),
            st.lists(st.builds(Quote, _text, st.none() | _words), max_size=2).map(tuple)), max_size=2))),
        claims=Claims(tuple(draw(st.lists(_text, max_size=2))), tuple(draw(st.lists(_text, max_size=2)))),
        detector=draw(_words), detector_version=draw(_words),
    )
    published = draw(st.none() | st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC)))
    article = Article(
        url=f"https://p.example/{next(_serial)}", title=draw(st.none() | _text), text=draw(_text),
        authors=tuple(draw(st.lists(_words, max_size=3))), language=draw(st.none() | st.sampled_from(["en", "zh"])),
        published_at=published, published_from=draw(st.sampled_from(["feed", "page"])) if published else None,
        site_name=draw(st.none() | _text),
    )
    return PageRecord(source=draw(_words), article=article, detection=detection, raw_html=draw(st.binary(max_size=300)),
                      fetched_at=draw(st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC))))


_prop_dir = tempfile.TemporaryDirectory(prefix="nw-prop-")
_serial = itertools.count()  # a new URL for every example, shrinks included


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=_pages())
def test_sqlite_round_trips_any_record(page: PageRecord) -> None:
    from dataclasses import asdict

    from storage.serialize import detection_fields

    with Store(f"sqlite:///{_prop_dir.name}/prop.db") as store:
        assert store.save_pages([page])["inserted"] == 1
        [hit] = [r for r in store.list_articles(ArticleFilter(limit=None)) if r["url"] == page.article.url]
        [raw] = [r for r in store.iter_raw() if r[1] == page.article.url]
    a, d = page.article, page.detection
    evidence, record = detection_fields(d)
    assert (hit["title"], hit["text"], hit["authors"], hit["language"], hit["site_name"]) == (
        a.title, a.text, list(a.authors), a.language, a.site_name)
    assert hit["published_at"] == (a.published_at.isoformat() if a.published_at else None)
    assert hit["published_from"] == a.published_from and hit["source"] == page.source
    assert hit["fetched_at"] == page.fetched_at.isoformat()
    assert (hit["is_report"], hit["is_rebuttal"], hit["report_score"], hit["rebuttal_score"]) == (
        d.is_report, d.is_rebuttal, d.report_score, d.rebuttal_score)
    assert hit["evidence"] == evidence == [asdict(e) for e in d.evidence]
    assert {k: hit[k] for k in record} == record
    assert (hit["detector"], hit["detector_version"]) == (d.detector, d.detector_version)
    assert raw[3] == page.raw_html


_cjk = st.text(st.sampled_from("人口贩运问题报告香港特区政府反对美国第二级观察名单"), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(body=_cjk, data=st.data())
def test_sqlite_search_finds_any_cjk_substring(body: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body) - 1))
    needle = body[start: data.draw(st.integers(start + 1, len(body)))]
    url = f"https://cjk.example/{next(_serial)}"
    with Store(f"sqlite:///{_prop_dir.name}/cjk.db") as store:
        store.save_pages([_plain_page(url, body)])
        hits = {r["url"] for r in store.search(needle, limit=None)}
    assert url in hits


def _plain_page(url: str, body: str) -> PageRecord:
    article = Article(url=url, title=None, text=body)
    return PageRecord(source="s", article=article, detection=Detection(False, False, 0.0, 0.0), raw_html=b"",
                      fetched_at=datetime(2025, 1, 1, tzinfo=UTC))


def test_backoff_columns_round_trip(store: Store) -> None:
    when = datetime(2026, 12, 5, 14, 0, tzinfo=UTC)
    state = SourceState(name="feed", url="https://a.example/rss", consecutive_failures=3,
                        next_attempt_at=when, last_full_fetch_at=when - timedelta(days=1),
                        last_new_at=when - timedelta(days=8))
    store.save_source_state(state)
    assert store.source_state("feed") == state


def test_page_failures_count_attempts_give_up_and_clear_on_store(store: Store, make_page: MakePage) -> None:
    url = "https://a.example/news/1"
    later = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
    store.record_page_failures([(url, "feed", "no text extracted", False, None)], max_attempts=3)
    store.record_page_failures([(url, "feed", "HTTP 503", False, later)], max_attempts=3)
    store.record_page_failures([("https://a.example/p.png", "feed", "not HTML: PNG image", True, None)],
                               max_attempts=3)
    found = store.page_failures([url, "https://a.example/p.png", "https://a.example/none"])
    assert found[url].attempts == 2 and found[url].reason == "HTTP 503" and found[url].next_attempt_at == later
    assert found[url].gave_up is False
    assert found["https://a.example/p.png"].gave_up is True and found["https://a.example/p.png"].attempts == 1
    store.record_page_failures([(url, "feed", "HTTP 503", False, None)], max_attempts=3)
    assert store.page_failures([url])[url].gave_up is True  # the third attempt
    store.save_pages([make_page(url=url)])  # stored after all: its failures are forgotten
    assert set(store.page_failures()) == {"https://a.example/p.png"}
