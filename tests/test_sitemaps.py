"""Sitemap and robots.txt parsing. Fixtures are synthetic (example.org, invented outlets)."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import sitemaps
from extractors.sitemaps import (
    is_site_root,
    parse_sitemap,
    parse_w3c_datetime,
    robots_txt_url,
    sitemaps_from_robots,
)
from newswatch.errors import ParseError
from newswatch.models import Sitemap, SitemapEntry

URL = "https://example.org/sitemap.xml"

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>https://example.org/2024/05/01/harbour-opens</loc><lastmod>2024-05-01</lastmod></url>
  <url>
    <loc>
      https://example.org/2024/05/02/ferry-timetable
    </loc>
    <lastmod>2024-05-02T09:30:00+08:00</lastmod>
    <image:image><image:loc>https://cdn.example.org/ferry.jpg</image:loc></image:image>
  </url>
  <url><loc>https://example.org/undated</loc></url>
  <url><loc>/relative/path</loc><lastmod>2024-05-03</lastmod></url>
  <url><loc>javascript:alert(1)</loc></url>
  <url><loc>not a url at all</loc></url>
  <url><lastmod>2024-05-04</lastmod></url>
  <url><loc>https://example.org/2024/05/01/harbour-opens</loc><lastmod>2030-01-01</lastmod></url>
  <url><loc>https://example.org/bad-date</loc><lastmod>yesterday-ish</lastmod></url>
</urlset>
"""

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example.org/politics/report-response</loc>
    <lastmod>2024-06-30T12:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>The Example Courier</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-06-25T08:15:00+08:00</news:publication_date>
      <news:title>Ministry  responds to
        annual report</news:title>
    </news:news>
  </url>
  <url>
    <loc>https://news.example.org/world/digest</loc>
    <news:news><news:publication_date>2024-06-26</news:publication_date><news:title>漁港日報</news:title></news:news>
  </url>
</urlset>
""".encode()

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://example.org/sitemap-2024-05.xml.gz</loc><lastmod>2024-05-31T23:59:59Z</lastmod></sitemap>
  <sitemap><loc>https://example.org/sitemap-2024-06.xml</loc></sitemap>
  <sitemap><loc>sitemap-relative.xml</loc></sitemap>
</sitemapindex>
"""


# --- urlsets -------------------------------------------------------------------


def test_urlset_entries_dates_and_dropped_locs() -> None:
    result = parse_sitemap(URLSET, URL)

    assert not result.is_index
    assert result.children == ()
    assert [entry.url for entry in result.entries] == [
        "https://example.org/2024/05/01/harbour-opens",  # first of two kept
        "https://example.org/2024/05/02/ferry-timetable",  # whitespace around loc stripped
        "https://example.org/undated",
        "https://example.org/bad-date",
    ]
    first, second, undated, bad_date = result.entries
    assert first.lastmod == datetime(2024, 5, 1, tzinfo=UTC)
    assert second.lastmod == datetime(2024, 5, 2, 1, 30, tzinfo=UTC)
    assert undated.lastmod is None
    assert bad_date.lastmod is None
    assert first.published_at is None and first.title is None


def test_google_news_publication_date_and_title() -> None:
    result = parse_sitemap(NEWS_SITEMAP, URL)

    report, digest = result.entries
    assert report.published_at == datetime(2024, 6, 25, 0, 15, tzinfo=UTC)
    assert report.lastmod == datetime(2024, 6, 30, 12, tzinfo=UTC)
    assert report.title == "Ministry responds to annual report"
    assert report.filter_date == report.published_at  # publication date wins over lastmod
    assert digest.published_at == datetime(2024, 6, 26, tzinfo=UTC)
    assert digest.title == "漁港日報"
    assert digest.filter_date == digest.published_at


def test_filter_date_falls_back_to_lastmod() -> None:
    entry = parse_sitemap(URLSET, URL).entries[0]
    assert entry.filter_date == entry.lastmod == datetime(2024, 5, 1, tzinfo=UTC)


def test_sitemap_index_lists_children_with_lastmod() -> None:
    result = parse_sitemap(INDEX, URL)

    assert result == Sitemap(
        is_index=True,
        children=(
            SitemapEntry(
                url="https://example.org/sitemap-2024-05.xml.gz",
                lastmod=datetime(2024, 5, 31, 23, 59, 59, tzinfo=UTC),
            ),
            SitemapEntry(url="https://example.org/sitemap-2024-06.xml"),
        ),
    )


@pytest.mark.parametrize(
    "namespace",
    ['xmlns="http://www.google.com/schemas/sitemap/0.84"', ""],
    ids=["old-google-namespace", "no-namespace"],
)
def test_other_namespaces_are_read(namespace: str) -> None:
    data = f"<urlset {namespace}><url><loc>https://example.org/a</loc></url></urlset>".encode()
    assert [entry.url for entry in parse_sitemap(data, URL).entries] == ["https://example.org/a"]


def test_elements_from_a_foreign_namespace_are_not_locs() -> None:
    data = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:x="urn:example:other">
      <url><x:loc>https://example.org/foreign</x:loc></url>
      <url><loc>https://example.org/real</loc></url></urlset>"""
    assert [entry.url for entry in parse_sitemap(data, URL).entries] == ["https://example.org/real"]


def test_leading_bom_and_blank_lines_are_tolerated() -> None:
    data = b"\xef\xbb\xbf\n\n  " + URLSET
    assert len(parse_sitemap(data, URL).entries) == 4


def test_empty_urlset_is_a_sitemap() -> None:
    data = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    assert parse_sitemap(data, URL) == Sitemap(is_index=False)


# --- gzip --------------------------------------------------------------------------


def test_gzip_sitemap_is_decompressed() -> None:
    assert parse_sitemap(gzip.compress(URLSET), URL + ".gz") == parse_sitemap(URLSET, URL)


def test_multi_member_gzip_is_read_whole() -> None:
    half = len(INDEX) // 2
    data = gzip.compress(INDEX[:half]) + gzip.compress(INDEX[half:])
    assert len(parse_sitemap(data, URL).children) == 2


def test_truncated_gzip_raises() -> None:
    with pytest.raises(ParseError, match="is not a sitemap: truncated gzip"):
        parse_sitemap(gzip.compress(URLSET)[:-20], URL)


def test_corrupt_gzip_raises() -> None:
    data = bytearray(gzip.compress(URLSET))
    data[20:40] = b"\xff" * 20
    with pytest.raises(ParseError, match="is not a sitemap"):
        parse_sitemap(bytes(data), URL)


def test_gzip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitemaps, "MAX_SITEMAP_BYTES", 1000)
    with pytest.raises(ParseError, match="more than 1000 bytes uncompressed"):
        parse_sitemap(gzip.compress(b"<urlset>" + b" " * 100_000 + b"</urlset>"), URL)


# --- not a sitemap -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b"   \n\t ", "empty document"),
        (b"<!DOCTYPE html><html><head><title>Example</title></head><body><p>Hi<br></body></html>", "HTML"),
        (b"<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>", "HTML"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed</title></channel></rss>", "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'><title>Feed</title></feed>", "feed"),
        (b"<?xml version='1.0'?><catalogue><item/></catalogue>", "root element is <catalogue>"),
        (b"just some text, not XML", "malformed XML"),
        (b'{"urlset": []}', "malformed XML"),
        (URLSET[: len(URLSET) // 2], "malformed XML"),  # cut mid-download
        (b"\x89PNG\r\n\x1a\n\x00\x00", "malformed XML"),
    ],
    ids=["empty", "blank", "html", "xhtml", "rss", "atom", "other-xml", "text", "json", "truncated", "png"],
)
def test_not_a_sitemap_raises(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError, match=f"^{URL} is not a sitemap: .*{reason}"):
        parse_sitemap(data, URL)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret}">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/a-&xxe;</loc></url>
</urlset>""".encode()
    try:
        result = parse_sitemap(data, URL)
    except ParseError:
        return  # refusing the document is as safe as ignoring the entity
    assert "TOP-SECRET" not in repr(result)


# Expanded, &a9; is 10**9 "lol"s (3 GB): the timeout, not a wall-clock assertion on a shared
# machine, is what fails when the parser expands it; the URL length shows it was not expanded.
@pytest.mark.timeout(60)
def test_entity_expansion_bomb_is_refused_quickly() -> None:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    data = f'<?xml version="1.0"?><!DOCTYPE urlset [{entities}]><urlset><url><loc>https://example.org/&a9;</loc></url></urlset>'
    try:
        result = parse_sitemap(data.encode(), URL)
    except ParseError:
        result = None
    assert result is None or all(len(entry.url) < 1000 for entry in result.entries)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_sitemap_or_parse_error(data: bytes) -> None:
    for candidate in (data, gzip.compress(data), b"<urlset><url><loc>" + data):
        try:
            result = parse_sitemap(candidate, URL)
        except ParseError as exc:
            assert "is not a sitemap" in str(exc)
        else:
            assert isinstance(result, Sitemap)


# --- W3C datetimes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-05", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-06", datetime(2024, 5, 6, tzinfo=UTC)),
        ("2024-05-06T07:08Z", datetime(2024, 5, 6, 7, 8, tzinfo=UTC)),
        ("2024-05-06T07:08:09+01:00", datetime(2024, 5, 6, 6, 8, 9, tzinfo=UTC)),
        ("2024-05-06T07:08:09.5-05:30", datetime(2024, 5, 6, 12, 38, 9, 500000, tzinfo=UTC)),
        ("2024-05-06T07:08:09.123456789Z", datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)),
        ("2024-05-06T07:08:09", datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)),  # no zone: UTC
        ("2024-05-06 07:08:09+0800", datetime(2024, 5, 5, 23, 8, 9, tzinfo=UTC)),
        ("2024-05-06T07:08:09+08", datetime(2024, 5, 5, 23, 8, 9, tzinfo=UTC)),
        ("  2024-05-06  ", datetime(2024, 5, 6, tzinfo=UTC)),
        ("Mon, 06 May 2024 07:08:09 GMT", datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)),
        ("2024-02-30", None),
        ("2024-05-06T25:00Z", None),
        ("2024-05-06T07:08+25:00", None),
        ("0000-01-01", None),
        ("06/05/2024", None),
        ("", None),
        ("soon", None),
    ],
)
def test_parse_w3c_datetime(text: str, expected: datetime | None) -> None:
    assert parse_w3c_datetime(text) == expected


def test_parse_w3c_datetime_returns_aware_utc() -> None:
    parsed = parse_w3c_datetime("2024-05-06T07:08:09+05:00")
    assert parsed is not None
    assert parsed.utcoffset() == timedelta(0)
    assert parsed == datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone(timedelta(hours=5)))


@given(st.text(max_size=60))
def test_parse_w3c_datetime_never_raises(text: str) -> None:
    result = parse_w3c_datetime(text)
    assert result is None or result.tzinfo is UTC


# --- robots.txt and site roots ---------------------------------------------------------


def test_sitemaps_from_robots() -> None:
    robots = """# synthetic robots.txt for example.org
User-agent: *
Disallow: /private/

Sitemap: https://example.org/sitemap_index.xml
sitemap: /news-sitemap.xml
SITEMAP: https://example.org/sitemap_index.xml
Sitemap: ftp://example.org/old.xml
"""
    assert sitemaps_from_robots(robots, "https://example.org/") == [
        "https://example.org/sitemap_index.xml",
        "https://example.org/news-sitemap.xml",
    ]


def test_robots_without_sitemaps_gives_empty_list() -> None:
    assert sitemaps_from_robots("User-agent: *\nDisallow:\n", "https://example.org/") == []
    assert sitemaps_from_robots("", "https://example.org/") == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org", True),
        ("https://example.org/", True),
        ("http://news.example.org:8080/", True),
        ("https://example.org/#top", True),
        ("https://example.org/sitemap.xml", False),
        ("https://example.org/?lang=en", False),
        ("https://example.org/news/", False),
        ("example.org", False),
        ("ftp://example.org/", False),
    ],
)
def test_is_site_root(url: str, expected: bool) -> None:
    assert is_site_root(url) is expected


def test_robots_txt_url() -> None:
    assert robots_txt_url("https://news.example.org:8443/") == "https://news.example.org:8443/robots.txt"
    assert robots_txt_url("http://example.org") == "http://example.org/robots.txt"
