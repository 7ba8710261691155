"""The benchmark's memory and CPU sampler (bench/sampler.py) against a real process tree."""

from __future__ import annotations

import os
import subprocess
import sys

from bench.sampler import ProcessSampler


def test_counts_a_child_process_memory_and_cpu() -> None:
    script = ("import sys, time\n"
              "block = bytearray(80 * 1024 * 1024)\n"
              "for i in range(0, len(block), 4096): block[i] = 1\n"
              "end = time.process_time() + 0.5\n"
              "while time.process_time() < end: pass\n"
              "sys.stdin.read()\n")
    with ProcessSampler(os.getpid(), exclude=set(), interval=0.05) as sampler:
        child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE)
        try:
            usage = sampler.snapshot()
            while usage.cpu_by_role_s.get("other", 0.0) < 0.4:  # the child is still warming its memory
                usage = sampler.snapshot()
        finally:
            child.communicate(b"")
    assert sampler.usage.peak_rss_by_role_kb["other"] >= 80 * 1024  # the child's block, seen as "other"
    assert sampler.usage.peak_rss_kb >= sampler.usage.peak_rss_by_role_kb["ingest"] + 80 * 1024
    assert sampler.usage.cpu_by_role_s["other"] >= 0.4
