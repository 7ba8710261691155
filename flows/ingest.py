"""The `ingest` flow: poll every enabled source once, one task per source.

The run's time window and what it does are described in flows/ingest_run.py, which also
runs the same work without Prefect (`ingest_plain`, what `newswatch run` uses when no
Prefect API is configured).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner

from flows.alerts import send_alerts_task
from flows.ingest_run import (  # noqa: F401  (RunWindow, parse_when: re-exported for callers of this module)
    DEFAULT_INTERVAL_MINUTES,
    RunWindow,
    WindowPipeline,
    parse_when,
    resolve_window,
)
from flows.pipeline import Pipeline, SourceResult, summarise
from flows.workers import start_forkserver
from newswatch.settings import Source, load_settings


def scheduled_start() -> datetime:
    """This flow run's scheduled start (its expected start; now outside a run)."""
    from prefect.runtime import flow_run

    value = flow_run.scheduled_start_time  # a pendulum DateTime: make it a plain datetime
    return datetime.fromtimestamp(value.timestamp(), UTC) if isinstance(value, datetime) else datetime.now(UTC)


def auto_scheduled() -> bool:
    """Whether this run was created by a schedule (or Prefect's schedule endpoint), not by hand."""
    ctx = FlowRunContext.get()
    return bool(ctx and ctx.flow_run and ctx.flow_run.auto_scheduled)




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
    start_forkserver()
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
    summary["alerts"] = send_alerts_task(settings)  # after every write is committed
    return summary
