"""Read queries over the store: filters, ranked search, compare candidates, timelines, stories, export.

Every query here uses an index (articles' edition, jurisdiction, language and story columns,
article_jurisdictions, story_bands, the full-text index) or pages by primary key, so none
reads the whole table. Rows come back as "lean" record dicts: `Store.get_article`'s shape
without `raw_sha256` (and without `text` unless asked for).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Float,
    Integer,
    Select,
    Text,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by

from storage import fts, pgsearch
from storage.schema import article_jurisdictions, article_sources, articles
from storage.serialize import record_from_row
from storage.store import Store, id_chunks, id_in, sources_of

MAX_RANKED = 2000
_FTS = table(fts.SQLITE_TABLE, column("rowid"))
_JSON = ("authors", "evidence", "record")
# JSON columns come back as text and are decoded with orjson (several times faster than json).
_LEAN: list[Any] = [cast(c, Text).label(c.name) if c.name in _JSON else c
                    for c in articles.columns if c.name not in ("raw_html", "text", "minhash")]


@dataclass(frozen=True)
class RecordFilter:
    """Which records: every field set must hold (None / False: no condition)."""

    report: bool = False  # about a trafficking report
    rebuttal: bool = False  # an official rebuttal
    source: str | None = None  # seen in this source
    jurisdiction: str | None = None  # about this jurisdiction (ISO code, or name where none), anywhere in the record
    report_family: str | None = None  # tip, unodc, greta, gsi
    year: int | None = None  # the report's edition year
    language: str | None = None  # ISO 639-1
    since: date | None = None  # published on or after this day (UTC)
    until: date | None = None  # published on or before this day (UTC)


def conditions(flt: RecordFilter) -> list[ColumnElement[bool]]:
    """SQL conditions for a filter."""
    return [*row_conditions(flt), *(articles.c.id.in_(ids) for ids in id_sets(flt))]


def row_conditions(flt: RecordFilter) -> list[ColumnElement[bool]]:
    """The filter's conditions on the columns of articles."""
    out: list[ColumnElement[bool]] = []
    if flt.report:
        out.append(articles.c.is_report.is_(True))
    if flt.rebuttal:
        out.append(articles.c.is_rebuttal.is_(True))
    if flt.report_family:
        out.append(articles.c.report_family == flt.report_family)
    if flt.year is not None:
        out.append(articles.c.report_year == flt.year)
    if flt.language:
        out.append(articles.c.language == flt.language)
    if flt.since:
        out.append(articles.c.published_at >= datetime.combine(flt.since, time(), UTC))
    if flt.until:
        out.append(articles.c.published_at < datetime.combine(flt.until + timedelta(days=1), time(), UTC))
    return out


def id_sets(flt: RecordFilter) -> list[Select[Any]]:
    """The filter's conditions that are sets of record ids read from other tables."""
    out: list[Select[Any]] = []
    if flt.source:
        out.append(select(article_sources.c.article_id).where(article_sources.c.source == flt.source))
    if flt.jurisdiction:
        out.append(select(article_jurisdictions.c.article_id).where(
            article_jurisdictions.c.jurisdiction == flt.jurisdiction))
    return out


def fetch_records(store: Store, ids: list[int], *, with_text: bool = False) -> dict[int, dict[str, Any]]:
    """{id: lean record} for the ids that exist."""
    with store.engine.connect() as conn:
        return _records(conn, ids, with_text)


def _records(conn: Connection, ids: list[int], with_text: bool) -> dict[int, dict[str, Any]]:
    cols = [*_LEAN, articles.c.text] if with_text else _LEAN
    out: dict[int, dict[str, Any]] = {}
    for chunk in id_chunks(conn, ids):
        rows = conn.execute(select(*cols).where(id_in(conn, articles.c.id, chunk))).mappings().all()
        extra = sources_of(conn, [r["id"] for r in rows])
        out.update({r["id"]: record_from_row(r, extra.get(r["id"])) for r in rows})
    return out


# --- search ----------------------------------------------------------------------------------


def search(store: Store, terms: list[str], flt: RecordFilter, limit: int | None = 50) -> list[dict[str, Any]]:
    """Records containing every term (storage/fts.py), best first: title hits above body hits
    (bm25 on SQLite, ts_rank on PostgreSQL), then the most recently stored. Each has its `rank`
    (higher is better) and its text.

    A query matching more than MAX_RANKED records ranks the MAX_RANKED most recently stored of
    them (the same ones on both backends): ranking every match of a very common word costs
    more than the 50 ms a search may take.

    Two steps: rank the matching ids from the search index alone (filters as id subqueries on
    the indexed columns), then read the page of records. On SQLite this keeps the long `text`
    column of every match (and the columns stored after it) out of the ranking; PostgreSQL
    seeks the newest matches one id window at a time (storage/pgsearch.py).
    """
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            found = pgsearch.newest_ranked(conn, terms, row_conditions(flt), id_sets(flt), MAX_RANKED)
            found.sort(key=lambda t: (-t[1], -t[0]))
            ranked = found[:limit] if limit else found
            records = _records(conn, [i for i, _r in ranked], True)
    else:
        conds = conditions(flt)
        bm25 = literal_column(f"bm25({fts.SQLITE_TABLE}, 1.0, {fts.TITLE_WEIGHT})", Float)
        fts_match = literal_column(fts.SQLITE_TABLE).op("MATCH", return_type=Boolean)(fts.fts5_match(terms))
        match = [fts_match]
        if conds:  # the unary + keeps SQLite from running the MATCH once per id of the IN list
            plain_rowid: ColumnElement[Any] = literal_column(f"+{fts.SQLITE_TABLE}.rowid")
            match.append(plain_rowid.in_(select(articles.c.id).where(*conds)))
        floor = (select(_FTS.c.rowid).where(*match).order_by(_FTS.c.rowid.desc())
                 .offset(MAX_RANKED - 1).limit(1).scalar_subquery())
        stmt = (select(_FTS.c.rowid.label("id"), (-bm25).label("rank"))
                .where(*match, _FTS.c.rowid >= func.coalesce(floor, 0))
                .order_by(bm25.asc(), _FTS.c.rowid.desc()))
        if limit:
            stmt = stmt.limit(limit)
        with store.engine.connect() as conn:
            ranked = [(int(i), float(r)) for i, r in conn.execute(stmt)]
            records = _records(conn, [i for i, _r in ranked], True)
    out = []
    for i, r in ranked:
        if i in records:
            out.append({**records[i], "rank": r})
    return out


def similar_text_ids(store: Store, terms: list[str], limit: int = 100) -> list[int]:
    """Ids of the records best matching any of the terms (a text-similarity candidate list)."""
    if not terms:
        return []
    if store.engine.dialect.name == "postgresql":
        tsquery = pgsearch.tsquery(terms, "||")
        vector: ColumnElement[Any] = literal_column(f"articles.{fts.PG_COLUMN}")
        stmt = (select(articles.c.id).where(vector.op("@@", return_type=Boolean)(tsquery))
                .order_by(func.ts_rank(vector, tsquery).desc()).limit(limit))
    else:
        stmt = (select(_FTS.c.rowid)
                .where(literal_column(fts.SQLITE_TABLE).op("MATCH", return_type=Boolean)(fts.fts5_any(terms)))
                .order_by(literal_column(f"bm25({fts.SQLITE_TABLE}, 1.0, {fts.TITLE_WEIGHT})"))
                .limit(limit))
    with store.engine.connect() as conn:
        return [int(i) for i in conn.execute(stmt).scalars()]


# --- compare candidates ----------------------------------------------------------------------


def edition_ids(store: Store, *, family: str | None, year: int | None, jurisdiction: str | None,
                limit: int = 100) -> list[int]:
    """Ids of records on the same report edition and/or jurisdiction (rebuttals and strongest first)."""
    picks: list[ColumnElement[bool]] = []
    if family and year is not None and jurisdiction:
        picks.append((articles.c.jurisdiction == jurisdiction) & (articles.c.report_family == family)
                     & (articles.c.report_year == year))
    if family and jurisdiction:
        picks.append((articles.c.jurisdiction == jurisdiction) & (articles.c.report_family == family))
    if family and year is not None:
        picks.append((articles.c.report_family == family) & (articles.c.report_year == year))
    if jurisdiction:
        picks.append(articles.c.jurisdiction == jurisdiction)
    found: list[int] = []
    with store.engine.connect() as conn:
        for cond in picks:  # most specific first, each capped: a huge edition cannot crowd out the rest
            stmt = (select(articles.c.id).where(cond)
                    .order_by(articles.c.is_rebuttal.desc(), articles.c.rebuttal_score.desc(), articles.c.id)
                    .limit(limit))
            found.extend(i for i in conn.execute(stmt).scalars() if i not in found)
    return found


def minhashes(store: Store, ids: list[int]) -> dict[int, bytes | None]:
    """{id: MinHash signature} of stored records."""
    out: dict[int, bytes | None] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            rows = conn.execute(select(articles.c.id, articles.c.minhash).where(articles.c.id.in_(ids[i : i + 500])))
            out.update({r.id: r.minhash for r in rows})
    return out


def id_by_url(store: Store, url: str) -> int | None:
    """The id of the record stored under `url`, if any."""
    with store.engine.connect() as conn:
        found = conn.execute(select(articles.c.id).where(articles.c.url == url)).scalar()
    return int(found) if found is not None else None


# --- timeline --------------------------------------------------------------------------------


def timeline_records(store: Store, jurisdiction: str, family: str | None = None,
                     per_edition: int = 100) -> tuple[list[dict[str, Any]], dict[tuple[str | None, int | None], int]]:
    """Report records whose main jurisdiction is `jurisdiction`: at most `per_edition` per
    edition (rebuttals and strongest first), and the number of records per (family, year)."""
    # report_family is set exactly on records about a report (an indexed stand-in for is_report).
    where = [articles.c.jurisdiction == jurisdiction, articles.c.report_family.is_not(None)]
    if family:
        where.append(articles.c.report_family == family)
    rn = func.row_number().over(
        partition_by=(articles.c.report_family, articles.c.report_year),
        order_by=(articles.c.is_rebuttal.desc(), articles.c.rebuttal_score.desc(), articles.c.id),
    ).label("rn")
    ranked = select(articles.c.id, rn).where(*where).subquery()
    chosen = select(ranked.c.id).where(ranked.c.rn <= per_edition)
    counts_q = (select(articles.c.report_family, articles.c.report_year, func.count())
                .where(*where).group_by(articles.c.report_family, articles.c.report_year))
    with store.engine.connect() as conn:
        rows = conn.execute(select(*_LEAN).where(articles.c.id.in_(chosen))).mappings().all()
        counts = {(f, y): int(n) for f, y, n in conn.execute(counts_q)}
    return [record_from_row(r) for r in rows], counts


# --- stories ---------------------------------------------------------------------------------


def story_members(store: Store, story_ids: list[int], per_story: int = 50) -> dict[int, list[dict[str, Any]]]:
    """{story id: its records (lean, oldest id first)}, at most `per_story` each."""
    out: dict[int, list[dict[str, Any]]] = {}
    if not story_ids:
        return out
    with store.engine.connect() as conn:
        for i in range(0, len(story_ids), 200):
            rn = func.row_number().over(partition_by=articles.c.story_id, order_by=articles.c.id).label("rn")
            ranked = select(articles.c.id, rn).where(articles.c.story_id.in_(story_ids[i : i + 200])).subquery()
            chosen = select(ranked.c.id).where(ranked.c.rn <= per_story)
            stmt = select(*_LEAN).where(articles.c.id.in_(chosen)).order_by(articles.c.id)
            rows = conn.execute(stmt).mappings().all()
            extra = sources_of(conn, [r["id"] for r in rows])
            for r in rows:
                out.setdefault(r["story_id"], []).append(record_from_row(r, extra.get(r["id"])))
    return out


def story_sizes(store: Store, story_ids: list[int]) -> dict[int, int]:
    """{story id: number of records in it}."""
    if not story_ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(select(articles.c.story_id, func.count()).where(articles.c.story_id.in_(story_ids))
                            .group_by(articles.c.story_id))
        return {int(s): int(n) for s, n in rows}


def list_records(store: Store, flt: RecordFilter, limit: int | None = 50) -> list[dict[str, Any]]:
    """Records matching `flt`, newest first (lean, without text)."""
    stmt = (select(*_LEAN).where(*conditions(flt))
            .order_by(articles.c.published_at.desc().nulls_last(), articles.c.id.desc()))
    if limit:
        stmt = stmt.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
        extra = sources_of(conn, [r["id"] for r in rows])
    return [record_from_row(r, extra.get(r["id"])) for r in rows]


# --- export ----------------------------------------------------------------------------------


# What the export reads, in this order: newswatch/cli/export.py's COLUMNS without "sources" (which
# comes beside each row). The database takes the record's report and places apart, so no record
# JSON is parsed in Python; nested fields come back as JSON text.
EXPORT_FIELDS = ("id", "url", "title", "site_name", "source", "language", "authors", "published_at",
                 "published_from", "fetched_at", "updated_at", "is_report", "is_rebuttal", "report_score",
                 "rebuttal_score", "report_name", "report_issuer", "report_year", "jurisdiction", "jurisdictions",
                 "tiers", "responses", "claims", "evidence", "story_id", "detector", "detector_version", "text")


def _export_columns(pg: bool) -> list[Any]:
    """EXPORT_FIELDS as select columns; `pg`: PostgreSQL's JSON operators, else SQLite's json_extract."""
    record = articles.c.record

    def value(path: str) -> ColumnElement[Any]:
        """The scalar at `path` ("report.name", "jurisdictions.0.code") as text."""
        if pg:
            return record.op("#>>", return_type=Text)(literal_column("'{" + path.replace(".", ",") + "}'"))
        return func.json_extract(record, "$." + re.sub(r"\.(\d+)", r"[\1]", path), type_=Text)

    def subtree(key: str) -> ColumnElement[Any]:
        """The array or object at `key` as JSON text."""
        if pg:
            return cast(record.op("->", return_type=Text)(literal_column(f"'{key}'")), Text)
        return func.json_extract(record, f"$.{key}", type_=Text)

    derived: dict[str, ColumnElement[Any]] = {
        "report_name": value("report.name"),
        "report_issuer": value("report.issuer"),
        "report_year": cast(value("report.year"), Integer),
        "jurisdiction": func.coalesce(func.nullif(value("jurisdictions.0.code"), ""), value("jurisdictions.0.name")),
        **{key: subtree(key) for key in ("jurisdictions", "tiers", "responses", "claims")},
    }
    lean = {c.name: c for c in [*_LEAN, articles.c.text]}
    return [derived[name].label(name) if name in derived else lean[name] for name in EXPORT_FIELDS]


def iter_records(store: Store, flt: RecordFilter, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every record matching `flt` with its text, in id order, `batch` rows per query (keyset
    pagination on the primary key: memory stays flat however many there are)."""
    cols = [*_LEAN, articles.c.text]
    names = [c.name for c in cols]
    for rows in _batches(store, cols, conditions(flt), batch):
        for r, seen_in in rows:
            yield record_from_row(dict(zip(names, r, strict=True)), seen_in)


def iter_rows(store: Store, flt: RecordFilter, batch: int = 2000) -> Iterator[tuple[Sequence[Any], list[str]]]:
    """(row, sources) of every record matching `flt`, in id order: the export's cheap path. A row
    holds EXPORT_FIELDS in order, JSON as text (None where the record has no such field) and times
    as stored."""
    cols = _export_columns(store.engine.dialect.name == "postgresql")
    for rows in _batches(store, cols, conditions(flt), batch):
        yield from rows


def _batches(store: Store, cols: list[Any], where: list[ColumnElement[bool]],
             batch: int) -> Iterator[list[tuple[Sequence[Any], list[str]]]]:
    """Lists of (row of `cols`, the record's sources) matching `where`, in id order, about `batch`
    per list (`cols` start with the id). The lists are id ranges cut at every `batch`-th match
    (one index query). On PostgreSQL two ranges are read at once in threads while the caller
    works on the one before, so the server's work overlaps the caller's; memory holds three
    lists at most."""
    pg = store.engine.dialect.name == "postgresql"
    if pg:  # the sources as an array column: no second query, no grouping in Python
        seen_in = (select(func.array_agg(aggregate_order_by(
            article_sources.c.source, article_sources.c.first_seen_at, article_sources.c.source)))
            .where(article_sources.c.article_id == articles.c.id).scalar_subquery())
        cols = [*cols, seen_in]
    numbered = select(articles.c.id, func.row_number().over(order_by=articles.c.id).label("n")).where(*where).subquery()
    with store.engine.connect() as conn:
        cuts = [0, *conn.execute(select(numbered.c.id).where(numbered.c.n % batch == 0)
                                 .order_by(numbered.c.id)).scalars()]

    def read(lo: int, hi: int | None) -> list[tuple[Sequence[Any], list[str]]]:
        upto = [articles.c.id <= hi] if hi is not None else []  # the last range takes what was added since
        stmt = select(*cols).where(articles.c.id > lo, *upto, *where).order_by(articles.c.id)
        with store.engine.connect() as conn:
            rows = conn.execute(stmt).all()
            if pg:
                return [(r[:-1], r[-1] or [r.source]) for r in rows]
            extra = sources_of(conn, [r[0] for r in rows])
        return [(r, extra.get(r[0]) or [r.source]) for r in rows]

    ranges = iter(zip(cuts, [*cuts[1:], None], strict=True))
    if not pg:  # SQLite works in this process: threads would only contend for the GIL
        for lo, hi in ranges:
            if rows := read(lo, hi):
                yield rows
        return
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="read-ahead") as pool:
        pending = deque(pool.submit(read, lo, hi) for lo, hi in islice(ranges, 2))
        while pending:
            rows = pending.popleft().result()
            for lo, hi in islice(ranges, 1):
                pending.append(pool.submit(read, lo, hi))
            if rows:
                yield rows
