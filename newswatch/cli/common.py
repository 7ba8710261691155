"""Options and helpers every `newswatch` sub-command shares.

Printing rules (issues 12 and 13): text that came from outside (titles, quotes, URLs, error
details, source names from a config file) is data, never Rich markup: print it through `safe()`
(for markup strings) or `text()` (a `rich.text.Text`). Tables are designed for 80 columns:
cells truncate with an ellipsis and `--wide` shows them in full. Times are printed in UTC and
say so; database URLs are printed with the password masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.text import AlignMethod, Text

from newswatch.errors import NewswatchError, excerpt
from newswatch.settings import Settings, load_settings
from newswatch.timeutil import parse_day

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="TOML settings file (default: $NEWSWATCH_CONFIG, else ./newswatch.toml if present, else built-ins).",
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", metavar="URL", help="SQLAlchemy database URL (env NEWSWATCH_DB_URL; default sqlite:///newswatch.db)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
WideOpt = Annotated[bool, typer.Option("--wide", help="Full-width table: no column is shortened.")]

MAX_MESSAGE_CHARS = 2000  # an error message longer than this is cut (inputs are quoted with `excerpt`)
NONE = "—"  # printed for a missing value

__all__ = ["excerpt"]  # re-exported: `from newswatch.cli.common import excerpt`

# --- text from outside ------------------------------------------------------------

# C0 controls but tab and newline, DEL and C1 controls: they move the cursor, recolour or
# retitle a terminal. Shown as visible symbols instead.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"


def clean(value: object) -> str:
    """`value` as text with terminal control characters made visible (no markup escaping)."""
    return _CONTROL.sub(_visible, "" if value is None else str(value))


def one_line(value: object) -> str:
    """`clean(value)` with every run of whitespace (newlines too) as one space."""
    return " ".join(clean(value).split())


def safe(value: object) -> str:
    """`value` ready to embed in a Rich markup string: controls visible, brackets escaped."""
    return escape(clean(value))


def text(value: object, style: str = "") -> Text:
    """`value` as a Rich Text (never parsed as markup), controls made visible."""
    return Text(clean(value), style=style)


def cell(value: object, style: str = "") -> Text:
    """A table cell: one line of text, never markup."""
    return Text(one_line(value), style=style)


def shorten(value: object, limit: int) -> str:
    """One line of `value`, at most `limit` characters (an ellipsis marks a cut)."""
    line = one_line(value)
    return line if len(line) <= limit else line[: max(0, limit - 1)] + "…"


# --- values ---------------------------------------------------------------------------


def yes_no(flag: object) -> str:
    return "yes" if flag else "no"


def utc_time(value: datetime | str | None, *, seconds: bool = False) -> str:
    """A time as "2026-11-26 09:30 UTC" (`NONE` when missing); naive times are taken as UTC."""
    if value is None or value == "":
        return NONE
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return one_line(value)
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.strftime("%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC")


def utc_date(value: datetime | str | None) -> str:
    """The UTC date of a time ("2026-11-26"), `NONE` when missing."""
    shown = utc_time(value)
    return shown[:10] if shown != NONE else NONE


def readable(value: object) -> str:
    """A stored value as a person reads it: no tuples, True/False or None."""
    if value is None or value == "" or value == [] or value == ():
        return NONE
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list | tuple | set):
        return ", ".join(one_line(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return utc_time(value)
    return clean(value)


def masked_url(url: str) -> str:
    """A database URL with its password replaced by ***."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


# --- errors and notices ---------------------------------------------------------------

_quiet = [False]


def set_quiet(quiet: bool) -> None:
    _quiet[0] = quiet


def note(message: str | Text) -> None:
    """A progress or notice line on stderr (silenced by -q). Strings are plain text, not markup."""
    if not _quiet[0]:
        err.print(message if isinstance(message, Text) else text(message), soft_wrap=True)


def print_indented(line: str, console: Console | None = None, style: str = "") -> None:
    """Print one line of outside text wrapped to the console; its leading spaces indent every wrapped line."""
    console = console or out
    stripped = line.lstrip(" ")
    depth = len(line) - len(stripped)
    for part in text(stripped, style=style).wrap(console, max(20, console.width - depth), overflow="fold"):
        part.rstrip()
        console.print(Text(" " * depth) + part, soft_wrap=True)


def fail(message: str) -> NoReturn:
    """Print "error: <message>" on stderr (the message is plain text, not markup) and exit 1."""
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[:MAX_MESSAGE_CHARS] + f"… ({len(message):,} characters)"
    err.print(Text.assemble(("error:", "red"), " ", clean(message)), soft_wrap=True)
    raise typer.Exit(1)


def settings_or_exit(config: Path | None, db: str | None) -> Settings:
    try:
        return load_settings(config, db)
    except NewswatchError as exc:
        fail(str(exc))


def store_or_exit(settings: Settings) -> Any:
    """The store, migrated to the current schema (for commands that write)."""
    from storage.store import Store

    try:
        return Store(settings.db_url)
    except NewswatchError as exc:
        fail(str(exc))


def readonly_store_or_exit(settings: Settings) -> Any:
    """The store opened read-only (for commands that only read): never created, never migrated."""
    from storage.store import MissingStore, Store

    try:
        return Store.open_readonly(settings.db_url)
    except MissingStore as exc:
        fail(f"no newswatch database at {exc.where} (run `newswatch run` or `newswatch db upgrade` first)")
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


# --- tables ---------------------------------------------------------------------------


@dataclass
class Column:
    """One column of a `Grid`: a header, a width cap and whether it takes the width left over."""

    header: str
    cap: int | None = None  # at most this many characters (None: as wide as its content)
    grow: bool = False  # takes the width the other columns leave (at most one column)
    justify: AlignMethod = "left"
    cells: list[str] = field(default_factory=list)


class Grid:
    """A table laid out for the console's width (80 columns first): one line per row, cells
    cut with an ellipsis; `wide` keeps every cell whole. Cells are plain text, never markup."""

    GAP = 2  # spaces between columns

    def __init__(self, title: str | None, columns: list[Column], *, wide: bool = False) -> None:
        self.title = title
        self.columns = columns
        self.wide = wide
        self.styles: list[str] = []

    def add_row(self, *values: object, style: str = "") -> None:
        for col, value in zip(self.columns, values, strict=True):
            col.cells.append(one_line(value))
        self.styles.append(style)

    def widths(self, budget: int) -> list[int]:
        natural = [max([cell_len(c.header), *(cell_len(v) for v in c.cells)]) for c in self.columns]
        if self.wide:
            return natural
        widths = [min(n, c.cap) if c.cap else n for n, c in zip(natural, self.columns, strict=True)]
        growing = [i for i, c in enumerate(self.columns) if c.grow]
        room = budget - self.GAP * (len(widths) - 1)
        if growing:
            i = growing[0]
            widths[i] = min(natural[i], max(len(self.columns[i].header), room - sum(widths) + widths[i]))
        return widths

    def lines(self, budget: int) -> list[Text]:
        """The table as lines of at most `budget` cells (unless `wide`): title, header, rows."""
        widths = self.widths(budget)
        header = self._line([c.header for c in self.columns], widths, "bold")
        rows = [self._line([c.cells[n] for c in self.columns], widths, style) for n, style in enumerate(self.styles)]
        title = [Text(clean(self.title), style="bold")] if self.title else []
        return [*title, header, *rows]

    def _line(self, values: list[str], widths: list[int], style: str) -> Text:
        parts = []
        for value, col, width in zip(values, self.columns, widths, strict=True):
            piece = Text(value)
            piece.truncate(width, overflow="ellipsis")
            piece.align(col.justify, width)
            parts.append(piece)
        line = Text(" " * self.GAP).join(parts)
        line.rstrip()
        line.stylize(style)
        return line

    def print(self, console: Console | None = None) -> None:
        console = console or out
        for line in self.lines(console.width):
            console.print(line, soft_wrap=True)


def count_line(shown: int, total: int, noun: str = "record") -> str:
    """ "3 records", or "50 of 300 records (--limit 0 for all)" when a limit cut the list."""
    plural = noun if total == 1 else noun + "s"
    if shown < total:
        return f"{shown} of {total} {plural} (--limit 0 for all)"
    return f"{total} {plural}"


def print_records(rows: list[dict[str, Any]], *, total: int | None = None, wide: bool = False,
                  console: Console | None = None) -> None:
    """The readable table of `records list` and `records search`: one line per record."""
    cols = [Column("id", justify="right"), Column("published", 10)]
    if wide:
        cols += [Column("from"), Column("lang")]
    cols += [Column("source", 14), Column("flag", 8), Column("title", grow=True)]
    if wide:
        cols.append(Column("url"))
    grid = Grid(count_line(len(rows), len(rows) if total is None else total), cols, wide=wide)
    for r in rows:
        flag = "both" if r["is_report"] and r["is_rebuttal"] else (
            "report" if r["is_report"] else "rebuttal" if r["is_rebuttal"] else "")
        cells: list[object] = [r["id"], utc_date(r["published_at"])]
        if wide:
            cells += [r["published_from"] or NONE, r["language"] or NONE]
        cells += [", ".join(r["sources"]), flag, r["title"] or r["url"]]
        if wide:
            cells.append(r["url"])
        grid.add_row(*cells)
    grid.print(console)
