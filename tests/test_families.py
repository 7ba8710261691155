"""The registry of report families against the report lexicon and the pre-filter (no I/O).

A report name the pre-filter (`may_mention_report`) would not pass makes detection drop the article
before it looks: these tests fail instead.
"""

from __future__ import annotations

import itertools
import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import pytest

from extractors.cues import REPORTS, to_simplified
from extractors.families import FAMILIES, GATE_STEMS
from extractors.mentions import TRAFFICKING_REPORT_FAMILIES, may_mention_report
from extractors.structure import FAMILIES as STRUCTURE_FAMILIES

_CAP = 400  # strings per pattern at most


def test_registry_is_the_one_source() -> None:
    assert tuple(FAMILIES) == TRAFFICKING_REPORT_FAMILIES
    for key, family in FAMILIES.items():
        assert STRUCTURE_FAMILIES[key] == (family.name, family.issuer, family.issuer_code)
        assert family.stems and all(stem == stem.lower() for stem in family.stems)
    assert FAMILIES["tip"].issuer_code == "US"
    assert set(GATE_STEMS) == {s for f in FAMILIES.values() for s in f.stems} - {"tip"}


@pytest.mark.parametrize("key", list(FAMILIES))
def test_every_registered_name_is_found_and_passes_the_prefilter(key: str) -> None:
    for name in FAMILIES[key].names:
        text = f"Officials discussed the {name} on Tuesday."
        assert may_mention_report(text), f"pre-filter drops {name!r}"
        found = {term.means for _m, term in REPORTS.finditer(to_simplified(text))}
        assert key in found, f"{name!r} is not found as {key} (found {found or 'nothing'})"
        stems = FAMILIES[key].stems
        low = name.lower()
        assert any(stem in low for stem in stems) or re.search(r"\btip\b", low), f"{name!r}: no stem of {key}"


def _expand(items: list[tuple[Any, Any]]) -> list[str]:
    """Shortest strings a parsed pattern matches, one per combination of alternatives (capped);
    a lookahead's own text is appended, as the text must hold it too."""
    out = [""]
    tails = [""]
    for op, av in items:
        options: list[str]
        if op is C.LITERAL:
            options = [chr(av)]
        elif op is C.NOT_LITERAL:
            options = ["x" if chr(av) != "x" else "y"]
        elif op is C.IN:
            options = [_class_sample(av)]
        elif op is C.ANY:
            options = ["x"]
        elif op is C.BRANCH:
            options = [s for alt in av[1] for s in _expand(list(alt))]
        elif op is C.SUBPATTERN:
            options = _expand(list(av[3]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            inner = _expand(list(sub))
            options = [s * lo for s in inner] if lo else [""]
        elif op is C.ASSERT and av[0] == 1:  # lookahead: the text must hold it after the match
            tails = [t + " " + s for t in tails for s in _expand(list(av[1]))][:_CAP]
            continue
        else:  # AT, ASSERT_NOT, lookbehind, GROUPREF: no text of their own
            continue
        out = [a + b for a, b in itertools.product(out, dict.fromkeys(options))][:_CAP]
    return [a + t for a in out for t in tails][:_CAP]


def _class_sample(items: list[tuple[Any, Any]]) -> str:
    negated = any(op is C.NEGATE for op, _ in items)
    if negated:
        return "x"
    for op, av in items:
        if op is C.LITERAL:
            return chr(av)
        if op is C.RANGE:
            return chr(av[0])
        if op is C.CATEGORY:
            return {C.CATEGORY_SPACE: " ", C.CATEGORY_DIGIT: "2"}.get(av, "a")
    return "a"


def _report_patterns() -> list[tuple[str, re.Pattern[str]]]:
    lex: Any = REPORTS
    pairs = list(zip(lex._spaced_terms, lex._scanner.patterns, strict=True))
    pairs += list(zip(lex._unspaced_terms, lex._cjk_scanner.patterns, strict=True))
    return [(term.means, rx) for term, rx in pairs if term.means in FAMILIES]


def test_the_generator_reads_patterns() -> None:
    rx = re.compile(r"(?:informe|reporte)s?\s+sobre\s+(?:la\s+)?(?:trata|tráfico)(?=\s+de)")
    got = _expand(list(P.parse(rx.pattern, rx.flags)))
    assert "informe sobre trata  de" in got and "reporte sobre tráfico  de" in got
    assert all(rx.search(s) for s in got)


def test_every_report_pattern_passes_the_prefilter() -> None:
    """Each alternative of each family pattern in the lexicon, at its shortest, holds a registered stem."""
    checked = 0
    dropped: list[str] = []
    for kind, rx in _report_patterns():
        for sample in _expand(list(P.parse(rx.pattern, rx.flags))):
            checked += 1
            if not may_mention_report(sample):
                dropped.append(f"{kind}: {sample!r} (pattern {rx.pattern[:60]!r})")
    assert checked > 100
    assert not dropped, "the pre-filter drops report names:\n" + "\n".join(dropped[:20])


def test_tip_next_to_other_scripts_passes() -> None:
    assert may_mention_report("美国国务院发表TIP报告")
    assert may_mention_report("รายงานTIP ประจำปี")
    assert may_mention_report("The US report kept the country on the watch list")
    assert not may_mention_report("Tips for a multiple-tier cake")
