"""Shared fixtures: a loopback HTTP server serving synthetic sites, a fresh database per test."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswatch.cli.demo import demo_routes
from newswatch.cli.localsite import LocalSite

# Before anything imports prefect: no analytics (no internet here) and a home of the tests' own.
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newswatch-test-prefect-")
os.environ.pop("PREFECT_API_URL", None)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """The demo's synthetic outlets (RSS, Atom, JSON Feed) on 127.0.0.1."""
    with LocalSite() as s:
        s.routes.update(demo_routes(s.base))
        yield s


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"
