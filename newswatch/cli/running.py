"""How `newswatch run` and `newswatch demo` run an ingest pass: with or without Prefect,
and how they stop on Ctrl-C or SIGTERM.

With a Prefect API configured (PREFECT_API_URL in the environment, the active Prefect
profile or ./prefect.toml), the pass is a flow run of the `ingest` flow, visible in that
server. Without one, it runs the same work without orchestration (flows/ingest_run.py):
Prefect is not even imported, so there is no temporary server to start (15 s before).

On SIGINT or SIGTERM the pass stops at once: what is stored stays stored (every batch is
its own transaction), the summary of the sources that finished is printed with the count
of articles stored, and the process exits 130 (SIGINT) or 143 (SIGTERM) without waiting
for pages still downloading, however slowly their servers send them.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newswatch.cli.common import fail
from newswatch.settings import Settings

if TYPE_CHECKING:
    from flows.pipeline import SourceResult

LOG_LEVEL_ENV = "PREFECT_LOGGING_LEVEL"
_user_log_level: list[str | None] = []  # the user's own PREFECT_LOGGING_LEVEL, recorded by quiet_prefect()
STOP_GRACE_S = 4.0  # after a signal, the process ends within this even if unwinding hangs


# --- Prefect's console logging -------------------------------------------------------------


def quiet_prefect() -> None:
    """Prefect's INFO lines would repeat the progress lines of `run`: WARNING unless the user
    chose a level (called once, before anything imports Prefect)."""
    _user_log_level.append(os.environ.get(LOG_LEVEL_ENV))
    os.environ.setdefault(LOG_LEVEL_ENV, "WARNING")


def show_run_logs() -> None:
    """`serve`: its flow runs (subprocesses) log at INFO again, unless the user chose a level."""
    if not (_user_log_level and _user_log_level[0]):
        os.environ[LOG_LEVEL_ENV] = "INFO"


# --- is a Prefect API configured? ---------------------------------------------------------


def prefect_api_url() -> str | None:
    """The Prefect API URL the user configured, read without importing Prefect (2 s).

    Looks where Prefect does, in its order: the environment, ./prefect.toml, then the
    active profile of $PREFECT_HOME/profiles.toml. When Prefect is already imported (a
    test harness, a flow run), its own settings answer.
    """
    if "prefect.settings" in sys.modules:
        from prefect.settings import PREFECT_API_URL

        return PREFECT_API_URL.value() or None
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    local = _toml(Path("prefect.toml"))
    api = local.get("api")
    if isinstance(api, dict) and api.get("url"):
        return str(api["url"])
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    profiles_path = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    profiles = _toml(profiles_path)
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active")
    profile = (profiles.get("profiles") or {}).get(active) if isinstance(active, str) else None
    if isinstance(profile, dict) and profile.get("PREFECT_API_URL"):
        return str(profile["PREFECT_API_URL"])
    return None


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def check_prefect_api(url: str) -> None:
    """Exit 1 with one line when the configured Prefect API does not answer."""
    import httpx

    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=5)
        if response.status_code == 200:
            return
        problem = f"HTTP {response.status_code}"
    except httpx.HTTPError as exc:
        problem = type(exc).__name__
    fail(f"Prefect API at {url} not reachable ({problem}): start it (`prefect server start`), or run "
         "without Prefect: `prefect config unset PREFECT_API_URL` (and unset that variable)")


# --- stopping ---------------------------------------------------------------------------


class Stop:
    """The signal that stopped the run, and a single way out of the process."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._finish: Callable[[], None] | None = None
        self._lock = threading.Lock()
        self._done = False

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or signal.SIGINT)

    def on_finish(self, finish: Callable[[], None]) -> None:
        """`finish` prints the partial summary; called once, by the first of the normal path
        and the watchdog."""
        self._finish = finish

    def finish_and_exit(self) -> None:
        with self._lock:
            if self._done:
                return
            self._done = True
        try:
            if self._finish:
                self._finish()
        finally:
            for stream in (sys.stdout, sys.stderr):
                with suppress(OSError, ValueError):
                    stream.flush()
            # Not sys.exit: threads may be blocked on pages a server sends one byte at a
            # time, and interpreter shutdown would wait for them. Every batch stored is
            # committed; the helper processes die with this one (flows/deathsig.py).
            os._exit(self.exit_code)

    def _deadline(self) -> None:
        """The grace period is over: finish now, or, if finishing has hung, leave anyway."""
        with self._lock:
            finishing = self._done
        if finishing:
            time.sleep(1.0)
            os._exit(self.exit_code)
        self.finish_and_exit()

    def _handler(self, signum: int, frame: object) -> None:
        if self.signum is not None:  # a second signal: leave now
            os._exit(self.exit_code)
        self.signum = signum
        timer = threading.Timer(STOP_GRACE_S, self._deadline)
        timer.daemon = True
        timer.start()
        raise KeyboardInterrupt


@contextmanager
def stop_on_signals() -> Iterator[Stop]:
    """SIGINT and SIGTERM raise KeyboardInterrupt in the main thread (once), and a timer
    ends the process `STOP_GRACE_S` later whatever happens."""
    stop = Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    previous = {sig: signal.signal(sig, stop._handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# --- one pass -----------------------------------------------------------------------------


def ingest_pass(
    settings: Settings, sources: list[str] | None, *, on_done: Callable[[SourceResult], None],
    use_prefect: bool,
) -> dict[str, Any]:
    """One ingest pass: a Prefect flow run when `use_prefect`, else the same work without it."""
    if not use_prefect:
        from flows.ingest_run import ingest_plain

        return ingest_plain(settings, sources, on_done=on_done)
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.ingest import ingest

    runner: ThreadPoolTaskRunner[Any] = ThreadPoolTaskRunner(max_workers=max(1, settings.fetch.source_workers))
    flow = ingest.with_options(task_runner=runner)  # type: ignore[arg-type]  # Prefect's invariant generic
    return flow(
        sources=sources,
        config=str(settings.config_path) if settings.config_path else None,
        db_url=settings.db_url,
        on_source_done=on_done,
    )


def partial_summary(settings: Settings, sources: list[str] | None, done: list[SourceResult],
                    stored_before: int | None, signum: int | None) -> dict[str, Any]:
    """The summary of an interrupted pass: the sources that finished, and every article
    stored by this pass (finished sources or not), counted in the store."""
    from flows.pipeline import summarise

    summary = summarise(list(done))
    finished = {r.source for r in done}
    summary["interrupted"] = signal.Signals(signum).name if signum else "SIGINT"
    summary["unfinished_sources"] = [s.name for s in settings.enabled_sources(sources) if s.name not in finished]
    summary["stored_this_run"] = None
    if stored_before is not None:
        try:
            from storage.store import Store

            with Store(settings.db_url, migrate=False) as store:
                summary["stored_this_run"] = store.count_articles() - stored_before
        except Exception:
            pass
    return summary
