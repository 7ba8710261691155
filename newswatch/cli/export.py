"""`records export`: stored records as JSON Lines, CSV or Parquet, streamed in constant memory.

The columns (`COLUMNS`, in this order) are stable; the README documents them. Nested fields
(`NESTED`) are JSON values in JSON Lines and JSON text in CSV and Parquet; times are ISO 8601
UTC strings in JSON Lines and CSV, UTC timestamps in Parquet. CSV and Parquet are written by
Arrow `ROW_GROUP` records at a time, so memory holds one group at a time.
"""

from __future__ import annotations

import io
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
# Positions in a database row: storage.reading.EXPORT_FIELDS, which is COLUMNS without "sources".
_ROW = tuple(c for c in COLUMNS if c != "sources")
_NESTED_AT = [_ROW.index(k) for k in NESTED if k != "sources"]
_CLAIMS_AT = _ROW.index("claims")
_BOOLS_AT = [_ROW.index("is_report"), _ROW.index("is_rebuttal")]
_SOURCES_AT = COLUMNS.index("sources")


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
    database (storage.reading.iter_rows): nested fields as JSON text, times as stored (naive ones
    are UTC). The writers below take them as they are."""
    from storage.reading import iter_rows

    for row, sources in iter_rows(store, flt):  # storage.reading.EXPORT_FIELDS: COLUMNS without "sources"
        values = list(row)
        for i in _BOOLS_AT:  # SQLite answers 0 and 1
            values[i] = bool(values[i])
        for i in _NESTED_AT:
            if values[i] is None:
                values[i] = "{}" if i == _CLAIMS_AT else "[]"
        values.insert(_SOURCES_AT, sources)
        yield tuple(values)


def export_rows(store: Any, flt: Any) -> Iterator[dict[str, Any]]:
    """`export_tuples` as dicts, as `export_row` makes them from a record: nested fields decoded,
    times as ISO 8601 UTC text."""
    from storage.serialize import iso

    for values in export_tuples(store, flt):
        row = dict(zip(COLUMNS, values, strict=True))
        for key in NESTED:
            if isinstance(row[key], str):
                row[key] = orjson.loads(row[key])
        for key in TIMES:
            row[key] = iso(row[key])
        yield row


def as_tuple(row: dict[str, Any]) -> tuple[Any, ...]:
    """An export row (a dict, `export_row`) as a tuple in COLUMNS order, as the writers take it."""
    return tuple(row[c] for c in COLUMNS)


def write_jsonl(rows: Iterable[tuple[Any, ...]], out: IO[str]) -> int:
    """One JSON object per export row (`export_tuples`, `as_tuple`); returns the number written.
    JSON text in a nested field is written as it is (orjson.Fragment), not parsed again."""
    from storage.serialize import iso

    raw = _utf8_buffer(out)
    n = 0
    for values in rows:
        row = dict(zip(COLUMNS, values, strict=True))
        for key in NESTED:
            if isinstance(row[key], str):
                row[key] = orjson.Fragment(row[key])
        for key in TIMES:
            if not isinstance(row[key], str):
                row[key] = iso(row[key])
        line = orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)
        if raw is not None:  # orjson's UTF-8 as it is
            raw.write(line)
        else:
            out.write(line.decode())
        n += 1
    return n


def write_csv(rows: Iterable[tuple[Any, ...]], out: IO[str]) -> int:
    """RFC 4180 CSV with a header row, written by Arrow ROW_GROUP rows at a time: nested fields as
    JSON text, times as ISO 8601 UTC text, booleans as true/false, empty cells for nulls."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    schema = pa.schema([(f.name, pa.string()) if f.name in TIMES else f for f in parquet_schema()])
    n = 0
    for chunk in _chunks(rows, ROW_GROUP):
        _write_csv_table(pcsv, _arrow_table(pa, chunk, schema), out, header=n == 0)
        n += len(chunk)
    if n == 0:
        _write_csv_table(pcsv, schema.empty_table(), out, header=True)
    return n


def _write_csv_table(pcsv: Any, table: Any, out: IO[str], *, header: bool) -> None:
    sink = io.BytesIO()
    pcsv.write_csv(table, sink, pcsv.WriteOptions(include_header=header, eol="\r\n"))
    raw = _utf8_buffer(out)
    if raw is not None:  # Arrow's bytes as they are: no decoding and encoding again
        raw.write(sink.getvalue())
    else:
        out.write(sink.getvalue().decode())


def _utf8_buffer(out: IO[str]) -> IO[bytes] | None:
    """The byte stream under a UTF-8 text file (flushed first), else None (a StringIO, another encoding)."""
    raw = getattr(out, "buffer", None)
    if raw is None or (getattr(out, "encoding", None) or "").lower().replace("-", "") != "utf8":
        return None
    out.flush()
    return raw


def write_parquet(rows: Iterable[tuple[Any, ...]], path: str) -> int:
    """A Parquet file at `path` from export rows (`export_tuples`, `as_tuple`), written ROW_GROUP
    rows at a time, column by column: nested fields as JSON text; times as UTC timestamps."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows, ROW_GROUP):
            writer.write_table(_arrow_table(pa, chunk, schema), row_group_size=ROW_GROUP)
            n += len(chunk)
    return n


def _arrow_table(pa: Any, chunk: list[tuple[Any, ...]], schema: Any) -> Any:
    """Export rows as an Arrow table of `schema`: a nested field's text is JSON already (else it is
    encoded here); a time is a datetime or ISO text, made what the schema says."""
    from storage.serialize import iso

    arrays = []
    for col, values in zip(COLUMNS, zip(*chunk, strict=True), strict=True):
        kind = schema.field(col).type
        if col in NESTED:
            arrays.append(pa.array([v if isinstance(v, str) else orjson.dumps(v).decode() for v in values], kind))
        elif col in TIMES and kind == pa.string():  # ISO 8601 text, as storage.serialize.iso writes it
            if any(isinstance(v, str) for v in values):
                arrays.append(pa.array([v if v is None or isinstance(v, str) else iso(v) for v in values], kind))
            else:
                arrays.append(_iso_text(pa.array(values, pa.timestamp("us", tz="UTC"))))
        elif col in TIMES and any(isinstance(v, str) for v in values):
            arrays.append(pa.array(values, pa.string()).cast(kind))
        else:
            arrays.append(pa.array(values, kind))
    return pa.Table.from_arrays(arrays, schema=schema)


def _iso_text(times: Any) -> Any:
    """UTC timestamps as `datetime.isoformat` writes them ("2025-07-01T00:00:00+00:00", microseconds
    only when there are some), formatted by Arrow: a cast to text, five times cheaper than strftime."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pc.cast(times.cast(pa.timestamp("us")), pa.string())  # "2025-07-01 03:04:05.000120"
    text = pc.replace_substring(text, " ", "T", max_replacements=1)
    text = pc.replace_substring_regex(text, pattern=r"\.0{6}$", replacement="")
    return pc.binary_join_element_wise(text, pa.scalar("+00:00"), pa.scalar(""))


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


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
