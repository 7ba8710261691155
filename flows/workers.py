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

from flows.deathsig import PARENT_ENV, die_with_parent, watch_parent
from newswatch.models import PageJob, PageRecord, ParsedFeed

_PRELOAD = ["flows.forkserver_preload"]  # imported by the forkserver when it starts: see flows/deathsig.py


def start_forkserver() -> None:
    """Start the forkserver (and the resource tracker) now, from the calling thread.

    Call it from the main thread: Linux delivers the parent-death signal when the
    *thread* that started a child ends, so a forkserver started by a short-lived
    thread would be killed with it.
    """
    from multiprocessing import forkserver

    os.environ[PARENT_ENV] = str(os.getpid())
    multiprocessing.get_context("forkserver").set_forkserver_preload(_PRELOAD)
    forkserver.ensure_running()


def analysis_pool(workers: int = 0) -> ProcessPoolExecutor:
    """A pool of `workers` processes (0: one per core), started by a forkserver.

    Forkserver rather than fork: the parent runs threads (Prefect, page fetchers), and
    forking a threaded process can copy a held lock into the child. The forkserver
    preloads only flows/forkserver_preload.py (a few lines): it stays about 10 MB, and
    each worker imports the extractors once, when it starts. Every process of the pool
    dies with its parent (flows/deathsig.py).
    """
    ctx = multiprocessing.get_context("forkserver")
    os.environ[PARENT_ENV] = str(os.getpid())  # read by the forkserver if this call starts it
    ctx.set_forkserver_preload(_PRELOAD)
    return ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, mp_context=ctx,
                               initializer=_start_worker)


def extract_and_detect_lean(job: PageJob) -> PageRecord:
    """Extract and detect one page, without its raw bytes in the answer (the parent holds them)."""
    from extractors.page import extract_and_detect_lean

    return extract_and_detect_lean(job)


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
    """Ctrl-C and SIGTERM are the parent's to handle: workers end when it shuts the pool
    down, or die with it. The extractors are imported now, so the first page does not
    wait for them."""
    preload = sys.modules.get("flows.forkserver_preload")  # inherited from the forkserver
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(getattr(preload, "FORKSERVER_PID", None))
    watch_parent(os.getppid())
    tune_malloc()
    import extractors.feeds
    import extractors.page  # noqa: F401
