"""The indexed fields of a stored record, read off its structured `record` JSON.

Light on purpose (no place tables, no regexes): storage calls it on every write. Migration
0004 keeps a copy of these rules for backfilling rows stored before it.
"""

from __future__ import annotations

from typing import Any

# Words of each report family's name (extractors/structure.py FAMILIES), most specific first.
_FAMILY_WORDS = (("unodc", "global report"), ("greta", "greta"), ("gsi", "slavery index"),
                 ("tip", "trafficking in persons"))


def report_family(report: dict[str, Any] | None) -> str | None:
    """A short key for the report a record is about ("tip", "unodc", "greta", "gsi"), or None."""
    if not report or not report.get("name"):
        return None
    name = str(report["name"]).lower()
    for key, words in _FAMILY_WORDS:
        if words in name:
            return key
    return name[:16]


def jurisdiction_keys(record: dict[str, Any]) -> list[str]:
    """The record's jurisdictions, main one first, each as its ISO code (its name where it has none)."""
    keys: list[str] = []
    for place in record.get("jurisdictions") or []:
        key = place.get("code") or place.get("name")
        if key and key not in keys:
            keys.append(str(key)[:64])
    return keys


def primary_jurisdiction(record: dict[str, Any]) -> str | None:
    """The record's main jurisdiction as an ISO code (its name where it has none)."""
    keys = jurisdiction_keys(record)
    return keys[0] if keys else None


def index_columns(record: dict[str, Any]) -> dict[str, Any]:
    """report_family, report_year and jurisdiction for an articles row."""
    report = record.get("report") or {}
    year = report.get("year")
    return {"report_family": report_family(report), "report_year": year if isinstance(year, int) else None,
            "jurisdiction": primary_jurisdiction(record)}
