"""Options and helpers every `newswatch` sub-command shares."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from newswatch.errors import NewswatchError
from newswatch.settings import Settings, load_settings
from newswatch.timeutil import parse_day

out = Console()
err = Console(stderr=True)

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="TOML settings file (default: $NEWSWATCH_CONFIG, else ./newswatch.toml if present, else built-ins).",
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy database URL (env NEWSWATCH_DB_URL; default sqlite:///newswatch.db)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def settings_or_exit(config: Path | None, db: str | None) -> Settings:
    try:
        return load_settings(config, db)
    except NewswatchError as exc:
        fail(str(exc))


def fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


def store_or_exit(settings: Settings) -> Any:
    from storage.store import Store

    try:
        return Store(settings.db_url)
    except NewswatchError as exc:
        fail(str(exc))


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def page_counts_line(summary: dict[str, Any]) -> str:
    """The page counts of a run summary (`PageCounts.summary` keys), as every run prints them."""
    return (f"extracted: {summary['extracted']}; stored: {summary['stored']}; "
            f"flagged: {summary['flagged_report']} report, {summary['flagged_rebuttal']} rebuttal; "
            f"failed pages: {summary['failed_pages']}")


def print_records(rows: list[dict[str, Any]]) -> None:
    """The readable table of `records list` and `records search`."""
    table = Table(title=f"{len(rows)} record(s)")
    for col in ("id", "published", "from", "lang", "source", "report", "rebuttal", "title"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            str(r["id"]), (r["published_at"] or "")[:10], r["published_from"] or "", r["language"] or "",
            ",".join(r["sources"]), "yes" if r["is_report"] else "", "yes" if r["is_rebuttal"] else "",
            r["title"] or r["url"],
        )
    out.print(table)
