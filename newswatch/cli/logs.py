"""How much the `newswatch` command says on stderr (-q, default, -v), and log times in UTC."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from newswatch.cli.common import set_quiet

LEVELS = {-1: "ERROR", 0: "WARNING", 1: "INFO"}
_verbosity = [0]

# Prefect's console lines, with their times in UTC and saying so (newswatch prints UTC everywhere).
_PREFECT_FORMATS = {
    "PREFECT_LOGGING_FORMATTERS_STANDARD_FORMAT": "%(asctime)s UTC | %(levelname)-7s | %(name)s - %(message)s",
    "PREFECT_LOGGING_FORMATTERS_STANDARD_FLOW_RUN_FMT":
        "%(asctime)s UTC | %(levelname)-7s | Flow run %(flow_run_name)r - %(message)s",
    "PREFECT_LOGGING_FORMATTERS_STANDARD_TASK_RUN_FMT":
        "%(asctime)s UTC | %(levelname)-7s | Task run %(task_run_name)r - %(message)s",
}


def prepare_logging() -> None:
    """Before Prefect is imported: WARNING unless configured otherwise, log times in UTC."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    for key, value in _PREFECT_FORMATS.items():
        os.environ.setdefault(key, value)
    logging.Formatter.converter = time.gmtime


def set_verbosity(level: int) -> None:
    """-1 (-q): results and errors only; 0: warnings; 1 (-v): INFO log lines of newswatch and Prefect."""
    _verbosity[0] = level
    set_quiet(level < 0)
    if level == 0:
        return  # keep PREFECT_LOGGING_LEVEL as the user or `prepare_logging` set it
    name = LEVELS[level]
    os.environ["PREFECT_LOGGING_LEVEL"] = name
    for logger in ("prefect", "prefect.client", "flows", "extractors", "storage", "newswatch", "deployments"):
        logging.getLogger(logger).setLevel(name)


class _DropTaskRunLines(logging.Filter):
    """Leaves out the task runs' own console lines: the command prints a progress line per source."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("prefect.task_runs") and record.levelno < logging.ERROR)


@contextmanager
def progress_replaces_task_logs() -> Iterator[None]:
    """While a command prints its own line per finished source, Prefect's console does not repeat
    it (each failure is printed once). The lines still reach the Prefect API; -v shows both."""
    if _verbosity[0] > 0:
        yield
        return
    from prefect.logging.configuration import ensure_logging_setup

    ensure_logging_setup()  # Prefect's console handler must exist to be filtered

    drop = _DropTaskRunLines()
    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(drop)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(drop)
