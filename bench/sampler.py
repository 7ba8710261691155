"""Peak memory and CPU time of a process tree, read from /proc by a separate process.

The observer runs in its own process, so its work is neither counted in the figures nor
competing for the GIL of the ingest process it watches. Processes are grouped by role:
the ingest process (the root), the forkserver (its child running
`multiprocessing.forkserver`) and the extraction workers (the forkserver's children).
`getrusage(RUSAGE_CHILDREN)` cannot give this: it reports one reaped child's peak, and
the workers are the forkserver's children, not ours.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from types import TracebackType

ROLES = ("ingest", "forkserver", "workers", "other")


@dataclass
class Usage:
    peak_rss_kb: int = 0  # the largest sum over the tree at one sample
    peak_pss_kb: int = 0
    peak_rss_by_role_kb: dict[str, int] = field(default_factory=dict)  # each role's own largest sum
    cpu_s: float = 0.0  # user + system seconds used since sampling started
    cpu_by_role_s: dict[str, float] = field(default_factory=dict)


class ProcessSampler:
    """Use as a context manager around the work; `snapshot()` reads the figures so far."""

    def __init__(self, root: int, exclude: set[int], interval: float = 0.25) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_observe, args=(child, root, exclude, interval), daemon=True,
                                 name="bench-sampler")

    def __enter__(self) -> ProcessSampler:
        self._proc.start()
        self._conn.recv()  # started: the baseline CPU times are taken
        return self

    def snapshot(self) -> Usage:
        self._conn.send("snapshot")
        usage: Usage = self._conn.recv()
        return usage

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.usage = self.snapshot()
        self._conn.send("stop")
        self._proc.join(10)


def _observe(conn: Connection, root: int, exclude: set[int], interval: float) -> None:
    exclude = exclude | {os.getpid()}
    usage = Usage()
    base: dict[int, float] = {pid: _cpu_s(pid) for pid, _ in _tree(root, exclude)}
    last: dict[int, tuple[str, float]] = {}
    conn.send("started")

    def sample() -> None:
        rss = pss = 0
        by_role: dict[str, int] = {}
        for pid, role in _tree(root, exclude):
            kb = _rss_kb(pid)
            rss += kb
            pss += _pss_kb(pid)
            by_role[role] = by_role.get(role, 0) + kb
            used = _cpu_s(pid)
            if used:
                last[pid] = (role, used - base.get(pid, 0.0))
        usage.peak_rss_kb = max(usage.peak_rss_kb, rss)
        usage.peak_pss_kb = max(usage.peak_pss_kb, pss)
        for role, kb in by_role.items():
            usage.peak_rss_by_role_kb[role] = max(usage.peak_rss_by_role_kb.get(role, 0), kb)
        usage.cpu_s = sum(used for _, used in last.values())
        usage.cpu_by_role_s = {r: sum(u for role, u in last.values() if role == r) for r in ROLES}

    while True:
        if conn.poll(interval):
            message = conn.recv()
            sample()
            if message == "stop":
                return
            conn.send(usage)
        else:
            sample()


def _tree(root: int, exclude: set[int]) -> Iterator[tuple[int, str]]:
    """(pid, role) of `root` and its descendants, outside `exclude`."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            ppid = _stat_fields(int(entry))
            if ppid:
                children.setdefault(int(ppid[1]), []).append(int(entry))
    todo = [(root, "ingest")]
    while todo:
        pid, role = todo.pop()
        if pid in exclude:
            continue
        yield pid, role
        for child in children.get(pid, []):
            if role == "ingest":
                todo.append((child, "forkserver" if _is_forkserver(child) else "other"))
            else:
                todo.append((child, "workers" if role == "forkserver" else role))


def _is_forkserver(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return b"multiprocessing.forkserver" in fh.read()
    except OSError:
        return False


def _stat_fields(pid: int) -> list[str]:
    """Fields of /proc/PID/stat after the command name (state, ppid, ...), or [] when gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def _cpu_s(pid: int) -> float:
    fields = _stat_fields(pid)
    if len(fields) < 13:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, IndexError, ValueError):
        return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
