"""`newswatch records search` and the parts of `newswatch serve` that need no Prefect server
(the served deployments themselves run in tests/test_deployments.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswatch.cli.app import app, records_app
from newswatch.cli.ops import _absolute, register
from newswatch.models import PageRecord
from storage.schema import SCHEMA_REVISION
from storage.store import Store, current_revision

pytest_plugins = ["tests.conftest_db"]
MakePage = Callable[..., PageRecord]
REPO = Path(__file__).resolve().parents[1]
register(app, records_app)
runner = CliRunner()


@pytest.fixture
def db(store_url: str, make_page: MakePage) -> str:
    with Store(store_url) as store:
        store.save_pages([
            make_page("https://a.example/en", "US releases Trafficking in Persons Report", "Hong Kong is in Tier 2.",
                      published=datetime(2025, 9, 5, tzinfo=UTC), is_report=True),
            make_page("https://a.example/zh", "特区政府坚决反对美国《人口贩运问题报告》", "报告抹黑香港。",
                      published=datetime(2025, 9, 6, tzinfo=UTC), is_report=True, is_rebuttal=True),
            make_page("https://a.example/ferry", "Ferry adds sailings", "Late ferries for the festival.",
                      published=datetime(2025, 9, 4, tzinfo=UTC)),
        ])
    return store_url


def test_register_adds_the_commands_once() -> None:
    register(app, records_app)
    assert [c.name for c in app.registered_commands].count("serve") == 1
    assert [c.name for c in records_app.registered_commands].count("search") == 1
    assert "search" in runner.invoke(app, ["records", "--help"]).output
    assert "serve" in runner.invoke(app, ["--help"]).output


def test_search_json_lines_newest_first(db: str) -> None:
    result = runner.invoke(app, ["records", "search", "report", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in rows] == ["https://a.example/en"]
    assert rows[0]["is_report"] is True and rows[0]["report"]["year"] == 2025
    zh = runner.invoke(app, ["records", "search", "人口贩运", "--json", "--db", db])
    assert [json.loads(line)["url"] for line in zh.stdout.splitlines()] == ["https://a.example/zh"]


def test_search_table_and_limit(db: str) -> None:
    both = runner.invoke(app, ["records", "search", "香港 报告", "--db", db])
    assert both.exit_code == 0 and "1 record(s)" in both.stdout and "特区政府" in both.stdout
    limited = runner.invoke(app, ["records", "search", "Tier OR ferries", "--limit", "1", "--json", "--db", db])
    assert limited.stdout == ""  # every term is required; OR is a plain word
    one = runner.invoke(app, ["records", "search", "Report", "--limit", "0", "--json", "--db", db])
    assert len(one.stdout.splitlines()) == 1


def test_search_without_matches_prints_an_empty_table(db: str) -> None:
    result = runner.invoke(app, ["records", "search", "nothing-like-this", "--db", db])
    assert result.exit_code == 0 and "0 record(s)" in result.stdout


def test_search_needs_a_query_and_a_database(tmp_path: Path) -> None:
    assert runner.invoke(app, ["records", "search"]).exit_code == 2
    bad = runner.invoke(app, ["records", "search", "x", "--db", f"sqlite:///{tmp_path}/missing-dir/x.db"])
    assert bad.exit_code == 1 and "cannot open database" in bad.stderr


def test_db_upgrade_migrates_an_empty_database_on_both_backends(store_url: str) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert result.exit_code == 0, result.output
    with Store(store_url, migrate=False) as store:
        assert current_revision(store.engine) == SCHEMA_REVISION


def test_serve_needs_a_prefect_server(tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 1 and "prefect server start" in " ".join(result.stderr.split())


def test_serve_fails_fast_on_an_unusable_database_or_config(tmp_path: Path) -> None:
    bad_db = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/missing-dir/x.db"])
    assert bad_db.exit_code == 1 and "cannot open database" in bad_db.stderr
    cfg = tmp_path / "bad.toml"
    cfg.write_text("nonsense = 1\n", encoding="utf-8")
    bad_cfg = runner.invoke(app, ["serve", "--config", str(cfg), "--db", f"sqlite:///{tmp_path}/x.db"])
    assert bad_cfg.exit_code == 1 and "bad.toml" in bad_cfg.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///newswatch.db", "sqlite:///{cwd}/newswatch.db"),
        ("sqlite:////abs/x.db", "sqlite:////abs/x.db"),
        ("sqlite://", "sqlite://"),
        ("postgresql+psycopg://u:secret@db.example/nw", "postgresql+psycopg://u:secret@db.example/nw"),
    ],
)
def test_served_runs_get_an_absolute_sqlite_path(url: str, expected: str) -> None:
    assert _absolute(url) == expected.format(cwd=Path.cwd().resolve())


def test_schedule_readme_shows_the_commands_it_describes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # The draft until its text is pasted into the README.
    text = readme if "## Run it on a schedule" in readme else (REPO / "README-schedule.md").read_text(encoding="utf-8")
    for command in ("newswatch serve", "prefect server start", "prefect work-pool create",
                    "prefect --no-prompt deploy --prefect-file deployments/prefect.yaml --all",
                    "prefect worker start --pool", "newswatch db upgrade", "newswatch records search",
                    "PREFECT_API_DATABASE_CONNECTION_URL", "NEWSWATCH_DB_URL"):
        assert command in text, command
    assert re.search(r"postgresql\+asyncpg://", text) and re.search(r"postgresql\+psycopg://", text)
