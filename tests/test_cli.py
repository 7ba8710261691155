"""The CLI's contract without Prefect: help, exit codes, clear errors, reading records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswatch.cli.app import app
from newswatch.cli.demo import page

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("run", "demo", "records", "sources", "extract", "reprocess", "db"):
        assert name in result.output


@pytest.mark.parametrize("args", [["run", "--bogus"], ["records", "list", "--limit", "x"], ["nosuchcommand"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_bad_since_date_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["records", "list", "--since", "yesterday", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_config_error_exits_1_naming_file_and_key(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[[sources]]\nname = "a"\nurl = "nope"\n', encoding="utf-8")
    result = runner.invoke(app, ["run", "--config", str(cfg), "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 1
    assert "bad.toml" in result.stderr and "url" in result.stderr


def test_unknown_source_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", "--source", "nope", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 1
    assert "unknown source" in result.stderr


def test_unreachable_database_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--db", f"sqlite:///{tmp_path}/missing-dir/x.db"])
    assert result.exit_code == 1
    assert "cannot open database" in result.stderr


def test_records_on_empty_database(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/x.db"
    assert runner.invoke(app, ["db", "upgrade", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["records", "list", "--json", "--db", db]).stdout == ""
    missing = runner.invoke(app, ["records", "show", "42", "--db", db])
    assert missing.exit_code == 1 and "no record with id 42" in missing.stderr


def test_db_upgrade(tmp_path: Path) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 0 and (tmp_path / "x.db").exists()


def test_extract_a_file_stores_nothing(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_bytes(page("harbour-rebuttal"))
    result = runner.invoke(app, ["extract", str(html), "--json", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 0, (result.output, result.exception)
    data = json.loads(result.stdout)
    assert data["title"].startswith("Harbour city government rejects")
    assert data["published_from"] == "page" and data["language"] == "en"
    assert data["is_rebuttal"] is True and data["evidence"]
    assert not (tmp_path / "x.db").exists()


def test_extract_missing_file_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_extract_a_url_through_the_guard(tmp_path: Path) -> None:
    from newswatch.cli.localsite import LocalSite, Route

    with LocalSite({"/a.html": Route(page("zh-rebuttal"))}) as site:
        refused = runner.invoke(app, ["extract", site.url("/a.html"), "--json"])
        cfg = tmp_path / "local.toml"
        cfg.write_text("[fetch]\nallow_private_networks = true\n", encoding="utf-8")
        allowed = runner.invoke(app, ["extract", site.url("/a.html"), "--json", "--config", str(cfg)])
    assert refused.exit_code == 1 and "not a public address" in refused.stderr
    assert allowed.exit_code == 0, allowed.output
    data = json.loads(allowed.stdout)
    assert data["language"] == "zh" and data["is_rebuttal"] is True
    assert data["url"] == site.url("/a.html")


def test_the_command_and_the_run_start_without_the_detector() -> None:
    """Compiling the detection lexicons takes about half a second: `newswatch run` stores what the
    extraction workers detected, and `--help` or `records list` need none of it."""
    code = ("import sys, newswatch.cli.app, flows.ingest_run; "
            "print(sorted(m for m in ('extractors.cues', 'extractors.detect', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
