"""URL normalisation (pure)."""

from __future__ import annotations

import pytest

from extractors.urls import host_of, normalize_url


@pytest.mark.parametrize(
    ("raw", "base", "expected"),
    [
        ("https://Example.ORG/a?utm_source=rss&utm_medium=x", None, "https://example.org/a"),
        ("https://example.org/a?id=3&fbclid=abc#top", None, "https://example.org/a?id=3"),
        ("https://example.org:443/a", None, "https://example.org/a"),
        ("/news/1.html", "https://example.org/feed.xml", "https://example.org/news/1.html"),
        ("https://example.org/p?b=2&a=1", None, "https://example.org/p?a=1&b=2"),
        ("mailto:desk@example.org", None, None),
        ("javascript:void(0)", None, None),
        ("   ", None, None),
        ("https:///nohost", None, None),
    ],
)
def test_normalize_url(raw: str, base: str | None, expected: str | None) -> None:
    assert normalize_url(raw, base) == expected


def test_same_article_from_two_feeds_normalises_to_one_url() -> None:
    a = normalize_url("http://127.0.0.1:8000/news/x.html?utm_source=rss")
    b = normalize_url("http://127.0.0.1:8000/news/x.html")
    assert a == b and a is not None
    assert host_of(a) == "127.0.0.1"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://example.org/news.php?12345", "https://example.org/news.php?12345"),
        ("https://example.org/news.php?12346", "https://example.org/news.php?12346"),
        ("https://example.org/story?item", "https://example.org/story?item"),
        ("https://example.org/story?item&utm_source=rss", "https://example.org/story?item"),
        ("https://example.org/p?a=&b=2&fbclid=x", "https://example.org/p?a=&b=2"),
        ("https://example.org/p?b=2&a=1&b=1", "https://example.org/p?a=1&b=2&b=1"),
        ("https://example.org/a?q=hello%20world", "https://example.org/a?q=hello+world"),
        ("https://example.org?x=1", "https://example.org/?x=1"),
        ("https://example.org/a?q=a+b;c=d", "https://example.org/a?q=a+b%3Bc%3Dd"),
    ],
)
def test_query_keys_without_values_are_kept(raw: str, expected: str) -> None:
    """Keys without a value are article ids on some sites: they stay, trackers go (issue 12, item 11)."""
    assert normalize_url(raw) == expected


def test_value_less_ids_stay_distinct() -> None:
    a = normalize_url("https://example.org/news.php?12345")
    b = normalize_url("https://example.org/news.php?12346")
    assert a != b
