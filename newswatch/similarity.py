"""Near-duplicate text: MinHash signatures (datasketch) and the LSH band keys stories are found by.

A signature summarises an article's body (not its title, so a syndicated copy under a new
headline keeps its signature) as NUM_PERM 32-bit minimum hashes of its word 3-shingles (CJK
characters count as words). Two signatures agreeing in a fraction J of places estimate the
texts' Jaccard similarity J. The signature is cut into BANDS bands of ROWS values; a band's
hash is a 63-bit key, so two texts sharing any key are candidates (with 16 bands of 4 the
chance is 50% at J = 0.5, 99% at J = 0.8, 0.2% at J = 0.1), then checked on the full signature.

The signature is datasketch's `MinHash(num_perm=64, seed=1, scheme="affine32")`, bit for bit
(tests/test_similarity.py checks it against datasketch on every run). It is computed here with
numpy because importing datasketch loads all of its package (scipy, redis, opentelemetry):
about 115 MB more in the process that stores records, a third of the run's memory budget.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SEED = 1
SHINGLE = 3
MIN_TOKENS = 12  # shorter texts say too little to be called copies of anything
COPY_THRESHOLD = 0.5  # estimated Jaccard from which two texts are one story (a copy or a light edit)

# Its own class, not newswatch/text.py's (kana and BMP ideographs: no Hangul, no Extension B): signatures
# are stored, so changing what a word is changes every stored signature (recompute the minhash column).
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-cased words of `text`; each CJK character is a word of its own."""
    return _TOKEN.findall(text.lower())


def shingles(text: str) -> set[bytes]:
    """The text's word 3-shingles (empty when it has fewer than MIN_TOKENS words)."""
    words = tokens(text)
    if len(words) < MIN_TOKENS:
        return set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    """The affine permutations h -> a*h + b (mod 2^32, `a` odd), drawn as datasketch draws them."""
    import numpy as np  # imported on first use

    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def signature(text: str) -> bytes | None:
    """The MinHash signature of `text` (NUM_PERM little-endian uint32), None for a text too short."""
    grams = shingles(text)
    if not grams:
        return None
    import numpy as np

    # Each shingle's SHA-1 (first 4 bytes, little-endian), mixed by MurmurHash3's 32-bit finalizer.
    hv = np.frombuffer(b"".join(hashlib.sha1(g).digest()[:4] for g in grams), dtype="<u4").astype(np.uint32)
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    a, b = _permutations()
    values = (hv.reshape(-1, 1) * a + b).min(axis=0)  # uint32 arithmetic wraps: mod 2^32
    return bytes(values.astype("<u4").tobytes())


def band_keys(sig: bytes) -> list[tuple[int, int]]:
    """(band number, 63-bit key) for each band of a signature."""
    width = ROWS * 4
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * width : (band + 1) * width], digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little") >> 1))  # fits a signed BIGINT
    return out


def similarity(a: bytes | None, b: bytes | None) -> float:
    """Estimated Jaccard similarity of two signatures' texts (0.0 when either is missing)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    same = sum(1 for i in range(0, len(a), 4) if a[i : i + 4] == b[i : i + 4])
    return same / (len(a) // 4)
