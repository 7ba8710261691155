"""Sentence splitting for news text in English, Chinese and other scripts.

Rule based and offset preserving: each sentence knows where it sits in the
text, so cues found on the whole text can be mapped back to sentences.
A sentence is not split inside an open quotation, so a quote and its
attribution ("...," the spokesman said) stay together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and [start, end) offsets in the source string."""

    start: int
    end: int
    text: str


# Candidate boundaries: a blank or line break, CJK and Indic full stops, Latin full stops
# followed by whitespace. Closing quotes and brackets stay with the sentence.
_BOUNDARY = re.compile(
    r"(?P<nl>[ \t]*\n\s*)"
    r"|(?P<cjk>[。！？；!?।॥۔؟][”’\"」』）)]*)"  # with the danda (Hindi, Bengali) and Urdu's full stop
    r"|(?P<lat>[.!?…]+[\"”’')\]]*)(?=\s)"
    # a full stop glued to the next sentence by careless copy: "éradiquer.Le secrétaire"
    r"|(?P<glued>(?<=[a-zà-ÿ]{2})\.(?=[A-ZÀ-Ý][a-zà-ÿ]))"
)
# Words that end with a dot without ending a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "inc", "co",
        "ltd", "corp", "jr", "sr", "vs", "etc", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "dept", "est", "fig",
        "vol", "pp", "ph.d", "a.m", "p.m",
    ]
)
_CLOSERS = {"“": "”", "«": "»", "「": "」", "『": "』"}


def _inside_open_quote(text: str, start: int, end: int) -> bool:
    """True when a curly, guillemet or corner quote opened in text[start:end] is still open."""
    depth = 0
    straight = 0
    for ch in text[start:end]:
        if ch in _CLOSERS:
            depth += 1
        elif ch in ("”", "»", "」", "』"):
            depth = max(0, depth - 1)
        elif ch == '"':
            straight ^= 1
    return depth > 0 or straight == 1


# An ordinal before a rank's noun: Turkish "2. Kademe", German "3. Stufe", not "rose to 12. Police".
_ORDINAL_RANK = re.compile(r"\s*(?:Kademe|Kategori\w*|Stufe|Gruppe|Grup\w*|Seviye\w*|Sıra)\b")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the dot at ``dot`` closes an abbreviation, an initial, or an ordinal before a rank."""
    if dot > 0 and text[dot - 1] in "123" and (dot < 2 or not text[dot - 2].isalnum()):
        return _ORDINAL_RANK.match(text, dot + 1) is not None
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    if not word:
        return False
    if len(word) == 1 and text[i].isupper():  # an initial: "M. Saravanan"
        return True
    return word in _ABBREVIATIONS


# Words a sentence cannot end on: a line that ends with one is cut mid-sentence.
_OPEN_ENDINGS = frozenset(
    ["the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "that", "its", "their",
     "de", "del", "la", "el", "los", "las", "y", "en", "le", "les", "des", "du", "et", "da", "do", "das", "dos", "em",
     "di", "della", "delle", "dei", "degli", "il", "per", "con", "nella", "sulla", "und", "von", "der", "zur", "zum"]
)
_LAST_WORD = re.compile(r"(\w+)\Z")


def _wrapped(text: str, sent_start: int, start: int, end: int, gap: str) -> bool:
    """A single line break inside a sentence, as in hard-wrapped statements: the line does not end a
    sentence ("en la lista de\nlos países", "children,\nsaying") and the next begins in lower case, or
    the line ends on a word no sentence ends on ("including the\nIslamic Republic"), or inside an open
    quotation."""
    if gap.count("\n") != 1 or start == 0 or end >= len(text):
        return False
    if text[start - 1] in ",;" and text[end].islower():  # "women and children,\nsaying"
        return True
    if not (text[start - 1].isalpha() and text[start - 1].islower()):
        return False
    if text[end].islower():
        return True
    if not text[end].isalpha():
        return False
    last = _LAST_WORD.search(text, max(sent_start, start - 12), start)
    return (last is not None and last.group(1) in _OPEN_ENDINGS) or _inside_open_quote(text, sent_start, start)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; empty pieces are dropped."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group("lat") is not None:
            if m.group("lat")[0] == "." and _is_abbreviation(text, m.start()):
                continue
            nxt = text[end : end + 3].lstrip()
            if nxt and nxt[0].islower():
                continue
            if _inside_open_quote(text, start, m.start()):
                continue
        elif m.group("nl") is not None:
            if _wrapped(text, start, m.start(), end, m.group("nl")):
                continue
        elif (m.group("cjk") is not None or m.group("glued") is not None) and _inside_open_quote(
            text, start, m.start()
        ):
            continue
        _append(out, text, start, m.end() if m.group("nl") is None else m.start())
        start = end
    _append(out, text, start, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
