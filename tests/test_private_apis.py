"""The private APIs newswatch leans on, checked so a change in them fails here, loudly.

- extractors/cues.py reads compiled patterns with CPython's ``re._parser`` (no public regex
  parser exists) to find the prefixes every match starts with. A change in its node layout
  would silently give wrong prefixes, and so missed matches.
- extractors/article.py calls seven trafilatura internals (metadata without the categories and
  tags newswatch never stores, the encoding guess, HTML loading) and sets one of its globals,
  ``trafilatura.external.JT_STOPLIST`` (jusText's stoplist for a page of unknown language).
  trafilatura is pinned exactly in pyproject.toml; on an upgrade, this module says which
  internal moved.
"""

from __future__ import annotations

import inspect
import re

import pytest
from lxml.html import HtmlElement

from extractors.cues import pattern_prefixes

PAGE = (b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour opens | Harbour Daily</title>'
        b'<meta name="author" content="Ada Example"><meta property="og:site_name" content="Harbour Daily">'
        b'<meta property="article:published_time" content="2025-09-06T01:00:00Z"></head>'
        b"<body><article><p>Synthetic text for a test.</p></article></body></html>")


def test_re_parser_node_layout_is_what_cues_reads() -> None:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as p  # type: ignore[attr-defined]

    assert list(p.parse("ab", 0)) == [(c.LITERAL, ord("a")), (c.LITERAL, ord("b"))]
    [(op, av)] = list(p.parse("[a-c]", 0))
    assert op is c.IN and list(av) == [(c.RANGE, (ord("a"), ord("c")))]
    [(op, av)] = list(p.parse("x|yz", 0))
    assert op is c.BRANCH and [list(alt) for alt in av[1]] == [[(c.LITERAL, 120)], [(c.LITERAL, 121), (c.LITERAL, 122)]]
    [(op, av)] = list(p.parse("(x)", 0))
    assert op is c.SUBPATTERN and list(av[3]) == [(c.LITERAL, 120)]
    for pattern, kind in (("x*", c.MAX_REPEAT), ("x*?", c.MIN_REPEAT)):
        [(op, (lo, hi, sub))] = list(p.parse(pattern, 0))
        assert (op, lo, hi, list(sub)) == (kind, 0, c.MAXREPEAT, [(c.LITERAL, 120)])
    assert [op for op, _ in p.parse(r"\b(?=x)(?!y)", 0)] == [c.AT, c.ASSERT, c.ASSERT_NOT]


def test_pattern_prefixes_still_reads_patterns() -> None:
    assert pattern_prefixes(re.compile(r"(?:deny|reject)s?\b", re.IGNORECASE)) == {"deny", "reje"}
    assert pattern_prefixes(re.compile(r"[ab]c")) == {"ac", "bc"}
    assert pattern_prefixes(re.compile(r"\w+")) is None  # unknown: the caller scans everywhere


@pytest.mark.parametrize(
    ("module", "name", "signature"),
    [
        ("trafilatura.metadata", "examine_meta", "(tree: lxml.html.HtmlElement) -> trafilatura.settings.Document"),
        ("trafilatura.metadata", "extract_author", "(tree: lxml.html.HtmlElement) -> str | None"),
        ("trafilatura.metadata", "extract_meta_json",
         "(tree: lxml.html.HtmlElement, metadata: trafilatura.settings.Document) -> trafilatura.settings.Document"),
        ("trafilatura.metadata", "extract_sitename", "(tree: lxml.html.HtmlElement) -> str | None"),
        ("trafilatura.metadata", "extract_title", "(tree: lxml.html.HtmlElement) -> str | None"),
        ("trafilatura.utils", "detect_encoding", "(bytesobject: bytes) -> list[str]"),
        ("trafilatura.utils", "line_processing",
         "(line: str, preserve_space: bool = False, trailing_space: bool = False) -> str | None"),
    ],
)
def test_trafilatura_internals_keep_their_signatures(module: str, name: str, signature: str) -> None:
    func = getattr(__import__(module, fromlist=[name]), name)
    assert str(inspect.signature(func)) == signature


def test_trafilatura_internals_behave_as_article_py_expects() -> None:
    from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_sitename, extract_title
    from trafilatura.settings import Document
    from trafilatura.utils import detect_encoding, line_processing, load_html

    assert "utf-8" in detect_encoding(PAGE)
    tree = load_html(PAGE.decode("utf-8"))
    assert isinstance(tree, HtmlElement)
    meta = examine_meta(tree)
    assert isinstance(meta, Document)
    assert {"title", "author", "sitename", "date", "description"} <= set(Document.__slots__)
    assert meta.author == "Ada Example" and meta.sitename == "Harbour Daily"
    assert isinstance(extract_meta_json(tree, meta), Document)
    assert extract_title(tree) and extract_sitename(tree) in (None, "Harbour Daily")
    assert extract_author(tree) in (None, "Ada Example")
    assert line_processing("  Ada   Example \n") == "Ada Example"
    assert callable(meta.clean_and_trim)


def test_trafilatura_reads_its_stoplist_global_when_the_language_is_unknown() -> None:
    import trafilatura.external as external

    source = inspect.getsource(external.try_justext)
    assert "JT_STOPLIST or jt_stoplist_init()" in source  # the global article.py sets is the one read
    import extractors.article  # noqa: F401  (sets it on import)

    assert isinstance(external.JT_STOPLIST, tuple) and len(external.JT_STOPLIST) > 10_000
