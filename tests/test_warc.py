"""iter_warc_pages on WARCs built here with warcio's writer (synthetic: example.org pages)."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractors.warc import iter_warc_pages
from newswatch.errors import ParseError

WARC_DATE = "2024-03-05T10:20:30Z"


def _html(n: int) -> bytes:
    return b"<html><head><title>Synthetic %d</title></head><body>" % n + b"<p>text</p>" * 50 + b"</body></html>"


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    date: str = WARC_DATE,
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(record)


def _build_warc(*, gzipped: bool) -> bytes:
    """A small crawl: warcinfo, a request, HTML and non-HTML responses, metadata."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("synthetic.warc", {"software": "newswatch tests"}))
    request_headers = StatusAndHeaders("GET /news/1 HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/news/1", "request", payload=io.BytesIO(b""), http_headers=request_headers
        )
    )
    _response(writer, "https://example.org/news/1", _html(1))
    _response(writer, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\nfake", content_type="image/png")
    _response(writer, "https://example.org/missing", _html(404), status="404 Not Found")
    _response(
        writer,
        "https://example.org/news/2",
        _html(2),
        content_type="application/xhtml+xml",
        date="2024-03-06T01:02:03.123456Z",
    )
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/news/2",
            "metadata",
            payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
            warc_content_type="application/warc-fields",
        )
    )
    return buffer.getvalue()


@pytest.fixture(params=[False, True], ids=["plain", "gzip"])
def warc_bytes(request: pytest.FixtureRequest) -> bytes:
    return _build_warc(gzipped=request.param)


def test_yields_only_html_200_responses_with_uri_and_date(warc_bytes: bytes) -> None:
    pages = list(iter_warc_pages(io.BytesIO(warc_bytes)))

    assert [page.url for page in pages] == ["https://example.org/news/1", "https://example.org/news/2"]
    assert pages[0].fetched_at == datetime(2024, 3, 5, 10, 20, 30, tzinfo=UTC)
    assert pages[1].fetched_at == datetime(2024, 3, 6, 1, 2, 3, 123456, tzinfo=UTC)
    assert pages[0].html == _html(1)
    assert pages[0].content_type == "text/html; charset=utf-8"
    assert pages[1].content_type == "application/xhtml+xml"
    assert all(page.status == 200 for page in pages)


def test_offsets_allow_resuming_at_a_record(warc_bytes: bytes) -> None:
    first, second = iter_warc_pages(io.BytesIO(warc_bytes))
    assert first.offset is not None and second.offset is not None
    assert 0 < first.offset < second.offset

    stream = io.BytesIO(warc_bytes)
    stream.seek(second.offset)
    resumed = list(iter_warc_pages(stream))
    assert [page.url for page in resumed] == ["https://example.org/news/2"]
    assert resumed[0].offset == second.offset


def test_reads_from_an_unseekable_stream(warc_bytes: bytes) -> None:
    class Pipe:
        def __init__(self, data: bytes) -> None:
            self._inner = io.BytesIO(data)

        def read(self, size: int = -1) -> bytes:
            return self._inner.read(size)

    pages = list(iter_warc_pages(Pipe(warc_bytes)))  # type: ignore[arg-type]
    assert len(pages) == 2


def test_truncated_inside_a_record_raises_with_offset(warc_bytes: bytes) -> None:
    with pytest.raises(ParseError, match=r"truncated WARC.*offset \d+"):
        list(iter_warc_pages(io.BytesIO(warc_bytes[:-150]), name="cut.warc"))


def test_truncation_is_caught_at_every_cut_point() -> None:
    """Every prefix either ends on a record boundary (complete records only) or raises."""
    for gzipped in (False, True):
        data = _build_warc(gzipped=gzipped)
        full = [page.html for page in iter_warc_pages(io.BytesIO(data))]
        cuts = range(1, len(data), 7)
        raised = 0
        for cut in cuts:
            try:
                pages = list(iter_warc_pages(io.BytesIO(data[:cut])))
            except ParseError:
                raised += 1
                continue
            # Not detected: the cut fell between records, so what was read is whole.
            assert [page.html for page in pages] == full[: len(pages)], (gzipped, cut)
        assert raised >= len(cuts) - 6, gzipped  # at most one boundary hit per record


def test_cut_gzip_trailer_is_detected() -> None:
    data = _build_warc(gzipped=True)
    with pytest.raises(ParseError, match="truncated WARC"):
        list(iter_warc_pages(io.BytesIO(data[:-3])))


def test_cut_header_with_empty_content_length_is_detected() -> None:
    data = _build_warc(gzipped=False)
    cut = data.index(b"Content-Length:", data.index(b"https://example.org/news/2")) + len(b"Content-Length:")
    with pytest.raises(ParseError, match="truncated"):
        list(iter_warc_pages(io.BytesIO(data[:cut])))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty input"),
        (b"<!doctype html><html><body>not a warc</body></html>", "not a readable WARC"),
        (gzip.compress(b"<html>not a warc</html>"), "not a readable WARC"),
        (b"\x1f\x8b\x08\x00garbage", "truncated WARC"),
        (b"WARC/1.0\r\n", "malformed or truncated WARC record header"),
    ],
    ids=["empty", "html", "gzipped-html", "cut-gzip-header", "header-only"],
)
def test_not_a_warc_raises_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as excinfo:
        list(iter_warc_pages(io.BytesIO(data), name="input.warc"))
    assert "input.warc" in str(excinfo.value)


def test_whole_file_gzip_is_refused() -> None:
    """One gzip stream around many records (``gzip file.warc``) cannot be streamed by record."""
    whole = gzip.compress(_build_warc(gzipped=False))
    with pytest.raises(ParseError, match=r"wraps the whole file.*warcio recompress"):
        list(iter_warc_pages(io.BytesIO(whole)))


def _cc_news_member(url: str, date: str, http: bytes) -> bytes:
    """One hand-written record laid out like Common Crawl's CC-NEWS files, as its own gzip member."""
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Date: {date}\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        f"Content-Length: {len(http)}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        "WARC-Warcinfo-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n"
        "WARC-Concurrent-To: <urn:uuid:00000000-0000-4000-8000-000000000002>\r\n"
        "WARC-IP-Address: 192.0.2.10\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "WARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n"
        "WARC-Identified-Payload-Type: text/html\r\n"
        "\r\n"
    ).encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def test_cc_news_style_records() -> None:
    body = "<html><body><p>Synthetic Example Courier story, 漁港.</p></body></html>".encode()
    http = (
        b"HTTP/1.1 200 OK\r\n"
        b"Content-Type: text/html;charset=UTF-8\r\n"
        b"X-Crawler-Content-Encoding: gzip\r\n"
        b"X-Crawler-Transfer-Encoding: chunked\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    redirect = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://news.example.org/b\r\n\r\n"
    data = _cc_news_member("https://news.example.org/a", "2024-06-25T08:15:00Z", http) + _cc_news_member(
        "https://news.example.org/old", "2024-06-25T08:15:01Z", redirect
    )

    (page,) = iter_warc_pages(io.BytesIO(data), name="CC-NEWS-20240625081500-00001.warc.gz")
    assert page.url == "https://news.example.org/a"
    assert page.fetched_at == datetime(2024, 6, 25, 8, 15, tzinfo=UTC)
    assert page.html == body
    assert page.content_type == "text/html;charset=UTF-8"
    assert page.offset == 0


def test_only_warcinfo_yields_nothing_without_error() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("empty-crawl.warc.gz", {"software": "tests"}))
    assert list(iter_warc_pages(io.BytesIO(buffer.getvalue()))) == []


_VALID = {gzipped: _build_warc(gzipped=gzipped) for gzipped in (False, True)}


@settings(max_examples=150, deadline=None)
@given(
    gzipped=st.booleans(),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), st.binary(max_size=20)), max_size=4),
)
def test_damaged_warc_gives_pages_or_parse_error(gzipped: bool, edits: list[tuple[float, int, bytes]]) -> None:
    """Splice random bytes into a valid WARC: the reader returns pages or raises ParseError, nothing else."""
    data = bytearray(_VALID[gzipped])
    for where, remove, insert in edits:
        at = int(where * len(data))
        data[at : at + remove] = insert
    try:
        pages = list(iter_warc_pages(io.BytesIO(bytes(data))))
    except ParseError as exc:
        assert str(exc).startswith("<warc>: ")
    else:
        assert all(page.status == 200 and page.url.startswith("https://") for page in pages)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_pages_or_parse_error(data: bytes) -> None:
    try:
        pages = list(iter_warc_pages(io.BytesIO(data), name="random.warc"))
    except ParseError as exc:
        assert str(exc).startswith("random.warc: ")
    else:
        assert all(page.status == 200 and page.html is not None for page in pages)
