"""Database fixtures for the storage tests: a fresh SQLite file or a fresh PostgreSQL database.

Test modules load this with ``pytest_plugins = ["tests.conftest_db"]``.

PostgreSQL: NEWSWATCH_TEST_PG (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``)
names a role that may CREATE DATABASE; each test gets its own ``nw_test_<random>`` database,
dropped afterwards, so runs never collide. Without a reachable server the PostgreSQL tests
skip, saying why, except under CI=true, where they fail. A missing `test` database (the one
NEWSWATCH_TEST_PG names) is created through the maintenance database `postgres`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from newswatch.models import Article, Detection, Evidence, Jurisdiction, PageRecord, ReportRef, TierRating

PG_ADMIN_URL = os.environ.get("NEWSWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_unreachable: list[str] = []  # the reason, once known


def _pg_unavailable() -> str | None:
    """Why PostgreSQL cannot be used (None when it can); asked once per session."""
    if not _unreachable:
        _create_admin_database()
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            _unreachable.append("")
        except SQLAlchemyError as exc:
            cause = getattr(exc, "orig", None) or exc
            _unreachable.append(f"PostgreSQL not reachable at {_redacted(PG_ADMIN_URL)}: "
                                f"{(str(cause).strip().splitlines() or [type(cause).__name__])[0]}")
        finally:
            engine.dispose()
    return _unreachable[0] or None


def _create_admin_database() -> None:
    """Create the database NEWSWATCH_TEST_PG names (`test` by default) when the server is
    reachable but the database is not there yet, through the maintenance database `postgres`."""
    url = make_url(PG_ADMIN_URL)
    if not url.database or url.database == "postgres":
        return
    maintenance = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT",
                                connect_args={"connect_timeout": 3})
    try:
        with maintenance.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                  {"name": url.database}).first()
            if not exists:
                quoted = url.database.replace('"', '""')
                conn.execute(text(f'CREATE DATABASE "{quoted}"'))
    except SQLAlchemyError:
        pass  # unreachable, or not allowed: the check below says why
    finally:
        maintenance.dispose()


def _redacted(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def require_pg() -> None:
    """Skip the calling test without PostgreSQL; fail it under CI=true."""
    reason = _pg_unavailable()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)


def create_pg_database() -> str:
    """A new, empty database; returns its URL."""
    require_pg()
    name = f"nw_test_{secrets.token_hex(6)}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a fresh PostgreSQL database, dropped after the test."""
    url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(url)


@pytest.fixture(name="make_page")
def make_page_fixture() -> Callable[..., PageRecord]:
    """The `make_page` factory, for test modules (they cannot import this plugin module)."""
    return make_page


def make_page(
    url: str,
    title: str | None = "A title",
    text: str = "Some text.",
    *,
    source: str = "test-source",
    published: datetime | None = datetime(2025, 9, 5, 12, 0, tzinfo=UTC),
    language: str | None = "en",
    is_report: bool = False,
    is_rebuttal: bool = False,
    raw: bytes = b"<html><body>page</body></html>",
) -> PageRecord:
    """A stored-page record with a small but complete detection."""
    detection = Detection(
        is_report=is_report, is_rebuttal=is_rebuttal, report_score=0.9 if is_report else 0.1,
        rebuttal_score=0.8 if is_rebuttal else 0.0,
        evidence=(Evidence("report", "tip-report-name", "The Trafficking in Persons Report ..."),) if is_report else (),
        report=ReportRef("Trafficking in Persons Report", "US Department of State", 2025) if is_report else None,
        jurisdictions=(Jurisdiction("Hong Kong", "HK"),) if is_report else (),
        tiers=(TierRating("Hong Kong", "Tier 2", "Tier 2 Watch List", "upgrade", 3),) if is_report else (),
        detector="rules", detector_version="test",
    )
    article = Article(url=url, title=title, text=text, authors=("Desk",), language=language,
                      published_at=published, published_from="page" if published else None, site_name="Site")
    return PageRecord(source=source, article=article, detection=detection, raw_html=raw,
                      fetched_at=datetime(2025, 9, 6, 0, 0, tzinfo=UTC), content_type="text/html")
