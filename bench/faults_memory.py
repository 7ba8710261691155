"""Peak memory of one ingest pass facing decompression bombs, huge bodies and other hostile
answers (docs/RELIABILITY.md). Offline: the fault server (tests/faultserver.py, synthetic
content) runs on 127.0.0.1 in its own process, so its own memory is not counted.

    .venv/bin/python -m bench.faults_memory            # default [fetch] settings (10 MiB cap)
"""

from __future__ import annotations

import json
import multiprocessing
import os
import tempfile
import time
from multiprocessing.connection import Connection

from bench.sampler import ProcessSampler
from flows.pipeline import Pipeline, poll_all, summarise
from newswatch.settings import FetchSettings, Settings, Source

MB = 1024 * 1024


def _serve(conn: Connection) -> None:
    from tests.faultserver import FaultServer, deflate_bomb, drip, gzip_bomb, huge, ok, truncated
    from tests.test_faults import LAUGHS, article, rss

    with FaultServer() as srv:
        pages = {
            "/p/gzip": gzip_bomb(), "/p/deflate": deflate_bomb(), "/p/huge": huge(60 * MB, declared=False),
            "/p/zeros": ok(b"\0" * (10 * MB - 1)), "/p/deep": ok(b"<html><body>" + b"<div>" * 100_000 + b"x"
                                                                  + b"</div>" * 100_000 + b"</body></html>"),
            "/p/truncated": truncated(article(), 300), "/p/drip": drip(article(), 0.5),
        }
        srv.routes.update(pages)
        srv.routes.update({
            "/f/pages": ok(rss(srv.base, [srv.url(p) for p in pages]), "application/rss+xml"),
            "/f/gzip": gzip_bomb("application/rss+xml"), "/f/deflate": deflate_bomb("application/rss+xml"),
            "/f/huge-declared": huge(60 * MB, declared=True), "/f/huge": huge(60 * MB, declared=False),
            "/f/laughs": ok((LAUGHS + '<rss version="2.0"><channel><title>S</title><item><title>&i;</title>'
                             f'<link>{srv.base}/a/0</link></item></channel></rss>').encode(), "application/rss+xml"),
            "/f/10000": ok(rss(srv.base, [srv.url(f"/a/{i}") for i in range(10_000)]), "application/rss+xml"),
        })
        srv.routes.update({f"/a/{i}": ok(article(f"Item {i}")) for i in range(10_000)})
        conn.send(srv.base)
        conn.recv()  # until told to stop


def main() -> None:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_serve, args=(child,), daemon=True)
    server.start()
    base = parent.recv()
    feeds = ["pages", "gzip", "deflate", "huge-declared", "huge", "laughs", "10000"]
    sources = tuple(Source(f"hostile-{f}", f"{base}/f/{f}") for f in feeds)
    fetch = FetchSettings(allow_private_networks=True, feed_deadline_s=5.0, page_deadline_s=5.0, retries=0,
                          respect_robots=False)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_url=f"sqlite:///{tmp}/m.db", sources=sources, fetch=fetch)
        started = time.monotonic()
        with ProcessSampler(os.getpid(), {server.pid or 0}, interval=0.05) as sampler, Pipeline(settings) as p:
            summary = summarise(poll_all(p, list(sources)))
        usage = sampler.usage
    parent.send("stop")
    server.join(10)
    print(json.dumps({
        "wall_s": round(time.monotonic() - started, 2),
        "peak_rss_mb": round(usage.peak_rss_kb / 1024, 1),
        "peak_rss_by_role_mb": {k: round(v / 1024, 1) for k, v in usage.peak_rss_by_role_kb.items()},
        "max_bytes": fetch.max_bytes,
        "failures": summary["failures"],
        "stored": summary["stored"], "failed_pages": summary["failed_pages"],
        "page_errors": [e.split(": ", 1)[1] for r in summary["per_source"] for e in r["page_errors"]],  # type: ignore[index]
    }, indent=1))


if __name__ == "__main__":
    main()
