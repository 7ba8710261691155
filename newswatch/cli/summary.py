"""What `newswatch run` (and the demo) print: a line per finished source, then the run summary.

Designed for 80 columns: one table line per source, then each failure once, on lines of its
own (the source's reason, or each failed page's URL and reason), then the totals.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.text import Text

from newswatch.cli.common import Column, Grid, clean, out, shorten

_COUNTS = ("entries", "new", "stored", "report", "rebuttal", "failed_pages")
_HEADERS = {"failed_pages": "failed"}
REASON_CHARS = 500  # a failure reason longer than this is cut (it may quote what a server sent)


def progress_line(done: int, total: int, result: dict[str, Any]) -> Text:
    """`[3/8] harbour-daily: ok (3 new, 3 stored, 1 page failed)`; a failed source's reason is in the summary."""
    head = f"[{done}/{total}] {result['source']}: {_status(result['status'])}"
    if result["status"] == "failed":
        return Text(clean(head), style="red")
    note = f"{result['new']} new, {result['stored']} stored"
    if result.get("failed_pages"):
        note += f", {result['failed_pages']} page{'s' if result['failed_pages'] != 1 else ''} failed"
    return Text(clean(f"{head} ({note})"))


def print_run_summary(summary: dict[str, Any], *, as_json: bool = False, wide: bool = False,
                      console: Console | None = None) -> None:
    """The table of sources, the failures (each once, with its reason) and the totals."""
    console = console or out
    if as_json:
        console.print_json(json.dumps(summary))
        return
    grid = Grid("ingest run", [Column("source", grow=True), Column("status", 12),
                               *(Column(_HEADERS.get(c, c), justify="right") for c in _COUNTS)], wide=wide)
    for r in summary["per_source"]:
        grid.add_row(r["source"], _status(r["status"]), *(r.get(c, 0) for c in _COUNTS),
                     style="red" if r["status"] == "failed" else "")
    grid.print(console)
    for line in failure_lines(summary["per_source"]):
        console.print(line, overflow="fold")
    for line in total_lines(summary):
        console.print(line, overflow="fold")


def _status(status: str) -> str:
    return status.replace("_", " ")  # not_modified -> not modified


def failure_lines(per_source: list[dict[str, Any]]) -> list[Text]:
    """Each failed source with its reason, each failed page with its URL and reason; feed problems."""
    lines: list[Text] = []
    for r in per_source:
        name = clean(r["source"])
        if r["status"] in ("failed", "backing_off"):
            reason = shorten(r.get("error") or "no reason given", REASON_CHARS)
            lines += [Text(f"{name}: {_status(r['status'])}", style="red" if r["status"] == "failed" else "yellow"),
                      Text("  " + reason)]
        elif r.get("problem"):
            lines += [Text(f"{name}: feed read with a problem", style="yellow"),
                      Text("  " + shorten(r["problem"], REASON_CHARS))]
        if r.get("stale"):
            lines += [Text(f"{name}: stale", style="yellow"), Text("  " + shorten(r["stale"], REASON_CHARS))]
        errors = r.get("page_errors") or []
        failed = r.get("failed_pages") or 0
        if failed:
            lines.append(Text(f"{name}: {failed} page{'s' if failed != 1 else ''} failed", style="yellow"))
        for item in errors:
            url, sep, reason = str(item).partition(": ")
            lines.append(Text("  " + shorten(url, REASON_CHARS)))
            if sep:
                lines.append(Text("    " + shorten(reason, REASON_CHARS)))
        if failed > len(errors):
            lines.append(Text(f"  … and {failed - len(errors)} more"))
    if lines:
        lines.insert(0, Text(""))
    return lines


def total_lines(summary: dict[str, Any]) -> list[Text]:
    s = summary
    backing_off = f", {s['backing_off']} backing off" if s.get("backing_off") else ""
    lines = [Text("")]
    if s.get("interrupted"):  # short lines: a phrase must not be cut by wrapping at 80 columns
        unfinished = ", ".join(clean(n) for n in s.get("unfinished_sources") or [])
        stored = s.get("stored_this_run")
        lines.append(Text(f"interrupted ({s['interrupted']}): {s['sources']} source(s) finished", style="yellow"))
        if unfinished:
            lines.append(Text(f"not finished: {unfinished}", style="yellow"))
        if stored is not None:
            lines.append(Text(f"{stored} article(s) stored by this run are kept", style="yellow"))
        lines.append(Text("run the same command again to continue", style="yellow"))
    lines += [
        Text(f"sources: {s['sources']} ({s['ok']} ok, {s['not_modified']} not modified, {s['failed']} failed"
             f"{backing_off})"),
        Text(f"articles: {s['entries_seen']} entries seen, {s['new_articles']} new, {s['extracted']} extracted, "
             f"{s['stored']} stored"),
        Text(f"flagged: {s['flagged_report']} report, {s['flagged_rebuttal']} rebuttal; "
             f"failed pages: {s['failed_pages']}"),
    ]
    if s.get("skipped_failing_pages"):
        lines.append(Text(f"pages waiting to be retried later: {s['skipped_failing_pages']}"))
    if s.get("outage"):
        lines.append(Text("every source failed with a network error: not counted against them "
                          "(is this machine offline?)", style="yellow"))
    return lines
