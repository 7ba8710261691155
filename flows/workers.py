"""The process pool that extracts and detects: both cores busy, models loaded once."""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor

# Imported once in the forkserver, so every worker starts with them (and shares their pages).
PRELOAD = ["extractors.analyse", "extractors.feeds", "extractors.warmup"]


def analysis_pool(workers: int = 0) -> ProcessPoolExecutor:
    """A pool of `workers` processes (0: one per core), forked from a preloaded forkserver.

    Forkserver rather than fork: the parent runs threads (Prefect, page fetchers), and
    forking a threaded process can copy a held lock into the child.
    """
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, mp_context=ctx,
                               initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle: workers end when it shuts the pool down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
