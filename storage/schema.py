"""The database schema (SQLAlchemy Core). Alembic migrations in storage/migrations create it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

# The Alembic revision (storage/migrations/versions) this schema is: a new migration bumps it
# (tests/test_migrations.py checks the two agree).
SCHEMA_REVISION = "0003"

metadata = MetaData()

sources = Table(
    "sources",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("url", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", String(64)),
    Column("last_status", String(20)),
    Column("last_error", Text),
    Column("http_status", Integer),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("last_checked_at", DateTime(timezone=True)),
    Column("last_success_at", DateTime(timezone=True)),
    Column("entries_seen", Integer, nullable=False, default=0),
    # Reliability (revision 0003): backoff, unconditional fetches, staleness.
    Column("next_attempt_at", DateTime(timezone=True)),  # backing off (or Retry-After) until then
    Column("last_full_fetch_at", DateTime(timezone=True)),  # last fetch without validators
    Column("last_new_at", DateTime(timezone=True)),  # last run that found an entry not stored before
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("source", String(200), nullable=False),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("language", String(16)),
    Column("published_at", DateTime(timezone=True)),
    Column("published_from", String(16)),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Column("site_name", Text),
    Column("text", Text, nullable=False),
    Column("raw_html", LargeBinary, nullable=False),  # compressed page bytes (storage/compress.py)
    Column("content_type", String(200)),
    Column("is_report", Boolean, nullable=False),
    Column("is_rebuttal", Boolean, nullable=False),
    Column("report_score", Float, nullable=False),
    Column("rebuttal_score", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("record", JSON, nullable=False),  # report, jurisdictions, tiers, responses, claims
    Column("detector", String(50), nullable=False),
    Column("detector_version", String(50), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_published_at", "published_at"),
    Index("ix_articles_source", "source"),
    Index("ix_articles_flags", "is_report", "is_rebuttal"),
)

# Every source an article was seen in (the same story in two feeds is one article).
article_sources = Table(
    "article_sources",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("source", String(200), primary_key=True),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
)

# Pages that failed (revision 0003): retried on later runs up to a limit, then given up,
# with the reason kept. A page stored later is removed from here.
page_failures = Table(
    "page_failures",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("source", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime(timezone=True)),  # not before this (a Retry-After)
    Column("gave_up", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
