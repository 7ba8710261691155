"""`newswatch demo`: offline, repeatable, and its figures add up (no Prefect involved)."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswatch.cli.app import app
from storage.store import ArticleFilter, Store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _per_source(output: str) -> dict[str, str]:
    """source -> its row of the run table (status, entries, new, stored, ...)."""
    rows = {}
    for line in output.splitlines():
        cells = line.split()  # the run table: one line per source, columns apart by spaces
        if cells and cells[0] in ("harbour-daily", "lotus-wire", "pier-post"):
            rows[cells[0]] = " ".join(cells[1:])
    return rows


def test_demo_twice_into_one_database_stores_each_article_once(tmp_path: Path) -> None:
    db, port = f"sqlite:///{tmp_path / 'demo.db'}", _free_port()
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--db", db, "--port", str(port)], env={"COLUMNS": "120"})
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        urls = sorted(r["url"] for r in store.list_articles(ArticleFilter(limit=None)))
    assert len(urls) == 4 and all(u.startswith(f"http://127.0.0.1:{port}/news/") for u in urls)
    again = runner.invoke(app, ["demo", "--db", db, "--port", str(port)], env={"COLUMNS": "120"})
    assert again.exit_code == 0, again.output
    with Store(db) as store:
        assert sorted(r["url"] for r in store.list_articles(ArticleFilter(limit=None))) == urls
    assert "this pass stored 0 new record(s); the store now holds 4" in again.stdout
    # Per-source figures do not depend on which feed thread came first.
    third_db = f"sqlite:///{tmp_path / 'other.db'}"
    third = runner.invoke(app, ["demo", "--db", third_db, "--port", str(port)], env={"COLUMNS": "120"})
    assert _per_source(third.stdout) == _per_source(first.stdout)
    assert _per_source(first.stdout)["harbour-daily"].split()[:4] == ["ok", "3", "3", "3"]


def test_demo_summary_adds_up_and_says_what_next(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(app, ["demo", "--db", db, "--port", str(_free_port())], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    flagged = re.search(r"flagged: (\d+) report, (\d+) rebuttal", result.stdout)
    totals = re.search(r"the store now holds (\d+): (\d+) about a report, (\d+) official", result.stdout)
    assert flagged and totals
    with Store(db) as store:
        rows = store.list_articles(ArticleFilter(limit=None))
    reports, rebuttals = sum(r["is_report"] for r in rows), sum(r["is_rebuttal"] for r in rows)
    assert (int(flagged[1]), int(flagged[2])) == (reports, rebuttals) == (int(totals[2]), int(totals[3]))
    assert f"records kept in {db}" in result.stdout and "try next:" in result.stdout
    assert f"newswatch sources list --db {db}" in result.stdout
    assert (tmp_path / "demo.db").exists()


def test_demo_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["demo", "--db", f"sqlite:///{tmp_path / 'd.db'}", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot serve the demo site on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr


def test_sources_list_on_the_demo_store_lists_the_demo_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(tmp_path)  # no ./newswatch.toml: the built-in sources are the configuration
    monkeypatch.delenv("NEWSWATCH_CONFIG", raising=False)
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--db", db, "--port", str(_free_port())]).exit_code == 0
    listed = runner.invoke(app, ["sources", "list", "--json", "--db", db])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["name"] for r in rows] == ["harbour-daily", "lotus-wire", "pier-post"]
    assert all(r["last_status"] == "ok" and r["configured"] is False for r in rows)
    table = runner.invoke(app, ["sources", "list", "--db", db], env={"COLUMNS": "200"})
    assert "never run" not in table.stdout and "built-in source(s) not shown" in table.stdout
