"""extractors/cues.py patterns shared by several detectors (synthetic strings)."""

from __future__ import annotations

import pytest

from extractors import actors, cues
from extractors.cues import RELATIVE_CLAUSE_RE


@pytest.mark.parametrize(
    ("after_name", "expected"),
    [
        (", which rejected it", True),
        (" , who called it biased", True),
        (", quien lo rechazó", True),
        (", laquelle a rejeté", True),
        (", welches den Bericht", True),
        (", который отверг", True),
        (", yang menolak", True),
        (", التي رفضت", True),
        (" rejected it", False),
        (", whichever report", False),
        (" which rejected it", False),  # no comma: not a relative clause set off from the name
    ],
)
def test_relative_clause_after_a_name(after_name: str, expected: bool) -> None:
    assert (RELATIVE_CLAUSE_RE.match(after_name) is not None) is expected


def test_one_relative_clause_pattern() -> None:
    # The actor model and the stance detector read "..., which rejected it" the same way.
    assert actors.RELATIVE_CLAUSE_RE is cues.RELATIVE_CLAUSE_RE


def test_every_tier_pattern_starts_with_known_letters() -> None:
    """A pattern whose first letters cannot be told is run over the whole text of every item: one such
    tier pattern (a Turkish "3üncü" after an optional space) cost detection 7 % of its time."""
    scanners = [v for v in vars(cues.TIERS).values() if isinstance(v, cues.Scanner)]
    assert scanners
    assert [i for sc in scanners for i in sc._always] == []


def test_fast_concept_patterns_match_the_plain_ones() -> None:
    """The concept patterns run behind a lookahead on their first letters; on every synthetic text they must
    find exactly what the plain patterns find (a letter left out of the lookahead would lose matches)."""
    import json
    from pathlib import Path

    texts = [
        json.loads(line)["text"]
        for path in sorted((Path(__file__).parent / "data").glob("detection_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ] + ["İNSAN ALVERİ İLƏ BAĞLI HESABATI", "KHUMAN TRAFFICKING"]
    texts = [cues.to_simplified(t) for t in texts]
    for name, plain in cues.PLAIN_CONCEPTS.items():
        fast = getattr(cues, name)
        assert fast is not plain and fast.pattern.startswith("(?=[")
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (name, text)
