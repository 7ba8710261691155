"""The `ingest` flow: poll every enabled source once, one task per source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from flows.pipeline import Pipeline, SourceResult, summarise
from newswatch.settings import Source, load_settings


@task(cache_policy=NO_CACHE, task_run_name="poll-{source.name}")
def poll_source(pipeline: Pipeline, source: Source) -> SourceResult:
    """Fetch one feed and store its new articles (never cached: a cached fetch never refreshes)."""
    result = pipeline.poll_source(source)
    logger = get_run_logger()
    if result.status == "failed":
        logger.warning("%s: failed: %s", source.name, result.error)
    else:
        logger.info("%s: %s, %d entries, %d new, %d stored", source.name, result.status,
                    result.entries, result.new, result.pages.stored)
    return result


@flow(name="ingest", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=True)
def ingest(
    sources: list[str] | None = None,
    config: str | None = None,
    db_url: str | None = None,
) -> dict[str, Any]:
    """Poll the enabled sources (or the named ones) and store new articles; returns the run summary."""
    settings = load_settings(Path(config) if config else None, db_url)
    chosen = settings.enabled_sources(sources)
    with Pipeline(settings) as pipeline:
        futures = [poll_source.submit(pipeline, s) for s in chosen]
        results = [f.result() for f in futures]
    return summarise(results)
