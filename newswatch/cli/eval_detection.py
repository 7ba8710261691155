"""Detection quality on labelled cases: load a JSONL file of cases, score the detector per label.

Each line of a cases file is one JSON object::

    {"id": "...", "url": "..." | null, "title": "..." | null, "text": "...",
     "labels": {"report": true, "rebuttal": false}}

Extra keys ("note", "language", "published") are allowed; "language" and "published" (an ISO date) are
passed to the detector. Labels may add the fields of a report item, scored over the items labelled as
reports that carry them::

    "labels": {"report": true, "rebuttal": false, "jurisdictions": ["Hong Kong"], "report_year": 2024,
               "tier": ["Tier 2 Watch List"]}
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newswatch.errors import ParseError
from newswatch.models import Detection

__all__ = ["FIELDS", "LABELS", "Case", "evaluate_detection", "jurisdiction_key", "load_cases", "tier_key"]

LABELS = ("report", "rebuttal")
FIELDS = ("jurisdiction", "report_year", "tier")
_REQUIRED = ("id", "url", "title", "text", "labels")

Detector = Callable[..., Detection]  # (title, text, language, *, published=None)


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
    published: date | None = None
    jurisdictions: tuple[str, ...] | None = None  # None: not labelled
    report_year: int | None = None
    tier: tuple[str, ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

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
    for key in ("url", "title", "language", "note", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ParseError(f"{where}: '{key}' must be a string or null")
    published: date | None = None
    if obj.get("published"):
        value = obj["published"][:10]
        try:  # a month alone ("2018-01") dates an item well enough for the edition year
            published = date.fromisoformat(value + "-01" if len(value) == 7 else value)
        except ValueError as exc:
            raise ParseError(f"{where}: 'published' must be an ISO date (YYYY-MM-DD or YYYY-MM)") from exc
    jurisdictions = _names(labels, "jurisdictions", where)
    tier = _names(labels, "tier", where)
    year = labels.get("report_year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ParseError(f"{where}: labels.report_year must be an integer or null")
    language = obj.get("language") or (labels.get("language") if isinstance(labels.get("language"), str) else None)
    return Case(
        id=obj["id"],
        url=obj["url"],
        title=obj["title"],
        text=obj["text"],
        report=labels["report"],
        rebuttal=labels["rebuttal"],
        language=language,
        note=obj.get("note"),
        published=published,
        jurisdictions=jurisdictions,
        report_year=year,
        tier=tier,
    )


def _names(labels: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    """A list of names under ``key`` (a "|"-separated string is accepted too); None when absent or empty."""
    value = labels.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [part for part in value.split("|")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ParseError(f"{where}: labels.{key} must be a list of strings")
    names = tuple(v.strip() for v in value if v.strip())
    return names or None


def evaluate_detection(cases: Iterable[Case], detector: Detector | None = None) -> dict[str, Any]:
    """Precision, recall and F1 per label (overall and per language), field accuracy on report items
    when labels carry fields, and every case with its prediction, scores, evidence and errors.
    ``detector`` defaults to extractors.detect.detect (imported here: the CLI starts without it)."""
    if detector is None:
        from extractors.detect import detect

        detector = detect
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    by_language: dict[str, dict[str, dict[str, int]]] = {}
    fields: dict[str, list[bool]] = {name: [] for name in FIELDS}
    entries: list[dict[str, Any]] = []
    for case in cases:
        det = detector(case.title, case.text, case.language, published=case.published)
        predicted = {"report": det.is_report, "rebuttal": det.is_rebuttal}
        expected = case.expected()
        lang = by_language.setdefault(case.language or _language(case),
                                      {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS})
        errors: list[str] = []
        for label in LABELS:
            outcome = ("tp" if expected[label] else "fp") if predicted[label] else ("fn" if expected[label] else None)
            if outcome is None:
                continue
            counts[label][outcome] += 1
            lang[label][outcome] += 1
            if outcome != "tp":
                errors.append(f"{label}:{outcome}")
        entry: dict[str, Any] = {
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
        if case.report:
            scored = _score_fields(case, det)
            for name, mark in scored.items():
                fields[name].append(mark["right"])
            if scored:
                entry["fields"] = scored
        entries.append(entry)
    result: dict[str, Any] = {label: _metrics(**counts[label]) for label in LABELS}
    result["by_language"] = {
        lang: {label: _metrics(**per[label]) for label in LABELS} for lang, per in sorted(by_language.items())
    }
    if any(fields.values()):
        result["fields"] = {
            name: {"accuracy": round(sum(marks) / len(marks), 4) if marks else None, "n": len(marks)}
            for name, marks in fields.items()
        }
    result["cases"] = entries
    return result


def _language(case: Case) -> str:
    """The language of an unlabelled case, identified for the per-language table only."""
    from extractors.language import identify_language

    return identify_language(f"{case.title or ''} {case.text}") or "?"


def _score_fields(case: Case, det: Detection) -> dict[str, dict[str, Any]]:
    """Each labelled field of a report item: expected, predicted and right (a missed item is wrong)."""
    out: dict[str, dict[str, Any]] = {}
    if case.jurisdictions:
        first = det.jurisdictions[0] if det.is_report and det.jurisdictions else None
        got = (first.code or first.name) if first else None
        right = got is not None and jurisdiction_key(got) == jurisdiction_key(case.jurisdictions[0])
        out["jurisdiction"] = {"expected": case.jurisdictions[0], "predicted": first.name if first else None,
                               "right": right}
    if case.report_year is not None:
        year = det.report.year if det.is_report and det.report else None
        out["report_year"] = {"expected": case.report_year, "predicted": year, "right": year == case.report_year}
    if case.tier:
        named = [t for rating in det.tiers for t in (rating.tier, rating.previous) if t] if det.is_report else []
        wanted = {tier_key(t) for t in case.tier}
        out["tier"] = {"expected": list(case.tier), "predicted": sorted(set(named)),
                       "right": any(tier_key(t) in wanted for t in named)}
    return out


def jurisdiction_key(name: str) -> str:
    """One key for every way of naming a jurisdiction: its ISO code where known ("Macau", "Macao", "MO")."""
    from extractors.places import lookup_place

    name = re.sub(r"\s+", " ", name).strip()
    for candidate in (name, name.title()):
        place = lookup_place(candidate)
        if place is not None and place.code:
            return place.code
    if re.fullmatch(r"[A-Za-z]{2}", name):
        return name.upper()
    return name.casefold()


def tier_key(name: str) -> str:
    """"Tier 2 Watch List", "tier 2 watchlist" and "Tier 2WL" alike: "2wl"; "Tier Three": "3"."""
    low = name.casefold()
    number = re.search(r"[123]|one|two|three", low)
    digit = {"one": "1", "two": "2", "three": "3"}.get(number.group(0), number.group(0)) if number else ""
    watch = re.search(r"watch\s*-?\s*list|\bwl\b|(?<=\d)wl\b", low) is not None
    if watch:
        return (digit or "2") + "wl"
    return digit or low.strip()


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
