"""Comparing stored records: what two accounts share and where they differ, how close they are,
and a jurisdiction's answers edition by edition. Pure functions over record dicts (the shape
`Store.get_article` returns); no database, no network.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from extractors.facets import primary_jurisdiction, report_family
from extractors.places import lookup_place, place_name
from extractors.similarity import COPY_THRESHOLD

Record = dict[str, Any]

# Tiers from best to worst (the TIP report's order), for an upgrade or downgrade the record omits.
TIER_ORDER = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3")

# Score weights: each rank of the ordering dominates the ones after it (see `match_score`).
W_COPY = 4.0
W_EDITION_AND_PLACE = 2.0
W_PLACE_SAME_REPORT = 1.2
W_EDITION = 1.0
W_PLACE = 0.5
W_REPORT = 0.2
W_RESPONDERS = 0.3
W_STANCE = 0.2
W_TEXT = 0.1


def resolve_jurisdiction(name: str) -> tuple[str, str] | None:
    """(code, name) for a jurisdiction given by ISO code ("HK") or name ("Hong Kong", "香港"); None if unknown."""
    value = name.strip()
    if len(value) == 2 and value.isalpha() and place_name(value.upper()) != value.upper():
        return value.upper(), place_name(value.upper())
    for guess in (value, value.title(), value.upper()):
        place = lookup_place(guess)
        if place is not None:
            return (place.code or place.name), place.name
    return None


def outlet(record: Record) -> str | None:
    """Who published it: the site name, else the URL's host."""
    return record.get("site_name") or (urlsplit(record.get("url") or "").hostname or None)


def tier_of(record: Record, jurisdiction: str | None = None) -> dict[str, Any] | None:
    """The record's tier rating for `jurisdiction` (a name; default: its main jurisdiction)."""
    tiers = record.get("tiers") or []
    if jurisdiction is None:
        places = record.get("jurisdictions") or []
        jurisdiction = places[0]["name"] if places else None
    for tier in tiers:
        if tier.get("jurisdiction") in (jurisdiction, None):
            return dict(tier)
    return None


def facets(record: Record) -> dict[str, Any]:
    """The fields two records are compared on: scalars, or sets (as sorted lists)."""
    report = record.get("report") or {}
    tier = tier_of(record) or {}
    responses = record.get("responses") or []
    claims = record.get("claims") or {}
    change = None
    if tier.get("tier"):
        change = f"{tier.get('previous') or '?'} -> {tier['tier']}" + (f" ({tier['change']})" if tier.get("change")
                                                                       else "")
    return {
        "outlet": outlet(record),
        "date": (record.get("published_at") or "")[:10] or None,
        "language": record.get("language"),
        "report": " ".join(str(v) for v in (report.get("name"), report.get("year")) if v) or None,
        "jurisdiction": primary_jurisdiction(record),
        "tier": tier.get("tier"),
        "tier_change": change,
        "rebuttal": bool(record.get("is_rebuttal")),
        "responders": sorted({r["actor"] for r in responses if r.get("actor")}),
        "stance": sorted({f"{r['actor']}: {r['stance']}" for r in responses if r.get("actor") and r.get("stance")}),
        "quotes": sorted({_norm(q["text"]) for r in responses for q in r.get("quotes") or [] if q.get("text")}),
        "claims": sorted({_norm(c) for c in [*(claims.get("criticisms") or []), *(claims.get("improvements") or [])]}),
    }


def compare_records(reference: Record, other: Record) -> dict[str, dict[str, Any]]:
    """{"same": {field: value}, "different": {field: ...}} for two records.

    A scalar that differs is `{"reference": a, "match": b}`; a set that differs is
    `{"reference_only": [...], "match_only": [...]}` (what both have is under "same").
    """
    a, b = facets(reference), facets(other)
    same: dict[str, Any] = {}
    different: dict[str, Any] = {}
    for key, left in a.items():
        right = b[key]
        if isinstance(left, list):
            both = [v for v in left if v in right]
            if both:
                same[key] = both
            only_a, only_b = [v for v in left if v not in right], [v for v in right if v not in left]
            if only_a or only_b:
                different[key] = {"reference_only": only_a, "match_only": only_b}
        elif left == right:
            if left is not None:
                same[key] = left
        else:
            different[key] = {"reference": left, "match": right}
    return {"same": same, "different": different}


def match_score(reference: Record, other: Record, text_similarity: float) -> float:
    """How close `other` is to `reference`: copies and near-copies of the text first (>= 4), then
    the same report edition and jurisdiction (2), the same jurisdiction and report (1.2), the
    same edition (1.0); then shared responders and stance, then other text similarity."""
    score = W_COPY + text_similarity if text_similarity >= COPY_THRESHOLD else W_TEXT * text_similarity
    fam_a, fam_b = report_family(reference.get("report")), report_family(other.get("report"))
    same_report = fam_a is not None and fam_a == fam_b
    same_edition = same_report and _year(reference) is not None and _year(reference) == _year(other)
    place_a = primary_jurisdiction(reference)
    same_place = place_a is not None and place_a == primary_jurisdiction(other)
    if same_edition and same_place:
        score += W_EDITION_AND_PLACE
    elif same_place and same_report:
        score += W_PLACE_SAME_REPORT
    elif same_edition:
        score += W_EDITION
    elif same_place:
        score += W_PLACE
    elif same_report:
        score += W_REPORT
    fa, fb = facets(reference), facets(other)
    score += W_RESPONDERS * _jaccard(fa["responders"], fb["responders"])
    if fa["rebuttal"] and fb["rebuttal"]:
        score += W_STANCE
    return round(score, 4)


def timeline_rows(records: list[Record], jurisdiction: str) -> list[dict[str, Any]]:
    """One row per report edition (oldest first) from records about `jurisdiction` (a name):
    tier, previous tier and change, responders with their stance, a key quote, the record ids."""
    by_edition: dict[tuple[str, int | None], list[Record]] = {}
    for rec in records:
        report = rec.get("report") or {}
        by_edition.setdefault((report.get("name") or "", report.get("year")), []).append(rec)
    rows: list[dict[str, Any]] = []
    for (name, year), group in sorted(by_edition.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        tiers = [t for t in (tier_of(r, jurisdiction) for r in group) if t and t.get("tier")]
        tier = _most_common(t["tier"] for t in tiers)
        previous = _most_common(t.get("previous") for t in tiers if t.get("tier") == tier)
        change = _most_common(t.get("change") for t in tiers if t.get("tier") == tier)
        if previous is None and rows and rows[-1]["report"] == name:
            previous = rows[-1]["tier"]
        if change is None and tier and previous:
            change = _change(previous, tier)
        stances: dict[str, Counter[str]] = {}
        for rec in group:
            for resp in rec.get("responses") or []:
                if resp.get("actor"):
                    stances.setdefault(resp["actor"], Counter())[resp.get("stance") or "neutral"] += 1
        counted = sorted(((-sum(c.values()), actor, c.most_common(1)[0][0]) for actor, c in stances.items()))
        responders = [{"actor": actor, "stance": stance, "records": -n} for n, actor, stance in counted]
        rows.append({
            "report": name or None, "year": year, "tier": tier, "previous": previous, "change": change,
            "rebuttals": sum(1 for r in group if r.get("is_rebuttal")),
            "stance": _overall_stance(responders),
            "responders": responders, "quote": _key_quote(group),
            "records": sorted(r["id"] for r in group),
        })
    return rows


def _key_quote(group: list[Record]) -> dict[str, Any] | None:
    """The first quote of a rebutting response in the strongest rebuttal (else any quote)."""
    ordered = sorted(group, key=lambda r: (not r.get("is_rebuttal"), -(r.get("rebuttal_score") or 0), r["id"]))
    for want_rebuttal in (True, False):
        for rec in ordered:
            for resp in rec.get("responses") or []:
                if want_rebuttal and resp.get("stance") != "rebuts":
                    continue
                for quote in resp.get("quotes") or []:
                    if quote.get("text"):
                        return {"text": quote["text"], "speaker": quote.get("speaker") or resp.get("actor"),
                                "record_id": rec["id"]}
    return None


def _overall_stance(responders: list[dict[str, Any]]) -> str | None:
    kinds = {r["stance"] for r in responders}
    if not kinds:
        return None
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _change(previous: str, tier: str) -> str | None:
    if previous not in TIER_ORDER or tier not in TIER_ORDER:
        return None
    a, b = TIER_ORDER.index(previous), TIER_ORDER.index(tier)
    return "unchanged" if a == b else "upgrade" if b < a else "downgrade"


def _most_common(values: Any) -> Any:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _year(record: Record) -> int | None:
    return (record.get("report") or {}).get("year")


def _jaccard(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def _norm(text: str) -> str:
    return " ".join(str(text).split())
