"""Reading the store: what the CLI (`compare`, `timeline`, `records search/list --stories/export`)
and the read API both call. Pure logic lives in extractors/compare.py, SQL in storage/reading.py;
this module puts them together.

Public functions:
- `reference_from_text(title, text, ...)`, `reference_from_page(body, url, ...)`,
  `reference_from_record(store, id)`: a reference record to compare (nothing stored);
- `compare(store, reference, limit=10, exclude_id=None)`: ranked matches with what is the same and what differs;
- `timeline(store, jurisdiction, report="tip")`: one row per report edition;
- `search_records(store, query, flt, limit)`: ranked full-text search with snippets;
- `list_stories(store, flt, limit)`: records grouped into stories (copies across outlets);
- `iter_records(store, flt)`: every matching record, streamed (export).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from extractors.compare import compare_records, match_score, resolve_jurisdiction, timeline_rows
from extractors.snippets import make_snippet
from newswatch.errors import NewswatchError
from newswatch.facets import primary_jurisdiction, report_family
from newswatch.similarity import COPY_THRESHOLD, signature, similarity, tokens
from storage import fts
from storage import reading as q
from storage.reading import RecordFilter
from storage.store import Store
from storage.stories import candidate_ids

__all__ = [
    "RecordFilter", "UnknownJurisdiction", "compare", "iter_records", "list_stories", "reference_from_page",
    "reference_from_record", "reference_from_text", "search_records", "timeline",
]

REPORT_FAMILIES = ("tip", "unodc", "greta", "gsi")
_STOPWORDS = frozenset((
    "about", "after", "again", "against", "also", "among", "and", "annual", "been", "before", "being", "between",
    "both", "from", "have", "into", "more", "most", "other", "over", "report", "said", "says", "such",
    "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through", "under",
    "very", "were", "what", "when", "where", "which", "while", "will", "with", "would", "year", "years",
))


class UnknownJurisdiction(NewswatchError):
    """A jurisdiction name or code newswatch does not know."""


# --- references ------------------------------------------------------------------------------


def reference_from_text(title: str | None, text: str, *, url: str | None = None, published: date | None = None,
                        language: str | None = None) -> dict[str, Any]:
    """A reference record from plain text: language identified, report and rebuttal detected."""
    from extractors.detect import detect
    from extractors.language import identify_language
    from storage.serialize import detection_record

    language = language or identify_language(text)
    det = detect(title, text, language, published=published)
    return {
        "id": None, "url": url, "title": title, "site_name": None, "language": language,
        "published_at": published.isoformat() if published else None, "authors": [], "text": text,
        **detection_record(det),
    }


def reference_from_page(body: bytes, url: str, *, content_type: str | None = None) -> dict[str, Any]:
    """A reference record from a page's bytes: extracted and detected as ingest would (nothing stored)."""
    from extractors.page import extract_and_detect
    from newswatch.models import PageJob
    from storage.serialize import record_from_page

    rec = extract_and_detect(PageJob(source="compare", url=url, body=body, fetched_at=datetime.now(UTC),
                               content_type=content_type, every_byline=True))
    return {"id": None, **record_from_page(rec)}


def reference_from_record(store: Store, record_id: int) -> dict[str, Any] | None:
    """A stored record (with its text) as the reference; None when there is no such id."""
    return q.fetch_records(store, [record_id], with_text=True).get(record_id)


# --- compare ---------------------------------------------------------------------------------


def compare(store: Store, reference: dict[str, Any], *, limit: int = 10,
            exclude_id: int | None = None) -> dict[str, Any]:
    """Stored records ranked against `reference`, best first: copies and near-copies of its text,
    then the same report edition and jurisdiction, then the same responders and stance, then
    other text similarity. Returns {"reference", "matches": [{"id", "url", "title", "score",
    "text_similarity", "story_id", "same", "different"}], "story"}; candidates come from the
    LSH buckets, the indexed edition/jurisdiction columns and full-text search only."""
    exclude_id = exclude_id if exclude_id is not None else reference.get("id")
    sig = signature(reference.get("text") or "")
    ids: list[int] = []
    if sig:
        with store.engine.connect() as conn:
            ids += candidate_ids(conn, sig, limit=100)
    report = reference.get("report") or {}
    ids += q.edition_ids(store, family=report_family(report), year=report.get("year"),
                         jurisdiction=primary_jurisdiction(reference))
    topical = q.similar_text_ids(store, topic_terms(reference.get("title") or ""), limit=50)
    ids += topical
    wanted = [i for i in dict.fromkeys(ids) if i != exclude_id]
    records = q.fetch_records(store, wanted)
    sigs = q.minhashes(store, wanted)
    topic_rank = {i: 1.0 - n / max(len(topical), 1) for n, i in enumerate(topical)}
    scored = []
    for rid, rec in records.items():
        sim = similarity(sig, sigs.get(rid))
        score = match_score(reference, rec, max(sim, topic_rank.get(rid, 0.0) * COPY_THRESHOLD * 0.99)
                            if sim < COPY_THRESHOLD else sim)
        scored.append((score, sim, rec))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2]["id"]))
    matches = []
    for score, sim, rec in scored[:limit]:
        diff = compare_records(reference, rec)
        matches.append({
            "id": rec["id"], "url": rec["url"], "title": rec["title"], "score": score,
            "text_similarity": round(sim, 3), "copy": sim >= COPY_THRESHOLD, "story_id": rec.get("story_id"),
            "published_at": rec.get("published_at"), "site_name": rec.get("site_name"),
            "same": diff["same"], "different": diff["different"],
        })
    story = None
    copies = [m for m in matches if m["copy"] and m["story_id"] is not None]
    if copies:
        sid = copies[0]["story_id"]
        members = q.story_members(store, [sid]).get(sid, [])
        story = {"story_id": sid, "size": q.story_sizes(store, [sid]).get(sid, len(members)),
                 "records": [{"id": m["id"], "url": m["url"], "title": m["title"], "site_name": m["site_name"],
                              "published_at": m["published_at"]} for m in members]}
    public_ref = {k: v for k, v in reference.items() if k != "text"}
    return {"reference": public_ref, "matches": matches, "story": story}


def topic_terms(title: str, most: int = 8) -> list[str]:
    """Distinctive words of a title for a full-text "any of these" query (CJK: character pairs)."""
    words = tokens(title)
    out: list[str] = []
    for i, w in enumerate(words):
        if len(w) == 1 and not w.isascii():  # a CJK character: pair it with the next one
            if i + 1 < len(words) and len(words[i + 1]) == 1 and not words[i + 1].isascii():
                out.append(f"{w} {words[i + 1]}")
        elif len(w) >= 4 and w not in _STOPWORDS and not w.isdigit():
            out.append(w)
    return list(dict.fromkeys(out))[:most]


# --- timeline --------------------------------------------------------------------------------


def timeline(store: Store, jurisdiction: str, report: str | None = "tip") -> dict[str, Any]:
    """One row per report edition for a jurisdiction (ISO code or name), oldest first: tier,
    previous tier and change, responders and stance, a key quote, and the records behind it
    ("records": up to 100 ids, rebuttals first; "record_count": all of them)."""
    resolved = resolve_jurisdiction(jurisdiction)
    if resolved is None:
        raise UnknownJurisdiction(f"unknown jurisdiction {jurisdiction!r}: give an ISO code (HK) or a name (Hong Kong)")
    code, name = resolved
    family = None if report in (None, "", "all") else str(report).lower()
    if family is not None and family not in REPORT_FAMILIES:
        raise NewswatchError(f"unknown report {report!r}: one of {', '.join(REPORT_FAMILIES)} or all")
    records, counts = q.timeline_records(store, code, family)
    rows = timeline_rows(records, name)
    for row in rows:
        row["record_count"] = counts.get((report_family({"name": row["report"]}), row["year"]), len(row["records"]))
    return {"jurisdiction": {"code": code, "name": name}, "report": family or "all", "rows": rows}


# --- search, stories, export -----------------------------------------------------------------


def search_records(store: Store, query: str, flt: RecordFilter | None = None,
                   limit: int | None = 50) -> list[dict[str, Any]]:
    """Records containing every term of `query`, best first (title hits weigh more), each with
    "rank", "snippet" and "highlights" ((start, end) of each hit in the snippet) and
    "title_highlights". Raises storage.fts.SearchQueryError for a query with no words."""
    terms = fts.query_terms(query)
    rows = q.search(store, terms, flt or RecordFilter(), limit)
    for row in rows:
        snippet, hits = make_snippet(row.pop("text", "") or "", terms)
        _title, title_hits = make_snippet(row.get("title") or "", terms, width=10_000)
        row.update(snippet=snippet, highlights=[list(h) for h in hits], title_highlights=[list(h) for h in title_hits])
    return rows


def list_stories(store: Store, flt: RecordFilter | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    """Stories among the records matching `flt`, newest first: {"story_id", "size", "records"}
    where records (oldest first, at most 50) are the copies across outlets."""
    rows = q.list_records(store, flt or RecordFilter(), limit=None if not limit else limit * 10)
    order: list[int] = []
    single: dict[int, dict[str, Any]] = {}
    for row in rows:
        sid = row.get("story_id") or row["id"]
        if sid not in order:
            order.append(sid)
            single[sid] = row
        if limit and len(order) >= limit:
            break
    members = q.story_members(store, order)
    sizes = q.story_sizes(store, order)
    return [{"story_id": sid, "size": sizes.get(sid, 1), "records": members.get(sid) or [single[sid]]}
            for sid in order]


def iter_records(store: Store, flt: RecordFilter | None = None) -> Iterator[dict[str, Any]]:
    """Every record matching `flt`, with its text, in id order; memory stays flat."""
    return q.iter_records(store, flt or RecordFilter())
