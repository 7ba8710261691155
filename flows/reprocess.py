"""Re-run extraction and detection over stored raw HTML, without refetching.

A better extractor or detector then improves old records; only rows whose output
changed are written.

The flow's window bounds the records by publication date: `since`/`until` when given;
for a run created by a schedule (or for a past slot through Prefect's schedule
endpoint), the `interval_minutes` before its scheduled start; otherwise (a run by hand,
`newswatch reprocess`) every stored record.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from prefect import flow

from flows.ingest import RunWindow, auto_scheduled, resolve_window, scheduled_start
from flows.workers import analysis_pool, extract_and_detect_lean
from newswatch.models import PageJob, PageRecord
from newswatch.progress import NullProgress, ProgressReporter
from newswatch.settings import load_settings
from storage.store import Store

_CHUNK = 64


def reprocess_store(
    store: Store, *, since: date | None = None, source: str | None = None,
    progress: ProgressReporter | None = None, workers: int = 0, until: datetime | None = None,
) -> dict[str, int]:
    """Re-analyse stored pages published in [since, until); returns counts seen / updated / unchanged."""
    counts = {"seen": 0, "updated": 0, "unchanged": 0}
    progress = progress or NullProgress()
    progress.phase("reprocessing")
    with analysis_pool(workers) as pool:
        for ids, records in _batches(store, since, until, source, pool):
            for article_id, record in zip(ids, records, strict=True):
                changed = store.update_analysis(article_id, record)
                counts["updated" if changed else "unchanged"] += 1
                counts["seen"] += 1
            progress.advance(len(ids))
    return counts


def _batches(
    store: Store, since: date | None, until: datetime | None, source: str | None, pool: ProcessPoolExecutor
) -> Iterator[tuple[list[int], list[PageRecord]]]:
    ids: list[int] = []
    jobs: list[PageJob] = []
    for article_id, url, src, raw, fetched_at, dates in store.iter_raw(since=since, until=until, source=source):
        hint = dates["published_at"] if dates["published_from"] not in (None, "page", "fetch") else None
        ids.append(article_id)
        jobs.append(PageJob(source=src, url=url, body=raw, fetched_at=fetched_at, hint_date=hint,
                            hint_source=dates["published_from"] if hint else "feed",
                            every_byline=True))  # keep the authors an earlier version found
        if len(jobs) >= _CHUNK:
            yield ids, list(pool.map(extract_and_detect_lean, jobs))
            ids, jobs = [], []
    if jobs:
        yield ids, list(pool.map(extract_and_detect_lean, jobs))


@flow(name="reprocess")
def reprocess(
    since: str | None = None,
    source: str | None = None,
    config: str | None = None,
    db_url: str | None = None,
    until: str | None = None,
    interval_minutes: int = 24 * 60,
) -> dict[str, Any]:
    """Prefect flow: re-run extraction and detection over stored pages in the run's window.

    `since`/`until`: ISO dates or datetimes (a date `until` includes that day). Returns the
    counts, and the window used (None: every record).
    """
    settings = load_settings(Path(config) if config else None, db_url)
    window: RunWindow | None = None
    if since or until or auto_scheduled():
        window = resolve_window(since, until, interval=timedelta(minutes=interval_minutes),
                                scheduled_start=scheduled_start(), now=datetime.now(UTC))
    start = window.since if window else None
    # Given only `since`, the window stays open at the end (records dated in the future included).
    end = window.until if window and (until or window.origin == "scheduled") else None
    with Store(settings.db_url) as store:
        counts: dict[str, Any] = dict(reprocess_store(
            store, since=start, until=end, source=source, workers=settings.fetch.extract_workers,
        ))
    counts["window"] = None if window is None else {
        **window.as_dict(), "until": end.isoformat() if end else None,
    }
    return counts
