"""Detection results to and from the JSON stored beside each article, and a stored row as the
record dict every door shows (CLI, API, alerts, export)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import datetime
from typing import Any

import orjson

from newswatch.models import Detection, PageRecord
from newswatch.timeutil import as_utc
from storage.compress import unpack


def json_text(value: Any) -> str:
    """A JSON column's stored text: compact UTF-8 (orjson), not json.dumps' escaped, spaced form."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


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


def detection_record(det: Detection) -> dict[str, Any]:
    """The detection's part of a record dict, in `record_from_row`'s order (is_report ... detector_version)."""
    evidence, record = detection_fields(det)
    return {
        "is_report": det.is_report, "is_rebuttal": det.is_rebuttal, "report_score": det.report_score,
        "rebuttal_score": det.rebuttal_score, "evidence": evidence, **record,
        "detector": det.detector, "detector_version": det.detector_version,
    }


def record_from_page(page: PageRecord) -> dict[str, Any]:
    """The record dict of a page extracted and detected but not stored: the article's fields, then the
    detection's (no id, sources or story)."""
    article = asdict(page.article)
    article["authors"] = list(page.article.authors)
    article["published_at"] = page.article.published_at.isoformat() if page.article.published_at else None
    return {**article, **detection_record(page.detection)}


def _plain(value: Any) -> Any:
    """`value` with every tuple turned into a list, so a stored copy compares equal to a fresh one."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def record_from_row(row: Any, seen_in: list[str] | None = None) -> dict[str, Any]:
    """The record dict of a row of articles: `text` when the row has it, `raw_sha256` when it has
    `raw_html` (`Store.get_article`'s shape has both). JSON columns may come back decoded or as text."""
    keys = set(row.keys())
    record = decode_json(row["record"]) or {} if "record" in keys else {}
    out: dict[str, Any] = {
        "id": row["id"], "url": row["url"], "title": row["title"], "source": row["source"],
        "sources": seen_in or [row["source"]],
        "published_at": iso(row["published_at"]), "published_from": row["published_from"],
        "fetched_at": iso(row["fetched_at"]), "language": row["language"],
        "authors": list(decode_json(row["authors"]) or []), "site_name": row["site_name"],
    }
    if "text" in keys:
        out["text"] = row["text"]
    out.update({
        "is_report": bool(row["is_report"]), "is_rebuttal": bool(row["is_rebuttal"]),
        "report_score": row["report_score"], "rebuttal_score": row["rebuttal_score"],
        "evidence": decode_json(row["evidence"]), **record,
        "detector": row["detector"], "detector_version": row["detector_version"],
        "story_id": row["story_id"],
    })
    if "raw_html" in keys:
        out["raw_sha256"] = hashlib.sha256(unpack(row["raw_html"])).hexdigest()
    out["updated_at"] = iso(row["updated_at"])
    return out


def iso(value: Any) -> str | None:
    """A stored time as ISO 8601 UTC text (SQLite hands times back naive; everything stored is UTC)."""
    return as_utc(value).isoformat() if isinstance(value, datetime) else None


def decode_json(value: Any) -> Any:
    """A JSON column, decoded when it was read as text."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value
