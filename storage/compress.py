"""How stored page bytes are compressed: zstandard, reading zlib rows written before it.

On the benchmark pages zstd at level 3 takes 0.55 ms per page for 19.7 % of the raw size,
zlib at level 1 1.5 ms for 23.5 % (docs/BENCHMARKS.md). A zstd frame starts with its
magic number and a zlib stream with 0x78, so old rows need no marker or migration.
"""

from __future__ import annotations

import threading
import zlib

import zstandard

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
LEVEL = 3
_local = threading.local()  # zstd contexts are not thread-safe: one per thread


def pack(raw: bytes) -> bytes:
    compressor = getattr(_local, "compressor", None)
    if compressor is None:
        compressor = _local.compressor = zstandard.ZstdCompressor(level=LEVEL)
    return bytes(compressor.compress(raw))


def unpack(blob: bytes) -> bytes:
    """The page bytes of a stored blob, zstd or (older rows) zlib."""
    if blob[:4] == ZSTD_MAGIC:
        decompressor = getattr(_local, "decompressor", None)
        if decompressor is None:
            decompressor = _local.decompressor = zstandard.ZstdDecompressor()
        return bytes(decompressor.decompress(blob))
    return zlib.decompress(blob)
