"""`make bench`: newswatch's throughput against the bare extraction floor, on real material.

    python -m bench.run [--articles N] [--no-prefect]

In one run, on 127.0.0.1:
1. serve the 200 real feeds of `feeds-bulk` (entry links rewritten to the Zyte benchmark
   pages, cycled under distinct URLs) from a separate process, with ETags;
2. bare floor: `trafilatura.extract` over the benchmark pages in one process, 3 passes
   before and 3 after the ingest runs (the median of the 6);
3. end to end: an ingest run (`Pipeline` + `poll_all`) from empty storage;
4. re-poll: the same run again with nothing changed, against the same conditional GETs
   made by a bare httpx client;
5. fixed cost: a fresh process running the Prefect `ingest` flow over zero sources,
   without and with a running Prefect server;
6. peak memory: RSS and PSS summed over the ingest process, the forkserver and the
   extraction workers, read from /proc by a separate process (bench/sampler.py);
7. the real command: `newswatch run` as a subprocess on the embedded default over the
   same corpus, with its fixed cost and the peak RSS of its whole process tree
   (bench/cli_run.py; `--cli-only` skips steps 3-5).

Prints a table, then the figures as one JSON object on the last line. Figures are ratios
measured in one run on one machine; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.corpus import REPO, BenchSource, CorpusMissing, build_routes, check_corpora, load_feeds, load_pages
from bench.sampler import ProcessSampler
from newswatch.settings import FetchSettings, Settings, Source

BARE_PASSES = 3  # the floor is the median of this many passes, as in ../shared/corpora/README.md


# --- the corpus server (a child process) ------------------------------------------------


def _serve(conn: Connection, articles: int | None) -> None:
    """Child process: serve the corpus until told to stop; report the base URL and sources first."""
    from newswatch.cli.localsite import LocalSite

    with LocalSite() as site:
        routes, sources = build_routes(site.base, load_feeds(), load_pages(), articles)
        site.routes.update(routes)
        conn.send((site.base, sources))
        conn.recv()  # stop


@contextmanager
def corpus_server(articles: int | None) -> Iterator[tuple[str, list[BenchSource], int]]:
    """(base URL, sources, server pid) of a corpus server running in its own process."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(child, articles), daemon=True)
    proc.start()
    try:
        base, sources = parent.recv()
        yield base, sources, proc.pid or 0
    finally:
        parent.send("stop")
        proc.join(10)


# --- bare floor (a child process) ---------------------------------------------------------


def _bare_floor(conn: Connection) -> None:
    import trafilatura

    pages = load_pages()
    passes = []
    for _ in range(BARE_PASSES):
        start, cpu = time.perf_counter(), time.process_time()
        for body in pages:
            trafilatura.extract(body)
        passes.append((len(pages) / (time.perf_counter() - start), (time.process_time() - cpu) / len(pages)))
    conn.send(passes)


def bare_floor() -> list[tuple[float, float]]:
    """(pages per second, CPU seconds per page) of `trafilatura.extract(body)` over the
    benchmark pages in one fresh process, per pass."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_bare_floor, args=(child,))
    proc.start()
    passes: list[tuple[float, float]] = parent.recv()
    proc.join()
    return passes


# --- ingest runs ------------------------------------------------------------------------------


def ingest_run(settings: Settings, *, setup_in_timing: bool) -> tuple[dict[str, Any], float]:
    """One ingest run over every source (`Pipeline` + `poll_all`): (summary, seconds)."""
    from flows.pipeline import Pipeline, poll_all, summarise

    start = time.perf_counter()
    with Pipeline(settings) as pipeline:
        if not setup_in_timing:
            start = time.perf_counter()
        results = poll_all(pipeline, list(settings.sources))
    # Closing is counted: it writes the states of feeds that were not modified.
    return summarise(results), time.perf_counter() - start


def raw_conditional_gets(settings: Settings) -> tuple[float, int]:
    """The re-poll's requests from a bare httpx client: (seconds, 304 answers)."""
    import httpx

    from storage.store import Store

    with Store(settings.db_url) as store:
        tags = {s.url: s.etag for s in store.list_sources()}
    urls = [s.url for s in settings.sources]
    start = time.perf_counter()
    with httpx.Client() as client, ThreadPoolExecutor(max_workers=settings.fetch.source_workers) as pool:
        def get(url: str) -> int:
            tag = tags.get(url)
            return client.get(url, headers={"If-None-Match": tag} if tag else {}).status_code

        statuses = list(pool.map(get, urls))
    return time.perf_counter() - start, statuses.count(304)


# --- fixed cost ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fixed_cost(tmp: Path, env: dict[str, str]) -> dict[str, float]:
    config = tmp / "zero.toml"
    config.write_text("sources = []\n", encoding="utf-8")
    db_url = f"sqlite:///{tmp / 'zero.db'}"
    from storage.store import Store

    Store(db_url).close()  # migrated beforehand: the cost of a run, not of a first install
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench.fixed_cost", str(config), db_url],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"zero-source ingest failed:\n{done.stderr[-2000:]}")
    inner = json.loads(done.stdout.strip().splitlines()[-1])
    return {"wall_s": wall, **inner}


@contextmanager
def prefect_server(tmp: Path, env: dict[str, str]) -> Iterator[str]:
    """A `prefect server start` on a free loopback port; yields its API URL."""
    import httpx

    port = _free_port()
    log = (tmp / "prefect-server.log").open("wb")
    prefect = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    proc = subprocess.Popen(
        [prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited ({proc.returncode}); see {log.name}")
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("prefect server did not become healthy within 120 s")
            time.sleep(0.5)
        yield api
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def fixed_costs(tmp: Path) -> dict[str, dict[str, float]]:
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    base_env.update({
        "PREFECT_HOME": str(tmp / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    })
    results = {"no_server": _fixed_cost(tmp, base_env)}
    with prefect_server(tmp, base_env) as api:
        results["server"] = _fixed_cost(tmp, {**base_env, "PREFECT_API_URL": api})
    return results


# --- the run ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None,
                        help="scale the corpus to about N articles (feeds cycled, pages under distinct URLs); "
                             "default: every entry of the 200 feeds once")
    parser.add_argument("--no-prefect", action="store_true", help="skip the fixed-cost step (no Prefect server)")
    parser.add_argument("--cli-only", action="store_true",
                        help="only the bare floor and the `newswatch run` subprocess (no in-process runs, no Prefect)")
    args = parser.parse_args(argv)
    try:
        check_corpora()
    except CorpusMissing as exc:
        print(f"bench skipped: {exc}", file=sys.stderr)
        print(json.dumps({"skipped": str(exc)}))
        return 0
    figures: dict[str, Any] = {
        "date": datetime.now(UTC).date().isoformat(), "host": platform.node(), "cpus": os.cpu_count(),
        "load_before": round(os.getloadavg()[0], 2),
    }
    rows: list[tuple[str, str]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newswatch-bench-") as tmp_name:
        tmp = Path(tmp_name)
        before = bare_floor()
        ingest_rows = [] if args.cli_only else _ingest_steps(figures, tmp, args.articles)
        cli_rows = _cli_step(figures, tmp, args.articles)
        rows += _bare_step(figures, before, bare_floor()) + ingest_rows + cli_rows
        if not args.no_prefect and not args.cli_only:
            rows += _fixed_cost_step(figures, tmp)
    figures["cli_over_bare"] = figures["cli_articles_per_s"] / figures["bare_extract_pages_per_s"]
    rows.append(("ratio newswatch run / bare (target >= 1.5)", f"{figures['cli_over_bare']:.2f}"))
    if not args.cli_only:
        figures["e2e_over_bare"] = figures["e2e_articles_per_s"] / figures["bare_extract_pages_per_s"]
        figures["repoll_over_raw"] = figures["repoll_s"] / figures["raw_conditional_get_s"]
    figures["load_after"] = round(os.getloadavg()[0], 2)
    figures["bench_wall_s"] = time.perf_counter() - started
    if not args.cli_only:
        rows += [
            ("ratio e2e / bare (target >= 1.5)", f"{figures['e2e_over_bare']:.2f}"),
            ("ratio re-poll / bare httpx (target <= 1.3)", f"{figures['repoll_over_raw']:.2f}"),
        ]
    rows += [
        ("load average before / after", f"{figures['load_before']} / {figures['load_after']} "
         f"(other work on this machine skews every figure)"),
        ("bench wall time", f"{figures['bench_wall_s']:.0f} s"),
    ]
    _print_table(rows)
    print(json.dumps(_rounded(figures)))
    return 0


def _bare_step(figures: dict[str, Any], before: list[tuple[float, float]],
               after: list[tuple[float, float]]) -> list[tuple[str, str]]:
    """The floor is the median of the passes before and after the ingest runs, so a
    machine that slows down or speeds up during the bench moves both sides of the ratio."""
    passes = before + after
    figures["bare_extract_pages_per_s"] = statistics.median(rate for rate, _ in passes)
    figures["bare_cpu_ms_per_page"] = 1000 * statistics.median(cpu for _, cpu in passes)
    figures["bare_passes_pages_per_s"] = {"before": [rate for rate, _ in before], "after": [rate for rate, _ in after]}
    rates = "; ".join(", ".join(f"{rate:.1f}" for rate, _ in side) for side in (before, after))
    return [("bare floor: trafilatura.extract, 1 process",
             f"{figures['bare_extract_pages_per_s']:.1f} pages/s (median of {rates}: passes before; after "
             f"the ingest runs); {figures['bare_cpu_ms_per_page']:.1f} ms CPU per page")]


def _ingest_steps(figures: dict[str, Any], tmp: Path, articles: int | None) -> list[tuple[str, str]]:
    with corpus_server(articles) as (base, bench_sources, server_pid):
        settings = Settings(
            db_url=f"sqlite:///{tmp / 'bench.db'}",
            sources=tuple(Source(s.name, base + s.path) for s in bench_sources),
            fetch=FetchSettings(allow_private_networks=True, max_articles_per_source=0),
        )
        with ProcessSampler(os.getpid(), exclude={server_pid}) as sampler:
            first, e2e_s = ingest_run(settings, setup_in_timing=True)
            e2e_usage = sampler.snapshot()
            again, repoll_s = ingest_run(settings, setup_in_timing=False)
        usage = sampler.usage
        e2e_cpu = e2e_usage.cpu_s
        raw_s, raw_304 = raw_conditional_gets(settings)
    stored = first["stored"]
    figures.update(
        feeds=len(settings.sources), e2e_s=e2e_s, e2e_entries=first["entries_seen"], e2e_stored=stored,
        e2e_feeds_parsed=first["feeds_parsed"], e2e_failed_pages=first["failed_pages"],
        e2e_failed_feeds=first["failed"], e2e_articles_per_s=stored / e2e_s,
        e2e_cpu_ms_per_article=1000 * e2e_cpu / max(1, stored),
        e2e_cpu_busy=e2e_cpu / (e2e_s * (os.cpu_count() or 1)),
        repoll_s=repoll_s, repoll_feeds_parsed=again["feeds_parsed"], repoll_extracted=again["fetched"],
        repoll_not_modified=again["not_modified"], raw_conditional_get_s=raw_s, raw_not_modified=raw_304,
        e2e_cpu_ms_per_article_ingest=1000 * e2e_usage.cpu_by_role_s["ingest"] / max(1, stored),
        peak_rss_mb=usage.peak_rss_kb / 1024, peak_pss_mb=usage.peak_pss_kb / 1024,
        peak_rss_by_role_mb={r: kb / 1024 for r, kb in usage.peak_rss_by_role_kb.items()},
    )
    return [
        ("end to end: feeds / entries / stored",
         f"{figures['feeds']} / {first['entries_seen']} / {stored} "
         f"({first['failed_pages']} failed pages, {first['failed']} failed feeds)"),
        ("end to end: wall time", f"{e2e_s:.1f} s"),
        ("end to end: articles stored per second", f"{figures['e2e_articles_per_s']:.1f}"),
        ("end to end: CPU per article, all processes",
         f"{figures['e2e_cpu_ms_per_article']:.1f} ms ({100 * figures['e2e_cpu_busy']:.0f}% of the cores busy; "
         f"{figures['e2e_cpu_ms_per_article_ingest']:.1f} ms in the ingest process)"),
        ("re-poll: feeds parsed / pages extracted", f"{again['feeds_parsed']} / {again['fetched']}"),
        ("re-poll: newswatch / bare httpx", f"{repoll_s:.3f} s / {raw_s:.3f} s ({raw_304} answered 304)"),
        ("peak memory, ingest + forkserver + workers",
         f"RSS {figures['peak_rss_mb']:.0f} MB (PSS {figures['peak_pss_mb']:.0f} MB); each role's peak RSS: "
         + ", ".join(f"{role} {mb:.0f}" for role, mb in figures["peak_rss_by_role_mb"].items())),
    ]


def _cli_step(figures: dict[str, Any], tmp: Path, articles: int | None) -> list[tuple[str, str]]:
    from bench.cli_run import cli_figures

    with corpus_server(articles) as (base, bench_sources, server_pid):
        figures.update(cli_figures(tmp, base, bench_sources, server_pid))
    roles = ", ".join(f"{role} {mb:.0f}" for role, mb in figures["cli_peak_rss_by_role_mb"].items())
    return [
        ("newswatch run: stored / failed pages / wall",
         f"{figures['cli_stored']} / {figures['cli_failed_pages']} / {figures['cli_s']:.1f} s"),
        ("newswatch run: articles stored per second", f"{figures['cli_articles_per_s']:.1f}"),
        ("newswatch run: fixed cost (target <= 3 s)",
         f"{figures['cli_fixed_cost_s']:.2f} s (median of "
         + ", ".join(f"{t:.2f}" for t in figures["cli_fixed_cost_runs_s"]) + ")"),
        ("newswatch run: peak RSS, whole tree (target <= 350 MB)",
         f"{figures['cli_peak_tree_rss_mb']:.0f} MB (PSS {figures['cli_peak_tree_pss_mb']:.0f}); by role: {roles}"),
    ]


def _fixed_cost_step(figures: dict[str, Any], tmp: Path) -> list[tuple[str, str]]:
    fixed = fixed_costs(tmp)
    figures["fixed_cost_s"] = fixed["no_server"]["wall_s"]
    figures["fixed_cost_server_s"] = fixed["server"]["wall_s"]
    figures["fixed_cost_detail"] = fixed
    rows = []
    for label, key in (("no Prefect server", "no_server"), ("running Prefect server", "server")):
        f = fixed[key]
        rows.append((f"fixed cost, {label}",
                     f"{f['wall_s']:.1f} s fresh process (import {f['import_s']:.1f} s, first run "
                     f"{f['first_run_s']:.1f} s, second run {f['second_run_s']:.2f} s)"))
    return rows


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _print_table(rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(main())
