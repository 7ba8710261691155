"""Full-text search: one query language, the same answers on SQLite and PostgreSQL.

A query is whitespace-separated terms ("double quotes" keep a phrase together); a record
matches when every term occurs in its title or text. Latin-script terms match whole
words, case-insensitively, without stemming. Chinese and Japanese have no spaces between
words, so before indexing, every CJK character is set apart by spaces and a CJK term
becomes a phrase of single characters: it matches wherever that exact substring occurs.

- SQLite: an FTS5 table `articles_fts` (tokenizer unicode61, diacritics kept) whose
  rowid is the article id; `Store` writes it beside every article insert or text change.
- PostgreSQL: a GIN index on the immutable SQL function `newswatch_search_vector(title,
  text)` (to_tsvector with the 'simple' configuration over the same spaced text); queries
  are `phraseto_tsquery('simple', term)` joined with `&&`, so the index serves them.

Only the first `MAX_INDEXED_CHARS` of a text are indexed (PostgreSQL caps a tsvector at 1 MB).
Migration 0002 creates these objects by hand; `is_search_object` keeps them out of the
autogenerate comparison with storage/schema.py.
"""

from __future__ import annotations

import re

MAX_INDEXED_CHARS = 200_000
SQLITE_TABLE = "articles_fts"
PG_FUNCTION = "newswatch_search_vector"
PG_INDEX = "ix_articles_search"

# Hiragana and Katakana, CJK Extension A, CJK Unified Ideographs, Compatibility Ideographs,
# and the supplementary-plane ideographs. The same ranges are in the PostgreSQL function.
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK = re.compile(f"([{CJK_CLASS}])")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')  # a "quoted phrase" (closing quote optional) or a word

PG_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {PG_FUNCTION}(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, regexp_replace(
    coalesce(title, '') || ' ' || left(coalesce(body, ''), {MAX_INDEXED_CHARS}),
    '([{CJK_CLASS}])', ' \\1 ', 'g'))
$$
"""


def space_cjk(text: str) -> str:
    """`text` with a space on each side of every CJK character."""
    return _CJK.sub(r" \1 ", text)


def search_document(title: str | None, text: str | None) -> str:
    """What the SQLite index holds for one article (the PostgreSQL function computes the same)."""
    return space_cjk((title or "") + " " + (text or "")[:MAX_INDEXED_CHARS])


def search_terms(query: str) -> list[str]:
    """The query's terms, CJK spaced out; terms with no letter or digit are dropped."""
    raw = [m.group(1) if m.group(1) is not None else m.group(2) for m in _TERM.finditer(query)]
    terms = [" ".join(space_cjk(t).split()) for t in raw]
    return [t for t in terms if any(ch.isalnum() for ch in t)]


def fts5_match(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every term as a quoted phrase, all required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def is_search_object(name: str | None, type_: str) -> bool:
    """Whether a database object belongs to full-text search (created by hand, not in metadata)."""
    if not name:
        return False
    if type_ == "table":
        return name == SQLITE_TABLE or name.startswith(SQLITE_TABLE + "_")
    return type_ == "index" and name == PG_INDEX
