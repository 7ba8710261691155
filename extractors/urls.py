"""URL normalisation: one article, one URL, whichever feed or tracker link led to it."""

from __future__ import annotations

from urllib.parse import quote_plus, unquote_plus, urlencode, urljoin, urlsplit, urlunsplit

import courlan
from courlan.clean import TRACKERS_RE

from extractors.redirects import unwrap_redirect
from newswatch.text import is_http_url


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Absolute, normalised http(s) URL without tracking parameters or fragment; None if unusable."""
    url = url.strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    url = unwrap_redirect(url)  # a news-search click redirect: the publisher's URL inside it
    if not is_http_url(url):
        return None
    parts = urlsplit(url)
    try:
        # courlan lower-cases scheme and host, removes default ports and normalises the path.
        # The query is cleaned here, not by courlan: its parser drops keys without a value,
        # which would make news.php?12345 and news.php?12346 one URL.
        normalized = urlsplit(courlan.normalize_url(urlunsplit(parts._replace(query="", fragment=""))))
    except ValueError:
        return None
    query = clean_query(parts.query)
    path = normalized.path or ("/" if query else "")
    return urlunsplit(normalized._replace(path=path, query=query, fragment=""))


def clean_query(query: str) -> str:
    """The query without known tracking parameters (courlan's list: utm_*, fbclid, ...), sorted
    by key. Every other parameter stays, including keys without a value (`?12345`, `?item`,
    `?a=`). Parameters with a value are encoded as courlan encodes them, so URLs stored by
    earlier versions keep their form."""
    kept: list[tuple[str, str]] = []
    for piece in query.split("&") if query else ():
        if not piece:
            continue
        key, eq, value = piece.partition("=")
        name = unquote_plus(key)
        if not name or TRACKERS_RE.search(name.lower()):
            continue
        if eq and value:
            kept.append((name, urlencode([(name, unquote_plus(value))])))
        else:
            kept.append((name, quote_plus(name) + eq))
    kept.sort(key=lambda item: item[0])  # stable: repeated keys keep their order
    return "&".join(encoded for _, encoded in kept)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
