"""`records export`: stored records as JSON Lines, CSV or Parquet, streamed in constant memory.

The columns (`COLUMNS`, in this order) are stable; the README documents them. Nested fields
(`NESTED`) are JSON values in JSON Lines and JSON text in CSV and Parquet; times are ISO 8601
UTC strings in JSON Lines and CSV, UTC timestamps in Parquet. Parquet is written in row groups
of `ROW_GROUP` records, so memory holds one group at a time.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any, TypeVar

import orjson

COLUMNS = (
    "id", "url", "title", "site_name", "source", "sources", "language", "authors",
    "published_at", "published_from", "fetched_at", "updated_at",
    "is_report", "is_rebuttal", "report_score", "rebuttal_score",
    "report_name", "report_issuer", "report_year", "jurisdiction", "jurisdictions", "tiers", "responses",
    "claims", "evidence", "story_id", "detector", "detector_version", "text",
)
NESTED = ("sources", "authors", "jurisdictions", "tiers", "responses", "claims", "evidence")
TIMES = ("published_at", "fetched_at", "updated_at")
FORMATS = ("jsonl", "csv", "parquet")
ROW_GROUP = 5000
T = TypeVar("T")


def export_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record dict (storage/reading.py's shape) as one export row with exactly COLUMNS."""
    report = record.get("report") or {}
    places = record.get("jurisdictions") or []
    row = {k: record.get(k) for k in COLUMNS}
    row.update(report_name=report.get("name"), report_issuer=report.get("issuer"), report_year=report.get("year"),
               jurisdiction=(places[0].get("code") or places[0].get("name")) if places else None)
    for key in NESTED:
        if row[key] is None:
            row[key] = {} if key == "claims" else []
    return row


def export_tuples(store: Any, flt: Any) -> Iterator[tuple[Any, ...]]:
    """Export rows of every record matching `flt` as tuples in COLUMNS order, straight from the
    database rows (no intermediate record dict): times as stored (naive ones are UTC), `authors`
    and `evidence` as their stored JSON text."""
    from storage.reading import iter_rows
    from storage.serialize import decode_json

    for (id_, url, title, site_name, source, language, authors, published_at, published_from, fetched_at,
         updated_at, is_report, is_rebuttal, report_score, rebuttal_score, record_json, evidence, story_id,
         detector, detector_version, text), sources in iter_rows(store, flt):  # storage.reading.EXPORT_FIELDS
        record = decode_json(record_json) or {}
        report = record.get("report") or {}
        places = record.get("jurisdictions") or []
        yield (
            id_, url, title, site_name, source, sources, language, authors,
            published_at, published_from, fetched_at, updated_at,
            bool(is_report), bool(is_rebuttal), report_score, rebuttal_score,
            report.get("name"), report.get("issuer"), report.get("year"),
            (places[0].get("code") or places[0].get("name")) if places else None,
            places, record.get("tiers") or [], record.get("responses") or [],
            record.get("claims") or {}, evidence,
            story_id, detector, detector_version, text,
        )


def export_rows(store: Any, flt: Any) -> Iterator[dict[str, Any]]:
    """`export_tuples` as dicts, times as ISO 8601 UTC text and every nested field decoded: the
    rows JSON Lines and CSV write."""
    from storage.serialize import decode_json, iso

    for values in export_tuples(store, flt):
        row = dict(zip(COLUMNS, values, strict=True))
        for key in TIMES:
            row[key] = iso(row[key])
        row["authors"] = decode_json(row["authors"]) or []
        row["evidence"] = decode_json(row["evidence"]) or []
        yield row


def as_tuple(row: dict[str, Any]) -> tuple[Any, ...]:
    """An export row (a dict) as a tuple in COLUMNS order, as `write_parquet` takes it."""
    return tuple(row[c] for c in COLUMNS)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str], *, rows: bool = False) -> int:
    """One JSON object per line; returns the number written. `rows`: the items are export rows already."""
    n = 0
    for rec in records:
        out.write(orjson.dumps(rec if rows else export_row(rec)).decode() + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: IO[str], *, rows: bool = False) -> int:
    """RFC 4180 CSV with a header row; nested fields as JSON text, booleans as true/false."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(_flat(rec if rows else export_row(rec)))
        n += 1
    return n


def write_parquet(rows: Iterable[tuple[Any, ...]], path: str) -> int:
    """A Parquet file at `path` from export rows as tuples (`export_tuples`, `as_tuple`), written
    ROW_GROUP rows at a time, column by column: nested fields as JSON text (a text value is taken
    as JSON already); times as datetimes or as ISO text, which Arrow casts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows, ROW_GROUP):
            arrays = []
            for col, values in zip(COLUMNS, zip(*chunk, strict=True), strict=True):
                kind = schema.field(col).type
                if col in NESTED:  # JSON text as stored, or encoded here
                    texts = [v if isinstance(v, str) else orjson.dumps(v).decode() for v in values]
                    arrays.append(pa.array(texts, pa.string()))
                elif col in TIMES and any(isinstance(v, str) for v in values):
                    arrays.append(pa.array(values, pa.string()).cast(kind))
                else:
                    arrays.append(pa.array(values, kind))
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema), row_group_size=ROW_GROUP)
            n += len(chunk)
    return n


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet export."""
    import pyarrow as pa

    types: dict[str, Any] = {
        "id": pa.int64(), "report_year": pa.int64(), "story_id": pa.int64(),
        "is_report": pa.bool_(), "is_rebuttal": pa.bool_(),
        "report_score": pa.float64(), "rebuttal_score": pa.float64(),
        **{t: pa.timestamp("us", tz="UTC") for t in TIMES},
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in NESTED:
            out[key] = orjson.dumps(value).decode()
        elif isinstance(value, bool):
            out[key] = "true" if value else "false"
        else:
            out[key] = "" if value is None else value
    return out


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
