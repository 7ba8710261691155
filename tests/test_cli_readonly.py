"""Read commands open the store read-only (issue 12.15): they never create or migrate a database,
say "no newswatch database at …" when there is none, read a store on a read-only filesystem,
and name an unsupported database instead of a traceback. SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

from newswatch.cli.app import app
from newswatch.errors import StorageError
from newswatch.models import PageRecord
from storage.store import MissingStore, Store, alembic_config

pytest_plugins = ["tests.conftest_db"]
MakePage = Callable[..., PageRecord]
runner = CliRunner()
READ_COMMANDS = [["records", "list"], ["records", "show", "1"], ["records", "search", "word"], ["sources", "list"]]
HINT = "(run `newswatch run` or `newswatch db upgrade` first)"


def _tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return inspect(conn).get_table_names()
    finally:
        engine.dispose()


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_a_missing_sqlite_file_is_named_and_not_created(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "nothing-here.db"
    result = runner.invoke(app, [*args, "--db", f"sqlite:///{path}"])
    assert result.exit_code == 1
    assert result.stderr == f"error: no newswatch database at {path} {HINT}\n"
    assert not path.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_a_postgresql_database_without_newswatch_tables_is_left_alone(pg_url: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", pg_url])
    assert result.exit_code == 1
    assert "error: no newswatch database at postgresql+psycopg://" in result.stderr and HINT in result.stderr
    assert _tables(pg_url) == []  # nothing created in it


def test_a_missing_postgresql_database_is_named(pg_url: str) -> None:
    gone = pg_url.rsplit("/", 1)[0] + "/nw_no_such_database"
    result = runner.invoke(app, ["records", "list", "--db", gone])
    assert result.exit_code == 1
    assert "no newswatch database at" in result.stderr and "nw_no_such_database" in result.stderr


@pytest.mark.parametrize("url", ["mysql://user:pw@127.0.0.1/news", "oracle://u@h/db", "mssql+pyodbc://h/db"])
@pytest.mark.parametrize("args", [["records", "list"], ["sources", "list"], ["db", "upgrade"]])
def test_an_unsupported_database_is_named_without_a_traceback(url: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", url])
    scheme = url.split(":")[0].split("+")[0]
    assert result.exit_code == 1
    assert result.stderr == f"error: unsupported database: {scheme} (use sqlite:/// or postgresql+psycopg://)\n"


def test_not_a_url_is_an_error_not_a_traceback() -> None:
    result = runner.invoke(app, ["records", "list", "--db", "just words"])
    assert result.exit_code == 1 and result.stderr.startswith("error: not a database URL")


def test_reading_writes_nothing(store_url: str, make_page: MakePage, tmp_path: Path) -> None:
    with Store(store_url) as store:
        store.save_pages([make_page("https://example.org/a", "Synthetic word story")])
    before = _fingerprint(store_url)
    for args in READ_COMMANDS:
        result = runner.invoke(app, [*args, "--db", store_url])
        assert result.exit_code == 0, (args, result.output)
    assert _fingerprint(store_url) == before


def _fingerprint(url: str) -> object:
    if url.startswith("sqlite"):
        return hashlib.sha256(Path(url.removeprefix("sqlite:///")).read_bytes()).hexdigest()
    with Store(url) as store:
        return [s.last_checked_at for s in store.list_sources()], store.count_articles()


def test_a_readonly_store_refuses_writes(store_url: str, make_page: MakePage) -> None:
    Store(store_url).close()
    store = Store.open_readonly(store_url)
    try:
        with pytest.raises(StorageError):
            store.save_pages([make_page("https://example.org/b")])
        assert store.count_articles() == 0
    finally:
        store.close()


def test_a_store_at_an_older_schema_is_not_migrated_by_a_read(store_url: str) -> None:
    engine = create_engine(store_url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
    finally:
        engine.dispose()
    result = runner.invoke(app, ["records", "list", "--db", store_url])
    assert result.exit_code == 1 and "at schema revision 0001" in result.stderr
    assert "newswatch db upgrade" in result.stderr
    assert "articles_fts" not in _tables(store_url)  # 0002 not applied


def test_missing_store_carries_where(tmp_path: Path) -> None:
    with pytest.raises(MissingStore) as info:
        Store.open_readonly(f"sqlite:///{tmp_path / 'x.db'}")
    assert info.value.where == str(tmp_path / "x.db")


def test_a_store_with_readonly_permissions_can_be_listed(tmp_path: Path, make_page: MakePage) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    url = f"sqlite:///{folder / 'news.db'}"
    with Store(url) as store:
        store.save_pages([make_page("https://example.org/a", "Synthetic read-only story")])
    (folder / "news.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        result = runner.invoke(app, ["records", "list", "--db", url])
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 0, result.output
    assert "Synthetic read-only story" in result.stdout


@pytest.mark.skipif(not shutil.which("unshare") or os.geteuid() != 0,
                    reason="needs root and unshare to mount a read-only filesystem")
def test_a_store_on_a_readonly_filesystem_can_be_listed(tmp_path: Path, make_page: MakePage) -> None:
    src, mnt = tmp_path / "src", tmp_path / "mnt"
    src.mkdir()
    mnt.mkdir()
    with Store(f"sqlite:///{src / 'news.db'}") as store:
        store.save_pages([make_page("https://example.org/a", "Synthetic story on a read-only disk")])
    assert sorted(p.name for p in src.iterdir()) == ["news.db"]  # WAL files gone at close
    script = (f"mount --bind -o ro {src} {mnt} && touch {mnt}/probe 2>/dev/null && echo writable; "
              f"{sys.executable} -m newswatch.cli.app records list --db sqlite:///{mnt}/news.db")
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "120"})
    assert "writable" not in proc.stdout  # the mount really is read-only
    assert proc.returncode == 0, proc.stderr
    assert "Synthetic story on a read-only disk" in proc.stdout
