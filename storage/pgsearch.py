"""PostgreSQL search: the newest matches of a query, ranked, found one id window at a time.

A common word matches a third of the records. Taking "the newest `cap` matches" from one
GIN bitmap scan visits the heap page of every match only to keep the newest `cap`. Here the
matches are sought in windows of ids from the newest down: the planner ANDs the GIN bitmap
with a primary-key range bitmap, so only the window's rows are read, and only the matches
kept are ranked. Each next window is sized from the density of matches seen so far. The
result is the same set as the one-query form.

A phrase ("Trafficking in Persons", or a CJK term, which is a phrase of characters) needs
word positions, which the GIN index does not hold: PostgreSQL reads the tsvector of every
row that has all the words. So the window's candidates come from the words alone (the index
answers that by itself), newest first, and the phrase is checked on them only until enough
match.

A filter on a set of ids from another table (a source, a jurisdiction) is read first and,
when small, given to each window as a literal array: the planner, knowing its size, ANDs its
primary-key bitmap with the GIN bitmap, so only rows in both are read. As a subquery it
would be joined after every word match of the window had been read.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from sqlalchemy import (
    ARRAY,
    Boolean,
    ColumnElement,
    Connection,
    Float,
    Integer,
    Select,
    Text,
    any_,
    cast,
    func,
    literal,
    literal_column,
    select,
    text,
)

from storage import fts
from storage.schema import articles

FIRST_WINDOW = 8000  # ids: enough for 2,000 matches of a word found in a quarter of the records
MARGIN = 1.5  # a later window is this much wider than the density seen so far says it needs
MAX_LISTED = 20_000  # a filter's id set up to this size is passed as a literal array
# A window's sort carries each match's tsvector (2,000 of them: about 4 MB at 1.5 kB each). Under
# PostgreSQL's default 4 MB it spilled to disk: 18 of a 25 ms window.
WORK_MEM = "64MB"


def tsquery(terms: list[str], joiner: str, parse: str = "phraseto_tsquery") -> ColumnElement[Any]:
    """Each term as `parse('simple', term)` (phraseto_tsquery: its words in order; plainto_tsquery:
    its words anywhere), joined with `joiner` (&& or ||)."""
    simple: ColumnElement[Any] = literal_column("'simple'::regconfig")
    query: ColumnElement[Any] = getattr(func, parse)(simple, terms[0])
    for term in terms[1:]:
        query = query.op(joiner)(getattr(func, parse)(simple, term))
    return query


def newest_ranked(conn: Connection, terms: list[str], conds: list[ColumnElement[bool]],
                  id_sets: list[Select[Any]], cap: int) -> list[tuple[int, float]]:
    """(id, ts_rank) of the `cap` highest ids matching every term and condition and in every id
    set (selects of one id column), highest id first.

    Sets planner options for the rest of the caller's transaction."""
    listed, conds = _listed(conn, id_sets, conds)
    query = tsquery(terms, "&&")
    words = tsquery(terms, "&&", "plainto_tsquery")  # the same lexemes, positions aside
    top, phrase = conn.execute(select(func.max(articles.c.id), cast(query, Text) != cast(words, Text))).one()
    if top is None or cap <= 0:
        return []
    # For this transaction (SET LOCAL), in one round trip. Without the first two the planner
    # walks the primary key backwards and reads every row's tsvector (or, for a broad window,
    # scans the table): several times slower. psycopg prepares a statement run five times, and
    # PostgreSQL may then reuse one generic plan; the right plan depends on the words, the
    # window and the ids passed. The last keeps a window's sort in memory (WORK_MEM).
    conn.execute(text("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), "
                      "set_config('plan_cache_mode', 'force_custom_plan', true), "
                      f"set_config('work_mem', '{WORK_MEM}', true)"))
    found: list[tuple[int, float]] = []
    hi, size = int(top), FIRST_WINDOW
    while hi > 0 and len(found) < cap:
        lo = max(hi - size, 0)
        within: list[ColumnElement[bool]] | None = conds
        if listed is not None:
            ids = listed[bisect_right(listed, lo):bisect_right(listed, hi)]
            within = [*conds, articles.c.id == any_(literal(ids, ARRAY(Integer)))] if ids else None
            if not listed or listed[0] > lo:
                lo = 0  # no listed id below this window: it is the last
        if within is not None:
            found.extend(_window(conn, lo, hi, words, query if phrase else None, within, cap - len(found)))
        hi = lo
        seen = top - lo
        size = int((cap - len(found)) * seen / len(found) * MARGIN) + 1 if found else seen * 8
    return found


def _window(conn: Connection, lo: int, hi: int, words: ColumnElement[Any], phrase: ColumnElement[Any] | None,
            conds: list[ColumnElement[bool]], limit: int) -> list[tuple[int, float]]:
    """(id, ts_rank) of the `limit` highest ids in (lo, hi] having the words, in order (the phrase
    too, when given) and meeting `conds`, highest first."""
    vector: ColumnElement[Any] = literal_column(f"articles.{fts.PG_COLUMN}")
    candidates = (select(articles.c.id, vector.label("v"))
                  .where(articles.c.id > lo, articles.c.id <= hi, vector.op("@@", return_type=Boolean)(words), *conds)
                  .order_by(articles.c.id.desc()))
    if phrase is not None:  # OFFSET 0 keeps the planner from checking the phrase on every candidate
        sorted_ = candidates.offset(0).subquery()
        candidates = (select(sorted_.c.id, sorted_.c.v).where(sorted_.c.v.op("@@", return_type=Boolean)(phrase))
                      .order_by(sorted_.c.id.desc()))
    window = candidates.limit(limit).subquery()
    # Ranked outside the window's LIMIT: inside, every match of the window would be ranked.
    rank = func.ts_rank(window.c.v, phrase if phrase is not None else words, type_=Float)
    stmt = select(window.c.id, rank).order_by(window.c.id.desc())
    return [(int(i), float(r)) for i, r in conn.execute(stmt).all()]


def _listed(conn: Connection, id_sets: list[Select[Any]],
            conds: list[ColumnElement[bool]]) -> tuple[list[int] | None, list[ColumnElement[bool]]]:
    """The ids in every small id set, sorted (None: no small set), and `conds` plus an IN
    subquery for each set larger than MAX_LISTED."""
    listed: set[int] | None = None
    out = list(conds)
    for id_set in id_sets:
        ids = conn.execute(id_set.limit(MAX_LISTED + 1)).scalars().all()
        if len(ids) > MAX_LISTED:
            out.append(articles.c.id.in_(id_set))
        else:
            listed = set(ids) if listed is None else listed & set(ids)
    return (sorted(listed) if listed is not None else None), out
