"""The `ingest` flow: poll every enabled source once, one task per source.

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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner

from flows.pipeline import Candidate, PageCounts, Pipeline, SourceResult, summarise
from newswatch.settings import Settings, Source, load_settings
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


def scheduled_start() -> datetime:
    """This flow run's scheduled start (its expected start; now outside a run)."""
    from prefect.runtime import flow_run

    value = flow_run.scheduled_start_time  # a pendulum DateTime: make it a plain datetime
    return datetime.fromtimestamp(value.timestamp(), UTC) if isinstance(value, datetime) else datetime.now(UTC)


def auto_scheduled() -> bool:
    """Whether this run was created by a schedule (or Prefect's schedule endpoint), not by hand."""
    ctx = FlowRunContext.get()
    return bool(ctx and ctx.flow_run and ctx.flow_run.auto_scheduled)


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


@task(cache_policy=NO_CACHE, task_run_name="poll-{source.name}")
def poll_source(
    pipeline: Pipeline, source: Source, on_done: Callable[[SourceResult], None] | None = None,
) -> SourceResult:
    """Fetch one feed and store its new articles (never cached: a cached fetch never refreshes)."""
    result = pipeline.poll_source(source)
    logger = get_run_logger()
    if result.status in ("failed", "backing_off"):
        logger.warning("%s: %s: %s", source.name, result.status, result.error)
    else:
        logger.info("%s: %s, %d entries, %d new, %d stored", source.name, result.status,
                    result.entries, result.new, result.pages.stored)
    if on_done is not None:
        on_done(result)
    return result


# Prefect types `task_runner` as an invariant TaskRunner[PrefectFuture]; a thread pool's futures are a subtype.
@flow(name="ingest", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=True)  # type: ignore[arg-type]
def ingest(
    sources: list[str] | None = None,
    config: str | None = None,
    db_url: str | None = None,
    since: str | None = None,
    until: str | None = None,
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES,
    on_source_done: Callable[[SourceResult], None] | None = None,
) -> dict[str, Any]:
    """Poll the enabled sources (or the named ones) and store new articles; returns the run summary.

    `on_source_done`: called in this process as each source finishes (the CLI prints progress).

    `since`/`until`: ISO dates or datetimes; absent, the window is the `interval_minutes`
    before the run's scheduled start (see the module docstring for what the window does).
    """
    settings = load_settings(Path(config) if config else None, db_url)
    chosen = settings.enabled_sources(sources)
    window = resolve_window(since, until, interval=timedelta(minutes=interval_minutes),
                            scheduled_start=scheduled_start(), now=datetime.now(UTC))
    logger = get_run_logger()
    logger.info("window %s .. %s (%s%s)", window.since.isoformat(), window.until.isoformat(), window.origin,
                ", catching up" if window.catch_up else "")
    pipeline = WindowPipeline(settings, window)
    pipeline.override_backoff = bool(sources)  # sources named explicitly are polled even while backing off
    with pipeline:
        futures = [poll_source.submit(pipeline, s, on_source_done) for s in chosen]
        results = [f.result() for f in futures]
        skipped = pipeline.skipped
        outage = pipeline.finish(results)
    if outage:
        logger.warning("every source failed with a network error: not counted against them (our own outage?)")
    summary = summarise(results, outage=outage)
    summary["window"] = window.as_dict()
    summary["skipped_before_window"] = skipped
    return summary
