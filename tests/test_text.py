"""The shared predicates of newswatch/text.py (synthetic strings)."""

from __future__ import annotations

import ast
import re

import pytest

from newswatch.text import CJK_CLASS, INDEXED_CJK_CLASS, UNSPACED_CLASS, has_cjk, is_http_url
from tests.helpers import REPO


@pytest.mark.parametrize(
    ("text", "expected"),
    [("人口贩运报告", True), ("ひらがな", True), ("カタカナ", True), ("인신매매", True), ("𠀀", True),
     ("Trafficking in Persons", False), ("ภาษาไทย", False), ("", False)],
)
def test_has_cjk(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected


def _frozen_class(migration: str) -> str:
    """The CJK class a migration copied (it may not import the live one)."""
    tree = ast.parse((REPO / "storage/migrations/versions" / migration).read_text(encoding="utf-8"))
    return next(ast.literal_eval(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id in ("CJK_CLASS", "_CJK_CLASS") for t in node.targets))


def test_indexed_class_is_the_shared_class_without_hangul_and_the_migrations_class() -> None:
    # The search index was built with this class (migrations 0002 and 0004): see newswatch/text.py.
    assert CJK_CLASS.replace("\uac00-\ud7af", "") == INDEXED_CJK_CLASS
    assert _frozen_class("0002_search.py") == INDEXED_CJK_CLASS
    assert _frozen_class("0004_read.py") == INDEXED_CJK_CLASS


@pytest.mark.parametrize(
    ("char", "expected"),
    [("人", True), ("か", True), ("인", True), ("ไ", True), ("မ", True), ("ក", True), ("a", False), ("я", False),
     ("ع", False), (" ", False)],
)
def test_unspaced_class_is_thai_myanmar_khmer_and_cjk(char: str, expected: bool) -> None:
    assert (re.fullmatch(f"[{UNSPACED_CLASS}]", char) is not None) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://news.example.org/a", True), ("HTTP://example.org", True), ("ftp://example.org/x", False),
     ("https:///nohost", False), ("https://example.org:99999/", False), ("https://example.org/a b", False),
     ("/relative", False), ("", False), ("javascript:alert(1)", False)],
)
def test_is_http_url(url: str, expected: bool) -> None:
    assert is_http_url(url) is expected
