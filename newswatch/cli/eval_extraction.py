"""Article-extraction quality on a folder in the Zyte benchmark's layout.

The layout: `html/<id>.html.gz` (the saved page) and `ground-truth.json`
(`{id: {"url": ..., "articleBody": ...}}`). The metric is the benchmark's own:
`\\w+` tokens, multisets of 4-token shingles, per-page tp/fp/fn normalised to sum 1,
precision and recall averaged over pages, F1 of the two means, and a bootstrap
over pages for the spread. Extraction is newswatch's own path (`extract_article`
on the raw bytes), spread over a process pool.
"""

from __future__ import annotations

import gzip
import json
import math
import multiprocessing
import os
import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newswatch.errors import ConfigError

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
BOOTSTRAP = 1000
SEED = 20191119  # fixed, so the ± is the same on every run

Counts = tuple[float, float, float]  # tp, fp, fn, normalised to sum 1 (or all 0)


@dataclass(frozen=True)
class Scores:
    """Benchmark figures over a set of pages; the `*_std` are bootstrap standard deviations."""

    pages: int
    precision: float
    recall: float
    f1: float
    precision_std: float = 0.0
    recall_std: float = 0.0
    f1_std: float = 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "pages": self.pages, "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "precision_std": self.precision_std, "recall_std": self.recall_std, "f1_std": self.f1_std,
        }


@dataclass(frozen=True)
class BenchPage:
    """One page of a Zyte-layout folder."""

    id: str
    url: str
    html: bytes  # as saved, gunzipped
    truth: str


# --- the metric -----------------------------------------------------------------


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of `n`-token shingles; a text of fewer than `n` tokens is one short shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, predicted: str) -> Counts:
    """(tp, fp, fn) of one page over shingles, divided by their sum so every page weighs the same."""
    want, got = shingles(truth), shingles(predicted)
    tp = float(sum((want & got).values()))
    fp = float(sum((got - want).values()))
    fn = float(sum((want - got).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(counts: Sequence[Counts]) -> Scores:
    """Precision and recall averaged over pages, and the F1 of the two averages."""
    precision = _mean([_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0])
    recall = _mean([_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(len(counts), precision, recall, f1)


def score_with_spread(counts: Sequence[Counts], resamples: int = BOOTSTRAP, seed: int = SEED) -> Scores:
    """`score`, with the standard deviation of each figure over bootstrap resamples of pages."""
    base = score(counts)
    if len(counts) < 2 or resamples < 2:
        return base
    rng = random.Random(seed)
    n = len(counts)
    samples = [score([counts[rng.randrange(n)] for _ in range(n)]) for _ in range(resamples)]
    return Scores(
        base.pages, base.precision, base.recall, base.f1,
        precision_std=statistics.stdev(s.precision for s in samples),
        recall_std=statistics.stdev(s.recall for s in samples),
        f1_std=statistics.stdev(s.f1 for s in samples),
    )


def _ratio(tp: float, fp: float, fn: float, miss: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + miss) if tp + miss else 0.0


def _mean(values: list[float]) -> float:
    return math.fsum(values) / len(values) if values else 0.0


# --- the folder and the extraction ------------------------------------------------


def load_benchmark(folder: Path, ids: Iterable[str] | None = None) -> list[BenchPage]:
    """Pages of a Zyte-layout folder (all, or the named `ids`), in id order."""
    truth_path = folder / "ground-truth.json"
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{folder}: no ground-truth.json (expected the Zyte benchmark layout)") from exc
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{truth_path}: cannot read: {exc}") from exc
    if not isinstance(truth, dict):
        raise ConfigError(f"{truth_path}: expected an object of {{id: {{url, articleBody}}}}")
    wanted = sorted(truth) if ids is None else list(ids)
    pages = []
    for page_id in wanted:
        entry = truth.get(page_id)
        if not isinstance(entry, dict):
            raise ConfigError(f"{truth_path}: no entry for {page_id!r}")
        path = folder / "html" / f"{page_id}.html.gz"
        try:
            html = gzip.decompress(path.read_bytes())
        except (OSError, EOFError) as exc:
            raise ConfigError(f"{path}: cannot read: {exc}") from exc
        pages.append(BenchPage(page_id, str(entry.get("url") or ""), html, str(entry.get("articleBody") or "")))
    return pages


def extract_text(page: BenchPage) -> str:
    """The main text newswatch stores for `page` (the ingest path, from raw bytes)."""
    from extractors.article import extract_article

    return extract_article(page.html, page.url or f"https://benchmark.invalid/{page.id}").text


def predict(
    pages: Sequence[BenchPage], extract: Callable[[BenchPage], str] = extract_text, workers: int = 0
) -> dict[str, str]:
    """{id: extracted text}, extracting in `workers` processes (0: one per core; 1: in this process)."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(pages) < 2:
        return {p.id: extract(p) for p in pages}
    ctx = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(workers, len(pages)), mp_context=ctx) as pool:
        texts = list(pool.map(extract, pages, chunksize=4))
    return {p.id: t for p, t in zip(pages, texts, strict=True)}


def evaluate(pages: Sequence[BenchPage], predictions: Mapping[str, str], resamples: int = BOOTSTRAP) -> Scores:
    """Score `predictions` ({id: text}; a missing id counts as empty) against the pages' truth."""
    counts = [page_counts(p.truth, predictions.get(p.id, "")) for p in pages]
    return score_with_spread(counts, resamples)


def write_predictions(path: Path, predictions: Mapping[str, str]) -> None:
    """Write `{id: {"articleBody": text}}`, the benchmark's prediction format."""
    data = {k: {"articleBody": v} for k, v in sorted(predictions.items())}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
