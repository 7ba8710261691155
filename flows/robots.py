"""robots.txt for article pages: read once per site per run (protego), then obeyed.

Feeds are not checked: a configured feed is a URL its publisher offers for polling.
As RFC 9309 §2.3.1 says: a robots.txt that is missing or refused (4xx) allows everything;
one that cannot be read (5xx, timeout, unreachable) disallows the whole site for that run,
so its pages are retried on a later run. A Crawl-delay is honoured, capped, as the least
time between two page requests to the host.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from protego import Protego

from flows.fetch import fetch
from newswatch.errors import FetchError, PermanentFetchError

ROBOTS_MAX_BYTES = 512 * 1024
AGENT = "newswatch"


@dataclass(frozen=True)
class SiteRules:
    rules: Protego | None  # None: everything allowed
    unavailable: str | None = None  # why robots.txt could not be read: the site is off limits this run
    crawl_delay: float = 0.0  # seconds, already capped


class RobotsRules:
    """Answers `check(url)`, fetching each site's robots.txt the first time it is asked."""

    def __init__(self, client: httpx.Client, *, deadline_s: float | None = None,
                 crawl_delay_cap: float = 10.0) -> None:
        self.client = client
        self.deadline_s = deadline_s
        self.crawl_delay_cap = crawl_delay_cap
        self._sites: dict[str, SiteRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def site(self, url: str) -> SiteRules:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            site_lock = self._locks.setdefault(site, threading.Lock())
        with site_lock:  # one fetch per site, however many threads ask at once
            if site not in self._sites:
                self._sites[site] = self._load(site)
            return self._sites[site]

    def check(self, url: str) -> str | None:
        """Why `url` may not be fetched (a reason), or None when it may."""
        site = self.site(url)
        if site.unavailable:
            return f"robots.txt unavailable ({site.unavailable}): site disallowed for this run"
        if site.rules is not None and not site.rules.can_fetch(url, AGENT):
            return "disallowed by robots.txt"
        return None

    def allowed(self, url: str) -> bool:
        return self.check(url) is None

    def crawl_delay(self, url: str) -> float:
        return self.site(url).crawl_delay

    def _load(self, site: str) -> SiteRules:
        try:
            res = fetch(self.client, site + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES, retries=0,
                        deadline_s=self.deadline_s)
        except PermanentFetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return SiteRules(None)  # no robots.txt (or refused to us): everything allowed
            return SiteRules(None, unavailable=str(exc))
        except FetchError as exc:  # 5xx, 429, timeouts, unreachable
            return SiteRules(None, unavailable=str(exc))
        rules = Protego.parse(res.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay(AGENT) or 0.0
        return SiteRules(rules, crawl_delay=max(0.0, min(float(delay), self.crawl_delay_cap)))
