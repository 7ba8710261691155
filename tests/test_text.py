"""The shared predicates of newswatch/text.py (synthetic strings)."""

from __future__ import annotations

import pytest

from newswatch.text import CJK_CLASS, has_cjk, is_http_url
from storage import fts


@pytest.mark.parametrize(
    ("text", "expected"),
    [("人口贩运报告", True), ("ひらがな", True), ("カタカナ", True), ("인신매매", True), ("𠀀", True),
     ("Trafficking in Persons", False), ("ภาษาไทย", False), ("", False)],
)
def test_has_cjk(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected


def test_search_class_is_the_shared_class_without_hangul() -> None:
    # storage/fts.py keeps migration 0002's class (no Hangul): see newswatch/text.py.
    assert CJK_CLASS.replace("\uac00-\ud7af", "") == fts.CJK_CLASS


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://news.example.org/a", True), ("HTTP://example.org", True), ("ftp://example.org/x", False),
     ("https:///nohost", False), ("https://example.org:99999/", False), ("https://example.org/a b", False),
     ("/relative", False), ("", False), ("javascript:alert(1)", False)],
)
def test_is_http_url(url: str, expected: bool) -> None:
    assert is_http_url(url) is expected
