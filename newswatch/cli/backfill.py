"""`newswatch backfill`: store a date window of history from a sitemap, a feed's archive,
a WARC file or a URL list (the plain path of the Prefect `backfill` flow)."""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newswatch.cli.common import (
    ConfigOpt,
    DbOpt,
    JsonOpt,
    err,
    fail,
    out,
    page_counts_line,
    settings_or_exit,
    store_or_exit,
    text,
)
from newswatch.errors import ConfigError, NewswatchError, StorageError

if TYPE_CHECKING:
    from newswatch.progress import ProgressReporter


class RichProgress:
    """A progress bar with counts and ETA, one task per phase (for a terminal)."""

    def __init__(self, console: Console) -> None:
        self.bar = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=console,
        )
        self._task: TaskID | None = None
        self.done = 0

    def __enter__(self) -> RichProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def phase(self, name: str, total: int | None = None) -> None:
        if self._task is not None:
            self.bar.stop_task(self._task)
        self._task = self.bar.add_task(name, total=total)
        self.done = 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._task is not None:
            self.bar.advance(self._task, n)


def backfill(
    sitemap: Annotated[
        str | None, typer.Option("--sitemap", help="Sitemap or sitemap index URL, or a site root (reads robots.txt).")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="A configured source: walk its feed's archive pages.")
    ] = None,
    warc: Annotated[
        str | None, typer.Option("--warc", help="A WARC file (.warc or .warc.gz, e.g. CC-NEWS): a path or a URL.")
    ] = None,
    urls: Annotated[
        str | None, typer.Option("--urls", help="A text file with one URL per line (# starts a comment).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Start of the window: a day (YYYY-MM-DD, inclusive, UTC) or an ISO datetime."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="End of the window: a day (YYYY-MM-DD, inclusive) or an ISO datetime, excluded."),
    ] = None,
    include_undated: Annotated[
        bool, typer.Option("--include-undated", help="Also store items the listing gives no date for.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the URLs that would be fetched; store nothing.")
    ] = False,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Backfill history for a date window from exactly one of --sitemap, --source, --warc, --urls.

    Stores exactly as `run` does; URLs already stored are skipped, so repeating a
    backfill adds nothing and an interrupted one continues where it stopped.
    """
    from flows.backfill import BackfillRequest, LineProgress, run_backfill

    try:
        request = BackfillRequest.from_options(
            sitemap=sitemap, source=source, warc=warc, urls=urls, since=since, until=until,
            include_undated=include_undated, dry_run=dry_run,
        )
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from None
    settings = settings_or_exit(config, db)
    store_or_exit(settings).close()  # fail fast (exit 1) on an unreachable database; migrates it
    bar = RichProgress(err) if err.is_terminal and not as_json else None
    progress: ProgressReporter = bar or LineProgress(_stderr_line, every=50)
    try:
        with _terminate_as_interrupt(), bar or contextlib.nullcontext():
            summary = run_backfill(settings, request, progress=progress)
    except StorageError as exc:  # the database failed while storing: finished batches are kept
        fail(str(exc))
    except NewswatchError as exc:  # bad input, found while listing: before any write
        fail(f"{exc}\nnothing was stored")
    except KeyboardInterrupt:
        err.print("interrupted: the pages stored so far are kept; run the same command again to continue",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(130) from None
    if not dry_run:  # deliveries for the records stored (flows/alerts.py)
        from flows.alerts import send_alerts_safely

        summary["alerts"] = send_alerts_safely(settings)
    _print_summary(summary, as_json)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM (`kill`) like Ctrl-C, so worker pools shut down and the run ends cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stderr_line(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _print_summary(summary: dict[str, Any], as_json: bool) -> None:
    if as_json:
        out.print_json(json.dumps(summary))
        return
    if summary["dry_run"]:
        # URLs alone on stdout, so `--dry-run > urls.txt` makes a URL list; the rest on stderr.
        for url in summary["urls"]:
            sys.stdout.write(url + "\n")
        err.print(text(_listing_line(summary)), soft_wrap=True)
        err.print(f"dry run: {len(summary['urls'])} URL(s) would be fetched, "
                  f"{summary['already_stored']} already stored; nothing stored", highlight=False)
        return
    out.print(text(_listing_line(summary)), soft_wrap=True)
    if summary["resumed"]:
        out.print(f"resumed: {summary['already_stored']} already stored (skipped)", highlight=False)
    out.print(
        f"analysed: {summary['analysed']}; " + page_counts_line(summary),
        highlight=False, soft_wrap=True,
    )
    for note in summary["notes"]:
        out.print(text(f"note: {note}"), soft_wrap=True)
    from newswatch.cli.alerts import alerts_line

    if line := alerts_line(summary.get("alerts")):
        out.print(line, highlight=False, markup=False, soft_wrap=True)
    for line in summary["page_errors"]:
        out.print(text(f"  failed: {line}"), soft_wrap=True)
    if summary["failed_pages"]:
        out.print("run the same command again to retry the failed pages", highlight=False)


def _listing_line(summary: dict[str, Any]) -> str:
    if summary["kind"] == "urls":  # a URL list has no dates: no window, nothing undated
        return f"backfill urls {summary['target']} as {summary['source']}: listed {summary['listed']}"
    window = f"{summary['since'] or '…'} to {summary['until'] or '…'}"
    undated = "included" if summary["undated_included"] else "skipped; --include-undated stores them"
    skipped = summary["documents_skipped"]
    skipped_text = f" (skipped {skipped} sitemap(s) last modified before the window)" if skipped else ""
    return (
        f"backfill {summary['kind']} {summary['target']} as {summary['source']}, window {window}: "
        f"read {summary['documents_read']} document(s){skipped_text}; listed {summary['listed']}, "
        f"selected {summary['selected']}, outside {summary['outside_window']}, "
        f"undated {summary['undated']} ({undated})"
    )


def register(app: typer.Typer) -> None:
    """Add `backfill` to the `newswatch` command line (once, however often it is called)."""
    if not any(command.name == "backfill" for command in app.registered_commands):
        app.command("backfill")(backfill)
