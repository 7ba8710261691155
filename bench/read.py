"""Reading at scale: search p95, compare, timeline, export rate and memory on a store of N records.

    python -m bench.read --n 100000 --db sqlite:////tmp/nw-read.db --db postgresql+psycopg://postgres@127.0.0.1:5432/nw_read

For each database: builds a store of N records by cycling a corpus under distinct URLs (the
synthetic detection cases in tests/data, analysed by the detector, and, when present, the 181
real pages of ../shared/corpora/article-extraction-benchmark, extracted once), then measures in
a fresh process and prints one JSON line. The store is built with bulk inserts carrying every
column, search row, jurisdiction row and LSH band that `Store.save_pages` writes (copies of one
corpus item form one story, as the save path would make them); `save_ms` is the per-record cost
of `Store.save_pages` itself (stories included) for 1,000 more records into the full store.
An existing store with N records is reused (`--rebuild` to start again).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
_SHARED = next((p / "shared" for p in (REPO.parent, REPO.parents[1]) if (p / "shared").is_dir()),
               REPO.parent / "shared")
PAGES = _SHARED / "corpora" / "article-extraction-benchmark" / "html"
CASES = [REPO / "tests" / "data" / n for n in ("detection_dev.jsonl", "detection_holdout.jsonl",
                                               "detection_blind3.jsonl")]
QUERIES = [
    "trafficking", "report", '"Trafficking in Persons"', "government rejects", "Tier 2", "Hong Kong",
    "人口贩运", "报告", "police", "election", "forced labour", "spokesperson", "ministry", "watch list",
    "climate", "prosecutions", "migrant workers", "court", "slavery index", "economy",
]
FILTERED = [  # (query, filter keyword arguments)
    ("report", {"rebuttal": True}), ("trafficking", {"jurisdiction": "CN"}), ("report", {"year": 2024}),
    ("trafficking", {"language": "zh"}), ("government", {"report": True, "jurisdiction": "HK"}),
]


def corpus() -> list[Any]:
    """PageRecords: every synthetic detection case, plus the real benchmark pages when present."""
    from extractors.detect import detect
    from extractors.language import identify_language
    from extractors.page import extract_and_detect
    from newswatch.models import Article, PageJob, PageRecord

    base = datetime(2025, 7, 1, tzinfo=UTC)
    out = []
    for path in CASES:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            case = json.loads(line)
            case["url"] = case.get("url") or f"https://cases.example.org/{case['id']}"
            published = base + timedelta(days=n % 120)
            language = identify_language(case["text"])
            det = detect(case["title"], case["text"], language, published=published)
            art = Article(url=case["url"], title=case["title"], text=case["text"], language=language,
                          published_at=published, published_from="page", site_name=case["url"].split("/")[2])
            out.append(PageRecord(source="bench-cases", article=art, detection=det,
                                  raw_html=("<html><body><p>" + case["text"] + "</p></body></html>").encode(),
                                  fetched_at=published))
    if PAGES.is_dir():
        for n, path in enumerate(sorted(PAGES.glob("*.html.gz"))):
            body = gzip.decompress(path.read_bytes())
            job = PageJob(source="bench-pages", url=f"https://pages.example.org/{path.stem}", body=body,
                          fetched_at=base + timedelta(days=n % 120))
            out.append(extract_and_detect(job))
    return out


def build(url: str, n: int) -> dict[str, Any]:
    """Fill an empty store with n records cycled from the corpus (bulk inserts)."""
    from sqlalchemy import insert, text

    from newswatch.facets import jurisdiction_keys
    from newswatch.similarity import band_keys, signature
    from storage import fts
    from storage.schema import article_jurisdictions, article_sources, articles, story_bands
    from storage.store import Store, _article_row

    started = time.perf_counter()
    items = corpus()
    prepared = []
    for page in items:
        row = _article_row(replace(page, raw_html=b""))  # the bytes are not read by any of these queries
        sig = signature(row["text"])
        prepared.append((row, sig, band_keys(sig) if sig else [], jurisdiction_keys(row["record"])))
    now = datetime.now(UTC)
    first_id: dict[int, int] = {}
    with Store(url) as store:
        sqlite = store.engine.dialect.name == "sqlite"
        batch = 2000
        for start in range(0, n, batch):
            rows, bands, places, links, search = [], [], [], [], []
            for i in range(start, min(n, start + batch)):
                k = i % len(prepared)
                row, sig, keys, place_keys = prepared[k]
                aid = i + 1
                story = first_id.setdefault(k, aid)
                rows.append({**row, "id": aid, "url": f"{row['url']}#copy-{i}", "minhash": sig,
                             "story_id": story if sig else aid, "created_at": now, "updated_at": now})
                bands.extend({"article_id": aid, "band": b, "key": key} for b, key in keys)
                places.extend({"article_id": aid, "jurisdiction": p} for p in place_keys)
                links.append({"article_id": aid, "source": row["source"], "first_seen_at": now})
                if sqlite:
                    search.append({"id": aid, "doc": fts.search_document(row["title"], row["text"]),
                                   "title": fts.search_title(row["title"])})
            with store.engine.begin() as conn:
                conn.execute(insert(articles), rows)
                conn.execute(insert(article_sources), links)
                if bands:
                    conn.execute(insert(story_bands), bands)
                if places:
                    conn.execute(insert(article_jurisdictions), places)
                if search:
                    conn.execute(text(f"INSERT INTO {fts.SQLITE_TABLE} (rowid, doc, title) "
                                      "VALUES (:id, :doc, :title)"), search)
        with store.engine.begin() as conn:
            if sqlite:
                conn.exec_driver_sql("ANALYZE")
            else:
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('articles', 'id'), {n})")
        if not sqlite:
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        built = time.perf_counter() - started
        # The save path itself (stories included) on the full store.
        extra = [replace(p, article=replace(p.article, url=f"{p.article.url}#save-{j}"))
                 for j, p in enumerate(items[j % len(items)] for j in range(1000))]
        t0 = time.perf_counter()
        for j in range(0, len(extra), 50):
            store.save_pages(extra[j : j + 50])
        save_ms = (time.perf_counter() - t0) * 1000 / len(extra)
    return {"corpus": len(items), "build_s": round(built, 1), "save_ms": round(save_ms, 2)}


def measure(url: str) -> dict[str, Any]:
    """Search p95, compare and timeline times, export rate and RSS on a built store."""
    from flows import reading
    from newswatch.cli.export import export_tuples, write_csv, write_jsonl, write_parquet
    from storage.reading import RecordFilter
    from storage.store import Store

    out: dict[str, Any] = {}
    with Store(url) as store:
        out["records"] = store.count_articles()
        reading.search_records(store, "warm up")
        times = []
        for _round in range(3):
            for q in QUERIES:
                t0 = time.perf_counter()
                reading.search_records(store, q, limit=50)
                times.append(time.perf_counter() - t0)
            for q, kw in FILTERED:
                t0 = time.perf_counter()
                reading.search_records(store, q, RecordFilter(**kw), limit=50)
                times.append(time.perf_counter() - t0)
        out["search_p50_ms"] = round(statistics.median(times) * 1000, 1)
        out["search_p95_ms"] = round(sorted(times)[int(len(times) * 0.95) - 1] * 1000, 1)
        out["search_max_ms"] = round(max(times) * 1000, 1)

        refs = [1, 2, 50, 300, 600]
        ctimes = []
        for rid in refs:
            t0 = time.perf_counter()
            ref = reading.reference_from_record(store, rid)
            if ref is not None:
                reading.compare(store, ref, limit=10)
            ctimes.append(time.perf_counter() - t0)
        out["compare_median_ms"] = round(statistics.median(ctimes) * 1000, 1)
        out["compare_max_ms"] = round(max(ctimes) * 1000, 1)

        ttimes = []
        for place in ("HK", "CN", "TH", "Malaysia", "US", "MO"):
            t0 = time.perf_counter()
            reading.timeline(store, place)
            ttimes.append(time.perf_counter() - t0)
        out["timeline_median_ms"] = round(statistics.median(ttimes) * 1000, 1)
        out["timeline_max_ms"] = round(max(ttimes) * 1000, 1)

        rss_before = _rss_mb()
        samples: list[float] = []

        def sampled() -> Iterator[tuple[Any, ...]]:
            for n, rec in enumerate(export_tuples(store, RecordFilter()), 1):
                if n % 10_000 == 0:
                    samples.append(_rss_mb())
                yield rec

        with open(os.devnull, "w", encoding="utf-8", newline="") as sink:  # as `records export --out FILE` opens it
            t0 = time.perf_counter()
            count = write_jsonl(sampled(), sink)
            elapsed = time.perf_counter() - t0
            out["export_jsonl_per_s"] = round(count / elapsed)
            out["export_rss_mb_at_10k_and_end"] = [samples[0] if samples else None, samples[-1] if samples else None]
            out["export_rss_mb_before"] = rss_before
            t0 = time.perf_counter()
            count = write_csv(export_tuples(store, RecordFilter()), sink)
            out["export_csv_per_s"] = round(count / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        path = f"/tmp/nw-bench-{os.getpid()}.parquet"
        count = write_parquet(export_tuples(store, RecordFilter()), path)
        out["export_parquet_per_s"] = round(count / (time.perf_counter() - t0))
        os.unlink(path)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return round(int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def _count(url: str) -> int:
    from storage.store import Store

    with Store(url) as store:
        return store.count_articles()


def _reset(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db", action="append", help="database URL (repeatable)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--step", choices=["build", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    dbs = args.db or ["sqlite:////tmp/nw-read-bench.db"]
    if args.step:
        result = build(dbs[0], args.n) if args.step == "build" else measure(dbs[0])
        print(json.dumps(result))
        return
    for url in dbs:
        line: dict[str, Any] = {"db": url.split(":")[0], "n": args.n}
        if args.rebuild or _count_or_zero(url) < args.n:
            _reset(url)
            line.update(_step("build", url, args.n))
        line.update(_step("measure", url, args.n))
        print(json.dumps(line), flush=True)


def _count_or_zero(url: str) -> int:
    try:
        return _count(url)
    except Exception:
        return 0


def _step(step: str, url: str, n: int) -> dict[str, Any]:
    """Run one step in a fresh process, so its memory is its own."""
    done = subprocess.run([sys.executable, "-m", "bench.read", "--step", step, "--n", str(n), "--db", url],
                          cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{step} failed on {url}:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
