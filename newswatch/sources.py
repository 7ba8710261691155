"""Built-in default sources: feeds a trafficking-report watcher would follow.

Each URL's form was checked against public material (noted per entry). Feeds move:
`newswatch sources list` shows which answered on the last run; override them all
with `[[sources]]` in newswatch.toml.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field
from pydantic.dataclasses import dataclass

from newswatch.errors import excerpt
from newswatch.text import is_http_url

# What the settings models share: unknown keys refused; each field strict (1 is not true).
STRICT = ConfigDict(extra="forbid")
Text = Annotated[str, Field(strict=True)]
Flag = Annotated[bool, Field(strict=True)]
SourceKind = Literal["feed", "sitemap"]


def _http_url(url: str) -> str:
    if not is_http_url(url):
        raise ValueError(f"expected an http(s) URL, got {excerpt(url)}")
    return url


@dataclass(frozen=True, config=STRICT)
class Source:
    """A source to poll: a feed, or a (Google News) sitemap (`kind`)."""

    name: Annotated[str, Field(strict=True, min_length=1)]
    url: Annotated[str, Field(strict=True), AfterValidator(_http_url)]
    language: Text | None = None
    tags: tuple[Text, ...] = ()
    enabled: Flag = True
    kind: SourceKind = "feed"


DEFAULT_SOURCES: tuple[Source, ...] = (
    # news.gov.hk publishes an RSS "News Ticker" per language (ISD News RSS Generator).
    Source("hk-gov-news-en", "https://www.news.gov.hk/en/common/html/ticker.rss.xml", "en",
           ("government", "hong-kong")),
    Source("hk-gov-news-tc", "https://www.news.gov.hk/tc/common/html/ticker.rss.xml", "zh",
           ("government", "hong-kong")),
    # state.gov serves WordPress topic feeds at /rss-feed/<topic>/feed/.
    Source("us-state-press", "https://www.state.gov/rss-feed/press-releases/feed/", "en",
           ("government", "united-states")),
    # SCMP section feeds live at /rss/<section-id>/feed (2 = Hong Kong).
    Source("scmp-hong-kong", "https://www.scmp.com/rss/2/feed", "en", ("outlet", "hong-kong")),
    # RTHK's local news RSS (English).
    Source("rthk-local-en", "https://rthk.hk/rthk/news/rss/e_expressnews_elocal.xml", "en",
           ("outlet", "hong-kong")),
    # Bing News search feeds: /news/search?q=...&format=rss, language and market by setlang
    # and cc. Each item links through http://www.bing.com/news/apiclick.aspx?...&url=<the
    # publisher's URL, percent-encoded>; the URL normaliser takes the publisher's URL from
    # it (extractors/redirects.py), so articles are fetched from the publisher. (Google
    # News search feeds were used before: their links are opaque news.google.com tokens
    # that no longer redirect, so they delivered no articles.)
    Source("bing-tip-report-en",
           "https://www.bing.com/news/search?q=%22Trafficking+in+Persons+Report%22&format=rss&setlang=en-US&cc=US",
           "en", ("search",)),
    Source("bing-tip-report-zh-hans",
           "https://www.bing.com/news/search?q=%E4%BA%BA%E5%8F%A3%E8%B4%A9%E8%BF%90%E9%97%AE%E9%A2%98%E6%8A%A5%E5%91%8A&format=rss&setlang=zh-hans&cc=CN",
           "zh", ("search",)),
    Source("bing-tip-report-zh-hant",
           "https://www.bing.com/news/search?q=%E8%B2%A9%E9%81%8B%E4%BA%BA%E5%8F%A3%E5%95%8F%E9%A1%8C%E5%A0%B1%E5%91%8A&format=rss&setlang=zh-hant&cc=HK",
           "zh", ("search",)),
)
