"""What the CLI prints (issues 13.3-13.5, 13.7, 12.12-12.14): tables at 80 columns, limits and
empty answers that say why, no Python values, UTC times, outside text never taken as markup,
short error excerpts, masked passwords, a quiet exit on a closed pipe.

Every record, outlet and URL here is synthetic (example.org, invented titles).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from newswatch.cli.app import app
from newswatch.cli.common import (
    Column,
    Grid,
    clean,
    excerpt,
    masked_url,
    print_records,
    readable,
    shorten,
    utc_time,
    yes_no,
)
from newswatch.cli.logs import progress_replaces_task_logs, set_verbosity
from newswatch.cli.sniff import not_a_page
from newswatch.cli.summary import print_run_summary, progress_line
from newswatch.models import PageRecord, SourceState
from storage.store import Store

pytest_plugins = ["tests.conftest_db"]
MakePage = Callable[..., PageRecord]
runner = CliRunner()
AT_80 = {"COLUMNS": "80"}

BRACKETED = "We firmly reject [the 2025 Trafficking in Persons Report] as biased"
CLOSING_LINK = "Harbour ministry answers [/link] critics [bold]loudly[/bold] and at length about the ranking"
ESCAPES = "\x1b]0;owned\x07\x1b[31mRed title\x1b[0m"
LONG = "A very long synthetic headline " + "about the annual ranking and its critics " * 6
CJK = "香港特区政府坚决反对美国《人口贩运问题报告》对香港的抹黑 [2025]"
HOSTILE_TITLES = [BRACKETED, CLOSING_LINK, ESCAPES, LONG, CJK]


def invoke(*args: str, env: dict[str, str] | None = None) -> object:
    return runner.invoke(app, list(args), env={**AT_80, **(env or {})})


def widest(output: str) -> int:
    return max((cell_len(line) for line in output.splitlines()), default=0)


@pytest.fixture
def store60(store_url: str, make_page: MakePage) -> str:
    """60 records: the hostile titles first (newest), then plain ones; one failed source with a bracketed error."""
    pages = [make_page(f"https://news.example.org/{i}", title, "Body text.", source="harbour-daily",
                       published=datetime(2025, 9, 30 - i, 8, 0, tzinfo=UTC), is_report=i % 2 == 0,
                       is_rebuttal=i == 0) for i, title in enumerate(HOSTILE_TITLES)]
    pages += [make_page(f"https://news.example.org/plain/{i}", f"Plain synthetic story {i}", "Text.",
                        source="pier-post", published=datetime(2025, 8, 1, tzinfo=UTC)) for i in range(55)]
    with Store(store_url) as store:
        store.save_pages(pages)
        store.save_source_state(SourceState(
            name="hk-gov-news-en", url="https://www.info.gov.hk/gia/rss/general_en.xml", last_status="failed",
            last_error="https://www.info.gov.hk/x: blocked (set [fetch] allow_private_networks = true to allow)",
            consecutive_failures=2, last_checked_at=datetime(2026, 11, 26, 9, 30, tzinfo=UTC),
            last_success_at=datetime(2026, 11, 25, 9, 30, tzinfo=UTC)))
    return store_url


# --- records list and search at 80 columns ------------------------------------------------


def test_records_list_fits_80_columns_and_says_what_the_limit_hid(store60: str) -> None:
    result = invoke("records", "list", "--db", store60)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    out = result.stdout  # type: ignore[attr-defined]
    assert widest(out) <= 80
    assert out.splitlines()[0] == "50 of 60 records (--limit 0 for all)"
    assert len(out.splitlines()) == 2 + 50  # title, header, one line per record: no title wraps
    assert "We firmly reject [the 2025 Trafficking" in out  # bracketed words survive
    assert "Harbour ministry answers [/link] critics…" in out  # no markup, no crash
    assert "\x1b" not in out and "␛]0;owned␇␛[31mRed title" in out  # terminal escapes shown, not obeyed
    assert "A very long synthetic headline about the…" in out  # cut with an ellipsis
    every = invoke("records", "list", "--limit", "0", "--db", store60)
    assert every.stdout.splitlines()[0] == "60 records" and len(every.stdout.splitlines()) == 62  # type: ignore[attr-defined]


def test_records_list_wide_shows_whole_titles_and_urls(store60: str) -> None:
    result = invoke("records", "list", "--wide", "--limit", "5", "--db", store60)
    out = result.stdout  # type: ignore[attr-defined]
    assert LONG.strip() in out and "https://news.example.org/3" in out
    assert widest(out) > 80
    assert BRACKETED in out and CLOSING_LINK in out


def test_search_fits_80_columns_counts_and_escapes(store60: str) -> None:
    result = invoke("records", "search", "synthetic", "--limit", "10", "--db", store60)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.exit_code == 0 and widest(out) <= 80  # type: ignore[attr-defined]
    assert out.splitlines()[0] == "10 of 56 records (--limit 0 for all)"
    hostile = invoke("records", "search", "critics", "--db", store60)
    assert "answers [/link] critics" in hostile.stdout  # type: ignore[attr-defined]


def test_unknown_source_and_empty_results_say_why(store60: str, tmp_path: Path) -> None:
    unknown = invoke("records", "list", "--source", "nosuch", "--db", store60)
    assert unknown.exit_code == 1  # type: ignore[attr-defined]
    assert "unknown source: 'nosuch'" in unknown.stderr and "pier-post" in unknown.stderr  # type: ignore[attr-defined]
    none = invoke("records", "list", "--source", "pier-post", "--report", "--db", store60)
    assert none.exit_code == 0 and none.stdout == ""  # type: ignore[attr-defined]
    assert "no records match --report --source pier-post (60 records stored)" in none.stderr  # type: ignore[attr-defined]
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert invoke("db", "upgrade", "--db", empty).exit_code == 0  # type: ignore[attr-defined]
    assert "no records yet" in invoke("records", "list", "--db", empty).stderr  # type: ignore[attr-defined]


def test_print_records_handles_every_hostile_title_at_80() -> None:
    rows = [{"id": i, "published_at": None, "published_from": None, "language": None, "sources": ["[red]src[/red]"],
             "is_report": True, "is_rebuttal": False, "title": t, "url": "https://example.org/[x]"}
            for i, t in enumerate(HOSTILE_TITLES)]
    console = Console(width=80, record=True)
    print_records(rows, console=console)
    shown = console.export_text()
    assert widest(shown) <= 80
    assert shown.count("[red]src[/red]") == len(rows) and "—" in shown  # missing date as a dash
    assert "香港特区政府" in shown


# --- records show, sources list: readable values, UTC -------------------------------------


def test_records_show_prints_no_python_values(store60: str) -> None:
    listed = json.loads(invoke("records", "list", "--json", "--limit", "1", "--db", store60).stdout)  # type: ignore[attr-defined]
    result = invoke("records", "show", str(listed["id"]), "--db", store60)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert out.splitlines()[0] == BRACKETED
    for python in ("('", "['", "True", "False", "None", "{'"):
        assert python not in out, python
    assert "  authors: Desk" in out and "  report: yes" in out and "  rebuttal: yes" in out
    assert "  published at: 2025-09-30 08:00 UTC" in out
    assert "  jurisdiction:" in out and "    name: Hong Kong" in out
    assert widest(out) <= 80


def test_sources_list_at_80_columns_with_errors_on_their_own_lines(store60: str) -> None:
    result = invoke("sources", "list", "--db", store60)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.exit_code == 0 and widest(out) <= 80  # type: ignore[attr-defined]
    assert out.splitlines()[0].endswith("(times in UTC)")
    assert "2026-11-25 09:30" in out  # last success, in UTC
    assert "(set [fetch] allow_private_networks = true to allow)" in " ".join(out.split())
    row = next(line for line in out.splitlines() if line.startswith("hk-gov-news-en "))
    assert "failed" in row and " 2 " in row
    wide = invoke("sources", "list", "--wide", "--db", store60).stdout  # type: ignore[attr-defined]
    assert next(line for line in wide.splitlines() if line.startswith("hk-gov-news-en ")).endswith(".xml")


def test_sources_list_escapes_source_names_from_config(store60: str, tmp_path: Path) -> None:
    cfg = tmp_path / "hostile.toml"
    cfg.write_text('[[sources]]\nname = "[bold]sneaky[/bold] [/link]"\nurl = "https://example.org/feed.xml"\n',
                   encoding="utf-8")
    result = invoke("sources", "list", "--config", str(cfg), "--db", store60)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "[bold]sneaky[/bold] [/link]  never run" in result.stdout  # type: ignore[attr-defined]
    wide = invoke("sources", "list", "--wide", "--config", str(cfg), "--db", store60)
    assert "[bold]sneaky[/bold] [/link]  yes" in wide.stdout  # type: ignore[attr-defined]


# --- the run summary -------------------------------------------------------------------------

REASON = "HTTP 404 Not Found at https://feeds.example.org/[x]/rss (set [fetch] allow_private_networks)"


def _summary() -> dict[str, object]:
    per_source = [
        {"source": "harbour-daily-with-a-long-name", "status": "ok", "error": None, "problem": None, "entries": 12,
         "new": 4, "stored": 3, "report": 1, "rebuttal": 1, "failed_pages": 7,
         "page_errors": [f"https://news.example.org/2026/11/26/a-very-long-article-path-{i}.html: "
                         f"HTTP 500 [server] error {i}" for i in range(5)]},
        {"source": "broken-feed", "status": "failed", "error": REASON, "problem": None, "entries": 0, "new": 0,
         "stored": 0, "report": 0, "rebuttal": 0, "failed_pages": 0, "page_errors": []},
    ]
    return {"sources": 2, "ok": 1, "not_modified": 0, "failed": 1, "entries_seen": 12, "new_articles": 4,
            "extracted": 3, "stored": 3, "flagged_report": 1, "flagged_rebuttal": 1, "failed_pages": 7,
            "per_source": per_source}


def test_run_summary_at_80_columns_names_each_failure_once() -> None:
    console = Console(width=80, record=True)
    print_run_summary(_summary(), console=console)
    shown = console.export_text()
    assert widest(shown) <= 80
    lines = shown.splitlines()
    assert lines[0] == "ingest run"
    assert any(line.startswith("broken-feed") and "failed" in line for line in lines)
    assert " ".join(shown.split()).count(REASON) == 1  # the reason in full, once
    assert "harbour-daily-with-a-long-name: 7 pages failed" in shown
    for i in range(5):
        assert f"  https://news.example.org/2026/11/26/a-very-long-article-path-{i}.html" in lines
        assert f"    HTTP 500 [server] error {i}" in lines
    assert "  … and 2 more" in lines
    assert "flagged: 1 report, 1 rebuttal; failed pages: 7" in lines


def test_progress_line_leaves_the_reason_to_the_summary() -> None:
    failed = progress_line(2, 8, {"source": "broken-feed", "status": "failed", "error": REASON})
    assert failed.plain == "[2/8] broken-feed: failed"
    ok = progress_line(1, 8, {"source": "[x]", "status": "ok", "new": 3, "stored": 2, "failed_pages": 1})
    assert ok.plain == "[1/8] [x]: ok (3 new, 2 stored, 1 page failed)"


def test_task_run_console_lines_are_left_out_while_progress_lines_print() -> None:
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    def log(name: str, level: int, message: str) -> None:  # to the root's (console) handlers only
        logging.getLogger().handle(logging.makeLogRecord({"name": name, "levelno": level, "msg": message}))

    from prefect.logging.configuration import ensure_logging_setup

    ensure_logging_setup()  # as `newswatch run` has by then (configuring logging replaces the root's handlers)
    handler = Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with progress_replaces_task_logs():
            log("prefect.task_runs", logging.WARNING, "broken-feed: failed: boom")
            log("prefect.task_runs", logging.ERROR, "a crash is still shown")
            log("flows.ingest", logging.WARNING, "other warnings are still shown")
        log("prefect.task_runs", logging.WARNING, "outside a run: shown")
    finally:
        root.removeHandler(handler)
    assert seen == ["a crash is still shown", "other warnings are still shown", "outside a run: shown"]


# --- help, version, verbosity -------------------------------------------------------------


def test_help_shows_flags_as_flags_and_version() -> None:
    help_text = invoke("records", "list", "--help").stdout  # type: ignore[attr-defined]
    assert "--json" in help_text and "<bool>" not in help_text
    version = invoke("--version")
    assert version.exit_code == 0 and version.stdout.startswith("newswatch 0.")  # type: ignore[attr-defined]


def test_quiet_and_verbose(store60: str, tmp_path: Path) -> None:
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    invoke("db", "upgrade", "--db", empty)
    assert invoke("-q", "records", "list", "--db", empty).stderr == ""  # type: ignore[attr-defined]
    assert invoke("records", "list", "--db", empty).stderr != ""  # type: ignore[attr-defined]
    try:
        assert invoke("-v", "records", "list", "--db", empty).exit_code == 0  # type: ignore[attr-defined]
        assert logging.getLogger("flows").level == logging.INFO
    finally:
        set_verbosity(0)
        logging.getLogger("flows").setLevel(logging.NOTSET)
    assert invoke("-q", "-v", "records", "list", "--db", empty).exit_code == 2  # type: ignore[attr-defined]


# --- extract ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "what"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "looks like a PNG image"),
    (b"SQLite format 3\x00" + b"\x00" * 64, "looks like an SQLite database"),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- synthetic -->\n<rss version="2.0"><channel/></rss>',
     "looks like an RSS feed"),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "looks like an Atom feed"),
    (b"", "the body is empty"),
])
def test_extract_refuses_what_is_not_an_html_page(tmp_path: Path, body: bytes, what: str) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(body)
    result = invoke("extract", str(path))
    assert result.exit_code == 1 and result.stdout == ""  # type: ignore[attr-defined]
    assert f"not an HTML page: {what}" in result.stderr  # type: ignore[attr-defined]


def test_sniff_lets_html_through() -> None:
    assert not_a_page(b"<!doctype html><html><body><p>x</p></body></html>") is None
    assert not_a_page(b"\n\n<html><p>[rss] <rss> in text</p></html>") is None
    assert not_a_page(b"plain words", "text/html") is None


def test_extract_a_file_without_a_date_says_file(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text("<html><body><h1>Synthetic [undated] notice</h1><p>" + "Some words of text. " * 20
                    + "</p></body></html>", encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    data = json.loads(invoke("extract", str(path), "--json").stdout)  # type: ignore[attr-defined]
    assert data["published_from"] == "file" and data["published_at"].startswith("2023-11-14T22:13:20")
    shown = invoke("extract", str(path)).stdout  # type: ignore[attr-defined]
    assert shown.splitlines()[0] == "Synthetic [undated] notice"
    assert "  date from: file" in shown and "2023-11-14 22:13 UTC" in shown


# --- error excerpts, masked passwords ---------------------------------------------------------


def test_a_5mb_one_line_input_gives_a_short_error(tmp_path: Path) -> None:
    cfg = tmp_path / "huge.toml"
    cfg.write_text('[[sources]]\nname = "a"\nurl = "' + "x" * 5_000_000 + '"\n', encoding="utf-8")
    result = invoke("sources", "list", "--config", str(cfg), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert len(result.stderr) < 600 and "(5,000,000 characters)" in result.stderr  # type: ignore[attr-defined]


def test_excerpt_and_shorten() -> None:
    assert excerpt("short") == "'short'"
    long = excerpt("y" * 1000)
    assert long.startswith("'" + "y" * 200 + "'…") and long.endswith("(1,000 characters)")
    assert excerpt(b"\x00" * 300).endswith("(300 bytes)")
    assert shorten("a b\n c", 80) == "a b c" and shorten("abcdef", 4) == "abc…"


def test_database_passwords_are_masked(pg_url: str) -> None:
    with_password = pg_url.replace("postgres@", "postgres:s3cret-pw@", 1)
    upgraded = invoke("db", "upgrade", "--db", with_password)
    assert upgraded.exit_code == 0, upgraded.output  # type: ignore[attr-defined]
    assert "s3cret-pw" not in upgraded.output and "postgres:***@" in upgraded.stdout  # type: ignore[attr-defined]
    down = invoke("records", "list", "--db", "postgresql+psycopg://u:s3cret-pw@127.0.0.1:1/db")
    assert down.exit_code == 1 and "s3cret-pw" not in down.output and "u:***@" in down.stderr  # type: ignore[attr-defined]
    assert masked_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:***@h/db"


# --- values ---------------------------------------------------------------------------------------


def test_readable_values_and_utc_times() -> None:
    assert readable(("Jane Reporter",)) == "Jane Reporter" and readable(["a", "b"]) == "a, b"
    assert readable(True) == "yes" and readable(None) == "—" and yes_no(False) == "no"
    assert utc_time("2026-11-26T09:30:00+00:00") == "2026-11-26 09:30 UTC"
    assert utc_time(datetime(2026, 11, 26, 17, 30)) == "2026-11-26 17:30 UTC"  # naive: taken as UTC
    assert utc_time("2026-11-26T17:30:00+08:00") == "2026-11-26 09:30 UTC"
    assert clean("a\x1b[2Jb\x9bc") == "a␛[2Jb\ufffdc"


def test_grid_keeps_to_the_width_with_double_width_text() -> None:
    grid = Grid("t", [Column("n", justify="right"), Column("title", grow=True)])
    grid.add_row(1, "特区政府坚决反对" * 10)
    console = Console(width=80, record=True)
    grid.print(console)
    assert widest(console.export_text()) <= 80


# --- a closed pipe -----------------------------------------------------------------------------


def test_a_closed_pipe_exits_quietly(tmp_path: Path, make_page: MakePage) -> None:
    url = f"sqlite:///{tmp_path / 'big.db'}"
    with Store(url) as store:
        store.save_pages([make_page(f"https://example.org/{i}", f"Synthetic {i}", "words " * 4000)
                          for i in range(200)])
    proc = subprocess.Popen([sys.executable, "-m", "newswatch.cli.app", "records", "list", "--json", "--limit", "0",
                             "--db", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read().decode()
    code = proc.wait(timeout=60)
    assert json.loads(first)["title"].startswith("Synthetic")
    assert code in (0, 141), stderr
    assert "Traceback" not in stderr and "Broken pipe" not in stderr and stderr == ""


def test_a_huge_failure_reason_is_cut() -> None:
    summary = _summary()
    summary["per_source"][1]["error"] = "HTTP 400: " + "z" * 5_000_000  # type: ignore[index]
    console = Console(width=80, record=True)
    print_run_summary(summary, console=console)
    shown = console.export_text()
    assert shown.count("z") < 600 and "z…" in shown


def test_backfill_and_eval_printers_take_outside_text_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    from newswatch.cli.backfill import _print_summary as print_backfill
    from newswatch.cli.eval_commands import _print_detection

    summary = {"dry_run": False, "kind": "sitemap", "target": "https://example.org/[x]/sitemap.xml",
               "source": "[bold]site[/bold]", "since": "2025-01-01", "until": None, "undated_included": False,
               "documents_skipped": 0, "documents_read": 1, "listed": 2, "selected": 2, "outside_window": 0,
               "undated": 0, "resumed": False, "already_stored": 0, "analysed": 2, "extracted": 1, "stored": 1,
               "flagged_report": 0, "flagged_rebuttal": 0, "failed_pages": 1,
               "notes": ["set [fetch] allow_private_networks"], "page_errors": ["https://example.org/[/link]: 500"]}
    print_backfill(summary, False)
    shown = capsys.readouterr().out
    assert "https://example.org/[x]/sitemap.xml as [bold]site[/bold]" in shown
    assert "note: set [fetch] allow_private_networks" in shown and "failed: https://example.org/[/link]: 500" in shown
    console = Console(width=100, record=True)
    labels = {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    _print_detection(console, {"report": labels, "rebuttal": labels, "by_language": {"[en]": {
        "report": labels, "rebuttal": labels}}, "cases": [
        {"id": "[red]case-1[/red]", "errors": ["missed [report]"], "scores": {"report": 0.1, "rebuttal": 0.0},
         "evidence": [{"label": "report", "rule": "r", "weight": 1.0, "sentence": "[the 2025 Report]"}]}]}, 1)
    shown = console.export_text()
    assert "[red]case-1[/red]  missed [report]" in shown and "[the 2025 Report]" in shown and "[en]" in shown


def test_log_times_are_utc_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from newswatch.cli.logs import _PREFECT_FORMATS, prepare_logging

    monkeypatch.setattr(logging.Formatter, "converter", time.localtime)
    for key in ("PREFECT_LOGGING_LEVEL", *_PREFECT_FORMATS):
        monkeypatch.setenv(key, "")  # so the test's end restores the session's environment
        monkeypatch.delenv(key)
    prepare_logging()
    assert logging.Formatter.converter is time.gmtime
    assert os.environ["PREFECT_LOGGING_FORMATTERS_STANDARD_FLOW_RUN_FMT"].startswith("%(asctime)s UTC |")
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "WARNING"
    record = logging.makeLogRecord({"msg": "x", "created": 1_700_000_000.0})
    assert logging.Formatter("%(asctime)s").format(record).startswith("2023-11-14 22:13:20")


@pytest.mark.parametrize("option", ["--warc", "--urls"])
def test_a_5mb_one_line_file_gives_a_short_backfill_error(tmp_path: Path, option: str) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("x" * 5_000_000, encoding="utf-8")
    result = invoke("backfill", option, str(path), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert len(result.stderr) < 600 and "characters)" in result.stderr  # type: ignore[attr-defined]


def test_run_summary_names_backoff_staleness_and_an_outage() -> None:
    summary = _summary()
    summary["per_source"].append(  # type: ignore[attr-defined]
        {"source": "busy-wire", "status": "backing_off", "error": "backing off until 2026-11-26 10:00 UTC",
         "problem": None, "stale": "nothing new since 2026-10-01 (56 days)", "entries": 0, "new": 0, "stored": 0,
         "report": 0, "rebuttal": 0, "failed_pages": 0, "page_errors": []})
    summary.update(backing_off=1, outage=True, skipped_failing_pages=3)
    console = Console(width=80, record=True)
    print_run_summary(summary, console=console)
    lines = console.export_text().splitlines()
    assert widest("\n".join(lines)) <= 80
    assert any(line.startswith("busy-wire") and "backing off" in line for line in lines)
    assert "  backing off until 2026-11-26 10:00 UTC" in lines
    assert "busy-wire: stale" in lines and "  nothing new since 2026-10-01 (56 days)" in lines
    assert "sources: 2 (1 ok, 0 not modified, 1 failed, 1 backing off)" in lines
    assert "pages waiting to be retried later: 3" in lines
    assert any(line.startswith("every source failed with a network error") for line in lines)
