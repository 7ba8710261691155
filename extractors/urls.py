"""URL normalisation: one article, one URL, whichever feed or tracker link led to it."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

import courlan

from newswatch.text import is_http_url


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Absolute, normalised http(s) URL without tracking parameters or fragment; None if unusable."""
    url = url.strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    if not is_http_url(url):
        return None
    try:
        # courlan drops tracking parameters (utm_*, fbclid, ...), sorts the query, lower-cases
        # scheme and host and removes default ports. Its strict mode would also drop ordinary
        # parameters such as ?b=2, which some sites use as article ids, so it is not used.
        normalized = courlan.normalize_url(url)
    except ValueError:
        return None
    return urlunsplit(urlsplit(normalized)._replace(fragment=""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
