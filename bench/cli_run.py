"""The real command: `newswatch run` as a subprocess on the embedded default (no Prefect
API configured), over the bench corpus served on 127.0.0.1.

Reports articles stored per second (wall time of the whole command, start-up included),
the fixed cost (a zero-source `newswatch run`, the median of 3 fresh processes) and the
peak RSS summed over the command's whole process tree (the command, the resource
tracker, the forkserver and its workers), sampled from /proc by bench/sampler.py.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.corpus import BenchSource
from bench.sampler import ProcessSampler

NEWSWATCH = Path(sys.executable).parent / "newswatch"


def cli_env(tmp: Path) -> dict[str, str]:
    """The environment of a new user: no Prefect API, no newswatch settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSWATCH_"))}
    env.update(PREFECT_HOME=str(tmp / "cli-prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return env


def write_config(path: Path, base: str, sources: list[BenchSource]) -> None:
    lines = ["[fetch]", "allow_private_networks = true", "max_articles_per_source = 0", ""]
    for s in sources:
        lines += ["[[sources]]", f'name = "{s.name}"', f'url = "{base}{s.path}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def fixed_cost(tmp: Path, runs: int = 3) -> list[float]:
    """Wall seconds of `newswatch run` over zero sources (a migrated store), fresh processes."""
    config = tmp / "cli-zero.toml"
    config.write_text("sources = []\n", encoding="utf-8")
    db_url = f"sqlite:///{tmp / 'cli-zero.db'}"
    from storage.store import Store

    Store(db_url).close()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(NEWSWATCH), "run", "--config", str(config), "--db", db_url], env=cli_env(tmp),
                       capture_output=True, check=True, timeout=120)
        times.append(time.perf_counter() - start)
    return times


def cli_run(tmp: Path, base: str, sources: list[BenchSource], server_pid: int) -> dict[str, Any]:
    """One `newswatch run --json` from an empty store: its summary, wall time and tree usage."""
    config = tmp / "cli.toml"
    write_config(config, base, sources)
    db_url = f"sqlite:///{tmp / 'cli.db'}"
    start = time.perf_counter()
    proc = subprocess.Popen([str(NEWSWATCH), "run", "--json", "--config", str(config), "--db", db_url],
                            env=cli_env(tmp), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    with ProcessSampler(proc.pid, exclude={server_pid, os.getpid()}, interval=0.2) as sampler:
        stdout, _ = proc.communicate(timeout=3600)
        wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"newswatch run exited {proc.returncode}")
    summary = json.loads(stdout)
    return {"summary": summary, "wall_s": wall, "usage": sampler.usage}


def cli_figures(tmp: Path, base: str, sources: list[BenchSource], server_pid: int) -> dict[str, Any]:
    fixed = fixed_cost(tmp)
    run = cli_run(tmp, base, sources, server_pid)
    stored = run["summary"]["stored"]
    usage = run["usage"]
    return {
        "cli_s": run["wall_s"], "cli_stored": stored, "cli_failed_pages": run["summary"]["failed_pages"],
        "cli_articles_per_s": stored / run["wall_s"],
        "cli_fixed_cost_s": statistics.median(fixed), "cli_fixed_cost_runs_s": fixed,
        "cli_peak_tree_rss_mb": usage.peak_rss_kb / 1024, "cli_peak_tree_pss_mb": usage.peak_pss_kb / 1024,
        "cli_peak_rss_by_role_mb": {r: kb / 1024 for r, kb in usage.peak_rss_by_role_kb.items()},
    }
