"""The Prefect `backfill` flow, end to end. Not collected on its own: the integration
module that starts `prefect_test_harness` once per session imports `test_backfill_flow`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flows.backfill import backfill
from newswatch.cli.localsite import LocalSite
from newswatch.errors import ParseError
from storage.store import Store
from tests.test_backfill import SINCE, UNTIL, WARC_IN_WINDOW, WARC_PAGES, build_warc, gazette_config, gazette_routes


def test_backfill_flow(tmp_path: Path, db_url: str) -> None:
    """Sitemap and WARC backfills as flow runs; a repeat adds nothing; bad input fails the run."""
    assert set(backfill.parameters.properties) == {
        "sitemap", "source", "warc", "urls", "since", "until", "include_undated", "dry_run", "config", "db_url",
    }
    with LocalSite() as site:
        site.routes.update(gazette_routes(site.base))
        config = str(gazette_config(tmp_path, site))
        window: dict[str, Any] = {"since": SINCE, "until": UNTIL, "config": config, "db_url": db_url}
        json.dumps(window)  # what a deployment passes must be JSON

        first = backfill(sitemap=site.url("/sitemap_index.xml"), **window)
        repeat = backfill(sitemap=site.url("/sitemap_index.xml"), **window)
        warc = build_warc(tmp_path / "CC-NEWS-20250930.warc.gz", WARC_PAGES)
        from_warc = backfill(warc=str(warc), **window)
        failed = backfill(urls=str(tmp_path / "missing.txt"), config=window["config"], db_url=db_url,
                          return_state=True)

    assert (first["stored"], first["complete"]) == (5, True)
    assert (repeat["stored"], repeat["already_stored"], repeat["resumed"]) == (0, 5, True)
    assert from_warc["stored"] == len(WARC_IN_WINDOW)
    assert failed.is_failed()
    with pytest.raises(ParseError, match="cannot read URL list"):
        failed.result()
    with Store(db_url) as store:
        assert store.count_articles() == 5 + len(WARC_IN_WINDOW)
