"""Real Prefect flows and the CLI end to end, under one Prefect test harness per session.

This is the only module that starts `prefect_test_harness` (13-15 s); everything that needs
a Prefect API lives here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswatch.cli.app import app
from newswatch.cli.demo import demo_config
from newswatch.cli.localsite import LocalSite
from storage.store import ArticleFilter, Store
from tests.alerts_flow_case import test_ingest_flow_sends_alerts_once  # noqa: F401  (runs here, under the harness)
from tests.backfill_flow_case import test_backfill_flow  # noqa: F401  (runs here, under the harness)

pytestmark = pytest.mark.prefect


@pytest.fixture(scope="module", autouse=True)
def harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def write_config(tmp_path: Path, site: LocalSite, extra: str = "") -> Path:
    cfg = tmp_path / "newswatch.toml"
    cfg.write_text(demo_config(site.base) + extra, encoding="utf-8")
    return cfg


def test_ingest_flow_runs_and_returns_summary(site: LocalSite, db_url: str, tmp_path: Path) -> None:
    from flows.ingest import ingest

    cfg = write_config(tmp_path, site)
    summary = ingest(config=str(cfg), db_url=db_url)
    assert summary["ok"] == 3 and summary["stored"] == 4 and summary["flagged_rebuttal"] >= 1
    again = ingest(config=str(cfg), db_url=db_url)
    assert again["not_modified"] == 3 and again["extracted"] == 0
    only = ingest(sources=["lotus-wire"], config=str(cfg), db_url=db_url)
    assert only["sources"] == 1


def test_cli_run_prints_summary_and_records(site: LocalSite, db_url: str, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, site, '\n[[sources]]\nname = "refused"\nurl = "http://127.0.0.1:9/feed.xml"\n')
    runner = CliRunner()
    result = runner.invoke(app, ["run", "--config", str(cfg), "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "refused" in result.output and "failed" in result.output  # reported with its reason, not fatal
    assert "4 extracted, 4 stored" in result.stdout
    assert "/4] refused: failed" in result.stderr  # progress, one line per source as it finishes
    assert "refused: failed\n  ConnectError" in result.stdout  # the reason, once, in the summary

    listed = runner.invoke(app, ["records", "list", "--rebuttal", "--json", "--config", str(cfg), "--db", db_url])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(r["is_rebuttal"] for r in rows)
    for key in ("id", "url", "title", "source", "published_at", "published_from", "language", "text",
                "is_report", "is_rebuttal", "evidence"):
        assert key in rows[0]

    shown = runner.invoke(app, ["records", "show", str(rows[0]["id"]), "--db", db_url, "--config", str(cfg)])
    assert shown.exit_code == 0 and rows[0]["title"] in shown.output

    health = runner.invoke(app, ["sources", "list", "--json", "--config", str(cfg), "--db", db_url])
    states = {json.loads(line)["name"]: json.loads(line) for line in health.stdout.splitlines()}
    assert states["refused"]["last_status"] == "failed" and states["refused"]["last_error"]
    assert states["harbour-daily"]["last_status"] == "ok"


def test_cli_run_as_json(site: LocalSite, db_url: str, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, site)
    result = CliRunner().invoke(app, ["run", "--json", "--config", str(cfg), "--db", db_url])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["stored"] == 4


def test_demo_flags_the_reference_like_article(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--db", f"sqlite:///{db}", "--port", "0"])
    assert result.exit_code == 0, result.output
    with Store(f"sqlite:///{db}") as store:
        rebuttals = store.list_articles(ArticleFilter(rebuttal=True, limit=None))
    urls = {r["url"].rsplit("/", 1)[-1] for r in rebuttals}
    assert "harbour-rebuttal.html" in urls
    assert "ferry-timetable.html" not in urls


def test_reprocess_flow_updates_changed_records(site: LocalSite, db_url: str, tmp_path: Path) -> None:
    from sqlalchemy import update

    from flows.ingest import ingest
    from flows.reprocess import reprocess
    from storage.schema import articles

    ingest(config=str(write_config(tmp_path, site)), db_url=db_url)
    with Store(db_url) as store, store.engine.begin() as conn:  # pretend an older detector got it wrong
        conn.execute(update(articles).values(is_rebuttal=False, detector_version="old"))
    counts = reprocess(db_url=db_url)
    assert counts["seen"] == 4 and counts["updated"] == 4
    assert reprocess(db_url=db_url)["updated"] == 0
    with Store(db_url) as store:
        assert store.list_articles(ArticleFilter(rebuttal=True, limit=None))


def test_cli_run_skips_a_source_backing_off_unless_named(site: LocalSite, db_url: str, tmp_path: Path) -> None:
    from newswatch.cli.localsite import Route

    site.routes["/broken.xml"] = Route(status=500)
    cfg = write_config(tmp_path, site, f'\n[[sources]]\nname = "broken"\nurl = "{site.url("/broken.xml")}"\n')
    runner = CliRunner()
    first = runner.invoke(app, ["run", "--json", "--config", str(cfg), "--db", db_url])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["failures"] == {"broken": "HTTP 500"}
    asked = site.hits["/broken.xml"]  # 1, or 2 with the in-run retry of a 5xx
    second = runner.invoke(app, ["run", "--config", str(cfg), "--db", db_url])
    assert second.exit_code == 0, second.output
    assert "1 backing off" in second.stdout and "] broken: backing off (0 new" in second.stderr
    assert "broken: backing off\n  backing off until " in second.stdout
    assert site.hits["/broken.xml"] == asked  # skipped: not asked again
    named = runner.invoke(app, ["run", "--json", "--source", "broken", "--config", str(cfg), "--db", db_url])
    assert named.exit_code == 0, named.output
    assert json.loads(named.stdout)["failures"] == {"broken": "HTTP 500"} and site.hits["/broken.xml"] > asked
    health = runner.invoke(app, ["sources", "list", "--json", "--config", str(cfg), "--db", db_url])
    state = next(json.loads(line) for line in health.stdout.splitlines() if '"broken"' in line)
    assert state["consecutive_failures"] == 2 and state["next_attempt_at"] and state["last_error"] == "HTTP 500"
