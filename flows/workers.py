"""The process pool that extracts and detects: both cores busy, the parent kept lean.

The parent process only moves bytes (HTTP, SQL). It submits the functions below, which
import the extractors (trafilatura, lxml, the detector's lexicons) inside the worker, so
the parent never loads them: about 35 MB less in the process that runs the flow.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor

from newswatch.models import PageJob, PageRecord, ParsedFeed


def analysis_pool(workers: int = 0) -> ProcessPoolExecutor:
    """A pool of `workers` processes (0: one per core), started by a forkserver.

    Forkserver rather than fork: the parent runs threads (Prefect, page fetchers), and
    forking a threaded process can copy a held lock into the child. The forkserver
    preloads nothing: it stays about 10 MB, and each worker imports the extractors once,
    when it starts.
    """
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([])
    return ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, mp_context=ctx,
                               initializer=_start_worker)


def analyse(job: PageJob) -> PageRecord:
    """Extract and detect one page, without its raw bytes in the answer (the parent holds them)."""
    from extractors.analyse import analyse_page_lean

    return analyse_page_lean(job)


def parse(body: bytes, url: str) -> ParsedFeed:
    from extractors.feeds import parse_feed

    return parse_feed(body, url)


def _start_worker() -> None:
    """Ctrl-C is the parent's to handle: workers end when it shuts the pool down. The
    extractors are imported now, so the first page does not wait for them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import extractors.analyse
    import extractors.feeds  # noqa: F401
