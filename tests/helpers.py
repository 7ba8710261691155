"""Helpers for tests: repository paths and settings pointing at a local site."""

from __future__ import annotations

from pathlib import Path

from newswatch.cli.localsite import LocalSite
from newswatch.settings import FetchSettings, Settings, Source

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"



def local_settings(site: LocalSite, db_url: str, paths: dict[str, str] | None = None, **fetch: object) -> Settings:
    """Settings polling `site` (name -> path), private networks allowed, small timeouts."""
    paths = paths or {"harbour-daily": "/rss.xml", "lotus-wire": "/atom.xml", "pier-post": "/feed.json"}
    opts: dict[str, object] = {"allow_private_networks": True, "timeout_s": 2.0, "retries": 0, "extract_workers": 2,
                               "feed_deadline_s": 2.0, "page_deadline_s": 2.0}
    opts.update(fetch)
    return Settings(
        db_url=db_url,
        sources=tuple(Source(name, site.url(path)) for name, path in paths.items()),
        fetch=FetchSettings(**opts),  # type: ignore[arg-type]
    )
