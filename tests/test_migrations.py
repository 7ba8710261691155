"""Alembic migrations in storage/migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, insert, inspect, text

from newswatch.errors import StorageError
from newswatch.models import PageRecord
from storage import fts
from storage.schema import SCHEMA_REVISION, article_sources, articles, metadata
from storage.store import Store, _article_row, alembic_config, current_revision
from tests.helpers import REPO

pytest_plugins = ["tests.conftest_db"]
MakePage = Callable[..., PageRecord]
HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def _migrate(url: str, action: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)
    finally:
        engine.dispose()


def _search_objects(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                indexes = text("SELECT indexname FROM pg_indexes WHERE tablename = 'articles'")
                found = set(conn.execute(indexes).scalars())
                found |= set(conn.execute(text("SELECT proname FROM pg_proc WHERE proname = :f"),
                                          {"f": fts.PG_FUNCTION}).scalars())
                return found & {fts.PG_INDEX, fts.PG_FUNCTION}
            return set(conn.execute(text("SELECT name FROM sqlite_master WHERE name = :t"),
                                    {"t": fts.SQLITE_TABLE}).scalars())
    finally:
        engine.dispose()


def test_the_revisions_are_in_a_line() -> None:
    revisions = [r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
    assert revisions == ["0005", "0004", "0002", "0001"] and HEAD == "0005"


def test_the_schema_names_the_head_revision() -> None:
    # Store skips Alembic when the database is at SCHEMA_REVISION: it must be the head.
    assert SCHEMA_REVISION == HEAD


def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'current.db'}"
    Store(url).close()  # migrates: Alembic loads here
    code = ("import sys\nfrom storage.store import Store\n"
            f"Store({url!r}).close()\nprint('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "False"


def test_first_open_of_an_empty_database_migrates_it(store_url: str) -> None:
    with Store(store_url) as store:
        assert current_revision(store.engine) == HEAD
        tables = set(inspect(store.engine).get_table_names())
        assert {"sources", "articles", "article_sources", "alembic_version"} <= tables
    assert _search_objects(store_url)


def test_upgrade_from_0001_keeps_and_indexes_existing_rows(store_url: str, make_page: MakePage) -> None:
    _migrate(store_url, "upgrade", "0001")
    assert not _search_objects(store_url)
    now = datetime(2025, 9, 6, tzinfo=UTC)
    engine = create_engine(store_url)
    with engine.begin() as conn:  # rows written by the 0001 code: no search index yet
        for page in [
            make_page("https://a.example/en", "Report released", "The anti-trafficking report is out."),
            make_page("https://a.example/zh", "报告", "特区政府坚决反对美国《人口贩运问题报告》"),
        ]:
            row = insert(articles).values(**_old_row(page), created_at=now, updated_at=now)
            article_id = conn.execute(row.returning(articles.c.id)).scalar_one()
            conn.execute(insert(article_sources).values(article_id=article_id, source="old-feed", first_seen_at=now))
    engine.dispose()

    with Store(store_url) as store:  # opening migrates 0001 -> head
        assert current_revision(store.engine) == HEAD
        assert store.count_articles() == 2
        assert [r["url"] for r in store.search("trafficking")] == ["https://a.example/en"]
        assert [r["url"] for r in store.search("人口贩运")] == ["https://a.example/zh"]
        assert store.search("report")[0]["sources"] == ["old-feed"]
        # and rows written after the upgrade are indexed too
        store.save_pages([make_page("https://a.example/new", "Ferry", "Trafficking mentioned again.")])
        assert {r["url"] for r in store.search("trafficking")} == {"https://a.example/en", "https://a.example/new"}


def _old_row(page: PageRecord) -> dict[str, object]:
    """An articles row as the code before revision 0004 wrote it."""
    return {k: v for k, v in _article_row(page).items() if k not in ("report_family", "report_year", "jurisdiction")}


def test_upgrade_from_0002_backfills_the_indexed_fields(store_url: str, make_page: MakePage) -> None:
    _migrate(store_url, "upgrade", "0002")
    now = datetime(2025, 9, 6, tzinfo=UTC)
    engine = create_engine(store_url)
    with engine.begin() as conn:
        page = make_page("https://a.example/old", "Officials reject report", "Body words here.", is_report=True)
        conn.execute(insert(articles).values(**_old_row(page), created_at=now, updated_at=now))
    engine.dispose()
    with Store(store_url) as store:
        with store.engine.connect() as conn:
            row = conn.execute(text("SELECT report_family, report_year, jurisdiction FROM articles")).one()
            places = conn.execute(text("SELECT jurisdiction FROM article_jurisdictions")).scalars().all()
        assert tuple(row) == ("tip", 2025, "HK") and places == ["HK"]
        assert [r["url"] for r in store.search("officials")] == ["https://a.example/old"]


def test_downgrade_to_0001_and_back(store_url: str, make_page: MakePage) -> None:
    with Store(store_url) as store:
        store.save_pages([make_page("https://a.example/1", "Report", "Rebuttal text")])
    _migrate(store_url, "downgrade", "0001")
    assert not _search_objects(store_url)
    with Store(store_url) as store:
        assert current_revision(store.engine) == HEAD
        assert [r["url"] for r in store.search("rebuttal")] == ["https://a.example/1"]


def test_migrated_schema_matches_schema_py(store_url: str) -> None:
    with Store(store_url) as store, store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "compare_server_default": True,
            "include_name": lambda name, type_, _parents: not fts.is_search_object(name, type_),
            "include_object": lambda _obj, name, type_, _refl, _cmp: not fts.is_search_object(name, type_),
        })
        diff = compare_metadata(ctx, metadata)
    assert diff == []


def test_search_objects_are_the_only_ones_outside_metadata(store_url: str) -> None:
    """The filter above must not hide anything but the hand-made search objects."""
    with Store(store_url) as store:
        inspector = inspect(store.engine)
        tables = set(inspector.get_table_names()) - {"alembic_version"}
        indexes = {i["name"] for i in inspector.get_indexes("articles")}
    hidden_tables = {t for t in tables if fts.is_search_object(t, "table")}
    assert tables - hidden_tables == set(metadata.tables)
    assert {i for i in indexes if fts.is_search_object(i, "index")} <= {fts.PG_INDEX}
    if store_url.startswith("sqlite"):
        assert fts.SQLITE_TABLE in hidden_tables
    else:
        assert fts.PG_INDEX in indexes and not hidden_tables


def test_a_database_from_a_newer_release_is_refused_clearly(store_url: str) -> None:
    with Store(store_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="newer newswatch"):
        Store(store_url)
