"""The benchmark's material on a `LocalSite`: the 200 real feeds of `feeds-bulk`, each under
its own host and path, their entry links rewritten to the Zyte benchmark pages (cycled,
one distinct URL per entry), everything served with ETags.

Nothing here is copied into the repository: it is read from `../shared/corpora/`.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newswatch.cli.localsite import Route

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("NEWSWATCH_CORPORA") or REPO.parent / "shared" / "corpora")  # override: a path
PAGES_DIR = CORPORA / "article-extraction-benchmark"
FEEDS_TAR = CORPORA / "feeds-bulk" / "feeds.tar.gz"
URL_MAP = CORPORA / "feeds-bulk" / "url-map.tsv"

_FEED_TYPES = {"json": "application/feed+json", "xml": "application/xml"}

# One feed entry (RSS <item>, Atom <entry>, with or without a namespace prefix).
_ENTRY = re.compile(rb"<((?:[\w.-]+:)?(?:item|entry))\b[^>]*>.*?</\1\s*>", re.S)
# RSS <link>url</link>, <guid>url</guid>, Atom <id> (used as the link when there is none).
_TEXT_LINK = re.compile(
    rb"(<((?:[\w.-]+:)?(?:link|guid|id))(?:\s[^>]*)?(?<!/)>)\s*(?:<!\[CDATA\[.*?\]\]>|[^<]*?)\s*(</\2\s*>)", re.S
)
# Atom <link href="..."/>: only the alternate link (no rel, or rel="alternate") is the article.
_HREF_LINK = re.compile(rb"<(?:[\w.-]+:)?link\b[^>]*\bhref\s*=\s*(\"[^\"]*\"|'[^']*')[^>]*>", re.S)
_REL = re.compile(rb"\brel\s*=\s*[\"']([^\"']*)[\"']")


class CorpusMissing(Exception):
    """The shared corpora are not where the benchmark expects them."""


@dataclass(frozen=True)
class FeedFile:
    """One real feed as captured, with the URL it was fetched from."""

    name: str
    url: str
    body: bytes


@dataclass(frozen=True)
class BenchSource:
    """A feed as served locally: its source name, local path and how many entries it links."""

    name: str
    path: str
    entries: int


def check_corpora() -> None:
    """Raise CorpusMissing, naming what is absent."""
    missing = [p for p in (PAGES_DIR / "ground-truth.json", PAGES_DIR / "html", FEEDS_TAR, URL_MAP) if not p.exists()]
    if missing:
        raise CorpusMissing("benchmark material not found: " + ", ".join(str(p) for p in missing)
                            + " (see ../shared/corpora/README.md for where it comes from)")


def load_pages() -> list[bytes]:
    """The benchmark's page bodies (gunzipped), in id order."""
    check_corpora()
    return [gzip.decompress(p.read_bytes()) for p in sorted((PAGES_DIR / "html").glob("*.html.gz"))]


def load_feeds() -> list[FeedFile]:
    """The bulk feeds, in the order of `url-map.tsv`."""
    check_corpora()
    with URL_MAP.open(encoding="utf-8", newline="") as fh:
        urls = {row["file"]: row["url"] for row in csv.DictReader(fh, delimiter="\t")}
    bodies: dict[str, bytes] = {}
    with tarfile.open(FEEDS_TAR) as tar:
        for member in tar:
            name = member.name.rsplit("/", 1)[-1]
            if member.isfile() and name in urls:
                handle = tar.extractfile(member)
                if handle is not None:
                    bodies[name] = handle.read()
    return [FeedFile(name, url, bodies[name]) for name, url in urls.items() if name in bodies]


def feed_path(url: str, copy: int = 0) -> str:
    """Local path of a feed: its own host and path (and query), under /c<copy> for copies."""
    parts = urlsplit(url)
    path = f"/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
    return path if copy == 0 else f"/c{copy}{path}"


def rewrite_links(body: bytes, link_for: Callable[[], str]) -> tuple[bytes, int]:
    """The feed with each entry's links replaced by `link_for()` (one new URL per entry); and the count."""
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return _rewrite_json(body, link_for)
    count = 0

    def entry(match: re.Match[bytes]) -> bytes:
        nonlocal count
        block = match.group(0)
        if not (_TEXT_LINK.search(block) or any(_is_alternate(m.group(0)) for m in _HREF_LINK.finditer(block))):
            return block  # an entry without a link: nothing to fetch
        url = link_for().encode("ascii")
        count += 1
        block = _TEXT_LINK.sub(lambda m: m.group(1) + url + m.group(3), block)
        return _HREF_LINK.sub(lambda m: _alternate_href(m, url), block)

    return _ENTRY.sub(entry, body), count


def _is_alternate(tag: bytes) -> bool:
    rel = _REL.search(tag)
    return rel is None or rel.group(1).strip().lower() in (b"", b"alternate")


def _alternate_href(match: re.Match[bytes], url: bytes) -> bytes:
    tag = match.group(0)
    if not _is_alternate(tag):
        return tag
    quote = match.group(1)[:1]
    return tag.replace(match.group(1), quote + url + quote, 1)


def _rewrite_json(body: bytes, link_for: Callable[[], str]) -> tuple[bytes, int]:
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return body, 0
    count = 0
    for item in doc.get("items", []) if isinstance(doc, dict) else []:
        if isinstance(item, dict) and (item.get("url") or item.get("external_url")):
            item["url"] = link_for()
            item.pop("external_url", None)
            count += 1
    return json.dumps(doc, ensure_ascii=False).encode("utf-8"), count


def build_routes(
    base: str, feeds: list[FeedFile], pages: list[bytes], articles: int | None = None
) -> tuple[dict[str, Route], list[BenchSource]]:
    """Routes for the feeds (cycled in copies until `articles` entries, else each once) and
    their pages (`/a/<n>`, the benchmark pages cycled); and the sources to poll."""
    routes: dict[str, Route] = {}
    sources: list[BenchSource] = []
    serial = 0

    def next_link() -> str:
        nonlocal serial
        link = f"{base}/a/{serial}"
        routes[f"/a/{serial}"] = Route(body=pages[serial % len(pages)])
        serial += 1
        return link

    for copy, feed in _cycle(feeds, articles):
        body, count = rewrite_links(feed.body, next_link)
        path = feed_path(feed.url, copy)
        kind = "json" if body.lstrip()[:1] == b"{" else "xml"
        routes[path] = Route(body=body, content_type=_FEED_TYPES[kind])
        name = feed.name if copy == 0 else f"{feed.name}-c{copy}"
        sources.append(BenchSource(name, path, count))
    return routes, sources


def _cycle(feeds: list[FeedFile], articles: int | None) -> Iterator[tuple[int, FeedFile]]:
    """Each feed once, or copies of them all in turn until about `articles` entries are linked."""
    if articles is None:
        yield from ((0, f) for f in feeds)
        return
    linked, copy = 0, 0
    per_feed = {f.name: rewrite_links(f.body, lambda: "http://127.0.0.1/")[1] for f in feeds}
    if not any(per_feed.values()):
        return
    while linked < articles:
        for feed in feeds:
            if linked >= articles:
                return
            linked += per_feed[feed.name]
            yield copy, feed
        copy += 1

