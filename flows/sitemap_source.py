"""Sources of kind "sitemap": a Google News sitemap (or a sitemap index) polled like a feed.

The pipeline fetches the source's URL with the same conditional GET as a feed (its ETag,
Last-Modified and body hash), then hands the body here instead of to the feed parser. An
index is followed one level: the child sitemaps whose ``lastmod`` is not before the last
poll. Only entries dated after the last complete poll are listed (with an hour's overlap
for publishers that add an item to the sitemap a little after its publication time);
undated entries are always listed, and the store skips URLs it already has, so an
overlap costs a lookup, not a fetch. The first poll, or one after an incomplete poll
(validators dropped), lists everything, newest first within `max_articles_per_source`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from extractors.sitemaps import parse_sitemap
from flows.fetch import fetch
from newswatch.errors import FetchError, ParseError
from newswatch.models import SitemapEntry, SourceState
from newswatch.settings import FetchSettings

ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.5"
OVERLAP = timedelta(hours=1)
MAX_CHILDREN = 20  # child sitemaps read per poll (a news index lists a handful)


def listed_since(state: SourceState) -> datetime | None:
    """From when entries are new: the last complete poll less the overlap, or None (everything)."""
    if state.body_hash is None or state.last_success_at is None:  # first or incomplete poll
        return None
    return state.last_success_at - OVERLAP


def list_sitemap(
    client: httpx.Client, settings: FetchSettings, body: bytes, url: str, since: datetime | None,
) -> tuple[list[SitemapEntry], str | None]:
    """The sitemap's entries dated at or after ``since`` (and the undated ones), and a problem
    worth recording (a child sitemap that could not be read), else None. ``ParseError`` when
    the body is not a sitemap."""
    sitemap = parse_sitemap(body, url)
    problems: list[str] = []
    entries = list(sitemap.entries)
    if sitemap.is_index:
        children = [c for c in sitemap.children if since is None or c.lastmod is None or c.lastmod >= since]
        children.sort(key=lambda c: c.lastmod.timestamp() if c.lastmod else float("inf"), reverse=True)
        for child in children[:MAX_CHILDREN]:
            try:
                res = fetch(client, child.url, max_bytes=settings.max_bytes, retries=settings.retries, accept=ACCEPT)
                entries.extend(parse_sitemap(res.body, res.url).entries)
            except (FetchError, ParseError) as exc:
                problems.append(f"{child.url}: {exc}")
    fresh = [e for e in entries if since is None or e.filter_date is None or e.filter_date >= since]
    return fresh, ("; ".join(problems)[:300] or None)
