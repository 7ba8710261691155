"""Stored page bytes (storage/compress.py): zstd written, zlib still read."""

from __future__ import annotations

import zlib

from hypothesis import given
from hypothesis import strategies as st

from storage.compress import ZSTD_MAGIC, pack, unpack


@given(st.binary(max_size=5000))
def test_round_trip(raw: bytes) -> None:
    blob = pack(raw)
    assert blob.startswith(ZSTD_MAGIC)
    assert unpack(blob) == raw


def test_reads_zlib_blobs_from_before_zstd() -> None:
    page = b"<html><body><p>an older row</p></body></html>" * 20
    assert unpack(zlib.compress(page, 1)) == page
    assert unpack(zlib.compress(page, 6)) == page


def test_compresses_html() -> None:
    page = b"<div class='story'><p>Trafficking in Persons report</p></div>\n" * 200
    assert len(pack(page)) < len(page) / 10
