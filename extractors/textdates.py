"""Dates written in a text: "June 24, 2025", "24 de junio de 2025", "2025年6月25日", "2025-06-25".

An item that comes without a publication date (a pasted text, an archive capture) usually
carries one in its dateline or body; the latest full date written in it stands in for it.
Month names come from CLDR (babel), in the languages detection reads.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from newswatch.text import ASCII_DIGITS, NATIVE_DIGITS

__all__ = ["latest_date"]

# Languages whose month names are looked up (CJK dates are written with digits).
_LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl", "ru", "uk", "id", "tr", "ar", "ro", "pl", "cs")
_YEAR = r"((?:19|20)\d\d)"


_DIGITS = str.maketrans(NATIVE_DIGITS, ASCII_DIGITS)


@cache
def _months() -> tuple[dict[str, int], re.Pattern[str]]:
    from babel import Locale

    names: dict[str, int] = {}
    for lang in _LANGUAGES:
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = name.casefold().rstrip(".")
                    if len(key) >= 3 and not key.isdigit():
                        names.setdefault(key, number)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    month = rf"({alternation})\.?"
    day = r"(\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
    pattern = re.compile(
        rf"(?i)(?<!\d){_YEAR}[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?!\d)"  # 2025-06-25
        # 02/07/2016, 04-08-2015 (day first unless it cannot be)
        rf"|(?<![\d/.-])(\d{{1,2}})([/.-])(\d{{1,2}})\5{_YEAR}(?!\d)"
        rf"|(?<![\d/.-]){_YEAR}-(\d\d)(?![\d/.-])"  # 2023-06: a month (dated its first day)
        rf"|{_YEAR}\s*[年년]\s*(\d{{1,2}})\s*[月월]\s*(\d{{1,2}})"  # 2025年6月25日
        rf"|(?<![\w]){day}\s+(?:de\s+)?{month}(?!\w),?\s+(?:de\s+|del\s+)?{_YEAR}(?!\d)"  # 24 June 2025
        rf"|(?<![\w]){month}(?!\w)\s+{day},?\s+{_YEAR}(?!\d)"  # June 24, 2025
        rf"|ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+{_YEAR}"  # ngày 4 tháng 8 năm 2015
    )
    return names, pattern


_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans around each year written in `text` (merged), where a date holding it can be: the whole
    pattern tried at every offset of a long text costs half a millisecond."""
    spans: list[tuple[int, int]] = []
    for m in _ANY_YEAR.finditer(text):
        lo, hi = max(0, m.start() - 40), min(len(text), m.end() + 12)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def latest_date(text: str) -> date | None:
    """The latest valid full date written in `text`, or None."""
    names, pattern = _months()
    text = text.translate(_DIGITS)
    best: date | None = None
    for m in (m for lo, hi in _windows(text) for m in pattern.finditer(text, lo, hi)):
        g = m.groups()
        if g[0]:
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif g[3]:
            first, second, y = int(g[3]), int(g[5]), int(g[6])
            d, mo = (second, first) if second > 12 else (first, second)
        elif g[7]:
            y, mo, d = int(g[7]), int(g[8]), 1
        elif g[9]:
            y, mo, d = int(g[9]), int(g[10]), int(g[11])
        elif g[12]:
            y, mo, d = int(g[14]), names[g[13].casefold()], int(g[12])
        elif g[15]:
            y, mo, d = int(g[17]), names[g[15].casefold()], int(g[16])
        else:
            y, mo, d = int(g[20]), int(g[19]), int(g[18])
        try:
            found = date(y, mo, d)
        except ValueError:
            continue
        if best is None or found > best:
            best = found
    return best
