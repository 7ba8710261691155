"""Search snippets: the part of a text around the first hit, with every hit's position marked.

The same on SQLite and PostgreSQL (computed here, not by the database), and safe to render:
the caller escapes the text and styles the (start, end) ranges.
"""

from __future__ import annotations

import re

from newswatch.text import INDEXED_CJK_CLASS

_CJK = re.compile(f"[{INDEXED_CJK_CLASS}]")  # what the index sets apart by spaces


def term_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """A regex matching any of the search terms as the index does (whole words; CJK anywhere)."""
    parts = []
    for term in terms:
        words = term.split()
        if not words:
            continue
        body = r"[\W_]*".join(re.escape(w) for w in words)
        start = "" if _CJK.match(words[0]) else r"(?<![^\W_])"
        end = "" if _CJK.match(words[-1]) else r"(?![^\W_])"
        parts.append(start + body + end)
    if not parts:
        return None
    return re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE)


def make_snippet(text: str, terms: list[str], width: int = 200) -> tuple[str, list[tuple[int, int]]]:
    """(snippet, hits): up to `width` characters of `text` around its first hit, "…" where cut,
    and the (start, end) offsets of the hits inside the snippet."""
    text = " ".join(text.split())
    pattern = term_pattern(terms)
    first = pattern.search(text) if pattern else None
    start = 0 if first is None else max(0, first.start() - width // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start  # type: ignore[union-attr]
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (first.end() if first else start) else end
    prefix = "…" if start > 0 else ""
    snippet = prefix + text[start:end] + ("…" if end < len(text) else "")
    hits = []
    if pattern:
        for m in pattern.finditer(text, start, end):
            hits.append((m.start() - start + len(prefix), m.end() - start + len(prefix)))
    return snippet, hits
