"""The `newswatch` command line.

Exit codes: 0 the command completed (per-source failures are reported, not fatal);
1 it could not run (bad configuration, database unreachable, bad input); 2 usage.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from newswatch.cli.common import (
    Column,
    ConfigOpt,
    DbOpt,
    Grid,
    JsonOpt,
    WideOpt,
    count_line,
    err,
    masked_url,
    note,
    out,
    print_indented,
    print_records,
    readable,
    shorten,
    text,
    utc_time,
    yes_no,
)
from newswatch.cli.common import fail as _fail
from newswatch.cli.common import parse_date as _date
from newswatch.cli.common import readonly_store_or_exit as _readonly_store
from newswatch.cli.common import settings_or_exit as _settings
from newswatch.cli.common import store_or_exit as _store
from newswatch.cli.summary import REASON_CHARS, print_run_summary
from newswatch.errors import NewswatchError, excerpt
from newswatch.settings import Settings


def _flags_show_no_type() -> None:
    """Typer's help prints `--json <bool>` for a flag, which takes no value: print `--json`."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich
    if getattr(shown, "newswatch", False):
        return

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag and not self.count else shown(self, ctx)

    display_type_rich.newswatch = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_show_no_type()

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


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        out.print(f"newswatch {version('newswatch')}")
        raise typer.Exit()


@app.callback()
def _main_options(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only results and errors: no progress lines.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log lines too (newswatch and Prefect at INFO).")
    ] = False,
    _show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Watch news feeds for trafficking-in-persons reports and official rebuttals of them."""
    from newswatch.cli.logs import set_verbosity

    if quiet and verbose:
        raise typer.BadParameter("choose one of -q and -v", param_hint="-q/-v")
    set_verbosity(-1 if quiet else 1 if verbose else 0)

# --- run and demo ---------------------------------------------------------------


@app.command()
def run(
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Poll only this source (repeatable).")
    ] = None,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
    wide: WideOpt = False,
) -> None:
    """Poll the enabled sources once and store new articles.

    With a Prefect API configured (PREFECT_API_URL), the pass is a flow run of the
    `ingest` flow on that server; without one, the same work runs without Prefect.
    Ctrl-C or SIGTERM stops it within seconds, keeping what is stored (exit 130 / 143).
    """
    from newswatch.cli.running import check_prefect_api, prefect_api_url

    settings = _settings(config, db)
    try:
        settings.enabled_sources(source)
    except NewswatchError as exc:
        _fail(str(exc))
    api = prefect_api_url()
    if api:
        check_prefect_api(api)
    _store(settings).close()  # fail fast (exit 1) on an unreachable database; migrates it
    summary = _run_pass(settings, source, as_json=as_json, use_prefect=bool(api))
    _print_summary(summary, as_json, wide)


def _run_pass(settings: Settings, sources: list[str] | None, *, as_json: bool, use_prefect: bool) -> dict[str, Any]:
    """Run one pass with progress lines; on SIGINT/SIGTERM print the partial summary and exit 130/143."""
    from flows.pipeline import SourceResult
    from newswatch.cli.running import ingest_pass, partial_summary, stop_on_signals
    from newswatch.cli.summary import progress_line

    total = len(settings.enabled_sources(sources))
    how = "as a Prefect flow run" if use_prefect else "without Prefect"
    note(f"polling {total} source(s) into {masked_url(settings.db_url)} ({how}) ...")
    done: list[SourceResult] = []
    lock = threading.Lock()

    def progress(result: SourceResult) -> None:
        with lock:
            done.append(result)
            note(progress_line(len(done), total, result.as_dict()))

    with _store(settings) as store:
        stored_before = store.count_articles()
    with stop_on_signals() as stop:
        def finish() -> None:
            with lock:
                summary = partial_summary(settings, sources, list(done), stored_before, stop.signum)
            _print_summary(summary, as_json)

        stop.on_finish(finish)
        try:
            return ingest_pass(settings, sources, on_done=progress, use_prefect=use_prefect)
        except KeyboardInterrupt:
            stop.signum = stop.signum or signal.SIGINT
            stop.finish_and_exit()
            raise  # not reached: finish_and_exit ends the process


def _print_summary(summary: dict[str, Any], as_json: bool, wide: bool = False) -> None:
    print_run_summary(summary, as_json=as_json, wide=wide)
    if not as_json:
        from newswatch.cli.alerts import alerts_line

        if line := alerts_line(summary.get("alerts")):
            out.print(line, highlight=False, markup=False, soft_wrap=True)


DEMO_DB = "sqlite:///newswatch-demo.db"
DEMO_PORT = 8765


@app.command()
def demo(
    db: Annotated[
        str, typer.Option("--db", help="Database for the demo's records (a SQLAlchemy URL); kept afterwards.")
    ] = DEMO_DB,
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port of the synthetic site on 127.0.0.1 (part of "
                          "every stored URL: the same port gives the same records).")
    ] = DEMO_PORT,
) -> None:
    """Run the whole pipeline offline against a synthetic site served on 127.0.0.1.

    Never uses Prefect. Repeatable: the site is always at the same address, so a second
    demo into the same database finds every article stored already.
    """
    import tempfile

    from newswatch.cli.demo import demo_config, demo_routes, demo_totals, next_steps
    from newswatch.cli.localsite import LocalSite
    from storage.store import ArticleFilter

    try:
        site = LocalSite(port=port)
    except OSError as exc:
        _fail(f"cannot serve the demo site on 127.0.0.1:{port} ({exc.strerror or exc}); give a free port with "
              "--port (the port is part of every stored URL: another port stores other records)")
    with tempfile.TemporaryDirectory(prefix="newswatch-demo-") as tmp, site:
        site.routes.update(demo_routes(site.base))
        cfg = Path(tmp) / "demo.toml"
        cfg.write_text(demo_config(site.base), encoding="utf-8")
        settings = _settings(cfg, db)
        note(f"demo site (synthetic outlets) at {site.base}")
        _store(settings).close()
        summary = _run_pass(settings, None, as_json=False, use_prefect=False)
        _print_summary(summary, False)
        with _store(settings) as store:
            rows = store.list_articles(ArticleFilter(limit=None))
        print_records(rows)
        out.print(demo_totals(summary, rows), highlight=False, soft_wrap=True)
        for line in next_steps(db):
            out.print(line, highlight=False, soft_wrap=True)


# --- records --------------------------------------------------------------------


@records_app.command("list")
def records_list(
    report: Annotated[bool, typer.Option("--report", help="Only items about a trafficking report.")] = False,
    rebuttal: Annotated[bool, typer.Option("--rebuttal", help="Only official rebuttals.")] = False,
    source: Annotated[str | None, typer.Option("--source", help="Only items seen in this source.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="Only items published on or after this date.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many (0: all).")] = 50,
    stories: Annotated[bool, typer.Option("--stories", help="Group copies across outlets into stories.")] = False,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one record per line.")] = False,
    wide: WideOpt = False,
) -> None:
    """List stored records, newest first (the database is only read)."""
    from storage.store import ArticleFilter

    if stories:
        from newswatch.cli.read import stories_command

        return stories_command(report, rebuttal, source, _date(since, "--since"), limit, _settings(config, db), as_json)
    flt = ArticleFilter(report, rebuttal, source, _date(since, "--since"), limit or None)
    settings = _settings(config, db)
    with _readonly_store(settings) as store:
        known = _known_sources(settings, store) if source else set()
        if source and source not in known:
            _fail(f"unknown source: {excerpt(source, 60)} (known: {', '.join(sorted(known))})")
        rows = store.list_articles(flt)
        total = len(rows) if not flt.limit or len(rows) < flt.limit else store.count_articles(flt)
        stored = store.count_articles() if not rows else total
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not rows:
        filters = [f for f, on in (("--report", report), ("--rebuttal", rebuttal), (f"--source {source}", source),
                                    (f"--since {since}", since)) if on]
        if not stored:
            note("no records yet: `newswatch run` polls the sources (or try `newswatch demo --db ...`)")
        else:
            note(f"no records match {' '.join(filters)} ({count_line(stored, stored)} stored)")
        return
    print_records(rows, total=total, wide=wide)


def _known_sources(settings: Settings, store: Any) -> set[str]:
    """Source names `--source` may take: the configured ones and those records were seen in."""
    return {s.name for s in settings.sources} | set(store.article_source_names())


@records_app.command("show")
def records_show(
    record_id: Annotated[int, typer.Argument(metavar="ID", help="Record id from `records list`.")],
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one record: text, structured fields and the evidence behind each decision."""
    with _readonly_store(_settings(config, db)) as store:
        row = store.get_article(record_id)
    if row is None:
        _fail(f"no record with id {record_id}")
    if as_json:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=2) + "\n")
        return
    _print_record(row)


_TIMES = ("published_at", "fetched_at", "updated_at")
_LABELS = {"published_from": "date from", "is_report": "report", "is_rebuttal": "rebuttal",
           "report_score": "report score", "rebuttal_score": "rebuttal score", "detector_version": "detector version"}


def _print_record(row: dict[str, Any]) -> None:
    """A record as a person reads it: plain values, UTC times, outside text never taken as markup."""
    print_indented(row.get("title") or "(no title)", style="bold")
    for key in ("id", "url", "sources", "published_at", "published_from", "fetched_at", "language", "authors",
                "site_name", "is_report", "report_score", "is_rebuttal", "rebuttal_score", "detector",
                "detector_version"):
        if key not in row:
            continue
        value = utc_time(row[key]) if key in _TIMES else readable(row[key])
        print_indented(f"  {_LABELS.get(key, key.replace('_', ' '))}: {value}")
    for key in ("report", "jurisdictions", "tiers", "responses", "claims"):
        for line in _field_lines(key, row.get(key), "  "):
            print_indented(line)
    from extractors.structure import merge_evidence  # here: the CLI starts without the detector

    for ev in merge_evidence(row.get("evidence") or []):  # one line per sentence
        print_indented(f"  evidence ({ev.get('label')}, {ev.get('rule')}):")
        print_indented(f"    {ev.get('sentence')}")
    out.print("")
    for paragraph in (row.get("text") or "(no text)").splitlines():
        print_indented(paragraph)


def _empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | dict) and not any(
        not _empty(v) for v in (value.values() if isinstance(value, dict) else value)))


def _field_lines(label: str, value: object, indent: str) -> list[str]:
    """A structured field (JSON from the record) as indented "label: value" lines; empty parts left out."""
    label = label.replace("_", " ")
    if _empty(value):
        return []
    if isinstance(value, dict):
        lines = [f"{indent}{label}:"]
        for key, item in value.items():
            lines += _field_lines(key, item, indent + "  ")
        return lines
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        lines = []
        for item in value:  # one block per item, under the singular: "response:", "quote:"
            lines += _field_lines(label.removesuffix("s"), item, indent)
        return lines
    return [f"{indent}{label}: {readable(value)}"]


# --- sources and extract -----------------------------------------------------------


@sources_app.command("list")
def sources_list(config: ConfigOpt = None, db: DbOpt = None, as_json: JsonOpt = False, wide: WideOpt = False) -> None:
    """Configured sources with the health recorded on the last runs (times in UTC)."""
    from newswatch.cli.sources_shown import sources_to_list

    settings = _settings(config, db)
    with _readonly_store(settings) as store:
        states = {s.name: s for s in store.list_sources()}
    shown, note = sources_to_list(settings, states)
    rows: list[dict[str, Any]] = []
    for src in shown:
        st = states.get(src.name)
        rows.append({
            "name": src.name, "kind": src.kind, "url": src.url, "enabled": src.enabled, "configured": src.configured,
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
    cols = [Column("name", 24, grow=True), Column("status", 16), Column("fails", justify="right"),
            Column("last success", 16), Column("next attempt", 16)]
    if wide:
        cols[1:1] = [Column("enabled")]
        cols.append(Column("url"))
    grid = Grid(f"{len(rows)} source{'s' if len(rows) != 1 else ''} (times in UTC)", cols, wide=wide)
    for r in rows:
        status = (r["last_status"] or "never run").replace("_", " ") + (" (stale)" if r["stale"] else "")
        if not r["enabled"] and not wide:
            status = "disabled"
        cells: list[object] = [r["name"], status, r["consecutive_failures"],
                               utc_time(r["last_success_at"]).removesuffix(" UTC"),
                               utc_time(r["next_attempt_at"]).removesuffix(" UTC")]
        if wide:
            cells[1:1] = [yes_no(r["enabled"]) if r["configured"] else "not configured"]
            cells.append(r["url"])
        grid.add_row(*cells, style="red" if r["last_status"] == "failed" else "")
    grid.print()
    for r in rows:  # each error once, on lines of its own
        if not r["configured"]:
            print_indented(f"{r['name']}: not in the configuration (its records come from an earlier run)")
        if r["last_error"]:
            print_indented(f"{r['name']}: {shorten(r['last_error'], REASON_CHARS)}")
    if note:
        print_indented(note)


@app.command()
def extract(
    target: Annotated[str, typer.Argument(metavar="FILE_OR_URL", help="An HTML file or an http(s) URL.")],
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show what newswatch makes of one page (extraction and detection); nothing is stored."""
    from datetime import UTC, datetime

    from extractors.page import extract_and_detect
    from newswatch.cli.sniff import not_a_page
    from newswatch.models import PageJob
    from storage.serialize import record_from_page

    settings = _settings(config, db)
    fetched_at = datetime.now(UTC)
    url = target
    content_type: str | None = None
    local = not target.startswith(("http://", "https://"))
    if not local:
        from flows.fetch import fetch, make_client

        try:
            with make_client(settings.fetch) as client:
                res = fetch(client, target, max_bytes=settings.fetch.max_bytes)
        except NewswatchError as exc:
            _fail(f"{excerpt(target)}: {exc}")
        body, url, content_type = res.body, res.url, res.content_type
    else:
        path = Path(target)
        try:
            body = path.read_bytes()
            fetched_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)  # a file's date: when it was saved
        except OSError as exc:
            _fail(f"{excerpt(target)}: cannot read: {exc.strerror or exc}")
        url = path.resolve().as_uri()
    refusal = not_a_page(body, content_type)
    if refusal:
        _fail(f"{excerpt(target)}: not an HTML page: {refusal}")
    rec = extract_and_detect(PageJob(source="extract", url=url, body=body, fetched_at=fetched_at))
    result = record_from_page(rec)
    if local and result["published_from"] == "fetch":
        result["published_from"] = "file"  # no date in the page: the file's modification time
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
    out.print(text(f"database at current schema: {masked_url(settings.db_url)}"))


def _register_subcommands() -> None:
    """Sub-commands that live in their own modules."""
    from newswatch.cli.alerts import register as register_alerts
    from newswatch.cli.api import register as register_api
    from newswatch.cli.backfill import register as register_backfill
    from newswatch.cli.eval_commands import eval_app
    from newswatch.cli.ops import register as register_ops
    from newswatch.cli.read import register as register_read

    app.add_typer(eval_app, name="eval")
    register_ops(app, records_app)
    register_backfill(app)
    register_read(app, records_app)
    register_alerts(app)
    register_api(app)


_register_subcommands()


def main() -> None:
    from newswatch.cli.logs import prepare_logging
    from newswatch.cli.running import quiet_prefect

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    quiet_prefect()
    prepare_logging()
    try:
        app()
    except SystemExit as exc:
        # Click turns a closed stdout (`newswatch records list | head -1`) into exit 1; exit as a
        # process killed by SIGPIPE would (141), quietly.
        if _broken_pipe(exc):
            _exit_broken_pipe()
        raise
    except BrokenPipeError:
        _exit_broken_pipe()


def _broken_pipe(exc: BaseException) -> bool:
    cause = exc.__context__
    return isinstance(cause, BrokenPipeError) or (isinstance(cause, OSError) and cause.errno == errno.EPIPE)


def _exit_broken_pipe() -> None:
    """Point stdout at /dev/null (Python's final flush must not fail again) and exit 141, no traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os._exit(128 + signal.SIGPIPE)


if __name__ == "__main__":
    main()
