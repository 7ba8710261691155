"""Links that point at an aggregator instead of the article: unwrap them, or refuse them.

News-search feeds link through a click redirect. Bing News RSS items link to
`http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=…&url=<publisher URL, percent-
encoded>&c=…&mkt=…`: the publisher's URL is in `url=`, so it is taken from there and never
fetched through Bing. Google News RSS items link to opaque
`https://news.google.com/rss/articles/CBMi…` tokens that no longer redirect over HTTP
(resolving them needs Google's internal batchexecute call): such a link cannot be
unwrapped, and an aggregator's page is never an article, so it is refused with a reason.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

# host -> paths whose `url` query parameter is the real target
_CLICK_REDIRECTS: dict[str, tuple[str, ...]] = {
    "www.bing.com": ("/news/apiclick.aspx",),
    "bing.com": ("/news/apiclick.aspx",),
    "news.google.com": ("/news/url",),  # the older Google News redirect, which carried the URL
}
# Hosts whose pages are listings of other outlets' articles, never an article themselves.
AGGREGATOR_HOSTS = frozenset({"news.google.com", "www.bing.com", "bing.com", "news.bing.com"})


def unwrap_redirect(url: str) -> str:
    """The publisher URL inside a known click redirect; `url` itself otherwise."""
    parts = urlsplit(url)
    paths = _CLICK_REDIRECTS.get((parts.hostname or "").lower())
    if not paths or parts.path.lower() not in paths:
        return url
    for key, value in parse_qsl(parts.query, keep_blank_values=False):
        if key.lower() == "url" and urlsplit(value).scheme in ("http", "https") and urlsplit(value).hostname:
            return value
    return url


def aggregator_reason(url: str) -> str | None:
    """Why `url` must not be stored as an article (an aggregator's page), or None."""
    host = (urlsplit(url).hostname or "").lower()
    if host in AGGREGATOR_HOSTS:
        return (f"an aggregator's page ({host}), not the publisher's article: its link could not be "
                "resolved to the publisher's URL")
    return None
