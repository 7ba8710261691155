"""What a body is when it is not an HTML page (for `newswatch extract`): judged by its first bytes."""

from __future__ import annotations

import re

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF)"),
    (b"WARC/", "a WARC archive (try `newswatch backfill --warc`)"),
)
_FEEDS = (
    (re.compile(rb"<rss[\s>]"), "an RSS feed (add it as a source; `newswatch run` polls it)"),
    (re.compile(rb"<(?:\w+:)?rdf[\s>]", re.I), "an RSS 1.0 feed (add it as a source; `newswatch run` polls it)"),
    (re.compile(rb"<feed[\s>]"), "an Atom feed (add it as a source; `newswatch run` polls it)"),
    (re.compile(rb"<(?:\w+:)?(?:urlset|sitemapindex)[\s>]"), "a sitemap (try `newswatch backfill --sitemap`)"),
)
_PROLOG = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*", re.S)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def not_a_page(body: bytes, content_type: str | None = None) -> str | None:
    """What `body` looks like when it is not an HTML page ("looks like a PNG image"), else None."""
    head = body[:4096]
    if not head.strip():
        return "the body is empty"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"looks like {what}"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "looks like binary data"
    prolog = _PROLOG.match(head)
    start = head[prolog.end():] if prolog else head
    for pattern, what in _FEEDS:
        if pattern.match(start):
            return f"looks like {what}"
    lowered = head.lower()
    if head.lstrip().startswith((b"{", b"[")) and b"<html" not in lowered:
        what = "a JSON Feed" if b"jsonfeed.org" in lowered else "JSON"
        return f"looks like {what}"
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if b"<" not in head and mime not in _HTML_TYPES:
        return "no HTML markup in it"
    return None
