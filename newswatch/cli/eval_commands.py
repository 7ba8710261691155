"""``newswatch eval``: measure detector quality on labelled cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newswatch.cli.common import fail, safe
from newswatch.cli.eval_detection import FIELDS, LABELS, evaluate_detection, load_cases
from newswatch.errors import ParseError

eval_app = typer.Typer(help="Measure detection and extraction quality on labelled cases.", no_args_is_help=True)


@eval_app.callback()
def _eval() -> None:
    """Measure detection and extraction quality on labelled cases."""


@eval_app.command("detection")
def detection(
    cases: Path = typer.Argument(..., help="JSONL file: one {id, url, title, text, labels} object per line."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    summary: bool = typer.Option(False, "--summary", help="Tables only: no per-case errors (for a held-out part)."),
) -> None:
    """Precision, recall and F1 for the report and rebuttal labels (overall and per language), field
    accuracy when labels carry fields, and every error with its evidence."""
    try:
        loaded = load_cases(cases)
    except ParseError as exc:
        fail(str(exc))
    result = evaluate_detection(loaded)
    if as_json:
        if summary:
            result = {key: value for key, value in result.items() if key != "cases"}
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print_detection(Console(), result, len(loaded), errors=not summary)


def _print_detection(console: Console, result: dict[str, Any], n_cases: int, *, errors: bool = True) -> None:
    from extractors.structure import merge_evidence  # here: the CLI starts without the detector

    table = Table(title=f"Detection quality on {n_cases} cases")
    for column in ("label", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for label in LABELS:
        m = result[label]
        table.add_row(label, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", str(m["tp"]),
                      str(m["fp"]), str(m["fn"]))
    console.print(table)
    _print_languages(console, result["by_language"])
    if "fields" in result:
        _print_fields(console, result["fields"])
    if not errors:
        return
    wrong = [case for case in result["cases"] if case["errors"]]
    console.print(f"[bold]Errors: {len(wrong)}[/bold]")
    for case in wrong:
        scores = case["scores"]
        console.print(
            f"\n[bold]{safe(case['id'])}[/bold]  {safe(', '.join(case['errors']))}  "
            f"(report {scores['report']:.2f}, rebuttal {scores['rebuttal']:.2f})",
            highlight=False,
        )
        if not case["evidence"]:
            console.print("  no evidence: no report name or cue matched", highlight=False)
        for ev in merge_evidence(case["evidence"]):
            sentence = ev["sentence"] if len(ev["sentence"]) <= 160 else ev["sentence"][:157] + "..."
            console.print(f"  [{ev['label']}] {ev['rule']} ({ev['weight']}): {sentence}", highlight=False,
                          markup=False)


    missed = [case for case in result["cases"] if any(not f["right"] for f in case.get("fields", {}).values())]
    if "fields" in result:
        console.print(f"\n[bold]Field errors: {len(missed)}[/bold]")
    for case in missed:
        parts = [f"{name} expected {f['expected']!r} got {f['predicted']!r}"
                 for name, f in case["fields"].items() if not f["right"]]
        console.print(f"{case['id']}  " + "; ".join(parts), highlight=False, markup=False)


def _print_languages(console: Console, by_language: dict[str, Any]) -> None:
    table = Table(title="Per language (P / R, tp+fn = items labelled)")
    for column in ("language", *(f"{label} P / R (n)" for label in LABELS)):
        table.add_column(column, justify="left" if column == "language" else "right")
    for lang, per in by_language.items():
        cells = []
        for label in LABELS:
            m = per[label]
            n = m["tp"] + m["fn"]
            cells.append(f"{m['precision']:.2f} / {m['recall']:.2f} ({n})" if m["tp"] + m["fp"] + m["fn"] else "-")
        table.add_row(escape(lang), *cells)
    console.print(table)


def _print_fields(console: Console, fields: dict[str, Any]) -> None:
    table = Table(title="Fields on report items (a missed item counts as wrong)")
    for column in ("field", "accuracy", "n"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name in FIELDS:
        f = fields[name]
        table.add_row(name, "-" if f["accuracy"] is None else f"{f['accuracy']:.3f}", str(f["n"]))
    console.print(table)


@eval_app.command("extraction")
def extraction(
    folder: Path = typer.Argument(..., help="Zyte benchmark layout: html/<id>.html.gz and ground-truth.json."),
    predictions: Path | None = typer.Option(None, "--predictions", help='Write {id: {"articleBody": text}} here.'),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
) -> None:
    """Precision, recall and F1 of newswatch's own extraction (from raw bytes), with the benchmark's metric."""
    from newswatch.cli import eval_extraction as ev
    from newswatch.errors import ConfigError

    try:
        pages = ev.load_benchmark(folder)
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    texts = ev.predict(pages)
    if predictions is not None:
        ev.write_predictions(predictions, texts)
    scores = ev.evaluate(pages, texts)
    if as_json:
        typer.echo(json.dumps(scores.as_dict()))
        return
    table = Table(title=f"Extraction quality on {scores.pages} pages (± bootstrap std)")
    for column in ("precision", "recall", "F1"):
        table.add_column(column, justify="right")
    table.add_row(*(f"{v:.3f} ± {s:.3f}" for v, s in ((scores.precision, scores.precision_std),
                                                      (scores.recall, scores.recall_std), (scores.f1, scores.f1_std))))
    Console().print(table)
