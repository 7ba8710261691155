"""Feed bytes in, typed `ParsedFeed` out: the only module that sees feedparser's dicts.

RSS 0.9x/1.0/2.0 and Atom go through feedparser; JSON Feed (which feedparser 6 does
not read) through a small reader of its own. Malformed feeds feedparser can still read
are returned with `problem` set; bytes that are no feed raise `ParseError`.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

import feedparser

from extractors.urls import normalize_url
from newswatch.errors import ParseError
from newswatch.models import FeedEntry, ParsedFeed
from newswatch.timeutil import from_struct, parse_datetime

# An entry's full content (RSS content:encoded, Atom content): newswatch fetches the page
# itself and never reads it. Emptied before parsing, it costs feedparser nothing: on the 200
# real feeds of the benchmark, parsing takes 37 % less time and gives the same entries.
# Self-closing elements (media:content) and prefixed ones other than content: are kept.
# The scan skips comments and CDATA sections (where `<content>` is text, not a tag), and
# reads every byte at most a few times: linear, however the markup is broken.
_EMPTY_CONTENT = True
_OUTSIDE = re.compile(rb"<!--|<!\[CDATA\[|<(content:encoded|content)(?=[\s/>])")
_INSIDE = {
    name: re.compile(rb"<!--|<!\[CDATA\[|<(/?)" + re.escape(name) + rb"(?=[\s/>])")
    for name in (b"content", b"content:encoded")
}
_SKIP_TO = {b"<!--": b"-->", b"<![CDATA[": b"]]>"}


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """Parse feed bytes fetched from `url` (used to resolve relative links).

    Entries carry their link, title, date, id and summary (description); not their full
    content."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return _parse_json_feed(data, url)
    if _EMPTY_CONTENT:
        data = empty_entry_content(data)
    try:
        # Summaries are never shown as HTML, so skip feedparser's sanitiser and relative-URI
        # rewriting of content (a third of its time); entry links are resolved below.
        raw = feedparser.parse(
            data, response_headers={"content-location": url}, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # feedparser is meant not to raise; be sure
        raise ParseError(f"{url}: feed parser failed: {exc}") from exc
    bozo = raw.get("bozo_exception")
    # A wrong or missing Content-Type says nothing about the feed itself.
    problem = _describe(bozo) if raw.get("bozo") and type(bozo).__name__ != "NonXMLContentType" else None
    if not raw.get("version") and not raw.entries:
        raise ParseError(f"{url}: not a feed ({problem or 'no RSS, Atom or JSON Feed found'})")
    entries = []
    for item in raw.entries:
        entry = _entry(item, url)
        if entry is not None:
            entries.append(entry)
    links = {
        str(link.get("rel")): urljoin(url, str(link.get("href")))
        for link in raw.feed.get("links", [])
        if link.get("rel") and link.get("href")
    }
    return ParsedFeed(
        format=str(raw.get("version") or ""),
        title=_text(raw.feed.get("title")),
        entries=tuple(entries),
        problem=problem,
        links=links,
    )


def empty_entry_content(data: bytes) -> bytes:
    """`data` with the children of every content:encoded and (unprefixed) content element
    removed; comments, CDATA sections and everything else untouched. An element that is not
    closed is left as it is."""
    out: list[bytes] = []
    pos = 0  # data[:pos] is handled (copied to `out` or dropped)
    at = 0  # where to look for the next token
    while True:
        token = _OUTSIDE.search(data, at)
        if token is None:
            break
        if token.group(1) is None:  # a comment or CDATA section: skip it whole
            end = data.find(_SKIP_TO[token.group()], token.end())
            if end < 0:
                break
            at = end + 3
            continue
        tag_end = data.find(b">", token.end())
        if tag_end < 0:
            break
        at = tag_end + 1
        if data[tag_end - 1 : tag_end] == b"/":  # self-closing: nothing inside
            continue
        name = token.group(1)
        after = _after_end_tag(data, name, at)
        if after is None:  # never closed: leave the rest for the parser to judge
            break
        out.append(data[pos:at])
        out.append(b"</" + name + b">")
        pos = at = after
    out.append(data[pos:])
    return b"".join(out)


def _after_end_tag(data: bytes, name: bytes, at: int) -> int | None:
    """Where the end tag closing the `name` element whose children start at `at` ends."""
    depth = 1
    inside = _INSIDE[name]
    while True:
        token = inside.search(data, at)
        if token is None:
            return None
        if token.group(1) is None:  # comment or CDATA
            end = data.find(_SKIP_TO[token.group()], token.end())
            if end < 0:
                return None
            at = end + 3
            continue
        tag_end = data.find(b">", token.end())
        if tag_end < 0:
            return None
        at = tag_end + 1
        if token.group(1):  # an end tag
            if data[token.end() : tag_end].strip():
                continue  # not `</name>` (`</name x>` is not an end tag of this name)
            depth -= 1
            if depth == 0:
                return at
        elif data[tag_end - 1 : tag_end] != b"/":
            depth += 1


def _entry(item: Any, base: str) -> FeedEntry | None:
    link = item.get("link") or _first_alternate(item)
    guid = _text(item.get("id"))
    if not link and guid and guid.startswith(("http://", "https://")):
        link = guid
    if not link:
        return None
    url = normalize_url(str(link), base)
    if url is None:
        return None
    published = item.get("published_parsed") or item.get("updated_parsed")
    return FeedEntry(
        url=url,
        title=_text(item.get("title")),
        summary=_text(item.get("summary")),
        published_at=from_struct(published),
        guid=guid,
    )


def _first_alternate(item: Any) -> str | None:
    for link in item.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None



def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(f"{url}: not a feed (invalid JSON: {exc})") from exc
    if not isinstance(doc, dict) or "jsonfeed.org/version" not in str(doc.get("version", "")):
        raise ParseError(f"{url}: not a feed (JSON without a jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise ParseError(f"{url}: JSON Feed has no items list")
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if not isinstance(link, str):
            continue
        norm = normalize_url(link, url)
        if norm is None:
            continue
        entries.append(
            FeedEntry(
                url=norm,
                title=_text(item.get("title")),
                summary=_text(item.get("summary") or item.get("content_text")),
                published_at=parse_datetime(item.get("date_published") or item.get("date_modified")),
                guid=_text(item.get("id")),
            )
        )
    links = {"next": urljoin(url, doc["next_url"])} if isinstance(doc.get("next_url"), str) else {}
    return ParsedFeed(format="json", title=_text(doc.get("title")), entries=tuple(entries), links=links)



def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _describe(exc: Any) -> str:
    if exc is None:
        return "malformed feed"
    return f"{type(exc).__name__}: {exc}"[:300]
