"""reading: indexed report/jurisdiction columns, stories (MinHash LSH bands), ranked search

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-05

- articles gains report_family, report_year, jurisdiction (copied out of the `record` JSON,
  backfilled here), minhash and story_id (filled by `newswatch reprocess` for rows stored
  before this revision: computing MinHash needs the live code), with indexes;
- article_jurisdictions: every jurisdiction of a record (backfilled here);
- story_bands: MinHash LSH band keys of each record;
- search ranks the title above the body: SQLite's FTS5 table gets a `title` column (rebuilt
  here); PostgreSQL gets a stored, weighted tsvector column `search_vector` (title weight A)
  and the GIN index `ix_articles_search` moves onto it.

Self-contained: the rules below are copies (storage/fts.py, extractors/facets.py), so this
file keeps working when the live modules change.
"""

import json
import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

_BATCH = 500
_MAX_INDEXED_CHARS = 200_000
_CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK = re.compile(f"([{_CJK_CLASS}])")
_FAMILY_WORDS = (("unodc", "global report"), ("greta", "greta"), ("gsi", "slavery index"),
                 ("tip", "trafficking in persons"))
_PG_WEIGHTED = f"""
CREATE OR REPLACE FUNCTION newswatch_search_weighted(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple'::regconfig,
           regexp_replace(coalesce(title, ''), '([{_CJK_CLASS}])', ' \\1 ', 'g')), 'A')
      || to_tsvector('simple'::regconfig,
           regexp_replace(left(coalesce(body, ''), {_MAX_INDEXED_CHARS}), '([{_CJK_CLASS}])', ' \\1 ', 'g'))
$$
"""


def _family(report):
    if not report or not report.get("name"):
        return None
    name = str(report["name"]).lower()
    for key, words in _FAMILY_WORDS:
        if words in name:
            return key
    return name[:16]


def _places(record):
    keys = []
    for place in record.get("jurisdictions") or []:
        key = place.get("code") or place.get("name")
        if key and str(key)[:64] not in keys:
            keys.append(str(key)[:64])
    return keys


def _space(text):
    return _CJK.sub(r" \1 ", text)


def upgrade() -> None:
    bind = op.get_bind()
    for column in (sa.Column("report_family", sa.String(16)), sa.Column("report_year", sa.Integer),
                   sa.Column("jurisdiction", sa.String(64)), sa.Column("minhash", sa.LargeBinary),
                   sa.Column("story_id", sa.Integer)):
        op.add_column("articles", column)
    op.create_table(
        "article_jurisdictions",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("jurisdiction", sa.String(64), primary_key=True),
    )
    op.create_table(
        "story_bands",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("band", sa.Integer, primary_key=True),
        sa.Column("key", sa.BigInteger, nullable=False),
    )
    _backfill(bind)
    op.create_index("ix_articles_edition", "articles", ["report_family", "report_year", "is_rebuttal", "rebuttal_score"])
    op.create_index("ix_articles_jurisdiction", "articles",
                    ["jurisdiction", "report_family", "report_year", "is_rebuttal", "rebuttal_score"])
    op.create_index("ix_articles_language", "articles", ["language"])
    op.create_index("ix_articles_story", "articles", ["story_id"])
    op.create_index("ix_article_jurisdictions_jurisdiction", "article_jurisdictions", ["jurisdiction", "article_id"])
    op.create_index("ix_story_bands_key", "story_bands", ["key", "band"])
    if bind.dialect.name == "postgresql":
        op.execute(_PG_WEIGHTED)
        op.execute("ALTER TABLE articles ADD COLUMN search_vector tsvector "
                   "GENERATED ALWAYS AS (newswatch_search_weighted(title, text)) STORED")
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search_vector)")
        return
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(doc, title, tokenize = 'unicode61 remove_diacritics 0')")
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, title, text FROM articles WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        bind.execute(
            sa.text("INSERT INTO articles_fts (rowid, doc, title) VALUES (:id, :doc, :title)"),
            [{"id": r.id, "doc": _space((r.title or "") + " " + (r.text or "")[:_MAX_INDEXED_CHARS]),
              "title": _space(r.title or "")} for r in rows],
        )
        last = rows[-1].id


def _backfill(bind) -> None:
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, record FROM articles WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            return
        updates: list[dict] = []
        places: list[dict] = []
        for r in rows:
            record = json.loads(r.record) if isinstance(r.record, str) else (r.record or {})
            report = record.get("report") or {}
            year = report.get("year")
            keys = _places(record)
            updates.append({"id": r.id, "family": _family(report), "year": year if isinstance(year, int) else None,
                            "place": keys[0] if keys else None})
            places.extend({"id": r.id, "place": key} for key in keys)
        bind.execute(sa.text("UPDATE articles SET report_family = :family, report_year = :year, "
                             "jurisdiction = :place WHERE id = :id"), updates)
        if places:
            bind.execute(sa.text("INSERT INTO article_jurisdictions (article_id, jurisdiction) VALUES (:id, :place)"),
                         places)
        last = rows[-1].id


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP FUNCTION IF EXISTS newswatch_search_weighted(text, text)")
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (newswatch_search_vector(title, text))")
    else:
        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(doc, tokenize = 'unicode61 remove_diacritics 0')")
        last = 0
        while True:
            rows = bind.execute(
                sa.text("SELECT id, title, text FROM articles WHERE id > :last ORDER BY id LIMIT :n"),
                {"last": last, "n": _BATCH},
            ).all()
            if not rows:
                break
            bind.execute(
                sa.text("INSERT INTO articles_fts (rowid, doc) VALUES (:id, :doc)"),
                [{"id": r.id, "doc": _space((r.title or "") + " " + (r.text or "")[:_MAX_INDEXED_CHARS])}
                 for r in rows],
            )
            last = rows[-1].id
    op.drop_table("story_bands")
    op.drop_table("article_jurisdictions")
    for name in ("ix_articles_edition", "ix_articles_jurisdiction", "ix_articles_language", "ix_articles_story"):
        op.drop_index(name, table_name="articles")
    with op.batch_alter_table("articles") as batch:
        for name in ("story_id", "minhash", "jurisdiction", "report_year", "report_family"):
            batch.drop_column(name)
