"""PostgreSQL search: the newest matches of a query, ranked, found one id window at a time.

A common word matches a third of the records. Taking "the newest `cap` matches" from one
GIN bitmap scan visits the heap page of every match, and for a phrase reads every
candidate's tsvector to check word positions, only to keep the newest `cap`. Here the
matches are sought in windows of ids from the newest down: the planner ANDs the GIN
bitmap with a primary-key range bitmap, so only the window's rows are read (and, for a
phrase, checked), and each match is ranked in the same pass. Each next window is sized
from the density of matches seen so far. The result is the same set as the one-query form.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, Float, func, literal_column, select, text

from storage import fts
from storage.schema import articles

FIRST_WINDOW = 8000  # ids: enough for 2,000 matches of a word found in a quarter of the records
MARGIN = 1.25  # a later window is this much wider than the density seen so far says it needs


def tsquery(terms: list[str], joiner: str) -> ColumnElement[Any]:
    """Each term as `phraseto_tsquery('simple', term)`, joined with `joiner` (&& or ||)."""
    simple: ColumnElement[Any] = literal_column("'simple'::regconfig")
    query: ColumnElement[Any] = func.phraseto_tsquery(simple, terms[0])
    for term in terms[1:]:
        query = query.op(joiner)(func.phraseto_tsquery(simple, term))
    return query


def newest_ranked(conn: Connection, terms: list[str], conds: list[ColumnElement[bool]],
                  cap: int) -> list[tuple[int, float]]:
    """(id, ts_rank) of the `cap` highest ids matching every term and condition, highest id first.

    Sets planner options for the rest of the caller's transaction (SET LOCAL)."""
    top = conn.execute(select(func.max(articles.c.id))).scalar()
    if top is None or cap <= 0:
        return []
    query = tsquery(terms, "&&")
    vector: ColumnElement[Any] = literal_column(f"articles.{fts.PG_COLUMN}")
    matches = vector.op("@@", return_type=Boolean)(query)
    # Without these the planner walks the primary key backwards and reads every row's
    # tsvector (or, for a broad window, scans the table): several times slower.
    conn.execute(text("SET LOCAL enable_seqscan = off"))
    conn.execute(text("SET LOCAL enable_indexscan = off"))
    found: list[tuple[int, float]] = []
    hi, size = int(top), FIRST_WINDOW
    while hi > 0 and len(found) < cap:
        lo = max(hi - size, 0)
        window = (select(articles.c.id, vector.label("v"))
                  .where(articles.c.id > lo, articles.c.id <= hi, matches, *conds)
                  .order_by(articles.c.id.desc()).limit(cap - len(found)).subquery())
        # Ranked outside the window's LIMIT: inside, every match of the window would be ranked.
        rank = func.ts_rank(literal_column("v"), query, type_=Float)
        stmt = select(window.c.id, rank).select_from(window).order_by(window.c.id.desc())
        found.extend((int(i), float(r)) for i, r in conn.execute(stmt).all())
        hi = lo
        seen = top - lo
        wanted = int((cap - len(found)) * seen / len(found) * MARGIN) + 1 if found else seen * 8
        size = min(wanted, seen * 4)  # a window far wider than the density says reads too many rows
    return found
