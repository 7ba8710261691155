"""`newswatch run` as a real process: Ctrl-C, SIGTERM and kill -9 in the middle of a pass.

The site is synthetic (invented outlet on 127.0.0.1) with slow pages, so a pass has pages in
flight when the signal comes, and one page that drips one byte per second.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from newswatch.cli.localsite import LocalSite, Route

PAGES = 40
BIN = Path(sys.executable).parent / "newswatch"


def _page(i: int) -> bytes:
    para = (f"Synthetic item {i} from an invented outlet. The harbour council met on Tuesday to discuss "
            "ferry timetables, pier repairs and the autumn festival crowds. ") * 6
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Synthetic item {i}</title>"
            f"</head><body><article><h1>Synthetic item {i}</h1><p>{para}</p><p>{para}</p></article>"
            "</body></html>").encode()


def _feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>item {p}</title><link>{base}{p}</link></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Gazette (synthetic)</title>'
            f"<link>{base}/</link><description>synthetic</description>{items}</channel></rss>").encode()


@pytest.fixture
def slow_site() -> Iterator[LocalSite]:
    with LocalSite() as site:
        paths = [f"/slow/{i}.html" for i in range(PAGES)]
        for i, path in enumerate(paths):
            site.routes[path] = Route(_page(i), delay=0.25)
        site.routes["/feed.xml"] = Route(_feed(site.base, paths), "application/rss+xml")
        site.routes["/drip.html"] = Route(_page(999), drip=1.0)
        site.routes["/drip.xml"] = Route(_feed(site.base, ["/drip.html"]), "application/rss+xml")
        yield site


def _config(tmp_path: Path, site: LocalSite, *, drip: bool) -> Path:
    cfg = tmp_path / "slow.toml"
    sources = f'[[sources]]\nname = "slow-gazette"\nurl = "{site.base}/feed.xml"\n'
    if drip:
        sources += f'\n[[sources]]\nname = "drip-daily"\nurl = "{site.base}/drip.xml"\n'
    cfg.write_text("[fetch]\nallow_private_networks = true\nrespect_robots = false\nper_host = 4\n\n" + sources,
                   encoding="utf-8")
    return cfg


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSWATCH_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               COLUMNS="100")
    return env


def _start(tmp_path: Path, cfg: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(BIN), "run", "--config", str(cfg), "--db", db], env=_env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _group_alive(pgid: int) -> list[str]:
    """Processes of the process group `pgid` still alive (zombies do not count)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            alive.append(f"{entry.name} {stat[stat.index('(') + 1:stat.rindex(')')]}")
    return alive


def _count(db: str) -> tuple[int, int]:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            total = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
            distinct = conn.execute(text("SELECT count(DISTINCT url) FROM articles")).scalar_one()
    finally:
        engine.dispose()
    return int(total), int(distinct)


def _wait_until_stored(db: str, proc: subprocess.Popen[str], minimum: int = 1, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if _count(db)[0] >= minimum:
                return
        except Exception:
            pass
        time.sleep(0.1)
    raise AssertionError(f"nothing stored within {limit} s (exit {proc.poll()})")


@pytest.mark.parametrize(("sig", "code", "name"), [(signal.SIGINT, 130, "SIGINT"), (signal.SIGTERM, 143, "SIGTERM")])
def test_signal_stops_within_5s_with_partial_summary(
    slow_site: LocalSite, tmp_path: Path, sig: int, code: int, name: str
) -> None:
    db = f"sqlite:///{tmp_path / 'run.db'}"
    proc = _start(tmp_path, _config(tmp_path, slow_site, drip=True), db)
    _wait_until_stored(db, proc)
    assert slow_site.hits.get("/drip.html"), "the drip page is in flight when the signal comes"
    sent = time.monotonic()
    os.killpg(proc.pid, sig) if sig == signal.SIGINT else proc.send_signal(sig)  # Ctrl-C reaches the group
    stdout, stderr = proc.communicate(timeout=30)
    took = time.monotonic() - sent
    assert proc.returncode == code, (stdout, stderr)
    assert took < 5, f"stopped after {took:.1f} s"
    assert "Traceback" not in stderr and "Traceback" not in stdout, stderr
    assert f"interrupted ({name})" in stdout and "article(s) stored by this run are kept" in stdout
    assert "drip-daily" in stdout  # named as not finished
    stored, distinct = _count(db)
    assert 0 < stored < PAGES + 1 and stored == distinct
    deadline = time.monotonic() + 5
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _group_alive(proc.pid)


def test_kill_9_leaves_no_process_and_loses_nothing(slow_site: LocalSite, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'run.db'}"
    cfg = _config(tmp_path, slow_site, drip=False)
    rng = random.Random(12)
    for _ in range(10):
        proc = _start(tmp_path, cfg, db)
        time.sleep(rng.uniform(0.2, 3.5))  # anywhere from start-up to storing pages
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=10)
        deadline = time.monotonic() + 5
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _group_alive(proc.pid), "a process of the run outlived it by 5 s"
    final = _start(tmp_path, cfg, db)
    _stdout, stderr = final.communicate(timeout=120)
    assert final.returncode == 0, stderr
    assert _count(db) == (PAGES, PAGES)  # every article once


def test_unreachable_prefect_api_is_one_line_and_the_demo_does_not_care(tmp_path: Path) -> None:
    env = {**_env(tmp_path), "PREFECT_API_URL": "http://127.0.0.1:9/api", "COLUMNS": "200"}
    db = f"sqlite:///{tmp_path / 'x.db'}"
    done = subprocess.run([str(BIN), "run", "--db", db], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "Prefect API at http://127.0.0.1:9/api not reachable" in lines[0]
    assert "prefect server start" in lines[0] and "prefect config unset PREFECT_API_URL" in lines[0]
    demo = subprocess.run([str(BIN), "demo", "--db", db, "--port", "0"], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert demo.returncode == 0, demo.stderr
    assert "without Prefect" in demo.stderr


def test_api_url_read_from_the_active_profile_without_importing_prefect(tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    home.mkdir()
    (home / "profiles.toml").write_text(
        'active = "work"\n[profiles.work]\nPREFECT_API_URL = "http://127.0.0.1:4299/api"\n', encoding="utf-8")
    code = ("import sys; from newswatch.cli.running import prefect_api_url; "
            "print(prefect_api_url(), 'prefect' in sys.modules)")
    env = _env(tmp_path)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path,
                          check=True)
    assert done.stdout.split() == ["http://127.0.0.1:4299/api", "False"]
    (home / "profiles.toml").write_text('active = "local"\n[profiles.local]\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path,
                          check=True)
    assert done.stdout.split() == ["None", "False"]
