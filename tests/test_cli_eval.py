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
    assert set(data) == {"report", "rebuttal", "by_language", "cases"}  # no field labels: no "fields"
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

    def fake(title: str | None, text: str, language: str | None, **_: object) -> Detection:
        return Detection(predictions[text], False, 1.0 if predictions[text] else 0.0, 0.0)

    result = evaluate_detection(cases, detector=fake)
    assert result["report"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    # No rebuttal expected and none predicted: perfect, not 0/0.
    assert result["rebuttal"]["f1"] == 1.0
    assert [c["errors"] for c in result["cases"]] == [[], ["report:fp"], ["report:fn"]]


# --- fields (synthetic cases: invented texts) ---------------------------------------------------------


def _field_case(case_id: str, text: str, **labels: object) -> dict[str, object]:
    return {"id": case_id, "url": None, "title": None, "text": text, "language": "en",
            "labels": {"report": True, "rebuttal": False, **labels}}


def test_fields_scored_on_report_items() -> None:
    from newswatch.cli.eval_detection import Case, evaluate_detection
    from newswatch.models import Detection, Jurisdiction, ReportRef, TierRating

    cases = [
        Case("right", None, None, "a", report=True, rebuttal=False, jurisdictions=("Macau",), report_year=2024,
             tier=("Tier 2 Watch List", "Tier 3")),
        Case("wrong", None, None, "b", report=True, rebuttal=False, jurisdictions=("KH",), report_year=2023,
             tier=("Tier 1",)),
        Case("missed", None, None, "c", report=True, rebuttal=False, jurisdictions=("Chad",), report_year=2020,
             tier=("Tier 3",)),
        Case("negative", None, None, "d", report=False, rebuttal=False, jurisdictions=("Chad",)),
    ]
    found = {
        "a": Detection(True, False, 1.0, 0.0, report=ReportRef("TIP", "US", 2024),
                       jurisdictions=(Jurisdiction("Macao", "MO"),),
                       tiers=(TierRating("Macao", "Tier 3", previous="Tier 2 Watch List"),)),
        "b": Detection(True, False, 1.0, 0.0, report=ReportRef("TIP", "US", 2024),
                       jurisdictions=(Jurisdiction("Thailand", "TH"), Jurisdiction("Cambodia", "KH")),
                       tiers=(TierRating("Cambodia", "Tier 2"),)),
        "c": Detection(False, False, 0.0, 0.0),
        "d": Detection(False, False, 0.0, 0.0),
    }

    def fake(title: str | None, text: str, language: str | None, **_: object) -> Detection:
        return found[text]

    result = evaluate_detection(cases, detector=fake)
    fields = result["fields"]
    # Only the three report items count; the missed one is wrong on every field.
    assert fields["jurisdiction"] == {"accuracy": round(1 / 3, 4), "n": 3}
    assert fields["report_year"] == {"accuracy": round(1 / 3, 4), "n": 3}
    assert fields["tier"] == {"accuracy": round(1 / 3, 4), "n": 3}
    by_id = {c["id"]: c for c in result["cases"]}
    assert by_id["right"]["fields"]["jurisdiction"]["right"] is True  # Macau == Macao
    assert by_id["wrong"]["fields"]["jurisdiction"] == {"expected": "KH", "predicted": "Thailand", "right": False}
    assert by_id["missed"]["fields"]["report_year"]["predicted"] is None
    assert "fields" not in by_id["negative"]


def test_jurisdiction_and_tier_keys() -> None:
    from newswatch.cli.eval_detection import jurisdiction_key, tier_key

    assert jurisdiction_key("Macau") == jurisdiction_key("Macao") == jurisdiction_key("MO") == "MO"
    assert jurisdiction_key("Hong Kong SAR") == jurisdiction_key("hk") == "HK"
    assert jurisdiction_key("Hong Kong") != jurisdiction_key("China")
    assert jurisdiction_key("Burma") == jurisdiction_key("Myanmar")
    assert jurisdiction_key("Atlantis") == "atlantis"
    assert tier_key("Tier 2 Watch List") == tier_key("tier 2 watchlist") == tier_key("Tier 2WL") == "2wl"
    assert tier_key("Watch List") == "2wl"
    assert tier_key("Tier Three") == tier_key("Tier 3") == "3"
    assert tier_key("Tier 2") != tier_key("Tier 2 Watch List")


def test_fields_and_languages_from_the_command(tmp_path: Path) -> None:
    rows = [
        _field_case("en-1", "The 2024 Trafficking in Persons Report, released by the US State Department on "
                    "Monday, kept Malaysia on Tier 3 for a second year.", jurisdictions=["Malaysia"],
                    report_year=2024, tier=["Tier 3"]),
        _field_case("en-2", "The 2023 Trafficking in Persons Report moved Cambodia up to Tier 2.",
                    jurisdictions=["Ruritania"], report_year=2023, tier=["Tier 2"]),
        dict(GOOD, id="es-1", language="es", text="Un texto sin informe."),
    ]
    path = tmp_path / "fields.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(eval_app, ["detection", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["fields"]["report_year"] == {"accuracy": 1.0, "n": 2}
    assert data["fields"]["tier"] == {"accuracy": 1.0, "n": 2}
    # Labelled "Ruritania", found Cambodia: wrong.
    assert data["fields"]["jurisdiction"] == {"accuracy": 0.5, "n": 2}
    assert set(data["by_language"]) == {"en", "es"}
    assert data["by_language"]["en"]["report"]["tp"] == 2
    table = runner.invoke(eval_app, ["detection", str(path)])
    assert "Fields on report items" in table.stdout and "Per language" in table.stdout
    assert "Field errors: 1" in table.stdout and "en-2" in table.stdout
    summary = runner.invoke(eval_app, ["detection", str(path), "--summary"])
    assert "Fields on report items" in summary.stdout and "en-2" not in summary.stdout
    quiet = json.loads(runner.invoke(eval_app, ["detection", str(path), "--json", "--summary"]).stdout)
    assert "cases" not in quiet and quiet["fields"]["tier"]["n"] == 2


def test_bad_field_labels_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_field_case("x", "t", report_year="2024")) + "\n", encoding="utf-8")
    result = runner.invoke(eval_app, ["detection", str(path)])
    assert result.exit_code == 1 and "report_year must be an integer" in result.stderr
