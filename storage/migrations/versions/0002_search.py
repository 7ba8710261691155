"""full-text search: SQLite FTS5 table, PostgreSQL tsvector GIN index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Objects made by hand (not in storage/schema.py); see storage/fts.py for why and how.
SQLite: the FTS5 table is filled from the articles already stored. PostgreSQL: the
expression index covers existing rows as it is built.
"""

import sqlalchemy as sa
from alembic import op

from storage.fts import PG_FUNCTION, PG_FUNCTION_SQL, PG_INDEX, SQLITE_TABLE, search_document

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 500


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
