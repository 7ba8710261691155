"""The ingest run as plain Python: its time window, and polling the sources without Prefect.

`flows/ingest.py` wraps the same calls in a Prefect flow (one task per source, each
calling `Pipeline.poll_source`). `newswatch run` calls `ingest_plain` directly when no
Prefect API is configured: no temporary server, nothing of Prefect imported.

Every run has a time window. Given (`since`/`until`), it is used as is; absent, it is
derived from the run's scheduled start: [scheduled - interval, scheduled]. A run on time
(started less than one interval after its slot) is a normal run: it stores every new
entry, and the window is only recorded in the summary. A run for a past slot (Prefect
caught up on missed runs, or runs were created for past slots through its schedule
endpoint) or a run given a window is *catching up*: it skips feed entries dated before
the window starts, and then keeps no validators for that feed (ETag, Last-Modified, body
hash), so the next run reads the whole feed again and nothing skipped is lost. Undated
entries and entries newer than the window are never skipped: a feed cannot be replayed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from flows.pipeline import Candidate, PageCounts, Pipeline, SourceResult, summarise
from flows.workers import start_forkserver
from newswatch.settings import Settings
from newswatch.timeutil import Window, parse_when

DEFAULT_INTERVAL_MINUTES = 30  # the ingest schedule in deployments/prefect.yaml


@dataclass(frozen=True)
class RunWindow(Window):
    """The time window a run covers: a `Window` with both sides set, and where it came from."""

    since: datetime
    until: datetime
    origin: Literal["given", "scheduled"] = "given"  # from parameters, or from the scheduled start time
    catch_up: bool = False  # given, or for a slot more than one interval in the past

    def as_dict(self) -> dict[str, object]:
        return {"since": self.since.isoformat(), "until": self.until.isoformat(), "origin": self.origin,
                "catch_up": self.catch_up}


def resolve_window(
    since: str | None, until: str | None, *, interval: timedelta, scheduled_start: datetime, now: datetime
) -> RunWindow:
    """The window of a run (pure: the flow passes Prefect's scheduled start time and the clock)."""
    if interval <= timedelta(0):
        raise ValueError(f"interval must be positive, got {interval}")
    if since or until:
        end = parse_when(until, end=True) if until else now
        start = parse_when(since) if since else end - interval
        if start >= end:
            raise ValueError(f"the window starts at or after its end: since {start.isoformat()}, "
                             f"until {end.isoformat()}")
        return RunWindow(start, end, "given", True)
    slot = scheduled_start.astimezone(UTC)
    return RunWindow(slot - interval, slot, "scheduled", now - slot > interval)



class WindowPipeline(Pipeline):
    """A `Pipeline` that, when catching up, drops feed entries dated before the window."""

    def __init__(self, settings: Settings, window: RunWindow) -> None:
        super().__init__(settings)
        self.window = window
        self.skipped = 0
        self._skipped_lock = threading.Lock()  # sources are polled on several threads

    def process(
        self, source: str, candidates: Iterable[Candidate], **kwargs: Any
    ) -> tuple[PageCounts, bool]:
        if not self.window.catch_up:
            return super().process(source, candidates, **kwargs)
        wanted = list(candidates)
        kept = [c for c in wanted if c.date is None or c.date >= self.window.since]
        with self._skipped_lock:
            self.skipped += len(wanted) - len(kept)
        counts, complete = super().process(source, kept, **kwargs)
        # Something skipped: report the feed incomplete so its validators are not kept.
        return counts, complete and len(kept) == len(wanted)


def ingest_plain(
    settings: Settings,
    sources: list[str] | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES,
    on_done: Callable[[SourceResult], None] | None = None,
) -> dict[str, Any]:
    """One ingest run without Prefect: the flow's work, sources polled on a thread pool.

    Returns the same summary as the `ingest` flow. A KeyboardInterrupt reaches the caller
    at once: the pools are left to the caller, which ends the process (sources still in
    flight may be fetching from a slow server, and waiting for them would not stop).
    """
    chosen = settings.enabled_sources(sources)
    now = datetime.now(UTC)
    window = resolve_window(since, until, interval=timedelta(minutes=interval_minutes), scheduled_start=now,
                            now=now)
    start_forkserver()
    pipeline = WindowPipeline(settings, window)
    pipeline.override_backoff = bool(sources)  # sources named explicitly are polled even while backing off
    pool = ThreadPoolExecutor(max_workers=max(1, settings.fetch.source_workers), thread_name_prefix="source")
    results: dict[str, SourceResult] = {}
    try:
        futures: dict[Future[SourceResult], int] = {
            pool.submit(pipeline.poll_source, s): i for i, s in enumerate(chosen)
        }
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                result = future.result()
                results[chosen[futures[future]].name] = result
                if on_done:
                    on_done(result)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    ordered = [results[s.name] for s in chosen]
    try:
        outage = pipeline.finish(ordered)  # an interrupted run never gets here: nothing counted against sources
    finally:
        pipeline.close()
    summary = summarise(ordered, outage=outage)
    summary["window"] = window.as_dict()
    summary["skipped_before_window"] = pipeline.skipped
    return summary
