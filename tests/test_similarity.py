"""MinHash signatures: bit for bit datasketch's, computed without importing it at run time."""

from __future__ import annotations

import subprocess
import sys

from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from newswatch.similarity import NUM_PERM, SEED, shingles, signature, similarity

WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=8)


def _datasketch(text: str) -> bytes:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")
    mh.update_batch(list(shingles(text)))
    return bytes(mh.hashvalues.astype("<u4").tobytes())


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=12, max_size=200))
def test_signature_equals_datasketch(words: list[str]) -> None:
    text = " ".join(words)
    sig = signature(text)
    if not shingles(text):  # CJK-only or too few words after tokenising
        assert sig is None
        return
    assert sig == _datasketch(text)


def test_synthetic_article_signature_equals_datasketch_and_copies_are_similar() -> None:
    wire = ("The Ministry of Foreign Affairs of Examplestan said on Tuesday that the annual report on "
            "trafficking in persons was biased and ignored the government's efforts to protect victims. ") * 3
    edited = wire.replace("Tuesday", "Wednesday") + "A spokesperson added nothing further."
    assert signature(wire) == _datasketch(wire)
    assert similarity(signature(wire), signature(edited)) >= 0.6
    assert similarity(signature(wire), signature("An unrelated note about harbour traffic. " * 5)) < 0.1


def test_storing_process_does_not_import_datasketch() -> None:
    code = ("import sys; from newswatch.similarity import signature; "
            "signature('word ' * 40 + 'other words here'); "
            "print(sorted(m for m in ('datasketch', 'scipy', 'redis') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
