"""Reading the store: stories, compare, timeline, ranked and filtered search, export, on SQLite
and PostgreSQL. Every text here is synthetic, written for these tests (invented outlets on
example.org and example.com); no real article is used.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from typer.testing import CliRunner

from extractors.compare import compare_records, match_score, resolve_jurisdiction, timeline_rows
from extractors.snippets import make_snippet
from flows import reading
from newswatch.cli.app import app
from newswatch.cli.export import COLUMNS, as_tuple, export_row, write_csv, write_jsonl, write_parquet
from newswatch.models import (
    Article,
    Claims,
    Detection,
    Jurisdiction,
    PageRecord,
    Quote,
    ReportRef,
    Response,
    TierRating,
)
from newswatch.similarity import signature, similarity
from storage.fts import SearchQueryError
from storage.reading import RecordFilter
from storage.schema import articles, story_bands
from storage.store import Store

pytest_plugins = ["tests.conftest_db"]
runner = CliRunner()

TIP = ("Trafficking in Persons Report", "US Department of State")
GSI = ("Global Slavery Index", "Walk Free")

# A synthetic wire story and its variants (all invented).
WIRE = (
    "SYNTHETIC TEST TEXT. The government of the invented harbour territory on Friday rejected an annual "
    "foreign report on human trafficking, saying the assessment ignored years of work by local police and "
    "labour inspectors. A spokesperson told reporters at a briefing that the report relied on unverified "
    "claims from anonymous groups and misrepresented the situation of migrant domestic workers. The "
    "territory was moved up one tier this year after three years on a watch list, the report said, citing "
    "more prosecutions and a new hotline for workers. Officials said they would continue to cooperate with "
    "consulates and employers to protect workers from exploitation and debt bondage."
)
WIRE_EDITED = WIRE.replace("on Friday", "late on Friday").replace(
    "Officials said they would", "Officials added that they would") + " Reporting by an invented desk."
SAME_TOPIC = (
    "SYNTHETIC TEST TEXT. Campaigners for migrant workers in the harbour territory welcomed the upgrade in "
    "this year's trafficking report but warned that recruitment agencies still charge illegal fees. A "
    "volunteer lawyer described cases of domestic workers whose passports were kept by employers, and "
    "called for a licensing system with real penalties. The territory's labour department did not answer "
    "questions about inspections, while the report's authors praised the new hotline for workers."
)
OTHER_PLACE = (
    "SYNTHETIC TEST TEXT. The foreign ministry of an invented island state dismissed the annual trafficking "
    "report as politically motivated after the island was kept on the lowest tier. Its envoy said fishing "
    "fleets were now inspected at every port and that the report had used outdated figures from a closed "
    "investigation into forced labour at sea."
)


def _page(url: str, title: str, text: str, *, report: tuple[str, str] | None = TIP, year: int | None = 2025,
          place: tuple[str, str | None] | None = ("Hong Kong", "HK"), rebuttal: bool = False,
          tier: tuple[str, str | None, str | None] | None = None, actors: tuple[str, ...] = (),
          quote: str | None = None, language: str = "en", published: datetime | None = None,
          site: str = "Invented Daily") -> PageRecord:
    """A stored page with a hand-written detection (no detector involved), synthetic text."""
    stance = "rebuts" if rebuttal else "neutral"
    responses = tuple(Response(actor=a, kind="government", stance=stance,
                               quotes=(Quote(quote, a),) if quote and i == 0 else ())
                      for i, a in enumerate(actors))
    detection = Detection(
        is_report=report is not None, is_rebuttal=rebuttal, report_score=0.9 if report else 0.0,
        rebuttal_score=0.8 if rebuttal else 0.0,
        report=ReportRef(report[0], report[1], year) if report else None,
        jurisdictions=(Jurisdiction(*place),) if place else (),
        tiers=(TierRating(place[0] if place else None, *tier),) if tier else (),
        responses=responses, claims=Claims(criticisms=("weak protection of workers",)) if report else Claims(),
        detector="rules", detector_version="test",
    )
    body = "".join(f"<p>{s}.</p>" for s in text.split(". "))
    raw = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    article = Article(url=url, title=title, text=text, authors=("Desk",), language=language,
                      published_at=published or datetime(2025, 9, 6, tzinfo=UTC), published_from="page",
                      site_name=site)
    return PageRecord(source="test-feed", article=article, detection=detection, raw_html=raw.encode(),
                      fetched_at=datetime(2025, 9, 7, tzinfo=UTC), content_type="text/html")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as s:
        yield s


def _id(store: Store, url: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(articles.c.id).where(articles.c.url == url)).scalar_one())


# --- stories -----------------------------------------------------------------------------------


def test_signature_tells_copies_from_same_topic() -> None:
    wire, edited, topic = signature(WIRE), signature(WIRE_EDITED), signature(SAME_TOPIC)
    assert similarity(wire, edited) >= 0.6
    assert similarity(wire, topic) < 0.2
    assert signature("too short to say") is None


def test_a_syndicated_copy_with_a_new_headline_joins_its_story(store: Store) -> None:
    store.save_pages([_page("https://wire.example.org/a", "Territory rejects trafficking report", WIRE)])
    # Stored by a separate call (another transaction, as another process would): the LSH is in the database.
    store.save_pages([
        _page("https://paper.example.com/b", "Officials hit back at US ranking", WIRE_EDITED, site="Invented Post"),
        _page("https://ngo.example.com/c", "Campaigners welcome upgrade, warn of fees", SAME_TOPIC),
    ])
    a, b, c = (_id(store, u) for u in ("https://wire.example.org/a", "https://paper.example.com/b",
                                       "https://ngo.example.com/c"))
    story = {r["id"]: r["story_id"] for r in reading.list_stories(store, limit=None) for r in r["records"]}
    assert story[a] == story[b] == a
    assert story[c] == c
    stories = reading.list_stories(store)
    assert [s["size"] for s in stories if s["story_id"] == a] == [2]
    with store.engine.connect() as conn:
        assert conn.execute(select(story_bands.c.article_id).where(story_bands.c.article_id == b)).first()


def test_a_copy_stored_before_its_original_story_merges(store: Store) -> None:
    store.save_pages([_page("https://paper.example.com/b", "Officials hit back", WIRE_EDITED)])
    store.save_pages([_page("https://wire.example.org/a", "Territory rejects report", WIRE)])
    ids = {_id(store, "https://paper.example.com/b"), _id(store, "https://wire.example.org/a")}
    stories = reading.list_stories(store)
    assert len(stories) == 1 and {r["id"] for r in stories[0]["records"]} == ids


def test_reprocess_recomputes_stories(store: Store) -> None:
    from flows.reprocess import reprocess_store

    store.save_pages([_page("https://wire.example.org/a", "Territory rejects report", WIRE),
                      _page("https://paper.example.com/b", "Officials hit back", WIRE_EDITED)])
    with store.engine.begin() as conn:  # as a store upgraded from before stories looks
        conn.execute(delete(story_bands))
        conn.execute(update(articles).values(minhash=None, story_id=None))
    reprocess_store(store, workers=1)
    with store.engine.connect() as conn:
        stories = conn.execute(select(articles.c.story_id)).scalars().all()
        bands = conn.execute(select(story_bands.c.article_id)).scalars().all()
    assert len(set(stories)) == 1 and None not in stories and len(bands) > 0


def test_records_list_stories_cli(store_url: str) -> None:
    with Store(store_url) as store:
        store.save_pages([_page("https://wire.example.org/a", "Territory rejects report", WIRE),
                          _page("https://paper.example.com/b", "Officials hit [bold]back[/bold]", WIRE_EDITED)])
    result = runner.invoke(app, ["records", "list", "--stories", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert "1 story(ies)" in result.stdout and "(2 record(s))" in result.stdout
    assert "[bold]back[/bold]" in result.stdout  # escaped, not rendered as markup
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    lines = runner.invoke(app, ["records", "list", "--stories", "--json", "--db", store_url]).stdout.splitlines()
    assert [json.loads(line)["size"] for line in lines] == [2]


# --- compare ----------------------------------------------------------------------------------


@pytest.fixture
def compare_set(store: Store) -> dict[str, int]:
    pages = {
        "original": _page("https://gov.example.org/statement", "Government rejects report", WIRE, rebuttal=True,
                          tier=("Tier 2", "Tier 2 Watch List", "upgrade"), actors=("Harbour Government",),
                          quote="We reject this report"),
        "copy": _page("https://paper.example.com/copy", "A new headline on the wire copy", WIRE_EDITED,
                      rebuttal=True, tier=("Tier 2", "Tier 2 Watch List", "upgrade"),
                      actors=("Harbour Government",), quote="We reject this report", site="Invented Post"),
        "same_edition": _page("https://tv.example.com/hk-2025", "Second rebuttal on the same edition", SAME_TOPIC,
                              rebuttal=True, tier=("Tier 2", None, None), actors=("Harbour Government",)),
        "earlier": _page("https://gov.example.org/2024", "Government answered last year's report",
                         OTHER_PLACE.replace("island state", "harbour territory"), year=2024, rebuttal=True,
                         tier=("Tier 2 Watch List", None, None), actors=("Harbour Government",)),
        "other_place": _page("https://island.example.com/2025", "Island dismisses report", OTHER_PLACE,
                             place=("Thailand", "TH"), rebuttal=True, actors=("Island Ministry",)),
        "other_report": _page("https://gov.example.org/gsi", "Government rejects slavery index",
                              SAME_TOPIC.replace("trafficking report", "slavery index"), report=GSI, year=2025,
                              rebuttal=True, actors=("Harbour Government",)),
        "unrelated": _page("https://paper.example.com/ferry", "Ferry adds sailings",
                           "SYNTHETIC TEST TEXT. The ferry operator adds sailings after midnight during the "
                           "festival and extra staff will manage crowds at the piers.", report=None, place=None),
    }
    store.save_pages(list(pages.values()))
    return {k: _id(store, p.article.url) for k, p in pages.items()}


def test_compare_ranks_copy_then_same_jurisdiction_then_others(store: Store, compare_set: dict[str, int]) -> None:
    ref = reading.reference_from_record(store, compare_set["original"])
    assert ref is not None
    result = reading.compare(store, ref, limit=10)
    order = [m["id"] for m in result["matches"]]
    assert compare_set["original"] not in order  # the reference itself is not a match
    assert order[0] == compare_set["copy"] and result["matches"][0]["copy"]
    assert order[1:3] == [compare_set["same_edition"], compare_set["earlier"]]
    assert order.index(compare_set["other_report"]) > order.index(compare_set["earlier"])
    assert order.index(compare_set["other_place"]) > order.index(compare_set["earlier"])
    assert result["story"]["story_id"] == compare_set["original"] and result["story"]["size"] == 2
    first = result["matches"][0]
    assert first["same"]["report"] == "Trafficking in Persons Report 2025"
    assert first["same"]["responders"] == ["Harbour Government"]
    assert first["different"]["outlet"] == {"reference": "Invented Daily", "match": "Invented Post"}
    scores = [m["score"] for m in result["matches"]]
    assert scores == sorted(scores, reverse=True)


def test_compare_cli_text_file_finds_its_stored_copy_first(store_url: str, tmp_path: Path,
                                                           compare_set: dict[str, int]) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text("Synthetic reference headline\n" + WIRE, encoding="utf-8")
    result = runner.invoke(app, ["compare", str(ref), "--json", "--limit", "3", "--db", store_url])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"reference", "matches"} and data["reference"]["title"] == "Synthetic reference headline"
    assert data["matches"][0]["id"] == compare_set["original"]
    assert set(data["matches"][0]) >= {"id", "url", "title", "score", "same", "different"}
    by_id = runner.invoke(app, ["compare", str(compare_set["original"]), "--db", store_url])
    assert by_id.exit_code == 0 and max(len(line) for line in by_id.stdout.splitlines()) <= 80
    assert "A new headline on the wire copy" in by_id.stdout or "A new headline" in by_id.stdout
    missing = runner.invoke(app, ["compare", "999999", "--db", store_url])
    assert missing.exit_code == 1 and "no record" in missing.stderr


def test_compare_records_same_and_different() -> None:
    a = {"url": "https://a.example.org/1", "site_name": "A", "published_at": "2025-09-06T00:00:00+00:00",
         "report": {"name": TIP[0], "year": 2025}, "jurisdictions": [{"name": "Hong Kong", "code": "HK"}],
         "tiers": [{"jurisdiction": "Hong Kong", "tier": "Tier 2", "previous": "Tier 3", "change": "upgrade"}],
         "responses": [{"actor": "X", "stance": "rebuts", "quotes": [{"text": "No."}]}], "is_rebuttal": True}
    b = {**a, "site_name": "B", "responses": [{"actor": "Y", "stance": "rebuts", "quotes": []}]}
    diff = compare_records(a, b)
    assert diff["same"]["tier"] == "Tier 2" and diff["same"]["jurisdiction"] == "HK"
    assert diff["different"]["outlet"] == {"reference": "A", "match": "B"}
    assert diff["different"]["responders"] == {"reference_only": ["X"], "match_only": ["Y"]}
    assert match_score(a, b, 0.9) > match_score(a, b, 0.1) > match_score(a, {**b, "report": None}, 0.1)


# --- timeline --------------------------------------------------------------------------------


@pytest.fixture
def timeline_store(store: Store) -> Store:
    store.save_pages([
        _page("https://gov.example.org/2024", "2024 answer", OTHER_PLACE, year=2024, rebuttal=True,
              tier=("Tier 2 Watch List", None, None), actors=("Harbour Government",), quote="Groundless claims"),
        _page("https://gov.example.org/2025", "2025 answer", WIRE, rebuttal=True,
              tier=("Tier 2", "Tier 2 Watch List", "upgrade"), actors=("Harbour Government", "Commissioner"),
              quote="We reject this report"),
        _page("https://paper.example.com/2025", "2025 coverage", SAME_TOPIC, tier=("Tier 2", None, None)),
        _page("https://island.example.com/2025", "Other place", OTHER_PLACE, place=("Thailand", "TH"),
              tier=("Tier 3", None, None)),
    ])
    return store


def test_timeline_one_row_per_edition(timeline_store: Store) -> None:
    result = reading.timeline(timeline_store, "HK")
    assert result["jurisdiction"] == {"code": "HK", "name": "Hong Kong"}
    rows = result["rows"]
    assert [r["year"] for r in rows] == [2024, 2025]
    assert (rows[0]["tier"], rows[0]["previous"]) == ("Tier 2 Watch List", None)
    assert (rows[1]["tier"], rows[1]["previous"], rows[1]["change"]) == ("Tier 2", "Tier 2 Watch List", "upgrade")
    assert rows[1]["quote"]["text"] == "We reject this report" and rows[1]["stance"] == "rebuts"
    assert [r["actor"] for r in rows[1]["responders"]] == ["Commissioner", "Harbour Government"]
    assert len(rows[1]["records"]) == 2 == rows[1]["record_count"]
    assert reading.timeline(timeline_store, "Hong Kong") == result


def test_timeline_derives_a_missing_previous_tier() -> None:
    recs = [{"id": 1, "report": {"name": TIP[0], "year": 2023}, "tiers": [{"jurisdiction": "Macao", "tier": "Tier 3"}]},
            {"id": 2, "report": {"name": TIP[0], "year": 2024}, "tiers": [{"jurisdiction": "Macao", "tier": "Tier 2"}]}]
    rows = timeline_rows(recs, "Macao")
    assert (rows[1]["previous"], rows[1]["change"]) == ("Tier 3", "upgrade")


def test_timeline_cli(timeline_store: Store) -> None:
    url = timeline_store.url
    result = runner.invoke(app, ["timeline", "--jurisdiction", "hong kong", "--db", url])
    assert result.exit_code == 0, result.output
    assert "TIP 2024" in result.stdout and "TIP 2025" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    data = json.loads(runner.invoke(app, ["timeline", "--jurisdiction", "HK", "--json", "--db", url]).stdout)
    assert [r["tier"] for r in data["rows"]] == ["Tier 2 Watch List", "Tier 2"]
    bad = runner.invoke(app, ["timeline", "--jurisdiction", "Atlantis", "--db", url])
    assert bad.exit_code == 1 and "unknown jurisdiction" in bad.stderr


def test_resolve_jurisdiction_names_and_codes() -> None:
    assert resolve_jurisdiction("HK") == ("HK", "Hong Kong") == resolve_jurisdiction("Hong Kong")
    assert resolve_jurisdiction("hk") == ("HK", "Hong Kong")
    assert resolve_jurisdiction("Atlantis") is None


# --- search -----------------------------------------------------------------------------------


@pytest.fixture
def search_store(store: Store) -> Store:
    store.save_pages([
        _page("https://a.example.org/body", "Harbour notes", "SYNTHETIC. " + "Filler words about the day. " * 3
              + "A lantern parade passed the pier.", report=None, place=None,
              published=datetime(2025, 9, 9, tzinfo=UTC)),
        _page("https://a.example.org/title", "Lantern festival opens", "SYNTHETIC. The festival opened with a "
              "lantern parade.", report=None, place=None, published=datetime(2025, 9, 1, tzinfo=UTC)),
        _page("https://a.example.org/rebuttal", "Officials reject lantern claims", "SYNTHETIC. Officials "
              "rejected the report's lantern claims.", rebuttal=True, year=2024, published=datetime(2024, 7, 1,
                                                                                                 tzinfo=UTC)),
        _page("https://a.example.org/zh", "灯笼节开幕", "合成测试文本。灯笼游行经过码头。lantern", report=None,
              place=None, language="zh", published=datetime(2025, 9, 2, tzinfo=UTC)),
    ])
    return store


def _urls(rows: list[dict[str, Any]]) -> list[str]:
    return [r["url"].rsplit("/", 1)[1] for r in rows]


def test_search_ranks_title_hits_first(search_store: Store) -> None:
    rows = reading.search_records(search_store, "lantern")
    assert _urls(rows)[:2] in (["title", "rebuttal"], ["rebuttal", "title"])
    assert set(_urls(rows)) == {"title", "rebuttal", "body", "zh"}
    assert _urls(rows).index("body") > _urls(rows).index("title")
    assert [r["rank"] for r in rows] == sorted((r["rank"] for r in rows), reverse=True)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (RecordFilter(rebuttal=True), {"rebuttal"}),
        (RecordFilter(report=True), {"rebuttal"}),
        (RecordFilter(jurisdiction="HK"), {"rebuttal"}),
        (RecordFilter(year=2024), {"rebuttal"}),
        (RecordFilter(year=2025), set()),
        (RecordFilter(language="zh"), {"zh"}),
        (RecordFilter(since=date(2025, 9, 2)), {"body", "zh"}),
        (RecordFilter(until=date(2025, 9, 1)), {"title", "rebuttal"}),
        (RecordFilter(since=date(2025, 9, 1), until=date(2025, 9, 2)), {"title", "zh"}),
    ],
)
def test_search_filters(search_store: Store, flt: RecordFilter, expected: set[str]) -> None:
    # The same expectations on both backends: both give the same result sets.
    assert set(_urls(reading.search_records(search_store, "lantern", flt))) == expected


def test_search_ranks_the_most_recent_matches_of_a_broad_query(search_store: Store,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from storage import reading as queries

    assert sorted(r["id"] for r in reading.search_records(search_store, "lantern")) == [1, 2, 3, 4]
    monkeypatch.setattr(queries, "MAX_RANKED", 2)
    assert sorted(r["id"] for r in reading.search_records(search_store, "lantern")) == [3, 4]
    assert _urls(reading.search_records(search_store, "lantern", RecordFilter(until=date(2025, 9, 1)))) == [
        "title", "rebuttal"]  # the cap applies after the filters


@pytest.mark.parametrize(("first_window", "max_listed"), [(1, 20_000), (3, 20_000), (1000, 20_000), (3, 2)])
def test_search_caps_the_newest_matches_whatever_the_window(store: Store, first_window: int, max_listed: int,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # PostgreSQL seeks the newest matches one id window at a time (storage/pgsearch.py); matches
    # are dense among the newest ids and sparse below, so small windows must grow and go on. A
    # jurisdiction's ids go in as a list, or as a subquery when there are more than max_listed.
    from storage import pgsearch
    from storage import reading as queries

    texts = {i: ("SYNTHETIC. The lantern parade passed." if i > 24 or i % 4 == 0 else
                 "SYNTHETIC. A lantern by the parade route." if i % 4 == 1 else "SYNTHETIC. Quiet pier.")
             for i in range(1, 31)}
    for i, t in texts.items():  # one at a time: ids in this order
        store.save_pages([_page(f"https://w.example.org/{i}", f"Note {i}", t, report=None,
                                place=("Hong Kong", "HK") if i % 3 == 0 else None, rebuttal=i % 2 == 0)])
    rebuttals = {_id(store, f"https://w.example.org/{i}") for i in texts if i % 2 == 0}
    in_hk = {_id(store, f"https://w.example.org/{i}") for i in texts if i % 3 == 0}
    texts = {_id(store, f"https://w.example.org/{i}"): t for i, t in texts.items()}
    monkeypatch.setattr(pgsearch, "FIRST_WINDOW", first_window)
    monkeypatch.setattr(pgsearch, "MAX_LISTED", max_listed)
    for cap in (3, 8, 2000):
        monkeypatch.setattr(queries, "MAX_RANKED", cap)
        for query, flt, wanted in [
            ("lantern", RecordFilter(), lambda i, t: "lantern" in t),
            ('"lantern parade"', RecordFilter(), lambda i, t: "lantern parade" in t),
            ("parade", RecordFilter(rebuttal=True), lambda i, t: "parade" in t and i in rebuttals),
            ('"lantern parade"', RecordFilter(jurisdiction="HK", source="test-feed"),
             lambda i, t: "lantern parade" in t and i in in_hk),
            ("pier", RecordFilter(jurisdiction="HK", rebuttal=True),
             lambda i, t: "pier" in t and i in in_hk & rebuttals),
        ]:
            rows = reading.search_records(store, query, flt, limit=None)
            expected = sorted((i for i, t in texts.items() if wanted(i, t)), reverse=True)[:cap]
            assert sorted((r["id"] for r in rows), reverse=True) == expected, (query, cap)
            assert [(r["rank"], r["id"]) for r in rows] == sorted(((r["rank"], r["id"]) for r in rows), reverse=True)


def test_search_snippets_mark_every_hit(search_store: Store) -> None:
    [row] = reading.search_records(search_store, '"lantern parade"', RecordFilter(since=date(2025, 9, 9)))
    assert row["snippet"].endswith("A lantern parade passed the pier.")
    assert [row["snippet"][s:e] for s, e in row["highlights"]] == ["lantern parade"]
    [zh] = reading.search_records(search_store, "灯笼", RecordFilter(language="zh"))
    assert [zh["title"][s:e] for s, e in zh["title_highlights"]] == ["灯笼"]


def test_make_snippet_cuts_long_texts() -> None:
    text = "word " * 200 + "needle " + "word " * 200
    snippet, hits = make_snippet(text, ["needle"], width=60)
    assert snippet.startswith("…") and snippet.endswith("…") and len(snippet) <= 62
    assert [snippet[s:e] for s, e in hits] == ["needle"]


@pytest.mark.parametrize("query", ["", "   ", '"', "AND OR NOT", "* ( ) : ^ -"])
def test_search_without_words_is_an_error(search_store: Store, query: str) -> None:
    with pytest.raises(SearchQueryError):
        reading.search_records(search_store, query)
    result = runner.invoke(app, ["records", "search", query, "--db", search_store.url])
    assert result.exit_code == 1 and "nothing to search for" in result.stderr


def test_search_cli_filters_and_escapes(search_store: Store) -> None:
    url = search_store.url
    result = runner.invoke(app, ["records", "search", "lantern", "--language", "en", "--until", "2025-09-01",
                                 "--jurisdiction", "Hong Kong", "--json", "--db", url])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in rows] == ["https://a.example.org/rebuttal"] and "snippet" in rows[0]
    table = runner.invoke(app, ["records", "search", "lantern", "--db", url])
    assert table.exit_code == 0 and "4 records" in table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 80


# --- export -----------------------------------------------------------------------------------


def _exported_store(store: Store) -> list[dict[str, Any]]:
    store.save_pages([
        _page("https://a.example.org/1", "Officials, \"quoted\" title", WIRE, rebuttal=True,
              tier=("Tier 2", "Tier 3", "upgrade"), actors=("Harbour Government",), quote="No, we reject it"),
        _page("https://a.example.org/2", "第二篇", "合成测试文本，多行\n第二行", report=None, place=None,
              language="zh"),
    ])
    return list(reading.iter_records(store))


def _check_rows(rows: list[dict[str, Any]], stored: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in rows] == [s["id"] for s in stored]
    for row, rec in zip(rows, stored, strict=True):
        assert list(row) == list(COLUMNS)
        assert row["url"] == rec["url"] and row["title"] == rec["title"] and row["text"] == rec["text"]
        assert row["tiers"] == rec["tiers"] and row["responses"] == rec["responses"]
        assert row["is_rebuttal"] == rec["is_rebuttal"] and row["story_id"] == rec["story_id"]
        assert row["published_at"] == rec["published_at"]
        assert row["report_year"] == ((rec.get("report") or {}).get("year"))


def test_export_jsonl_round_trip(store: Store) -> None:
    stored = _exported_store(store)
    buf = io.StringIO()
    assert write_jsonl((as_tuple(export_row(r)) for r in reading.iter_records(store)), buf) == 2
    _check_rows([json.loads(line) for line in buf.getvalue().splitlines()], stored)


def test_export_csv_round_trip(store: Store) -> None:
    stored = _exported_store(store)
    buf = io.StringIO()
    write_csv((as_tuple(export_row(r)) for r in reading.iter_records(store)), buf)
    rows = []
    for raw in csv.DictReader(io.StringIO(buf.getvalue())):
        row: dict[str, Any] = dict(raw)
        for key in ("sources", "authors", "jurisdictions", "tiers", "responses", "claims", "evidence"):
            row[key] = json.loads(row[key])
        row["id"] = int(row["id"])
        row["story_id"] = int(row["story_id"]) if row["story_id"] else None
        row["report_year"] = int(row["report_year"]) if row["report_year"] else None
        row["is_rebuttal"] = row["is_rebuttal"] == "true"
        rows.append(row)
    _check_rows(rows, stored)


def test_export_parquet_round_trip(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    stored = _exported_store(store)
    path = tmp_path / "records.parquet"
    assert write_parquet((as_tuple(export_row(r)) for r in reading.iter_records(store)), str(path)) == 2
    rows = pq.read_table(path).to_pylist()
    for row in rows:
        for key in ("sources", "authors", "jurisdictions", "tiers", "responses", "claims", "evidence"):
            row[key] = json.loads(row[key])
        row["published_at"] = row["published_at"].astimezone(UTC).isoformat()
    _check_rows(rows, stored)


def test_export_fast_path_gives_the_same_rows(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from newswatch.cli.export import export_rows, export_tuples

    _exported_store(store)
    assert list(export_rows(store, RecordFilter())) == [export_row(r) for r in reading.iter_records(store)]
    assert [r["id"] for r in export_rows(store, RecordFilter(rebuttal=True))] == [1]
    # Each writer, from the database's JSON text and stored times, and from the records: the same output.
    def slow() -> Any:
        return (as_tuple(export_row(r)) for r in reading.iter_records(store))

    fast_path, slow_path = tmp_path / "fast.parquet", tmp_path / "slow.parquet"
    write_parquet(export_tuples(store, RecordFilter()), str(fast_path))
    write_parquet(slow(), str(slow_path))
    fast_table, slow_table = pq.read_table(fast_path), pq.read_table(slow_path)
    assert [_decoded(r) for r in fast_table.to_pylist()] == [_decoded(r) for r in slow_table.to_pylist()]
    assert fast_table.column("fetched_at").null_count == 0
    for write in (write_jsonl, write_csv):
        fast, slow_out = io.StringIO(), io.StringIO()
        write(export_tuples(store, RecordFilter()), fast)
        write(slow(), slow_out)
        if write is write_jsonl:
            assert [json.loads(x) for x in fast.getvalue().splitlines()] == [
                json.loads(x) for x in slow_out.getvalue().splitlines()]
        else:
            assert [_decoded(r) for r in csv.DictReader(io.StringIO(fast.getvalue()))] == [
                _decoded(r) for r in csv.DictReader(io.StringIO(slow_out.getvalue()))]


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV or Parquet row with its nested fields' JSON text decoded (their spacing may differ)."""
    out = dict(row)
    for key in ("sources", "authors", "jurisdictions", "tiers", "responses", "claims", "evidence"):
        if isinstance(out[key], str):
            out[key] = json.loads(out[key])
    return out


@pytest.mark.parametrize("batch", [1, 2, 3, 50])
def test_export_reads_every_record_once_in_id_order_whatever_the_batch(store: Store, batch: int) -> None:
    from storage import reading as queries

    store.save_pages([_page(f"https://b.example.org/{i}", f"Note {i}", f"SYNTHETIC. Note number {i}.",
                            report=None, place=None, rebuttal=i % 3 == 0) for i in range(7)])
    every = queries.iter_records(store, RecordFilter(), batch=batch)
    assert [r["id"] for r in every] == sorted(_id(store, f"https://b.example.org/{i}") for i in range(7))
    rebuttals = sorted(_id(store, f"https://b.example.org/{i}") for i in (0, 3, 6))
    rows = list(queries.iter_rows(store, RecordFilter(rebuttal=True), batch=batch))
    assert [r[0] for r, _sources in rows] == rebuttals
    assert all(sources == ["test-feed"] for _r, sources in rows)


def test_export_cli_formats_and_filters(store: Store, tmp_path: Path) -> None:
    _exported_store(store)
    out = runner.invoke(app, ["records", "export", "--format", "jsonl", "--language", "zh", "--db", store.url])
    assert out.exit_code == 0, out.output
    assert [json.loads(line)["url"] for line in out.stdout.splitlines()] == ["https://a.example.org/2"]
    target = tmp_path / "x.csv"
    ok = runner.invoke(app, ["records", "export", "--format", "csv", "--out", str(target), "--db", store.url])
    assert ok.exit_code == 0 and len(list(csv.DictReader(target.open(encoding="utf-8")))) == 2
    no_file = runner.invoke(app, ["records", "export", "--format", "parquet", "--db", store.url])
    assert no_file.exit_code == 1 and "--out" in no_file.stderr
    bad = runner.invoke(app, ["records", "export", "--format", "xml", "--db", store.url])
    assert bad.exit_code == 1


def test_compare_a_url_through_the_fetch_guard(store_url: str, tmp_path: Path, compare_set: dict[str, int]) -> None:
    from newswatch.cli.localsite import LocalSite, Route

    html = _page("https://x.example.org/p", "Synthetic page headline", WIRE).raw_html
    with LocalSite({"/p.html": Route(html)}) as site:
        refused = runner.invoke(app, ["compare", site.url("/p.html"), "--db", store_url])
        cfg = tmp_path / "local.toml"
        cfg.write_text("[fetch]\nallow_private_networks = true\n", encoding="utf-8")
        allowed = runner.invoke(app, ["compare", site.url("/p.html"), "--json", "--config", str(cfg),
                                      "--db", store_url])
    assert refused.exit_code == 1 and "not a public address" in refused.stderr
    assert allowed.exit_code == 0, allowed.output
    data = json.loads(allowed.stdout)
    assert data["reference"]["url"] == site.url("/p.html")
    assert data["matches"][0]["id"] == compare_set["original"] and data["matches"][0]["copy"]


def test_csv_of_nothing_is_its_header_and_lines_end_in_crlf() -> None:
    buf = io.StringIO()
    assert write_csv([], buf) == 0
    assert buf.getvalue().endswith("\r\n") and buf.getvalue().count("\r\n") == 1
    assert next(csv.reader(io.StringIO(buf.getvalue()))) == list(COLUMNS)


def test_csv_times_are_written_as_iso_writes_them() -> None:
    from datetime import timedelta, timezone

    from storage.serialize import iso

    times = [datetime(2025, 7, 1), datetime(2025, 7, 1, 10, 11, 12, 123456), datetime(2025, 7, 1, 10, 11, 12, 500),
             datetime(2025, 7, 1, 10, tzinfo=timezone(timedelta(hours=2))), None]
    rows = [tuple(t if c in ("published_at", "fetched_at", "updated_at") else
                  ([] if c in ("sources", "authors", "jurisdictions", "tiers", "responses", "evidence") else
                   {} if c == "claims" else None) for c in COLUMNS) for t in times]
    buf = io.StringIO()
    write_csv(rows, buf)
    got = [r["published_at"] for r in csv.DictReader(io.StringIO(buf.getvalue()))]
    assert got == [iso(t) or "" for t in times]


@pytest.mark.parametrize("write", [write_csv, write_jsonl])
def test_a_utf8_file_gets_the_same_text_as_a_string_buffer(write: Any, tmp_path: Path) -> None:
    """Into a UTF-8 file the writers hand their bytes to the file's buffer; the text must not change."""
    times = [datetime(2025, 7, 1, 10, 11, 12, 500), None]
    rows = [tuple(t if c in ("published_at", "fetched_at", "updated_at") else
                  "香港 “quoted”, rejected\nline two" if c in ("title", "text") else
                  ["Jane Reporter"] if c in ("sources", "authors") else
                  [] if c in ("jurisdictions", "tiers", "responses", "evidence") else
                  {} if c == "claims" else None for c in COLUMNS) for t in times]
    buf = io.StringIO("before\n")
    buf.seek(0, io.SEEK_END)
    write([*rows, *rows], buf)
    path = tmp_path / "out"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("before\n")  # still in the text layer's buffer: the bytes must land after it
        assert write([*rows, *rows], fh) == 4
    assert path.read_bytes().decode("utf-8") == buf.getvalue()
    assert "香港" in buf.getvalue()
