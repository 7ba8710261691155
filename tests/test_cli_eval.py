"""`newswatch eval detection` through typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newswatch.cli.eval_commands import eval_app

DEV_SET = Path(__file__).parent / "data" / "detection_dev.jsonl"
runner = CliRunner()

GOOD = {"id": "a", "url": None, "title": None, "text": "x", "labels": {"report": False, "rebuttal": False}}


def test_detection_table_on_dev_set() -> None:
    result = runner.invoke(eval_app, ["detection", str(DEV_SET)])
    assert result.exit_code == 0, result.output
    assert "precision" in result.stdout and "recall" in result.stdout
    assert "report" in result.stdout and "rebuttal" in result.stdout
    assert "Errors:" in result.stdout


def test_detection_json_on_dev_set() -> None:
    result = runner.invoke(eval_app, ["detection", str(DEV_SET), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"report", "rebuttal", "cases"}
    assert set(data["report"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    n_lines = sum(1 for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(data["cases"]) == n_lines
    case = data["cases"][0]
    assert set(case) == {"id", "expected", "predicted", "scores", "evidence", "errors"}


def test_errors_are_listed_with_evidence(tmp_path: Path) -> None:
    wrong = dict(GOOD, id="mislabelled", text="The 2024 Trafficking in Persons Report kept Malaysia on Tier 3.")
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    result = runner.invoke(eval_app, ["detection", str(path)])
    assert result.exit_code == 0
    assert "mislabelled" in result.stdout and "report:fp" in result.stdout
    assert "report:tip_name" in result.stdout


def test_broken_json_line_exits_1_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(GOOD) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(eval_app, ["detection", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: invalid JSON" in result.stderr


def test_missing_key_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "missing.jsonl"
    bad = {k: v for k, v in GOOD.items() if k != "labels"}
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    result = runner.invoke(eval_app, ["detection", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1: missing key(s): labels" in result.stderr


def test_missing_file_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(eval_app, ["detection", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "cannot read cases file" in result.stderr


def test_load_cases_rejects_bad_labels_and_duplicates(tmp_path: Path) -> None:
    import pytest

    from newswatch.cli.eval_detection import load_cases
    from newswatch.errors import ParseError

    cases: list[tuple[list[object], str]] = [
        ([dict(GOOD, labels={"report": "yes", "rebuttal": False})], ":1: labels.report must be true or false"),
        ([GOOD, GOOD], ":2: duplicate id 'a'"),
        ([["not", "an", "object"]], ":1: expected a JSON object"),
        ([], ": no cases in file"),
    ]
    for rows, message in cases:
        path = tmp_path / "cases.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        with pytest.raises(ParseError, match=message.replace("(", r"\(")):
            load_cases(path)


def test_metrics_count_each_label() -> None:
    from newswatch.cli.eval_detection import Case, evaluate_detection
    from newswatch.models import Detection

    cases = [
        Case("tp", None, None, "a", report=True, rebuttal=False),
        Case("fp", None, None, "b", report=False, rebuttal=False),
        Case("fn", None, None, "c", report=True, rebuttal=False),
    ]
    predictions = {"a": True, "b": True, "c": False}

    def fake(title: str | None, text: str, language: str | None) -> Detection:
        return Detection(predictions[text], False, 1.0 if predictions[text] else 0.0, 0.0)

    result = evaluate_detection(cases, detector=fake)
    assert result["report"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    # No rebuttal expected and none predicted: perfect, not 0/0.
    assert result["rebuttal"]["f1"] == 1.0
    assert [c["errors"] for c in result["cases"]] == [[], ["report:fp"], ["report:fn"]]
