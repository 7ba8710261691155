"""Detection results to and from the JSON stored beside each article."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from newswatch.models import Detection


def detection_fields(det: Detection) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(evidence, record): the JSON columns of an article row, as JSON reads them back (lists, not tuples)."""
    evidence = [_plain(asdict(e)) for e in det.evidence]
    record = {
        "report": _plain(asdict(det.report)) if det.report else None,
        "jurisdictions": [_plain(asdict(j)) for j in det.jurisdictions],
        "tiers": [_plain(asdict(t)) for t in det.tiers],
        "responses": [_plain(asdict(r)) for r in det.responses],
        "claims": _plain(asdict(det.claims)),
    }
    return evidence, record


def _plain(value: Any) -> Any:
    """`value` with every tuple turned into a list, so a stored copy compares equal to a fresh one."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
