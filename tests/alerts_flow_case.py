"""The ingest flow's alert hook (imported into tests/test_integration.py, which runs it under
the session's Prefect harness). Synthetic demo site, receiver on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from newswatch.cli.demo import demo_config
from newswatch.cli.localsite import LocalSite
from storage.store import ArticleFilter, Store
from tests.test_alerts import Receiver


def test_ingest_flow_sends_alerts_once(site: LocalSite, db_url: str, tmp_path: Path) -> None:
    from flows.ingest import ingest

    receiver = Receiver()
    try:
        cfg = tmp_path / "newswatch.toml"
        cfg.write_text(demo_config(site.base) + f'\n[[alerts]]\nname = "rebuttals"\nwebhook = "{receiver.url}"\n'
                       "rebuttal = true\n", encoding="utf-8")
        summary = ingest(config=str(cfg), db_url=db_url)
        with Store(db_url) as store:
            rebuttals = {r["id"] for r in store.list_articles(ArticleFilter(rebuttal=True, limit=None))}
        assert len(rebuttals) == 2  # the demo site's two synthetic rebuttals
        assert summary["alerts"] == {"queued": 2, "delivered": 2, "failed": 0, "abandoned": 0,
                                     "deferred": 0}, summary["alerts"]
        assert ingest(config=str(cfg), db_url=db_url)["alerts"]["delivered"] == 0
        assert sorted(receiver.ids()) == sorted(f"rebuttals:{i}" for i in rebuttals)
    finally:
        receiver.close()
