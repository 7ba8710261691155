"""Full-text search: one query language, the same answers on SQLite and PostgreSQL.

A query is whitespace-separated terms ("double quotes" keep a phrase together); a record
matches when every term occurs in its title or text. Latin-script terms match whole
words, case-insensitively, without stemming. Chinese and Japanese have no spaces between
words, so before indexing, every CJK character is set apart by spaces and a CJK term
becomes a phrase of single characters: it matches wherever that exact substring occurs.

- SQLite: an FTS5 table `articles_fts(doc, title)` (tokenizer unicode61, diacritics kept)
  whose rowid is the article id; `doc` is title and text, `title` the title again, so bm25
  with a weight on `title` ranks title hits first without changing what matches. `Store`
  writes it beside every article insert or text change.
- PostgreSQL: a stored generated column `search_vector` (to_tsvector with the 'simple'
  configuration over the same spaced text, title words weighted A; migration 0004) with the
  GIN index `ix_articles_search` (pending list 256 kB, migration 0006); queries are
  `phraseto_tsquery('simple', term)` joined with `&&`, so the index serves them, and `ts_rank`
  ranks on the stored vector (storage/pgsearch.py).

Only the first `MAX_INDEXED_CHARS` of a text are indexed (PostgreSQL caps a tsvector at 1 MB).
Migration 0002 creates these objects by hand; `is_search_object` keeps them out of the
autogenerate comparison with storage/schema.py.
"""

from __future__ import annotations

import re

from newswatch.errors import NewswatchError
from newswatch.text import INDEXED_CJK_CLASS

MAX_INDEXED_CHARS = 200_000
SQLITE_TABLE = "articles_fts"
PG_FUNCTION = "newswatch_search_vector"
PG_INDEX = "ix_articles_search"
PG_COLUMN = "search_vector"
TITLE_WEIGHT = 4.0  # bm25 weight of the SQLite `title` column (the `doc` column weighs 1)

# Kana and ideographs, not Hangul. Migrations 0002 and 0004 froze the same ranges into the PostgreSQL
# function and column: changing the class needs a migration that rebuilds the index (newswatch/text.py).
_CJK = re.compile(f"([{INDEXED_CJK_CLASS}])")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')  # a "quoted phrase" (closing quote optional) or a word

PG_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {PG_FUNCTION}(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, regexp_replace(
    coalesce(title, '') || ' ' || left(coalesce(body, ''), {MAX_INDEXED_CHARS}),
    '([{INDEXED_CJK_CLASS}])', ' \\1 ', 'g'))
$$
"""


def space_cjk(text: str) -> str:
    """`text` with a space on each side of every CJK character."""
    return _CJK.sub(r" \1 ", text)


def search_document(title: str | None, text: str | None) -> str:
    """What the SQLite index holds for one article (the PostgreSQL function computes the same)."""
    return space_cjk((title or "") + " " + (text or "")[:MAX_INDEXED_CHARS])


def search_title(title: str | None) -> str:
    """What the SQLite index's `title` column holds for one article."""
    return space_cjk(title or "")


def search_terms(query: str) -> list[str]:
    """The query's terms, CJK spaced out; terms with no letter or digit are dropped."""
    raw = [m.group(1) if m.group(1) is not None else m.group(2) for m in _TERM.finditer(query)]
    terms = [" ".join(space_cjk(t).split()) for t in raw]
    return [t for t in terms if any(ch.isalnum() for ch in t)]


class SearchQueryError(NewswatchError):
    """A search query with nothing to search for (empty, or only operators and punctuation)."""


OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def query_terms(query: str) -> list[str]:
    """`search_terms`, refusing a query with no word to search for (SearchQueryError)."""
    terms = search_terms(query)
    if not terms or all(t in OPERATORS for t in terms):
        raise SearchQueryError(f"nothing to search for in {query!r}: give at least one word "
                               "(operators and punctuation alone match nothing)")
    return terms


def fts5_any(terms: list[str]) -> str:
    """An FTS5 MATCH expression: any of the terms (each a quoted phrase)."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def fts5_match(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every term as a quoted phrase, all required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def is_search_object(name: str | None, type_: str) -> bool:
    """Whether a database object belongs to full-text search (created by hand, not in metadata)."""
    if not name:
        return False
    if type_ == "table":
        return name == SQLITE_TABLE or name.startswith(SQLITE_TABLE + "_")
    if type_ == "column":
        return name == PG_COLUMN
    return type_ == "index" and name == PG_INDEX
