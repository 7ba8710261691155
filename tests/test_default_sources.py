"""The built-in sources deliver publishers' articles, never an aggregator's page.

Each default source has a recorded link shape below: a synthetic item written in the link
format the source documents or publicly shows (invented paths and ids, no real article).
"""

from __future__ import annotations

from urllib.parse import quote

from extractors.feeds import parse_feed
from extractors.redirects import aggregator_reason, unwrap_redirect
from extractors.urls import host_of, normalize_url
from flows.pipeline import Pipeline
from newswatch.cli.demo import page
from newswatch.cli.localsite import LocalSite, Route
from newswatch.sources import DEFAULT_SOURCES
from storage.store import ArticleFilter
from tests.helpers import local_settings

PUBLISHER = "https://news.example.org/world/2025/09/06/synthetic-story.html?id=12345"


def _bing(target: str) -> str:
    return ("http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=SYNTHETIC0001"
            f"&url={quote(target, safe='')}&c=1234567890&mkt=en-us")


# source -> (the link as the feed gives it, the article URL newswatch must store)
LINK_SHAPES: dict[str, tuple[str, str]] = {
    "hk-gov-news-en": ("https://www.news.gov.hk/eng/2025/09/20250906/20250906_101500_123.html",
                       "https://www.news.gov.hk/eng/2025/09/20250906/20250906_101500_123.html"),
    "hk-gov-news-tc": ("https://www.news.gov.hk/chi/2025/09/20250906/20250906_101500_456.html",
                       "https://www.news.gov.hk/chi/2025/09/20250906/20250906_101500_456.html"),
    "us-state-press": ("https://www.state.gov/releases/office-of-the-spokesperson/2025/09/synthetic-release",
                       "https://www.state.gov/releases/office-of-the-spokesperson/2025/09/synthetic-release"),
    "scmp-hong-kong": ("https://www.scmp.com/news/hong-kong/article/3300001/synthetic-story?utm_source=rss_feed",
                       "https://www.scmp.com/news/hong-kong/article/3300001/synthetic-story"),
    "rthk-local-en": ("https://news.rthk.hk/rthk/en/component/k2/1800001-20250906.htm",
                      "https://news.rthk.hk/rthk/en/component/k2/1800001-20250906.htm"),
    "bing-tip-report-en": (_bing(PUBLISHER), PUBLISHER),
    "bing-tip-report-zh-hans": (_bing("https://zh.example.org/a/20250906/001.html"),
                                "https://zh.example.org/a/20250906/001.html"),
    "bing-tip-report-zh-hant": (_bing("https://hk.example.org/news/20250906/002?utm_medium=rss"),
                                "https://hk.example.org/news/20250906/002"),
}


def _rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>Synthetic item {i}</title><link>{link.replace('&', '&amp;')}</link></item>"
                    for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Synthetic</title>'
            f"<link>https://example.org/</link><description>synthetic</description>{items}</channel></rss>").encode()


def test_every_default_source_has_a_recorded_link_shape() -> None:
    assert {s.name for s in DEFAULT_SOURCES} == set(LINK_SHAPES)
    assert not any("news.google.com" in s.url for s in DEFAULT_SOURCES)


def test_each_sources_links_give_the_publishers_url() -> None:
    for name, (link, expected) in LINK_SHAPES.items():
        feed = parse_feed(_rss([link]), "https://feeds.example.org/feed.xml")
        (entry,) = feed.entries
        assert entry.url == normalize_url(expected), name
        assert aggregator_reason(entry.url) is None, name


def test_unwrap_keeps_other_links_and_refuses_opaque_tokens() -> None:
    assert unwrap_redirect("https://www.bing.com/news/apiclick.aspx?ref=FexRss") == \
        "https://www.bing.com/news/apiclick.aspx?ref=FexRss"  # no url=: nothing to unwrap
    assert unwrap_redirect("https://www.bing.com/news/apiclick.aspx?url=javascript:alert(1)").startswith(
        "https://www.bing.com/")
    assert unwrap_redirect("https://example.org/a?url=https://other.example/b") == \
        "https://example.org/a?url=https://other.example/b"  # only known redirect hosts
    token = "https://news.google.com/rss/articles/CBMiSYNTHETICTOKENxyz?oc=5"
    reason = aggregator_reason(token)
    assert reason and "news.google.com" in reason


def test_an_aggregator_link_is_refused_with_a_reason_and_a_click_redirect_is_stored_as_the_publisher(
    db_url: str
) -> None:
    with LocalSite() as site:
        target = site.url("/news/harbour-rebuttal.html")
        site.routes["/news/harbour-rebuttal.html"] = Route(page("harbour-rebuttal"))
        site.routes["/search.xml"] = Route(_rss([
            "https://news.google.com/rss/articles/CBMiSYNTHETICTOKENxyz?oc=5",
            _bing(target),
        ]), "application/rss+xml")
        settings = local_settings(site, db_url, {"search": "/search.xml"}, respect_robots=False)
        with Pipeline(settings) as pipeline:
            result = pipeline.poll_source(settings.sources[0])
            rows = pipeline.store.list_articles(ArticleFilter(limit=None))
    assert [r["url"] for r in rows] == [target]
    assert result.pages.stored == 1 and result.pages.failed == 1
    assert "aggregator's page (news.google.com)" in result.pages.errors[0]
    assert not any(host_of(r["url"]) == "news.google.com" for r in rows)
