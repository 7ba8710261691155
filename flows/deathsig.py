"""Die with the parent: the helper processes of a run end when the run does.

The forkserver imports flows/forkserver_preload.py when it starts, so the forkserver
and each extraction worker it forks ask Linux to kill them when their parent dies
(prctl PR_SET_PDEATHSIG), and a watchdog thread in each worker checks its parent every
second as a fallback elsewhere. The chain: `newswatch run` -> forkserver -> workers; the
multiprocessing resource tracker ends by itself once all of them have closed its pipe.
Without this, `kill -9` of a run left the forkserver and its workers blocked forever.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PARENT_ENV = "NEWSWATCH_PARENT_PID"  # set by the process that starts the forkserver
_PR_SET_PDEATHSIG = 1


def die_with_parent(expected_parent: int | None) -> None:
    """Be killed (SIGKILL) when the parent dies; exit now if it already has."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(0)  # the parent died before the request above was in place


def watch_parent(parent: int, every: float = 1.0) -> None:
    """A daemon thread that ends this process when its parent is gone (any platform)."""

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
