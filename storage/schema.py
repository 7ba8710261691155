"""The database schema (SQLAlchemy Core). Alembic migrations in storage/migrations create it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

# The Alembic revision (storage/migrations/versions) this schema is: a new migration bumps it
# (tests/test_migrations.py checks the two agree).
SCHEMA_REVISION = "0006"

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
    # Copied out of `record` on every write, so filters and timelines use indexes (migration 0004).
    Column("report_family", String(16)),  # tip, unodc, greta, gsi
    Column("report_year", Integer),  # the report's edition year
    Column("jurisdiction", String(64)),  # the main jurisdiction: ISO code, else its name
    Column("minhash", LargeBinary),  # MinHash signature of the text (newswatch/similarity.py)
    Column("story_id", Integer),  # the lowest id of the records whose text this one copies (itself if none)
    Index("ix_articles_published_at", "published_at"),
    Index("ix_articles_source", "source"),
    Index("ix_articles_flags", "is_report", "is_rebuttal"),
    # Covering the ranking columns, so compare and timeline candidates are read from the index alone.
    Index("ix_articles_edition", "report_family", "report_year", "is_rebuttal", "rebuttal_score"),
    Index("ix_articles_jurisdiction", "jurisdiction", "report_family", "report_year", "is_rebuttal", "rebuttal_score"),
    Index("ix_articles_language", "language"),
    Index("ix_articles_story", "story_id"),
)

# Every source an article was seen in (the same story in two feeds is one article).
article_sources = Table(
    "article_sources",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("source", String(200), primary_key=True),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Index("ix_article_sources_source", "source", "article_id"),  # the --source filter (migration 0006)
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

# Every jurisdiction a record is about (filters), the main one also in articles.jurisdiction.
article_jurisdictions = Table(
    "article_jurisdictions",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("jurisdiction", String(64), primary_key=True),
    Index("ix_article_jurisdictions_jurisdiction", "jurisdiction", "article_id"),
)

# MinHash LSH buckets: a record's text is a candidate copy of another's when they share a band key.
story_bands = Table(
    "story_bands",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("key", BigInteger, nullable=False),
    Index("ix_story_bands_key", "key", "band"),
)

# Alerts (storage/alerts.py). The outbox gets a row in the transaction that first stores an
# article; after the run commits, each row becomes one delivery per matching alert.
alert_outbox = Table(
    "alert_outbox",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("queued_at", DateTime(timezone=True), nullable=False),
)

# One row per (alert, article): pending, sending (claimed until next_attempt_at), delivered,
# failed (retried from next_attempt_at) or abandoned (max_attempts reached).
alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("alert", String(200), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("delivered_at", DateTime(timezone=True)),
    PrimaryKeyConstraint("alert", "article_id", name="pk_alert_deliveries"),
    Index("ix_alert_deliveries_due", "status", "next_attempt_at"),
)
