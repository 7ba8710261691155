"""Stream the HTML pages out of a WARC file (plain or per-record gzip, CC-NEWS included).

Pure apart from reading the stream it is given: one record in memory at a time.
warcio reads a truncated file silently (a short last record, or a missing one
when gzipped), so this module checks each record against its Content-Length,
that every byte read belongs to a record, and that the last gzip member ends;
any failure becomes ``ParseError``. A file cut exactly between two records is
indistinguishable from a shorter file and reads as one.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from extractors.sitemaps import parse_w3c_datetime
from extractors.urllist import is_http_url
from newswatch.errors import ParseError, excerpt
from newswatch.models import WarcPage

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# What warcio and zlib raise on a damaged or foreign file; converted at this boundary.
_READ_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ChunkedDataException,
    zlib.error,
    EOFError,
    ValueError,
)
# warcio's record loader also trips over half a header (a missing WARC-Target-URI
# gives AttributeError on None); only caught around the call that loads a record.
_LOAD_ERRORS = (*_READ_ERRORS, AttributeError, TypeError, IndexError)
_DRAIN_SIZE = 64 * 1024


class _CountingReader:
    """Pass-through reader that knows how many bytes it has handed out (warcio reads ahead)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        try:
            self.position = raw.tell()  # a caller resuming at a record offset has seeked
        except (AttributeError, OSError, ValueError):
            self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.position += len(data)
        return data

    def tell(self) -> int:
        return self.position


class _CheckedArchiveIterator(ArchiveIterator):
    """An ``ArchiveIterator`` that remembers whether the last gzip member was complete."""

    incomplete_gzip = False

    def close(self) -> None:
        # A cut gzip trailer leaves every record readable; only the decompressor notices.
        decompressor = self.reader.decompressor if self.reader is not None else None
        if decompressor is not None and not decompressor.eof:
            self.incomplete_gzip = True
        super().close()


def iter_warc_pages(stream: BinaryIO, *, name: str = "<warc>") -> Iterator[WarcPage]:
    """Yield every HTML ``response`` record with HTTP status 200, in file order.

    Request, metadata, warcinfo, revisit and non-HTML records are skipped. Raises
    ``ParseError`` naming ``name`` and the record's byte offset when the input is
    not a WARC or is truncated; pages already yielded are then incomplete, so a
    caller that must store nothing partial collects them before storing.
    """
    reader = _CountingReader(stream)
    start = reader.position
    archive = _CheckedArchiveIterator(reader)
    records = 0
    while True:
        try:
            record = next(archive)
        except StopIteration:
            break
        except _LOAD_ERRORS as exc:
            if "non-chunked gzip" in str(exc):  # warcio has no distinct exception for this
                raise ParseError(
                    f"{name}: not a readable WARC: one gzip stream wraps the whole file instead of"
                    " each record; convert it with `warcio recompress`"
                ) from exc
            raise ParseError(f"{name}: not a readable WARC record at offset {archive.offset}: "
                             f"{excerpt(exc, quoted=False)}") from exc
        offset: int = archive.offset
        records += 1
        try:
            page = _read_page(record, offset, name)
            _check_complete(record, offset, name)
        except _READ_ERRORS as exc:
            raise ParseError(f"{name}: not a readable WARC record at offset {offset}: "
                             f"{excerpt(exc, quoted=False)}") from exc
        if page is not None:
            yield page
    if reader.position == start:
        raise ParseError(f"{name}: not a WARC: empty input")
    # warcio ends quietly at half a record: every byte read must belong to a record seen.
    if archive.incomplete_gzip or archive.offset < reader.position:
        raise ParseError(f"{name}: truncated WARC: incomplete record at offset {archive.offset}")
    if records == 0:
        raise ParseError(f"{name}: not a WARC: no records")


def _read_page(record: Any, offset: int, name: str) -> WarcPage | None:
    if record.format != "warc":
        raise ParseError(f"{name}: not a WARC at offset {offset}: {record.format} record")
    # warcio reads a missing or garbled Content-Length as 0, hiding a header cut short.
    length = record.rec_headers.get_header("Content-Length") or ""
    if record.rec_type is None or not length.strip().isdigit():
        raise ParseError(f"{name}: malformed or truncated WARC record header at offset {offset}")
    if record.rec_type != "response" or record.http_headers is None:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    status = _status_code(record.http_headers.get_statuscode())
    content_type = record.http_headers.get_header("Content-Type")
    if status != 200 or not is_http_url(url) or not _is_html(content_type):
        return None
    warc_date = record.rec_headers.get_header("WARC-Date")
    return WarcPage(
        url=url,
        fetched_at=parse_w3c_datetime(warc_date) if warc_date else None,
        html=record.content_stream().read(),
        content_type=content_type,
        status=status,
        offset=offset,
    )


def _check_complete(record: Any, offset: int, name: str) -> None:
    """Read the rest of the record and fail if the file ended before its Content-Length."""
    raw = record.raw_stream
    while raw.read(_DRAIN_SIZE):
        pass
    missing = getattr(raw, "limit", 0)
    if missing:
        raise ParseError(f"{name}: truncated WARC: record at offset {offset} lacks {missing} bytes")


def _status_code(text: str | None) -> int | None:
    try:
        return int(text or "")
    except ValueError:
        return None


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES
