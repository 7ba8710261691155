"""robots.txt for article pages: read once per site per run (protego), then obeyed.

Feeds are not checked: a configured feed is a URL its publisher offers for polling.
A robots.txt that is missing (4xx) allows everything; one that cannot be read (timeout,
5xx, refused address) does not block either: the per-host cap keeps newswatch polite.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import httpx
from protego import Protego

from flows.fetch import fetch
from newswatch.errors import FetchError

ROBOTS_MAX_BYTES = 512 * 1024
AGENT = "newswatch"


class RobotsRules:
    """Answers `allowed(url)`, fetching each site's robots.txt the first time it is asked."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self._rules: dict[str, Protego | None] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            site_lock = self._locks.setdefault(site, threading.Lock())
        with site_lock:  # one fetch per site, however many threads ask at once
            if site not in self._rules:
                self._rules[site] = self._load(site)
            rules = self._rules[site]
        return rules is None or bool(rules.can_fetch(url, AGENT))

    def _load(self, site: str) -> Protego | None:
        try:
            res = fetch(self.client, site + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES, retries=0)
        except FetchError:
            return None
        return Protego.parse(res.body.decode("utf-8", "replace"))
