"""The process pool that extracts and detects: both cores busy, the parent kept lean.

The parent process only moves bytes (HTTP, SQL). It submits the functions below, which
import the extractors (trafilatura, lxml, the detector's lexicons) inside the worker, so
the parent never loads them: about 35 MB less in the process that runs the flow.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
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


_M_MMAP_THRESHOLD, _M_ARENA_MAX = -3, -8  # glibc mallopt parameters
_malloc_tuned = False


def tune_malloc() -> None:
    """Stop this process's heap from keeping freed page bodies and trees (glibc only; once
    per process).

    Bodies of ~170 KB are allocated and freed on many threads. glibc gives threads their
    own arenas and raises its mmap threshold after each large free, so freed bodies stay
    in the heap: 35 MB more peak RSS in the ingest process on the benchmark run, 9 MB more
    in each extraction worker. Two arenas and a fixed 128 KiB mmap threshold hand large
    blocks straight back.
    """
    global _malloc_tuned
    if _malloc_tuned or not sys.platform.startswith("linux"):
        return
    _malloc_tuned = True
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return
    mallopt(_M_MMAP_THRESHOLD, 128 * 1024)
    mallopt(_M_ARENA_MAX, 2)


def _start_worker() -> None:
    """Ctrl-C is the parent's to handle: workers end when it shuts the pool down. The
    extractors are imported now, so the first page does not wait for them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_malloc()
    import extractors.analyse
    import extractors.feeds  # noqa: F401
