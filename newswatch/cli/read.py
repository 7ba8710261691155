"""Reading commands: `compare`, `timeline`, `records search` (filters, ranking, snippets) and
`records export`, plus the `records list --stories` view. Registered by `register()` from
newswatch.cli; the work is done by flows/reading.py (which the read API calls too).

Text from outside (titles, quotes, URLs) is printed as Rich `Text` or escaped, never as markup;
tables fit 80 columns (long cells end in an ellipsis).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newswatch.cli.common import (
    ConfigOpt,
    DbOpt,
    count_line,
    err,
    fail,
    note,
    out,
    parse_date,
    readonly_store_or_exit,
    settings_or_exit,
    store_or_exit,
)
from newswatch.errors import NewswatchError, excerpt

WIDTH = 80


def register(app: typer.Typer, records_app: typer.Typer) -> None:
    """Add `compare`, `timeline`, `records search` and `records export` (once)."""
    if any(c.name == "compare" for c in app.registered_commands):
        return
    app.command("compare")(compare)
    app.command("timeline")(timeline)
    records_app.command("search")(records_search)
    records_app.command("export")(records_export)


# --- filters shared by search and export -------------------------------------------------------

ReportOpt = Annotated[bool, typer.Option("--report", help="Only items about a trafficking report.")]
RebuttalOpt = Annotated[bool, typer.Option("--rebuttal", help="Only official rebuttals.")]
JurisdictionOpt = Annotated[
    str | None, typer.Option("--jurisdiction", help="Only items about this jurisdiction (name or ISO code).")
]
YearOpt = Annotated[int | None, typer.Option("--year", help="Only items on this report edition year.")]
LanguageOpt = Annotated[str | None, typer.Option("--language", help="Only items in this language (ISO 639-1).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only items published on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only items published on or before (YYYY-MM-DD).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Only items seen in this source.")]


def record_filter(report: bool = False, rebuttal: bool = False, jurisdiction: str | None = None,
                  year: int | None = None, language: str | None = None, since: str | None = None,
                  until: str | None = None, source: str | None = None) -> Any:
    """A RecordFilter from command-line options (exit 1 on an unknown jurisdiction)."""
    from extractors.compare import resolve_jurisdiction
    from storage.reading import RecordFilter

    code = None
    if jurisdiction:
        resolved = resolve_jurisdiction(jurisdiction)
        if resolved is None:
            fail(f"unknown jurisdiction {jurisdiction!r}: give an ISO code (HK) or a name (Hong Kong)")
        code = resolved[0]
    return RecordFilter(report=report, rebuttal=rebuttal, source=source, jurisdiction=code, year=year,
                        language=language.lower() if language else None, since=parse_date(since, "--since"),
                        until=parse_date(until, "--until"))


# --- compare ------------------------------------------------------------------------------------


def compare(
    ref: Annotated[str, typer.Argument(metavar="REF", help="A text or HTML file, an http(s) URL, or a record id.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many matches.")] = 10,
    published: Annotated[
        str | None, typer.Option("--date", help="REF's publication date (YYYY-MM-DD), for a text naming no year.")
    ] = None,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help='{"reference": {...}, "matches": [...]}, best first.')]
    = False,
) -> None:
    """Rank stored records against REF: copies of its text first, then the same report edition and
    jurisdiction, then the same responders and stance, then other text similarity. REF is
    extracted and detected like any article; nothing is stored.

    A text file's first line is its title. For each match: what is the same and what differs.
    """
    from flows import reading

    settings = settings_or_exit(config, db)
    day = parse_date(published, "--date")
    with store_or_exit(settings) as store:
        exclude = None
        if ref.isdigit() and not Path(ref).exists():
            reference = reading.reference_from_record(store, int(ref))
            if reference is None:
                fail(f"no record with id {ref}")
            exclude = int(ref)
        elif ref.startswith(("http://", "https://")):
            reference = _reference_from_url(ref, settings)
        else:
            reference = _reference_from_file(Path(ref), day)
        result = reading.compare(store, reference, limit=limit, exclude_id=exclude)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    _print_comparison(result)


def _reference_from_url(url: str, settings: Any) -> dict[str, Any]:
    from flows import reading
    from flows.fetch import fetch, make_client

    try:
        with make_client(settings.fetch) as client:
            res = fetch(client, url, max_bytes=settings.fetch.max_bytes)
    except NewswatchError as exc:
        fail(f"{url}: {exc}")
    return reading.reference_from_page(res.body, res.url, content_type=res.content_type)


def _reference_from_file(path: Path, day: Any) -> dict[str, Any]:
    from flows import reading

    try:
        body = path.read_bytes()
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror or exc}")
    head = body[:2048].lstrip().lower()
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or head.startswith((b"<!doctype html", b"<html")):
        return reading.reference_from_page(body, path.resolve().as_uri())
    try:
        content = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{path}: not UTF-8 text or HTML")
    title, _, text = content.strip().partition("\n")
    if not text.strip():
        fail(f"{path}: no text to compare (a text file's first line is its title, the rest its body)")
    return reading.reference_from_text(title.strip(), text.strip(), url=path.resolve().as_uri(), published=day)


def _print_comparison(result: dict[str, Any]) -> None:
    ref = result["reference"]
    out.print(Text.assemble(("reference: ", "bold"), _clip(ref.get("title") or ref.get("url") or "", WIDTH - 11)))
    out.print(Text(_clip(_summary(ref), WIDTH), style="dim"))
    story = result.get("story")
    if story:
        out.print(Text(_clip(f"stored copies: story {story['story_id']}, {story['size']} record(s): "
                             + ", ".join(str(r["id"]) for r in story["records"]), WIDTH)))
    table = _table(f"{len(result['matches'])} match(es), best first")
    for col, width in (("#", 2), ("id", 6), ("score", 5), ("text", 4), ("date", 10), ("outlet", 12)):
        table.add_column(col, no_wrap=True, max_width=width, overflow="ellipsis")
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1)
    for n, m in enumerate(result["matches"], 1):
        table.add_row(str(n), str(m["id"]), f"{m['score']:.2f}", f"{m['text_similarity']:.2f}",
                      (m.get("published_at") or "")[:10], Text(m.get("site_name") or ""), Text(m["title"] or m["url"]))
    out.print(table)
    for n, m in enumerate(result["matches"], 1):
        out.print(Text(_clip(f"#{n} id {m['id']}" + (" (copy of the text)" if m["copy"] else "")
                             + f": {m['url']}", WIDTH), style="bold"))
        for key, value in m["same"].items():
            shown = ", ".join(value) if isinstance(value, list) else str(value)
            out.print(Text(_clip(f"  same {key}: {shown}", WIDTH)))
        for key, value in m["different"].items():
            if "reference" in value:
                shown = f"{value['reference'] or '-'} | match: {value['match'] or '-'}"
            else:
                shown = (f"{len(value['reference_only'])} only in reference, {len(value['match_only'])} only in match"
                         + (f" (e.g. {value['match_only'][0]})" if value["match_only"] else ""))
            out.print(Text(_clip(f"  differs {key}: {shown}", WIDTH), style="yellow"))


def _summary(rec: dict[str, Any]) -> str:
    report = rec.get("report") or {}
    places = ", ".join(j.get("code") or j.get("name") for j in rec.get("jurisdictions") or [])
    flags = "rebuttal" if rec.get("is_rebuttal") else "report" if rec.get("is_report") else "not about a report"
    return " · ".join(x for x in (f"{report.get('name') or ''} {report.get('year') or ''}".strip(), places, flags,
                                  rec.get("language") or "") if x)


# --- timeline -----------------------------------------------------------------------------------


def timeline(
    jurisdiction: Annotated[str, typer.Option("--jurisdiction", help="A name (Hong Kong) or ISO code (HK).")],
    report: Annotated[str, typer.Option("--report", help="tip, unodc, greta, gsi, or all.")] = "tip",
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The rows as one JSON object.")] = False,
) -> None:
    """One row per report edition for a jurisdiction: tier, previous tier and change, responders
    and stance, a key quote, and the records behind the row."""
    from flows import reading

    with store_or_exit(settings_or_exit(config, db)) as store:
        try:
            result = reading.timeline(store, jurisdiction, report)
        except NewswatchError as exc:
            fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    place = result["jurisdiction"]
    table = _table(f"{escape(place['name'])} ({escape(place['code'])}): {len(result['rows'])} edition(s)")
    for col, width in (("edition", 10), ("tier", 9), ("previous", 9), ("change", 9), ("stance", 7), ("records", 7)):
        table.add_column(col, no_wrap=True, max_width=width, overflow="ellipsis")
    table.add_column("responders", no_wrap=True, overflow="ellipsis", ratio=1)
    for row in result["rows"]:
        edition = f"{_short(row['report'])} {row['year'] or '?'}"
        table.add_row(edition, row["tier"] or "", row["previous"] or "", row["change"] or "", row["stance"] or "",
                      str(row["record_count"]), Text(", ".join(r["actor"] for r in row["responders"])))
    out.print(table)
    for row in result["rows"]:
        quote = row["quote"]
        ids = ", ".join(str(i) for i in row["records"][:12]) + (" …" if len(row["records"]) > 12 else "")
        out.print(Text(_clip(f"{_short(row['report'])} {row['year'] or '?'}: records {ids}", WIDTH), style="bold"))
        if quote:
            out.print(Text(_clip(f"  “{quote['text']}” ({quote['speaker'] or 'unattributed'}, "
                                 f"record {quote['record_id']})", WIDTH * 2)))


def _short(report: str | None) -> str:
    names = {"Trafficking in Persons Report": "TIP", "Global Report on Trafficking in Persons": "UNODC",
             "GRETA evaluation report": "GRETA", "Global Slavery Index": "GSI"}
    return names.get(report or "", report or "?")


# --- records search and export ----------------------------------------------------------------


def records_search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help='Words that must all occur; "a phrase" in quotes.')],
    report: ReportOpt = False,
    rebuttal: RebuttalOpt = False,
    jurisdiction: JurisdictionOpt = None,
    year: YearOpt = None,
    language: LanguageOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many (0: all).")] = 50,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one record per line, best first.")] = False,
) -> None:
    """Full-text search of stored records, best first (a title hit ranks above a body hit), with
    the matching passage of each.

    Words match whole words, case-insensitively; Chinese or Japanese terms match as exact
    substrings. Every term must occur. A query with no word in it is an error.
    """
    from flows import reading
    from storage.fts import SearchQueryError

    flt = record_filter(report, rebuttal, jurisdiction, year, language, since, until)
    with readonly_store_or_exit(settings_or_exit(config, db)) as store:
        try:
            rows = reading.search_records(store, query, flt, limit or None)
            total = len(rows)
            if limit and total >= limit and not as_json:  # say how many the limit left out
                total = len(reading.search_records(store, query, flt, None))
        except SearchQueryError as exc:
            fail(str(exc))
        stored = store.count_articles() if not rows else 0
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not rows:
        if not stored:
            note("no records yet: `newswatch run` polls the sources (or try `newswatch demo`)")
        else:
            note(f"no records match {excerpt(query, 80)} with these filters ({count_line(stored, stored)} searched)")
        return
    out.print(count_line(len(rows), total), highlight=False)
    for row in rows:
        head = Text.assemble((f"{row['id']:>6} ", "bold"), ((row["published_at"] or "")[:10] + " ", "dim"),
                             (",".join(r for r in (("report" if row["is_report"] else ""),
                                                   ("rebuttal" if row["is_rebuttal"] else "")) if r) + " ", "cyan"))
        head.append_text(_marked(row["title"] or row["url"], row["title_highlights"] if row["title"] else []))
        head.truncate(WIDTH, overflow="ellipsis")
        out.print(head, no_wrap=True, overflow="ellipsis")
        out.print(Padding(_marked(row["snippet"], row["highlights"]), (0, 0, 0, 7)))


def _marked(text: str, hits: list[list[int]]) -> Text:
    """`text` (data, never markup) with each hit in bold."""
    out_text = Text(text)
    for start, end in hits:
        out_text.stylize("bold reverse", start, end)
    return out_text


def records_export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Write to this file (default: standard output; parquet needs a file).")
    ] = None,
    report: ReportOpt = False,
    rebuttal: RebuttalOpt = False,
    jurisdiction: JurisdictionOpt = None,
    year: YearOpt = None,
    language: LanguageOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Export stored records (streamed: memory stays flat) with stable columns (README, "Export")."""
    from newswatch.cli import export

    fmt = fmt.lower()
    if fmt not in export.FORMATS:
        fail(f"--format must be one of {', '.join(export.FORMATS)}, got {fmt!r}")
    if fmt == "parquet" and out_path is None:
        fail("--format parquet writes a binary file: give --out FILE")
    flt = record_filter(report, rebuttal, jurisdiction, year, language, since, until, source)
    with store_or_exit(settings_or_exit(config, db)) as store:
        rows = export.export_tuples(store, flt)
        try:
            if fmt == "parquet":
                n = export.write_parquet(rows, str(out_path))
            elif out_path is None:
                n = (export.write_csv if fmt == "csv" else export.write_jsonl)(rows, sys.stdout)
            else:
                with out_path.open("w", encoding="utf-8", newline="") as fh:
                    n = (export.write_csv if fmt == "csv" else export.write_jsonl)(rows, fh)
        except BrokenPipeError:  # e.g. piped into `head`
            sys.stderr.close()
            raise typer.Exit(0) from None
        except OSError as exc:
            fail(f"{out_path or 'standard output'}: cannot write: {exc.strerror or exc}")
    err.print(f"exported {n} record(s) as {fmt}" + (f" to {escape(str(out_path))}" if out_path else ""),
              highlight=False)


# --- records list --stories ---------------------------------------------------------------------


def print_stories(stories: list[dict[str, Any]], as_json: bool) -> None:
    """Stories with their copies: one JSON object per story, or a readable list."""
    if as_json:
        for story in stories:
            sys.stdout.write(json.dumps(story, ensure_ascii=False) + "\n")
        return
    out.print(f"{len(stories)} story(ies)", highlight=False)
    for story in stories:
        first = story["records"][0]
        head = Text.assemble((f"story {story['story_id']}", "bold"), f" ({story['size']} record(s)): ",
                             first["title"] or first["url"])
        head.truncate(WIDTH, overflow="ellipsis")
        out.print(head, no_wrap=True, overflow="ellipsis")
        for rec in story["records"]:
            line = Text(_clip(f"  {rec['id']:>6} {(rec['published_at'] or '')[:10]} "
                              f"{','.join(rec['sources'])} {rec['url']}", WIDTH))
            out.print(line, no_wrap=True, overflow="ellipsis")


def stories_command(report: bool, rebuttal: bool, source: str | None, since: Any, limit: int, db_settings: Any,
                    as_json: bool) -> None:
    """`records list --stories`: called from newswatch.cli with its options."""
    from flows import reading
    from storage.reading import RecordFilter

    flt = RecordFilter(report=report, rebuttal=rebuttal, source=source, since=since)
    with store_or_exit(db_settings) as store:
        stories = reading.list_stories(store, flt, limit or None)
    print_stories(stories, as_json)


# --- helpers -------------------------------------------------------------------------------------


def _table(title: str) -> Table:
    return Table(title=title, width=min(out.width, WIDTH), title_justify="left")


def _clip(text: str, width: int) -> str:
    """`text` on one line (its indent kept), cut to `width` characters with an ellipsis."""
    text = str(text)
    indent = text[: len(text) - len(text.lstrip(" "))]
    text = indent + " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
