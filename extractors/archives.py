"""Walk a feed's history backwards: which page to fetch next, and when to stop.

Pure: takes a parsed feed's links and the URL it came from. The backfill flow
fetches, parses and keeps the visited set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urljoin, urlsplit, urlunsplit

from extractors.urllist import is_http_url
from newswatch.models import FeedEntry
from newswatch.timeutil import Window

# RFC 5005 rels that lead to older entries, in the order we trust them:
# "prev-archive" (archived feeds, section 4), then "next" (paged feeds, section 3).
# "previous" and "next-archive" lead back towards the newest entries: never followed.
ARCHIVE_RELS = ("prev-archive", "next")

# Query parameters that page feeds: WordPress's "paged", then the generic "page".
PAGE_PARAMS = ("paged", "page")


def next_archive_urls(feed_links: Mapping[str, str], current_url: str, page_no: int) -> list[str]:
    """Candidate URLs for the page older than ``current_url``, best first.

    ``page_no`` is the 1-based position of ``current_url`` in the walk.

    1. RFC 5005 links (``prev-archive``, then ``next``) resolved against ``current_url``;
       when any exist, nothing is guessed.
    2. Else, when ``current_url`` carries ``paged=N`` or ``page=N``: that URL with N+1.
    3. Else, on the first page only: ``current_url`` with ``paged=2``, then with ``page=2``.
    4. Else ``[]``: the walk ends.

    Guesses may be ignored by the server, which then sends the first page again;
    the caller keeps the first candidate that yields entries it has not seen,
    and its own visited set, since archive links can loop.
    """
    linked: dict[str, None] = {}
    for rel in ARCHIVE_RELS:
        href = feed_links.get(rel)
        if not href:
            continue
        absolute = urljoin(current_url, href.strip())
        if is_http_url(absolute) and absolute != current_url:
            linked.setdefault(absolute, None)
    if linked:
        return list(linked)

    incremented = _increment_page(current_url)
    if incremented is not None:
        return [incremented]
    if page_no == 1:
        return [_add_query(current_url, f"{param}=2") for param in PAGE_PARAMS]
    return []


def entries_before_window(entries: Iterable[FeedEntry], window: Window) -> bool:
    """Whether paging can stop: every dated entry is older than ``window.since``.

    ``False`` when the window has no start or the page has no dated entry at all:
    the dates cannot tell, so the caller's page limit and "no new entries" rule decide.
    """
    dated = [entry.published_at for entry in entries if entry.published_at is not None]
    return bool(dated) and all(window.is_before(published) for published in dated)


def _increment_page(url: str) -> str | None:
    """``url`` with its ``paged=N`` (else ``page=N``) raised to N+1; ``None`` if it has neither."""
    parts = urlsplit(url)
    for param in PAGE_PARAMS:
        # Edit the query in place so the other parameters keep their exact encoding.
        pattern = re.compile(rf"(^|&){param}=(\d+)(?=&|$)")
        match = pattern.search(parts.query)
        if match is not None:
            query = parts.query[: match.start(2)] + str(int(match.group(2)) + 1) + parts.query[match.end(2) :]
            return urlunsplit(parts._replace(query=query, fragment=""))
    return None


def _add_query(url: str, pair: str) -> str:
    parts = urlsplit(url)
    query = f"{parts.query}&{pair}" if parts.query else pair
    return urlunsplit(parts._replace(query=query, fragment=""))
