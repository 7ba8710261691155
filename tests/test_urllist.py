"""URL list parsing. Lists are synthetic (example.org, invented outlets)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.urllist import is_http_url, parse_url_list
from newswatch.errors import ParseError


def test_urls_comments_blanks_and_duplicates() -> None:
    text = """\ufeff# backfill list for the Example Courier (synthetic)
https://news.example.org/a

   # an indented whole-line comment
https://news.example.org/b   # trailing comment after spaces
http://example.org/c\t# trailing comment after a tab
https://news.example.org/a
https://example.org/page#section
"""
    text += "   https://example.org/padded   \n"
    assert parse_url_list(text) == [
        "https://news.example.org/a",
        "https://news.example.org/b",
        "http://example.org/c",
        "https://example.org/page#section",  # a glued "#" is a fragment, not a comment
        "https://example.org/padded",
    ]


def test_windows_line_endings() -> None:
    assert parse_url_list("https://example.org/a\r\nhttps://example.org/b\r\n") == [
        "https://example.org/a",
        "https://example.org/b",
    ]


def test_empty_and_comment_only_lists_give_nothing() -> None:
    assert parse_url_list("") == []
    assert parse_url_list("# nothing yet\n\n   \n") == []


@pytest.mark.parametrize(
    ("line", "lineno"),
    [
        ("example.org/no-scheme", 3),
        ("ftp://example.org/file", 3),
        ("https://", 3),
        ("https://example.org/two words", 3),
        ("https://example.org:port/", 3),
        ("https://[::1/", 3),
    ],
)
def test_bad_line_names_file_and_line(line: str, lineno: int) -> None:
    text = f"# header\nhttps://example.org/ok\n{line}\nhttps://example.org/never-read\n"
    with pytest.raises(ParseError, match=rf"^urls\.txt:{lineno}: not an http\(s\) URL") as excinfo:
        parse_url_list(text, name="urls.txt")
    assert repr(line)[:40] in str(excinfo.value)


def test_default_name_in_error() -> None:
    with pytest.raises(ParseError, match=r"^<input>:1: "):
        parse_url_list("not a url")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/", True),
        ("HTTP://EXAMPLE.ORG/x?y=1", True),
        ("https://example.org:8443/a", True),
        ("https://example.org:99999/a", False),
        ("//example.org/a", False),
        ("/relative", False),
        ("mailto:desk@example.org", False),
        ("", False),
        ("https://exa mple.org/", False),
    ],
)
def test_is_http_url(url: str, expected: bool) -> None:
    assert is_http_url(url) is expected


@given(st.text(max_size=300))
def test_arbitrary_text_gives_urls_or_parse_error(text: str) -> None:
    try:
        urls = parse_url_list(text)
    except ParseError as exc:
        assert str(exc).startswith("<input>:")
    else:
        assert all(is_http_url(url) for url in urls)
        assert len(urls) == len(set(urls))
