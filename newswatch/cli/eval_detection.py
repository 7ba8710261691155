"""Detection quality on labelled cases: load a JSONL file of cases, score the detector per label.

Each line of a cases file is one JSON object::

    {"id": "...", "url": "..." | null, "title": "..." | null, "text": "...",
     "labels": {"report": true, "rebuttal": false}}

Extra keys ("note", "language") are allowed; "language" is passed to the detector.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.detect import detect
from newswatch.errors import ParseError
from newswatch.models import Detection

__all__ = ["LABELS", "Case", "evaluate_detection", "load_cases"]

LABELS = ("report", "rebuttal")
_REQUIRED = ("id", "url", "title", "text", "labels")

Detector = Callable[[str | None, str, str | None], Detection]


@dataclass(frozen=True)
class Case:
    """One labelled item."""

    id: str
    url: str | None
    title: str | None
    text: str
    report: bool
    rebuttal: bool
    language: str | None = None
    note: str | None = None

    def expected(self) -> dict[str, bool]:
        return {"report": self.report, "rebuttal": self.rebuttal}


def load_cases(path: str | Path) -> list[Case]:
    """Read a JSONL cases file; a ``ParseError`` names the file, the line and the problem."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ParseError(f"{path}: cannot read cases file: {exc}") from exc
    cases: list[Case] = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ParseError(f"{path}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
        case = _case(obj, f"{path}:{lineno}")
        if case.id in seen:
            raise ParseError(f"{path}:{lineno}: duplicate id {case.id!r}")
        seen.add(case.id)
        cases.append(case)
    if not cases:
        raise ParseError(f"{path}: no cases in file")
    return cases


def _case(obj: Any, where: str) -> Case:
    if not isinstance(obj, dict):
        raise ParseError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    missing = [key for key in _REQUIRED if key not in obj]
    if missing:
        raise ParseError(f"{where}: missing key(s): {', '.join(missing)}")
    labels = obj["labels"]
    if not isinstance(labels, dict):
        raise ParseError(f"{where}: 'labels' must be an object with 'report' and 'rebuttal'")
    for label in LABELS:
        if not isinstance(labels.get(label), bool):
            raise ParseError(f"{where}: labels.{label} must be true or false")
    if not isinstance(obj["id"], str) or not obj["id"]:
        raise ParseError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(obj["text"], str):
        raise ParseError(f"{where}: 'text' must be a string")
    for key in ("url", "title", "language", "note"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ParseError(f"{where}: '{key}' must be a string or null")
    return Case(
        id=obj["id"],
        url=obj["url"],
        title=obj["title"],
        text=obj["text"],
        report=labels["report"],
        rebuttal=labels["rebuttal"],
        language=obj.get("language"),
        note=obj.get("note"),
    )


def evaluate_detection(cases: Iterable[Case], detector: Detector = detect) -> dict[str, Any]:
    """Precision, recall and F1 per label, and every case with its prediction, scores, evidence and errors."""
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    entries: list[dict[str, Any]] = []
    for case in cases:
        det = detector(case.title, case.text, case.language)
        predicted = {"report": det.is_report, "rebuttal": det.is_rebuttal}
        expected = case.expected()
        errors: list[str] = []
        for label in LABELS:
            if predicted[label] and expected[label]:
                counts[label]["tp"] += 1
            elif predicted[label]:
                counts[label]["fp"] += 1
                errors.append(f"{label}:fp")
            elif expected[label]:
                counts[label]["fn"] += 1
                errors.append(f"{label}:fn")
        entries.append(
            {
                "id": case.id,
                "expected": expected,
                "predicted": predicted,
                "scores": {"report": det.report_score, "rebuttal": det.rebuttal_score},
                "evidence": [
                    {"label": ev.label, "rule": ev.rule, "sentence": ev.sentence, "weight": ev.weight}
                    for ev in det.evidence
                ],
                "errors": errors,
            }
        )
    result: dict[str, Any] = {label: _metrics(**counts[label]) for label in LABELS}
    result["cases"] = entries
    return result


def _metrics(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision and recall are 1.0 when there was nothing to find and nothing was found, else 0.0 on 0/0."""
    if tp + fp + fn == 0:
        precision = recall = f1 = 1.0
    else:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp, "fp": fp,
            "fn": fn}
