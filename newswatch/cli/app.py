"""The `newswatch` command line.

Exit codes: 0 the command completed (per-source failures are reported, not fatal);
1 it could not run (bad configuration, database unreachable, bad input); 2 usage.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from newswatch.cli.common import (
    ConfigOpt,
    DbOpt,
    JsonOpt,
    err,
    out,
    page_counts_line,
    print_records,
)
from newswatch.cli.common import fail as _fail
from newswatch.cli.common import parse_date as _date
from newswatch.cli.common import settings_or_exit as _settings
from newswatch.cli.common import store_or_exit as _store
from newswatch.errors import NewswatchError
from newswatch.settings import Settings

app = typer.Typer(
    help="Watch news feeds for trafficking-in-persons reports and official rebuttals of them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
records_app = typer.Typer(help="Read stored records.", no_args_is_help=True)
sources_app = typer.Typer(help="Inspect configured sources and their health.", no_args_is_help=True)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(records_app, name="records")
app.add_typer(sources_app, name="sources")
app.add_typer(db_app, name="db")

# --- run and demo ---------------------------------------------------------------


@app.command()
def run(
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Poll only this source (repeatable).")
    ] = None,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Poll the enabled sources once (the Prefect `ingest` flow) and store new articles.

    Uses the Prefect server in PREFECT_API_URL when set, else a temporary local one.
    """
    settings = _settings(config, db)
    try:
        settings.enabled_sources(source)
    except NewswatchError as exc:
        _fail(str(exc))
    _store(settings).close()  # fail fast (exit 1) on an unreachable database; migrates it
    summary = _run_flow(settings, source)
    _print_summary(summary, as_json)


def _run_flow(settings: Settings, sources: list[str] | None) -> dict[str, Any]:
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.ingest import ingest
    from flows.pipeline import SourceResult

    runner: ThreadPoolTaskRunner[Any] = ThreadPoolTaskRunner(max_workers=max(1, settings.fetch.source_workers))
    flow = ingest.with_options(task_runner=runner)  # type: ignore[arg-type]  # Prefect's invariant generic
    total = len(settings.enabled_sources(sources))
    err.print(f"polling {total} source(s) into {settings.db_url} ...", highlight=False)
    done: list[str] = []
    lock = threading.Lock()

    def progress(result: SourceResult) -> None:
        with lock:
            done.append(result.source)
            note = result.error if result.status == "failed" else f"{result.new} new, {result.pages.stored} stored"
            err.print(f"[{len(done)}/{total}] {result.source}: {result.status} ({note})", highlight=False)

    return flow(
        sources=sources,
        config=str(settings.config_path) if settings.config_path else None,
        db_url=settings.db_url,
        on_source_done=progress,
    )


def _print_summary(summary: dict[str, Any], as_json: bool) -> None:
    if as_json:
        out.print_json(json.dumps(summary))
        return
    table = Table(title="ingest run", show_lines=False)
    for col in ("source", "status", "entries", "new", "stored", "report", "rebut", "failed"):
        table.add_column(col, no_wrap=True)
    table.add_column("note", overflow="fold", ratio=1)
    for r in summary["per_source"]:
        note = r["error"] or r["problem"] or ""
        style = "red" if r["status"] == "failed" else None
        table.add_row(r["source"], r["status"], str(r["entries"]), str(r["new"]), str(r["stored"]),
                      str(r["report"]), str(r["rebuttal"]), str(r["failed_pages"]), note, style=style)
    out.print(table)
    out.print(
        f"sources: {summary['sources']} ({summary['ok']} ok, {summary['not_modified']} not modified, "
        f"{summary['failed']} failed, {summary.get('backing_off', 0)} backing off); "
        f"entries seen: {summary['entries_seen']}; new: {summary['new_articles']}; "
        + page_counts_line(summary),
        highlight=False,
        soft_wrap=True,
    )
    for name, note in (summary.get("stale") or {}).items():
        out.print(f"stale: {name}: {note}", highlight=False, markup=False, soft_wrap=True)
    if summary.get("outage"):
        out.print("every source failed with a network error: not counted against them (is this machine offline?)",
                  highlight=False, markup=False)


@app.command()
def demo(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Keep the demo's records in this database (a SQLAlchemy URL), not a temporary one."),
    ] = None,
) -> None:
    """Run the whole pipeline offline against a synthetic site served on 127.0.0.1."""
    import tempfile

    from newswatch.cli.demo import demo_config, demo_routes
    from newswatch.cli.localsite import LocalSite
    from storage.store import ArticleFilter

    with tempfile.TemporaryDirectory(prefix="newswatch-demo-") as tmp, LocalSite() as site:
        site.routes.update(demo_routes(site.base))
        cfg = Path(tmp) / "demo.toml"
        cfg.write_text(demo_config(site.base), encoding="utf-8")
        settings = _settings(cfg, db or f"sqlite:///{Path(tmp) / 'demo.db'}")
        err.print(f"demo site (synthetic outlets) at {site.base}")
        _store(settings).close()
        summary = _run_flow(settings, None)
        _print_summary(summary, False)
        with _store(settings) as store:
            print_records(store.list_articles(ArticleFilter(limit=None)))
        if db:
            out.print(f"records kept in {db}", highlight=False)


# --- records --------------------------------------------------------------------


@records_app.command("list")
def records_list(
    report: Annotated[bool, typer.Option("--report", help="Only items about a trafficking report.")] = False,
    rebuttal: Annotated[bool, typer.Option("--rebuttal", help="Only official rebuttals.")] = False,
    source: Annotated[str | None, typer.Option("--source", help="Only items seen in this source.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only items published on or after this date (YYYY-MM-DD).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many (0: all).")] = 50,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one record per line.")] = False,
) -> None:
    """List stored records, newest first."""
    from storage.store import ArticleFilter

    flt = ArticleFilter(report, rebuttal, source, _date(since, "--since"), limit or None)
    with _store(_settings(config, db)) as store:
        rows = store.list_articles(flt)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    print_records(rows)


@records_app.command("show")
def records_show(
    record_id: Annotated[int, typer.Argument(metavar="ID", help="Record id from `records list`.")],
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one record: text, structured fields and the evidence behind each decision."""
    with _store(_settings(config, db)) as store:
        row = store.get_article(record_id)
    if row is None:
        _fail(f"no record with id {record_id}")
    if as_json:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=2) + "\n")
        return
    _print_record(row)


def _print_record(row: dict[str, Any]) -> None:
    from extractors.structure import merge_evidence  # here: the CLI starts without the detector

    out.print(f"[bold]{row.get('title') or '(no title)'}[/bold]", highlight=False)
    for key in ("id", "url", "sources", "published_at", "published_from", "language", "authors",
                "is_report", "report_score", "is_rebuttal", "rebuttal_score", "detector", "detector_version"):
        if key in row:
            out.print(f"  {key}: {row[key]}", highlight=False)
    for key in ("report", "jurisdictions", "tiers", "responses", "claims"):
        if row.get(key):
            out.print(f"  {key}: {json.dumps(row[key], ensure_ascii=False)}", highlight=False)
    for ev in merge_evidence(row.get("evidence") or []):  # one line per sentence
        out.print(f"  evidence [{ev['label']}] {ev['rule']}: {ev['sentence']}", highlight=False)
    out.print("")
    out.print(row.get("text") or "", highlight=False)


# --- sources and extract -----------------------------------------------------------


@sources_app.command("list")
def sources_list(config: ConfigOpt = None, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Configured sources with the health recorded on the last runs."""
    settings = _settings(config, db)
    with _store(settings) as store:
        states = {s.name: s for s in store.list_sources()}
    rows: list[dict[str, Any]] = []
    for src in settings.sources:
        st = states.get(src.name)
        rows.append({
            "name": src.name, "kind": src.kind, "url": src.url, "enabled": src.enabled,
            "last_status": st.last_status if st else None,
            "last_error": st.last_error if st else None,
            "http_status": st.http_status if st else None,
            "consecutive_failures": st.consecutive_failures if st else 0,
            "last_checked_at": st.last_checked_at.isoformat() if st and st.last_checked_at else None,
            "last_success_at": st.last_success_at.isoformat() if st and st.last_success_at else None,
            "next_attempt_at": st.next_attempt_at.isoformat() if st and st.next_attempt_at else None,
            "last_new_at": st.last_new_at.isoformat() if st and st.last_new_at else None,
            "stale": bool(st and st.last_new_at and (datetime.now(UTC) - st.last_new_at).total_seconds()
                          > settings.fetch.stale_after_days * 86400),
        })
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r) + "\n")
        return
    table = Table(title="sources")
    for col in ("name", "enabled", "last status", "failures", "last success", "next attempt", "error", "url"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["name"], "yes" if r["enabled"] else "no",
                      (r["last_status"] or "never run") + (" (stale)" if r["stale"] else ""),
                      str(r["consecutive_failures"]), (r["last_success_at"] or "")[:19],
                      (r["next_attempt_at"] or "")[:19], r["last_error"] or "", r["url"])
    out.print(table)


@app.command()
def extract(
    target: Annotated[str, typer.Argument(metavar="FILE_OR_URL", help="An HTML file or an http(s) URL.")],
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show what newswatch makes of one page (extraction and detection); nothing is stored."""
    from dataclasses import asdict
    from datetime import UTC, datetime

    from extractors.analyse import analyse_page
    from newswatch.models import PageJob
    from storage.serialize import detection_fields

    settings = _settings(config, db)
    fetched_at = datetime.now(UTC)
    url = target
    if target.startswith(("http://", "https://")):
        from flows.fetch import fetch, make_client

        try:
            with make_client(settings.fetch) as client:
                res = fetch(client, target, max_bytes=settings.fetch.max_bytes)
        except NewswatchError as exc:
            _fail(f"{target}: {exc}")
        body, url = res.body, res.url
    else:
        path = Path(target)
        try:
            body = path.read_bytes()
        except OSError as exc:
            _fail(f"{target}: cannot read: {exc.strerror or exc}")
        url = path.resolve().as_uri()
    rec = analyse_page(PageJob(source="extract", url=url, body=body, fetched_at=fetched_at))
    evidence, record = detection_fields(rec.detection)
    article = asdict(rec.article)
    article["published_at"] = rec.article.published_at.isoformat() if rec.article.published_at else None
    result = {
        **article, "is_report": rec.detection.is_report, "is_rebuttal": rec.detection.is_rebuttal,
        "report_score": rec.detection.report_score, "rebuttal_score": rec.detection.rebuttal_score,
        "evidence": evidence, **record, "detector": rec.detection.detector,
        "detector_version": rec.detection.detector_version,
    }
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    _print_record(result)


# --- reprocess and db --------------------------------------------------------------


@app.command()
def reprocess(
    since: Annotated[str | None, typer.Option("--since", help="Only items published on or after (YYYY-MM-DD).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only items stored from this source.")] = None,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Re-run extraction and detection over stored raw HTML (no refetching); update what changed."""
    from flows.reprocess import reprocess_store
    from newswatch.cli.backfill import RichProgress

    settings = _settings(config, db)
    day = _date(since, "--since")
    bar = RichProgress(err) if err.is_terminal and not as_json else None
    with _store(settings) as store, bar or contextlib.nullcontext():
        summary = reprocess_store(store, since=day, source=source, progress=bar,
                                  workers=settings.fetch.extract_workers)
    if as_json:
        out.print_json(json.dumps(summary))
    else:
        out.print(f"reprocessed {summary['seen']} record(s): {summary['updated']} updated, "
                  f"{summary['unchanged']} unchanged", highlight=False)


@db_app.command("upgrade")
def db_upgrade(config: ConfigOpt = None, db: DbOpt = None) -> None:
    """Bring the database to the current schema (SQLite or PostgreSQL)."""
    settings = _settings(config, db)
    _store(settings).close()
    out.print(f"database at current schema: {settings.db_url}", highlight=False)


def _register_subcommands() -> None:
    """Sub-commands that live in their own modules."""
    from newswatch.cli.backfill import register as register_backfill
    from newswatch.cli.eval_commands import eval_app
    from newswatch.cli.ops import register as register_ops

    app.add_typer(eval_app, name="eval")
    register_ops(app, records_app)
    register_backfill(app)


_register_subcommands()


def main() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    app()


if __name__ == "__main__":
    main()
