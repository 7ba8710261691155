"""Detection speed: milliseconds per article on the dev and holdout sets, in one process.

    python -m bench.detect_speed

Prints a table and, last, one JSON line. Figures are measured, never asserted.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from extractors.detect import detect
from newswatch.cli.eval_detection import load_cases

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main() -> None:
    cases = [c for name in ("detection_dev.jsonl", "detection_holdout.jsonl") for c in load_cases(DATA / name)]
    for c in cases[:20]:  # warm up regex caches
        detect(c.title, c.text)
    timings = []
    for c in cases:
        start = time.perf_counter()
        for _ in range(5):
            detect(c.title, c.text)
        timings.append((time.perf_counter() - start) / 5 * 1000)
    chars = [len(c.text) for c in cases]
    result = {
        "cases": len(cases),
        "median_ms": round(statistics.median(timings), 3),
        "p95_ms": round(sorted(timings)[int(0.95 * len(timings))], 3),
        "max_ms": round(max(timings), 3),
        "median_chars": int(statistics.median(chars)),
        "ms_per_1000_chars": round(sum(timings) / (sum(chars) / 1000), 3),
    }
    for key, value in result.items():
        print(f"{key:>18}  {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
