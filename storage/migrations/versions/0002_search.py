"""full-text search: SQLite FTS5 table, PostgreSQL tsvector GIN index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Objects made by hand (not in storage/schema.py); see storage/fts.py for why and how.
SQLite: the FTS5 table is filled from the articles already stored. PostgreSQL: the
expression index covers existing rows as it is built.

Self-contained: the names, the SQL function and the indexed document are copied here as
they were at this revision, so later edits to storage/fts.py never change this migration.
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 500

MAX_INDEXED_CHARS = 200_000
SQLITE_TABLE = "articles_fts"
PG_FUNCTION = "newswatch_search_vector"
PG_INDEX = "ix_articles_search"
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK = re.compile(f"([{CJK_CLASS}])")
PG_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {PG_FUNCTION}(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, regexp_replace(
    coalesce(title, '') || ' ' || left(coalesce(body, ''), {MAX_INDEXED_CHARS}),
    '([{CJK_CLASS}])', ' \\1 ', 'g'))
$$
"""


def search_document(title: str | None, text: str | None) -> str:
    return _CJK.sub(r" \1 ", (title or "") + " " + (text or "")[:MAX_INDEXED_CHARS])


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(PG_FUNCTION_SQL)
        op.execute(f"CREATE INDEX {PG_INDEX} ON articles USING gin ({PG_FUNCTION}(title, text))")
        return
    op.execute(f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5(doc, tokenize = 'unicode61 remove_diacritics 0')")
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, title, text FROM articles WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        bind.execute(
            sa.text(f"INSERT INTO {SQLITE_TABLE} (rowid, doc) VALUES (:id, :doc)"),
            [{"id": r.id, "doc": search_document(r.title, r.text)} for r in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
        op.execute(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}(text, text)")
        return
    op.execute(f"DROP TABLE IF EXISTS {SQLITE_TABLE}")
