"""Every record newswatch moves between fetch, extract, detect and store.

Frozen dataclasses: extractors return them, flows pass them on, storage
persists them. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

# Where a publication date came from, best first.
DateSource = Literal["feed", "page", "sitemap", "warc", "fetch"]
Stance = Literal["rebuts", "accepts", "welcomes", "neutral"]
TierChange = Literal["upgrade", "downgrade", "unchanged"]


# --- feeds -----------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, as the feed states it."""

    url: str  # normalised absolute URL
    title: str | None = None
    summary: str | None = None
    published_at: datetime | None = None  # timezone-aware UTC
    guid: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed after parsing: its entries and any problem the parser met."""

    format: str  # "rss20", "atom10", "json", ... ("" when unknown)
    title: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None  # malformed but readable: what was wrong
    links: dict[str, str] = field(default_factory=dict)  # rel -> href (RFC 5005 archives)


# --- articles ----------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """Main text and metadata extracted from one page."""

    url: str
    title: str | None
    text: str
    authors: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1
    published_at: datetime | None = None
    published_from: DateSource | None = None
    site_name: str | None = None
    description: str | None = None


# --- detection -----------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """Why a label fired: the sentence and the rule or cue that matched it."""

    label: Literal["report", "rebuttal"]
    rule: str
    sentence: str
    weight: float = 1.0


@dataclass(frozen=True)
class ReportRef:
    """The report an item is about."""

    name: str  # e.g. "Trafficking in Persons Report"
    issuer: str  # e.g. "US Department of State"
    year: int | None = None  # the report's edition year, not the article's


@dataclass(frozen=True)
class Jurisdiction:
    name: str  # normalised English name ("Hong Kong", "Macao", "China")
    code: str | None = None  # ISO 3166-1 alpha-2 where one exists


@dataclass(frozen=True)
class TierRating:
    jurisdiction: str | None
    tier: str | None  # "Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"
    previous: str | None = None
    change: TierChange | None = None
    years_on_previous: int | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Response:
    """One actor answering a report."""

    actor: str
    kind: str  # government, ministry, spokesperson, legislator, ngo, ...
    stance: Stance
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Claims:
    criticisms: tuple[str, ...] = ()
    improvements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Detection:
    """What the detector decided about one item, with its evidence."""

    is_report: bool
    is_rebuttal: bool
    report_score: float
    rebuttal_score: float
    evidence: tuple[Evidence, ...] = ()
    report: ReportRef | None = None
    jurisdictions: tuple[Jurisdiction, ...] = ()
    tiers: tuple[TierRating, ...] = ()
    responses: tuple[Response, ...] = ()
    claims: Claims = field(default_factory=Claims)
    detector: str = "rules"
    detector_version: str = "0"


# --- storage -------------------------------------------------------------------


@dataclass(frozen=True)
class SourceState:
    """What newswatch remembers about a source between runs."""

    name: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_status: str | None = None  # ok, not_modified, unchanged, failed
    last_error: str | None = None
    http_status: int | None = None
    consecutive_failures: int = 0
    last_checked_at: datetime | None = None
    last_success_at: datetime | None = None
    entries_seen: int = 0
    next_attempt_at: datetime | None = None  # not polled before this (backoff, Retry-After)
    last_full_fetch_at: datetime | None = None  # last fetch without validators
    last_new_at: datetime | None = None  # last run that found an entry not stored before


@dataclass(frozen=True)
class PageFailure:
    """A page that failed: retried on later runs until `gave_up`."""

    url: str
    source: str
    reason: str
    attempts: int = 1
    next_attempt_at: datetime | None = None
    gave_up: bool = False


@dataclass(frozen=True)
class PageRecord:
    """One analysed page, ready to store: the raw bytes plus what was made of them."""

    source: str
    article: Article
    detection: Detection
    raw_html: bytes
    fetched_at: datetime
    content_type: str | None = None


@dataclass(frozen=True)
class PageJob:
    """A fetched page waiting for analysis (picklable: it crosses into a worker process)."""

    source: str
    url: str
    body: bytes
    fetched_at: datetime
    content_type: str | None = None
    hint_date: datetime | None = None
    hint_source: DateSource = "feed"
    language_hint: str | None = None
    title_hint: str | None = None
    every_byline: bool = False  # search every page for a byline, not only those that may name a report


# --- backfill --------------------------------------------------------------------

# Appended below the top of the module so the sections above stay untouched.


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<loc>`` of a sitemap, with the dates and title the sitemap gives for it."""

    url: str  # absolute http(s) URL, as the sitemap spells it
    lastmod: datetime | None = None  # timezone-aware UTC
    published_at: datetime | None = None  # Google News ``news:publication_date``, UTC
    title: str | None = None  # Google News ``news:title``

    @property
    def filter_date(self) -> datetime | None:
        """The date to filter on: the publication date when given, else ``lastmod``."""
        return self.published_at or self.lastmod


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: an index lists child sitemaps, a urlset lists pages."""

    is_index: bool  # an index lists child sitemaps; else a urlset lists pages
    entries: tuple[SitemapEntry, ...] = ()  # pages (urlset only)
    children: tuple[SitemapEntry, ...] = ()  # child sitemaps with their lastmod (index only)


@dataclass(frozen=True)
class WarcPage:
    """One HTML ``response`` record of a WARC file."""

    url: str  # WARC-Target-URI
    fetched_at: datetime | None  # WARC-Date, UTC
    html: bytes  # HTTP payload, transfer- and content-decoded
    content_type: str | None  # HTTP Content-Type header as sent
    status: int  # HTTP status code
    offset: int | None = None  # byte offset of the record in the file (compressed offset for .gz)
