"""Parse XML sitemaps (urlsets and indexes, plain or gzip, Google News) and robots.txt.

Pure: bytes and a URL in, a ``Sitemap`` out. Fetching, recursion through
indexes and window filtering belong to the backfill flow.
"""

from __future__ import annotations

import zlib
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree
from protego import Protego

from extractors.urllist import is_http_url
from newswatch.errors import ParseError
from newswatch.models import Sitemap, SitemapEntry
from newswatch.timeutil import parse_datetime

# The sitemap protocol caps a sitemap at 50 MB uncompressed; more from a .gz is a bomb.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b"
_UTF8_BOM = b"\xef\xbb\xbf"
_FEED_ROOTS = {"rss", "feed", "rdf"}


def parse_w3c_datetime(text: str) -> datetime | None:
    """A W3C datetime (``YYYY`` to ``YYYY-MM-DDThh:mm:ss.sTZD``) or RFC 2822 date as aware UTC, else ``None``."""
    return parse_datetime(text)


def parse_sitemap(data: bytes, url: str) -> Sitemap:
    """Parse a sitemap (plain XML or gzip) fetched from ``url``.

    Returns a ``urlset`` with its pages or an ``index`` with its child sitemaps.
    Entries whose ``<loc>`` is not an absolute http(s) URL are dropped, as are
    repeats. Raises ``ParseError("<url> is not a sitemap: ...")`` for empty input,
    HTML, feeds, malformed XML or a truncated gzip.
    """
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, url)
    data = data.removeprefix(_UTF8_BOM).lstrip()  # some servers put a blank line first
    if not data:
        raise ParseError(f"{url} is not a sitemap: empty document")
    if _looks_like_html(data):
        raise ParseError(f"{url} is not a sitemap: it is an HTML page")

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError as exc:
        raise ParseError(f"{url} is not a sitemap: malformed XML: {exc}") from exc
    if root is None:
        raise ParseError(f"{url} is not a sitemap: no root element")

    namespace, tag = _split_tag(root)
    if tag == "urlset":
        return Sitemap(is_index=False, entries=_read_entries(root, namespace, "url"))
    if tag == "sitemapindex":
        return Sitemap(is_index=True, children=_read_entries(root, namespace, "sitemap"))
    if tag.lower() in _FEED_ROOTS:
        raise ParseError(f"{url} is not a sitemap: it is a feed (root element <{tag}>)")
    if tag.lower() == "html":
        raise ParseError(f"{url} is not a sitemap: it is an HTML page")
    raise ParseError(f"{url} is not a sitemap: root element is <{tag}>")


def sitemaps_from_robots(robots_txt: str, base_url: str) -> list[str]:
    """Return the ``Sitemap:`` URLs of a robots.txt, resolved against ``base_url``, deduplicated."""
    found: dict[str, None] = {}
    for raw in Protego.parse(robots_txt).sitemaps:
        absolute = urljoin(base_url, raw.strip())
        if is_http_url(absolute):
            found.setdefault(absolute, None)
    return list(found)


def is_site_root(url: str) -> bool:
    """Whether ``url`` names a whole site (``https://host`` or ``https://host/``, no query)."""
    if not is_http_url(url):
        return False
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def robots_txt_url(url: str) -> str:
    """The robots.txt URL of the site ``url`` belongs to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def _gunzip(data: bytes, url: str) -> bytes:
    """Decompress every gzip member, refusing output past ``MAX_SITEMAP_BYTES``."""
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest:
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            # max_length stays >= 1 here: zero would mean "no limit".
            chunk = decompressor.decompress(rest, MAX_SITEMAP_BYTES + 1 - size)
            size += len(chunk)
            out.append(chunk)
            if size > MAX_SITEMAP_BYTES:
                raise ParseError(f"{url} is not a sitemap: more than {MAX_SITEMAP_BYTES} bytes uncompressed")
            if not decompressor.eof:
                raise ParseError(f"{url} is not a sitemap: truncated gzip")
            rest = decompressor.unused_data
            if rest and not rest.startswith(_GZIP_MAGIC):
                break  # trailing padding after the last member
    except zlib.error as exc:
        raise ParseError(f"{url} is not a sitemap: corrupt gzip: {exc}") from exc
    return b"".join(out)


def _looks_like_html(data: bytes) -> bool:
    head = data[:64].lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _split_tag(element: etree._Element) -> tuple[str | None, str]:
    qname = etree.QName(element)
    return qname.namespace, qname.localname


def _children(element: etree._Element, namespace: str | None, localname: str) -> list[etree._Element]:
    # Match the root's namespace, whichever it is (0.9, the old Google 0.84, none).
    return [child for child in element if isinstance(child.tag, str) and _split_tag(child) == (namespace, localname)]


def _child_text(element: etree._Element, namespace: str | None, localname: str) -> str | None:
    for child in _children(element, namespace, localname):
        text = " ".join("".join(child.itertext()).split())
        if text:
            return text
    return None


def _read_entries(root: etree._Element, namespace: str | None, item: str) -> tuple[SitemapEntry, ...]:
    entries: dict[str, SitemapEntry] = {}
    for element in _children(root, namespace, item):
        loc = _child_text(element, namespace, "loc")
        if loc is None or not is_http_url(loc) or loc in entries:
            continue
        lastmod_text = _child_text(element, namespace, "lastmod")
        published_at, title = _read_news(element)
        entries[loc] = SitemapEntry(
            url=loc,
            lastmod=parse_w3c_datetime(lastmod_text) if lastmod_text else None,
            published_at=published_at,
            title=title,
        )
    return tuple(entries.values())


def _read_news(element: etree._Element) -> tuple[datetime | None, str | None]:
    """Publication date and title from a Google News ``<news:news>`` block, if any."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        namespace, localname = _split_tag(child)
        if localname != "news" or namespace is None or "news" not in namespace:
            continue
        date_text = _child_text(child, namespace, "publication_date")
        title = _child_text(child, namespace, "title")
        return (parse_w3c_datetime(date_text) if date_text else None), title
    return None, None
