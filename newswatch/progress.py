"""Progress reporting, one protocol for every long job: a flow or loop reports phases and items
to the `ProgressReporter` it is given; the door that started it decides how to show them (a
Rich bar on a terminal, plain lines in logs and pipes, nothing)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class ProgressReporter(Protocol):
    """Receives progress: the CLI draws a bar or prints lines, the flow logs."""

    def phase(self, name: str, total: int | None = None) -> None:
        """A new phase starts (the previous one is over); ``total`` items when known."""

    def advance(self, n: int = 1) -> None:
        """``n`` more items of the current phase are done."""


class NullProgress:
    """Reports nothing."""

    def phase(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


class LineProgress:
    """Plain progress lines (for logs and pipes): one per phase and one every ``every`` items."""

    def __init__(self, write: Callable[[str], object], every: int = 100) -> None:
        self._write = write
        self._every = max(1, every)
        self._name = ""
        self._total: int | None = None
        self._done = 0
        self._reported = 0
        self._started = time.monotonic()

    def phase(self, name: str, total: int | None = None) -> None:
        self._name, self._total, self._done, self._reported = name, total, 0, 0
        self._started = time.monotonic()
        self._write(f"{name}: {total} to do" if total is not None else f"{name} ...")

    def advance(self, n: int = 1) -> None:
        self._done += n
        if self._done - self._reported >= self._every or self._done == self._total:
            self._reported = self._done
            self._write(self.line())

    def line(self) -> str:
        """The current state, e.g. ``fetching and storing: 64/200 (32%), eta 41s``."""
        if self._total is None:
            return f"{self._name}: {self._done}"
        pct = 100 * self._done // self._total if self._total else 100
        text = f"{self._name}: {self._done}/{self._total} ({pct}%)"
        elapsed = time.monotonic() - self._started
        if 0 < self._done < self._total and elapsed > 0:
            text += f", eta {_duration(elapsed / self._done * (self._total - self._done))}"
        return text


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
