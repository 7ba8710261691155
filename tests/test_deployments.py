"""Schedules and deployments: the run window (pure), deployments/prefect.yaml, and a real
Prefect server on a free port with a process work pool, a worker and `newswatch serve`.

The server tests start `prefect server start` in a subprocess with its own PREFECT_HOME
(about 10 s) and share it; they are marked `prefect`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from prefect.client.schemas.schedules import CronSchedule

from flows.ingest import RunWindow, parse_when, resolve_window
from newswatch.cli.demo import demo_config, demo_routes
from newswatch.cli.localsite import LocalSite, Route
from storage.store import ArticleFilter, Store
from tests.helpers import local_settings

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOW = datetime(2025, 9, 6, 12, 7, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)
SLOW_PAGES = 240


# --- the window a run covers -------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "until", "scheduled", "expected"),
    [
        # on time: the interval before the slot, recorded only
        (None, None, NOW - timedelta(minutes=7),
         RunWindow(NOW - timedelta(minutes=37), NOW - timedelta(minutes=7), "scheduled", False)),
        # a run for a slot three hours back catches up on its own window
        (None, None, NOW - timedelta(hours=3),
         RunWindow(NOW - timedelta(hours=3, minutes=30), NOW - timedelta(hours=3), "scheduled", True)),
        # exactly one interval late is still on time
        (None, None, NOW - HALF_HOUR, RunWindow(NOW - 2 * HALF_HOUR, NOW - HALF_HOUR, "scheduled", False)),
        # given dates: whole UTC days, `until` inclusive
        ("2025-09-01", "2025-09-02", NOW, RunWindow(datetime(2025, 9, 1, tzinfo=UTC),
                                                    datetime(2025, 9, 3, tzinfo=UTC), "given", True)),
        # given datetimes with offsets, normalised to UTC
        ("2025-09-06T08:00:00+08:00", "2025-09-06T01:00:00Z", NOW,
         RunWindow(datetime(2025, 9, 6, 0, tzinfo=UTC), datetime(2025, 9, 6, 1, tzinfo=UTC), "given", True)),
        # only `since`: until now; only `until`: one interval before it; naive means UTC
        ("2025-09-06T10:00:00", None, NOW, RunWindow(datetime(2025, 9, 6, 10, tzinfo=UTC), NOW, "given", True)),
        (None, "2025-09-06T10:00:00", NOW,
         RunWindow(datetime(2025, 9, 6, 9, 30, tzinfo=UTC), datetime(2025, 9, 6, 10, tzinfo=UTC), "given", True)),
    ],
)
def test_resolve_window(since: str | None, until: str | None, scheduled: datetime, expected: RunWindow) -> None:
    assert resolve_window(since, until, interval=HALF_HOUR, scheduled_start=scheduled, now=NOW) == expected


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [("yesterday", None, "ISO date"), ("2025-09-06", "2025-09-05", "starts at or after"),
     (None, "2025-13-01", "ISO date")],
)
def test_bad_window_is_refused(since: str | None, until: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        resolve_window(since, until, interval=HALF_HOUR, scheduled_start=NOW, now=NOW)


def test_parse_when_reads_dates_and_datetimes() -> None:
    assert parse_when("2025-09-06") == datetime(2025, 9, 6, tzinfo=UTC)
    assert parse_when("2025-09-06", end=True) == datetime(2025, 9, 7, tzinfo=UTC)
    assert parse_when("2025-09-06T10:30:00-04:00") == datetime(2025, 9, 6, 14, 30, tzinfo=UTC)


def test_catching_up_skips_entries_before_the_window_and_keeps_no_validators(site: LocalSite, db_url: str) -> None:
    from flows.ingest import WindowPipeline

    settings = local_settings(site, db_url, {"pier-post": "/feed.json"})  # one entry, dated 2025-09-05T21:00Z
    [source] = settings.sources
    window = RunWindow(datetime(2025, 9, 6, tzinfo=UTC), datetime(2025, 9, 6, 1, tzinfo=UTC), "given", True)
    with WindowPipeline(settings, window) as pipeline:
        caught_up = pipeline.poll_source(source)
        assert pipeline.skipped == 1
    assert (caught_up.status, caught_up.entries, caught_up.new, caught_up.pages.stored) == ("ok", 1, 0, 0)
    with Store(db_url) as store:
        state = store.source_state("pier-post")
    assert state is not None and state.etag is None and state.body_hash is None  # the next run reads it all

    on_time = replace(window, since=datetime(2025, 9, 6, tzinfo=UTC) - timedelta(days=3), catch_up=False)
    with WindowPipeline(settings, on_time) as pipeline:
        normal = pipeline.poll_source(source)
        assert pipeline.skipped == 0
    assert (normal.status, normal.pages.stored) == ("ok", 1)


# --- prefect.yaml ------------------------------------------------------------------


def test_prefect_yaml_declares_the_three_deployments() -> None:
    from deployments.serve import load_specs

    doc = yaml.safe_load((REPO / "deployments" / "prefect.yaml").read_text(encoding="utf-8"))
    assert {d["name"] for d in doc["deployments"]} == {"default"}  # ingest/default, backfill/default, ...
    by_name = {d["entrypoint"].split(":")[1]: d for d in doc["deployments"]}
    assert set(by_name) == {"ingest", "backfill", "reprocess"}
    [schedule] = by_name["ingest"]["schedules"]
    assert schedule == {"cron": "*/30 * * * *", "timezone": "UTC", "slug": "ingest-every-30-minutes", "active": True}
    assert by_name["ingest"]["parameters"]["interval_minutes"] == 30  # the window matches the schedule
    assert by_name["backfill"]["schedules"] == [] and by_name["reprocess"]["schedules"] == []
    for spec in load_specs():  # every entry point is a repo-relative file and a flow in it
        path, function = spec.entrypoint.split(":")
        assert (REPO / path).is_file() and f"def {function}(" in (REPO / path).read_text(encoding="utf-8")
        assert by_name[function]["work_pool"]["name"] == "newswatch"


def test_serve_builds_the_same_deployments() -> None:
    from deployments.serve import build_deployments, load_specs

    built = build_deployments(load_specs(), {"db_url": "sqlite:////tmp/x.db"})
    assert {d.name for d in built} == {"default"}
    deployments = {d.entrypoint.rsplit(".", 1)[1]: d for d in built if d.entrypoint}
    assert set(deployments) == {"ingest", "backfill", "reprocess"}
    ingest = deployments["ingest"]
    assert ingest.entrypoint == "flows.ingest.ingest"
    assert ingest.parameters == {"interval_minutes": 30, "db_url": "sqlite:////tmp/x.db"}
    [schedule] = ingest.schedules or []
    cron = schedule.schedule
    assert isinstance(cron, CronSchedule)
    assert (cron.cron, cron.timezone, schedule.slug, schedule.active) == (
        "*/30 * * * *", "UTC", "ingest-every-30-minutes", True)
    assert deployments["backfill"].schedules == [] and deployments["reprocess"].schedules == []


# --- a real Prefect server ---------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A `prefect server start` subprocess and the environment that talks to it."""

    def __init__(self, home: Path) -> None:
        self.port = _free_port()
        self.api = f"http://127.0.0.1:{self.port}/api"
        self.env = {
            **os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": self.api,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "INFO",
            "PREFECT_SERVER_LOGGING_LEVEL": "WARNING", "PREFECT_CLI_PROMPT": "false",
        }
        self.env.pop("NEWSWATCH_DB_URL", None)
        self.log = (home / "server.log").open("wb")
        self.proc = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.http = httpx.Client(base_url=self.api, timeout=30)
        deadline = time.monotonic() + 90
        while not self._healthy():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not start; see {home / 'server.log'}")
            time.sleep(0.5)

    def _healthy(self) -> bool:
        try:
            return self.http.get("/health").status_code == 200
        except httpx.TransportError:
            return False

    def stop(self) -> None:
        self.http.close()
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.log.close()

    def cli(self, *args: str, timeout: float = 120) -> str:
        """Run a command (prefect, newswatch) from the repository root; its output."""
        proc = subprocess.run([str(BIN / args[0]), *args[1:]], cwd=REPO, env=self.env, capture_output=True,
                              text=True, timeout=timeout)
        assert proc.returncode == 0, f"{args}: {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        return proc.stdout + proc.stderr

    def deployment(self, name: str) -> dict[str, Any]:
        response = self.http.get(f"/deployments/name/{name}")
        response.raise_for_status()
        return dict(response.json())

    def served(self, name: str, db_url: str) -> dict[str, Any] | None:
        """Deployment `name` as `newswatch serve --db db_url` registers it, once it has."""
        response = self.http.get(f"/deployments/name/{name}")
        if response.status_code == 404:
            return None
        found = dict(response.json())
        served = found["entrypoint"].startswith("flows.") and found["parameters"].get("db_url") == db_url
        return found if served else None

    def runs(self, deployment_id: str) -> list[dict[str, Any]]:
        body = {"flow_runs": {"deployment_id": {"any_": [deployment_id]}}, "sort": "EXPECTED_START_TIME_ASC"}
        return list(self.http.post("/flow_runs/filter", json=body).json())

    def logs(self, run_id: str) -> list[str]:
        body = {"logs": {"flow_run_id": {"any_": [run_id]}}, "sort": "TIMESTAMP_ASC", "limit": 200}
        return [entry["message"] for entry in self.http.post("/logs/filter", json=body).json()]

    def wait_for(self, run_ids: list[str], timeout: float) -> dict[str, str]:
        """Final state type of each run, once all are final."""
        deadline = time.monotonic() + timeout
        while True:
            states = {r: self.http.get(f"/flow_runs/{r}").json()["state"]["type"] for r in run_ids}
            if all(s in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") for s in states.values()):
                return states
            if time.monotonic() > deadline:
                return states
            time.sleep(0.5)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(tmp_path_factory.mktemp("prefect-home"))
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def demo_site(tmp_path: Path) -> Iterator[tuple[LocalSite, Path]]:
    """The demo's synthetic outlets on 127.0.0.1 and a config polling them."""
    with LocalSite() as site:
        site.routes.update(demo_routes(site.base))
        cfg = tmp_path / "demo.toml"
        cfg.write_text(demo_config(site.base), encoding="utf-8")
        yield site, cfg


@pytest.mark.prefect
@pytest.mark.timeout(180)
def test_ingest_deployment_runs_on_a_process_worker(server: Server, demo_site: tuple[LocalSite, Path],
                                                    tmp_path: Path) -> None:
    site, cfg = demo_site
    db_url = f"sqlite:///{tmp_path / 'worker.db'}"
    server.cli("prefect", "work-pool", "create", "newswatch", "--type", "process")
    server.cli("prefect", "--no-prompt", "deploy", "--prefect-file", "deployments/prefect.yaml",
               "--name", "ingest/default", "--param", f"config={cfg}", "--param", f"db_url={db_url}")
    deployment = server.deployment("ingest/default")
    assert deployment["work_pool_name"] == "newswatch" and deployment["entrypoint"] == "flows/ingest.py:ingest"
    assert deployment["parameters"] == {"interval_minutes": 30, "config": str(cfg), "db_url": db_url}
    [schedule] = deployment["schedules"]
    assert (schedule["schedule"]["cron"], schedule["schedule"]["timezone"], schedule["slug"], schedule["active"]) == (
        "*/30 * * * *", "UTC", "ingest-every-30-minutes", True)

    # A run now, by hand; and one for a past slot through Prefect's schedule endpoint (catch-up).
    server.cli("prefect", "deployment", "run", "ingest/default")
    now = datetime.now(UTC)
    # 30 minutes wide, so a half-hour slot always falls in it (29 minutes missed every slot when the test
    # started in the minute after :00 or :30).
    past_range = {"start_time": (now - timedelta(hours=3)).isoformat(),
                  "end_time": (now - timedelta(hours=2, minutes=30)).isoformat(), "max_runs": 1}
    response = server.http.post(f"/deployments/{deployment['id']}/schedule", json=past_range)
    assert response.status_code in (200, 201), response.text
    # Pick the two runs by how they were made, not by the clock: the scheduler may also have made
    # a run for the slot that just passed (when this test starts in the minute after :00 or :30).
    runs = server.runs(deployment["id"])
    by_hand_runs = [r for r in runs if not r["auto_scheduled"]]
    past_runs = [r for r in runs if r["auto_scheduled"]
                 and datetime.fromisoformat(r["expected_start_time"]) <= now - timedelta(hours=2, minutes=30)]
    assert len(by_hand_runs) == 1 and len(past_runs) == 1, runs
    due = past_runs + by_hand_runs

    server.cli("prefect", "worker", "start", "--pool", "newswatch", "--run-once", "--limit", "4", timeout=150)
    states = server.wait_for([r["id"] for r in due], timeout=30)
    assert set(states.values()) == {"COMPLETED"}, (states, [server.logs(r["id"])[-5:] for r in due])

    with Store(db_url) as store:
        rows = store.list_articles(ArticleFilter(limit=None))
    assert len(rows) == 4 and len({r["url"] for r in rows}) == 4  # the demo's four articles, once each

    past, by_hand = due
    slot = datetime.fromisoformat(past["expected_start_time"])
    past_logs = "\n".join(server.logs(past["id"]))
    window = f"window {(slot - timedelta(minutes=30)).isoformat()} .. {slot.isoformat()} (scheduled, catching up)"
    assert window in past_logs, past_logs
    assert "(scheduled)" in "\n".join(server.logs(by_hand["id"]))  # on time: a normal run
    assert any(p.startswith("/news/") for p in site.hits)


@pytest.mark.prefect
@pytest.mark.timeout(180)
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_serve_runs_deployments_and_stops_cleanly_with_schedules_active(
    server: Server, demo_site: tuple[LocalSite, Path], tmp_path: Path, stop: signal.Signals
) -> None:
    _site, cfg = demo_site
    db_url = f"sqlite:///{tmp_path / 'served.db'}"
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [str(BIN / "newswatch"), "serve", "--config", str(cfg), "--db", db_url],
        cwd=tmp_path, env=server.env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        names = ("ingest/default", "backfill/default", "reprocess/default")
        deadline = time.monotonic() + 60
        while not all(found := [server.served(name, db_url) for name in names]):
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.5)
        deployment = found[0]
        assert deployment is not None and deployment["entrypoint"] == "flows.ingest.ingest"
        assert deployment["parameters"] == {"interval_minutes": 30, "config": str(cfg), "db_url": db_url}
        # serve may still be registering its deployments: retry a refused request for a while.
        for _ in range(20):
            response = server.http.post(f"/deployments/{deployment['id']}/create_flow_run", json={})
            if response.status_code in (200, 201):
                break
            time.sleep(0.5)
        assert response.status_code in (200, 201), response.text
        run = response.json()
        states = server.wait_for([run["id"]], timeout=90)
        assert states == {run["id"]: "COMPLETED"}, server.logs(run["id"])[-10:]
        with Store(db_url) as store:
            assert store.count_articles() == 4

        proc.send_signal(stop)
        assert proc.wait(timeout=30) == 0
        served_log = (tmp_path / "serve.log").read_text(errors="replace")
        assert "serving ingest/default, backfill/default, reprocess/default" in " ".join(served_log.split())
        assert "window " in served_log and "harbour-daily: ok" in served_log  # the runs' own INFO lines
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    after = server.deployment("ingest/default")
    assert after["paused"] is False and [s["active"] for s in after["schedules"]] == [True]


@pytest.mark.prefect
@pytest.mark.timeout(180)
def test_run_with_a_configured_server_is_a_flow_run_and_stops_on_ctrl_c(
    server: Server, demo_site: tuple[LocalSite, Path], tmp_path: Path
) -> None:
    from tests.test_run_process import _count, _feed, _page, _wait_until_stored

    _site, cfg = demo_site
    db_url = f"sqlite:///{tmp_path / 'run.db'}"
    done = subprocess.run([str(BIN / "newswatch"), "run", "--config", str(cfg), "--db", db_url], cwd=tmp_path,
                          env=server.env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "as a Prefect flow run" in done.stderr
    body = {"flows": {"name": {"any_": ["ingest"]}}, "sort": "EXPECTED_START_TIME_DESC", "limit": 5}
    runs = server.http.post("/flow_runs/filter", json=body).json()
    assert any(r["state"]["type"] == "COMPLETED" and r["parameters"].get("db_url") == db_url for r in runs)

    # Pages in flight when Ctrl-C comes: 240 pages of 0.3 s, 4 at a time, take 18 s, so the
    # pass cannot finish first even when the workers start late and store in a burst.
    with LocalSite() as slow:
        paths = [f"/slow/{i}.html" for i in range(SLOW_PAGES)]
        for i, path in enumerate(paths):
            slow.routes[path] = Route(_page(i), delay=0.3)
        slow.routes["/feed.xml"] = Route(_feed(slow.base, paths), "application/rss+xml")
        slow_cfg = tmp_path / "slow.toml"
        slow_cfg.write_text('[fetch]\nallow_private_networks = true\nrespect_robots = false\nper_host = 4\n\n'
                            f'[[sources]]\nname = "slow-gazette"\nurl = "{slow.base}/feed.xml"\n', encoding="utf-8")
        slow_db = f"sqlite:///{tmp_path / 'slow.db'}"
        proc = subprocess.Popen([str(BIN / "newswatch"), "run", "--config", str(slow_cfg), "--db", slow_db],
                                cwd=tmp_path, env=server.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
        _wait_until_stored(slow_db, proc)
        sent = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, (stdout, stderr)
    assert time.monotonic() - sent < 5
    assert "Traceback" not in stderr and "interrupted (SIGINT)" in stdout, stderr
    stored, distinct = _count(slow_db)
    assert 0 < stored == distinct < SLOW_PAGES
