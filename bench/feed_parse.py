"""Feed parse time with and without emptying entry content (docs/RELIABILITY.md), on the
200 real feeds of ../shared/corpora/feeds-bulk; also the old regex it replaced, for comparison.

    .venv/bin/python -m bench.feed_parse [PATH/TO/feeds.tar.gz]
"""

from __future__ import annotations

import re
import sys
import tarfile
import time
from collections.abc import Callable

from extractors import feeds
from newswatch.errors import ParseError
from tests.helpers import SHARED

FEEDS_TAR = SHARED / "corpora" / "feeds-bulk" / "feeds.tar.gz"
_OLD = re.compile(rb"<(content:encoded|content)(\s[^>]*)?(?<!/)>.*?</\1\s*>", re.S)  # before issue 12


def _old(data: bytes) -> bytes:
    return _OLD.sub(lambda m: b"<" + m.group(1) + (m.group(2) or b"") + b"></" + m.group(1) + b">", data)


def main() -> None:
    with tarfile.open(sys.argv[1] if len(sys.argv) > 1 else FEEDS_TAR) as tf:
        blobs = [f.read() for m in tf if m.isfile() and (f := tf.extractfile(m)) is not None]
    scan = feeds.empty_entry_content

    def parse_all() -> tuple[float, list[object]]:
        started, out = time.perf_counter(), []
        for blob in blobs:
            try:
                feed = feeds.parse_feed(blob, "https://feeds.example.org/x")
                out.append([(e.url, e.title, e.guid, e.published_at) for e in feed.entries])
            except ParseError as exc:
                out.append(str(exc))
        return time.perf_counter() - started, out

    variants: list[tuple[str, bool, Callable[[bytes], bytes]]] = [("none", False, scan), ("old regex", True, _old),
                                                                   ("scan", True, scan)]
    best: dict[str, float] = {}
    entries: dict[str, list[object]] = {}
    for _ in range(3):
        for name, on, fn in variants:
            feeds._EMPTY_CONTENT, feeds.empty_entry_content = on, fn
            took, entries[name] = parse_all()
            best[name] = min(best.get(name, took), took)
    feeds._EMPTY_CONTENT, feeds.empty_entry_content = True, scan
    print(f"{len(blobs)} feeds, {sum(map(len, blobs)) // 1024} KiB; best of 3:")
    for name, _, _ in variants:
        print(f"  {name:10s} {best[name]:.3f} s ({1 - best[name] / best['none']:.0%} less than none)")
    print("same entries:", entries["scan"] == entries["none"] == entries["old regex"])
    for name, fn in (("scan", scan), ("old regex", _old)):
        started = time.perf_counter()
        for blob in blobs:
            fn(blob)
        print(f"  {name} alone: {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main()
