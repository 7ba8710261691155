"""Backfill: store a date window of history from a sitemap, a feed's archive, a WARC file
or a URL list, exactly as ingest stores new items.

Two steps, so bad input stores nothing: first *list* (fetch and parse every sitemap,
walk the whole archive, read the URL file, or read the whole WARC once), then *store*
(`Pipeline.process` for URLs to fetch; `Pipeline.extract_and_detect` + `Store.save_pages` for WARC
pages, which need no fetching). Any error while listing aborts before the first write.

Resuming rests on the store, not on a state file: every URL already stored (by an
earlier backfill or by ingest) is skipped, so re-running an interrupted backfill
continues where it stopped, and the summary counts them as ``already_stored``. Writes
are upserts keyed by URL, so a backfill and a scheduled ingest may run at once.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from prefect import flow, get_run_logger

from extractors.archives import ARCHIVE_RELS, entries_before_window, next_archive_urls
from extractors.content import skip_reason
from extractors.sitemaps import is_site_root, parse_sitemap, robots_txt_url, sitemaps_from_robots
from extractors.urllist import is_http_url, parse_url_list
from extractors.urls import host_of, normalize_url
from extractors.warc import iter_warc_pages
from flows.alerts import send_alerts_task
from flows.fetch import download, fetch
from flows.pipeline import Candidate, PageCounts, Pipeline
from newswatch.errors import (
    ConfigError,
    FetchError,
    NewswatchError,
    ParseError,
    PermanentFetchError,
    StorageError,
    excerpt,
)
from newswatch.models import FeedEntry, PageJob, ParsedFeed, SitemapEntry
from newswatch.progress import LineProgress, NullProgress, ProgressReporter
from newswatch.settings import Settings, load_settings
from newswatch.timeutil import Window

Origin = Literal["sitemap", "source", "warc", "urls"]  # where the URLs to backfill come from
ORIGINS: tuple[Origin, ...] = ("sitemap", "source", "warc", "urls")

STORE_BATCH = 32  # URLs fetched and stored per step; an interrupt loses at most one step
WARC_BATCH = 32  # WARC pages analysed and stored together
MAX_SITEMAPS = 10_000  # sitemap documents read in one backfill
MAX_SITEMAP_DEPTH = 5  # index -> index -> ... -> urlset
MAX_ARCHIVE_PAGES = 1_000  # feed pages walked in one backfill
MAX_WARC_DOWNLOAD_BYTES = 16 * 1024**3  # a CC-NEWS file is about 1 GB


# --- request and progress ------------------------------------------------------------


@dataclass(frozen=True)
class BackfillRequest:
    """What to backfill: one input (``origin`` and ``target``), a window, and how."""

    origin: Origin
    target: str  # sitemap URL or site root, source name, WARC path or URL, URL-list path
    window: Window = field(default_factory=Window)
    include_undated: bool = False
    dry_run: bool = False

    @classmethod
    def from_options(
        cls,
        *,
        sitemap: str | None = None,
        source: str | None = None,
        warc: str | None = None,
        urls: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        include_undated: bool = False,
        dry_run: bool = False,
    ) -> BackfillRequest:
        """Build a request from CLI or flow parameters; ``ConfigError`` says what is wrong."""
        given = [(k, v) for k, v in zip(ORIGINS, (sitemap, source, warc, urls), strict=True) if v]
        if len(given) != 1:
            got = ", ".join(k for k, _ in given) or "none"
            raise ConfigError(f"give exactly one of sitemap, source, warc, urls (got {got})")
        origin, target = given[0]
        if origin == "urls" and (since or until):
            raise ConfigError("a URL list has no dates to filter on: since/until do not apply to urls")
        try:
            window = Window.parse(since, until)
        except ValueError as exc:
            raise ConfigError(str(exc)) from exc
        return cls(origin, target.strip(), window, include_undated, dry_run)


# --- listing -------------------------------------------------------------------------


@dataclass
class Listing:
    """What the listing step found: the URLs to store and how the window sorted them."""

    source: str  # the source name records are stored under
    candidates: list[Candidate] = field(default_factory=list)
    language: str | None = None
    listed: int = 0  # distinct items found
    outside_window: int = 0
    undated: int = 0  # items with no date at all (stored only with include_undated)
    documents: int = 0  # sitemaps, feed pages or WARC files read
    skipped_documents: int = 0  # child sitemaps last modified before the window
    notes: list[str] = field(default_factory=list)  # why the listing may be short


def list_sitemap(
    pipeline: Pipeline, url: str, window: Window, include_undated: bool = False,
    progress: ProgressReporter | None = None,
) -> Listing:
    """Read a sitemap (index, urlset, gzip, Google News) or a site's robots.txt sitemaps.

    Every sitemap in reach is fetched and parsed before anything is returned, so a
    missing or malformed one raises (``FetchError``/``ParseError``) and nothing is stored.
    A child sitemap whose ``lastmod`` is before the window cannot list pages in it and
    is not read.
    """
    progress = progress or NullProgress()
    progress.phase("reading sitemaps")
    listing = Listing(source=f"backfill:sitemap:{host_of(url)}")
    queue = deque((root, 0) for root in _sitemap_roots(pipeline, url))
    seen: set[str] = set()
    entries: dict[str, SitemapEntry] = {}
    while queue:
        current, depth = queue.popleft()
        if current in seen:
            continue
        seen.add(current)
        if len(seen) > MAX_SITEMAPS:
            raise ParseError(f"{url}: more than {MAX_SITEMAPS} sitemaps; backfill a part of the index instead")
        sitemap = parse_sitemap(_get(pipeline, current, "sitemap"), current)
        listing.documents += 1
        progress.advance()
        if sitemap.is_index:
            if depth >= MAX_SITEMAP_DEPTH:
                raise ParseError(f"{current}: sitemap indexes nested more than {MAX_SITEMAP_DEPTH} deep")
            for child in sitemap.children:
                if window.is_before(child.lastmod):
                    listing.skipped_documents += 1
                else:
                    queue.append((child.url, depth + 1))
            continue
        for entry in sitemap.entries:
            normalized = normalize_url(entry.url)
            if normalized is None:
                continue
            kept = entries.get(normalized)
            # Listed twice (a plain and a news sitemap): keep the publication date if one gives it.
            if kept is None or (kept.published_at is None and entry.published_at is not None):
                entries[normalized] = entry
    for normalized, entry in entries.items():
        if _keep(listing, entry.filter_date, window, include_undated):
            listing.candidates.append(Candidate(normalized, entry.title, entry.filter_date, "sitemap"))
    return listing


def _sitemap_roots(pipeline: Pipeline, url: str) -> list[str]:
    """The sitemaps to start from: ``url`` itself, or for a site root those its robots.txt names."""
    if not is_site_root(url):
        return [url]
    robots = robots_txt_url(url)
    try:
        text = _get(pipeline, robots, "robots.txt").decode("utf-8", "replace")
    except PermanentFetchError as exc:
        if exc.status is None:  # blocked address or too large: not a missing robots.txt
            raise
        text = ""
    # No Sitemap: line (or no robots.txt): the conventional location.
    return sitemaps_from_robots(text, robots) or [robots.removesuffix("robots.txt") + "sitemap.xml"]


def list_feed_archive(
    pipeline: Pipeline, source_name: str, window: Window, include_undated: bool = False,
    progress: ProgressReporter | None = None,
) -> Listing:
    """Walk a configured source's feed back through its archive while entries stay in the window.

    Follows RFC 5005 links (``prev-archive``, ``next``), else ``?paged=N`` / ``?page=N``,
    and stops at the first page entirely before the window, a page with nothing new,
    or no older page. A linked archive page that fails raises; a guessed page that
    fails just ends the walk.
    """
    progress = progress or NullProgress()
    (source,) = pipeline.settings.enabled_sources([source_name])
    progress.phase("reading feed pages")
    listing = Listing(source=source.name, language=source.language)
    entries: dict[str, FeedEntry] = {}
    url, feed, page_no = source.url, _read_feed(pipeline, source.url), 1
    visited = {url}
    while True:
        listing.documents += 1
        progress.advance()
        for entry in feed.entries:
            entries.setdefault(entry.url, entry)
        if entries_before_window(feed.entries, window):
            break
        if page_no >= MAX_ARCHIVE_PAGES:
            listing.notes.append(f"stopped after {MAX_ARCHIVE_PAGES} feed pages")
            break
        older = _older_page(pipeline, feed, url, page_no, visited, entries)
        if older is None:
            break
        url, feed = older
        page_no += 1
    for entry in entries.values():
        if _keep(listing, entry.published_at, window, include_undated):
            listing.candidates.append(Candidate(entry.url, entry.title, entry.published_at, "feed"))
    return listing


def _older_page(
    pipeline: Pipeline, feed: ParsedFeed, url: str, page_no: int, visited: set[str], seen: dict[str, FeedEntry],
) -> tuple[str, ParsedFeed] | None:
    """The first candidate older page that brings entries not seen yet, or ``None``."""
    linked = any(feed.links.get(rel) for rel in ARCHIVE_RELS)
    for candidate in next_archive_urls(feed.links, url, page_no):
        if candidate in visited:  # archive links can loop
            continue
        visited.add(candidate)
        try:
            older = _read_feed(pipeline, candidate)
        except (FetchError, ParseError):
            if linked:
                raise
            continue  # a guessed ?paged=N the site does not have
        # A server that ignores the page parameter sends the first page again.
        if any(entry.url not in seen for entry in older.entries):
            return candidate, older
    return None


def _read_feed(pipeline: Pipeline, url: str) -> ParsedFeed:
    return pipeline.parse_feed(_get(pipeline, url, "feed page"), url)  # in a worker, as for ingest


def list_url_file(path: str | Path) -> Listing:
    """Read a URL list (one URL per line, ``#`` comments); an unreadable file raises ``ParseError``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"{path}: cannot read URL list: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path}: URL list is not UTF-8 text (byte {exc.start})") from exc
    listing = Listing(source=f"backfill:urls:{path.name}", documents=1)
    seen: set[str] = set()
    for url in parse_url_list(text, name=str(path)):
        normalized = normalize_url(url)
        if normalized is None:
            raise ParseError(f"{path}: not a usable URL: {excerpt(url)}")
        if normalized not in seen:
            seen.add(normalized)
            listing.candidates.append(Candidate(normalized))
    listing.listed = len(listing.candidates)
    return listing


def _keep(listing: Listing, when: datetime | None, window: Window, include_undated: bool) -> bool:
    """Count one listed item and say whether the window takes it."""
    listing.listed += 1
    if when is None:
        listing.undated += 1
        return include_undated
    if window.contains(when):
        return True
    listing.outside_window += 1
    return False


def _get(pipeline: Pipeline, url: str, what: str) -> bytes:
    """GET a listing document through the guarded client, with ingest's size cap and retries."""
    settings = pipeline.settings.fetch
    try:
        return fetch(pipeline.client, url, max_bytes=settings.max_bytes, retries=settings.retries).body
    except FetchError as exc:
        raise type(exc)(f"{what} {url}: {exc}", url=url, status=exc.status) from exc


# --- storing -------------------------------------------------------------------------


def run_backfill(
    settings: Settings, request: BackfillRequest, *, progress: ProgressReporter | None = None,
    batch: int = STORE_BATCH,
) -> dict[str, Any]:
    """List, then fetch, analyse and store what is in the window and not stored yet.

    Returns the summary. Raises ``NewswatchError`` for bad input before storing anything.
    ``KeyboardInterrupt`` leaves every finished batch stored; the same request resumes.
    """
    with Pipeline(settings) as pipeline:
        return backfill_with(pipeline, request, progress=progress, batch=batch)


def backfill_with(
    pipeline: Pipeline, request: BackfillRequest, *, progress: ProgressReporter | None = None,
    batch: int = STORE_BATCH,
) -> dict[str, Any]:
    """``run_backfill`` on an open pipeline (several backfills can share its HTTP client and workers)."""
    progress = progress or NullProgress()
    if request.origin == "warc":
        return backfill_warc(pipeline, request, progress=progress, batch=min(batch, WARC_BATCH))
    if request.origin == "sitemap":
        listing = list_sitemap(pipeline, request.target, request.window, request.include_undated, progress)
    elif request.origin == "source":
        listing = list_feed_archive(pipeline, request.target, request.window, request.include_undated, progress)
    else:
        listing = list_url_file(request.target)
    return store_listing(pipeline, request, listing, progress=progress, batch=batch)


def store_listing(
    pipeline: Pipeline, request: BackfillRequest, listing: Listing, *, progress: ProgressReporter | None = None,
    batch: int = STORE_BATCH,
) -> dict[str, Any]:
    """Fetch, analyse and store the listed URLs not stored yet, newest first, ``batch`` at a time."""
    progress = progress or NullProgress()
    known = pipeline.store.known_urls(c.url for c in listing.candidates)
    new = [c for c in listing.candidates if c.url not in known]
    new.sort(key=lambda c: c.date or datetime.min.replace(tzinfo=UTC), reverse=True)
    counts = PageCounts()
    if request.dry_run:
        return _summary(request, listing, len(known), counts, [c.url for c in new])
    if known:  # fetches nothing: records that this source saw them too
        pipeline.process(listing.source, [c for c in listing.candidates if c.url in known],
                         language=listing.language, limit=0)
    progress.phase("fetching and storing", total=len(new))
    for chunk in _chunks(new, max(1, batch)):
        done, _ = pipeline.process(listing.source, chunk, language=listing.language, limit=0)
        counts.add(done)
        progress.advance(len(chunk))
    return _summary(request, listing, len(known), counts)


def backfill_warc(
    pipeline: Pipeline, request: BackfillRequest, *, progress: ProgressReporter | None = None,
    batch: int = WARC_BATCH,
) -> dict[str, Any]:
    """Store the HTML responses of a WARC (path or http(s) URL) in the window, without fetching them.

    The file is read twice, one record at a time: once whole, to validate it and list
    its pages (a truncated or foreign file raises ``ParseError`` before anything is
    stored), then to analyse and store the pages not stored yet. A URL is downloaded
    to a temporary file first. Pages are stored under their normalised target URI and
    dated by the record's ``WARC-Date``.
    """
    progress = progress or NullProgress()
    with _local_warc(pipeline, request.target) as (path, name):
        listing = _list_warc(path, name, request, progress)
        known = pipeline.store.known_urls(c.url for c in listing.candidates)
        todo = {c.url: None for c in listing.candidates if c.url not in known}
        counts = PageCounts()
        if request.dry_run:
            return _summary(request, listing, len(known), counts, list(todo))
        progress.phase("analysing and storing", total=len(todo))
        jobs: list[PageJob] = []
        with path.open("rb") as stream:
            for page in iter_warc_pages(stream, name=name):
                url = normalize_url(page.url)
                if url not in todo or not request.window.contains(page.fetched_at, request.include_undated):
                    continue
                del todo[url]  # the first capture in the window, as listed
                if len(page.html) > pipeline.settings.fetch.max_bytes:  # ingest's size cap
                    counts.add_failure(url, f"body too large ({len(page.html)} bytes)")
                    progress.advance()
                    continue
                skip = skip_reason(page.html, page.content_type)  # an image, a PDF, an empty capture
                if skip is not None:
                    counts.add_failure(url, skip)
                    progress.advance()
                    continue
                jobs.append(PageJob(
                    source=listing.source, url=url, body=page.html,
                    fetched_at=page.fetched_at or datetime.now(UTC), content_type=page.content_type,
                    hint_date=page.fetched_at, hint_source="warc",
                ))
                if len(jobs) >= batch:
                    _analyse_and_store(pipeline, jobs, counts)
                    progress.advance(len(jobs))
                    jobs = []
        if jobs:
            _analyse_and_store(pipeline, jobs, counts)
            progress.advance(len(jobs))
        return _summary(request, listing, len(known), counts)


def _list_warc(path: Path, name: str, request: BackfillRequest, progress: ProgressReporter) -> Listing:
    """Read the whole WARC once (``ParseError`` if it is not one or is truncated) and list its pages."""
    listing = Listing(source=f"backfill:warc:{name}", documents=1)
    dated: dict[str, bool] = {}  # URL -> any capture dated
    chosen: dict[str, Candidate] = {}  # URL -> its first capture in the window
    progress.phase(f"reading {name}")
    with path.open("rb") as stream:
        for page in iter_warc_pages(stream, name=name):
            progress.advance()
            url = normalize_url(page.url)
            if url is None:
                continue
            dated[url] = dated.get(url, False) or page.fetched_at is not None
            if url not in chosen and request.window.contains(page.fetched_at, request.include_undated):
                chosen[url] = Candidate(url, None, page.fetched_at, "warc")
    listing.candidates = list(chosen.values())
    listing.listed = len(dated)
    listing.undated = sum(1 for has_date in dated.values() if not has_date)
    listing.outside_window = sum(1 for url, has_date in dated.items() if has_date and url not in chosen)
    return listing


def _analyse_and_store(pipeline: Pipeline, jobs: list[PageJob], counts: PageCounts) -> None:
    """Analyse and store a batch of WARC pages; a page with no text is a failure, as in ingest
    (not stored, so the next backfill of the same WARC tries it again; nothing is fetched)."""
    records = []
    for record in pipeline.extract_and_detect(jobs):
        counts.read += 1  # read from the WARC rather than fetched: counted as "analysed"
        if record.article.text.strip():
            records.append(record)
        else:
            counts.add_failure(record.article.url, "no text extracted")
    pipeline.store_records(records, counts)


@contextlib.contextmanager
def _local_warc(pipeline: Pipeline, target: str) -> Iterator[tuple[Path, str]]:
    """The WARC as a local file and its display name; a URL is streamed to a temporary file."""
    if not is_http_url(target):
        path = Path(target)
        if not path.is_file():
            raise ParseError(f"{target}: no such WARC file")
        yield path, path.name
        return
    name = unquote(urlsplit(target).path.rstrip("/").rpartition("/")[2]) or host_of(target)
    with tempfile.TemporaryDirectory(prefix="newswatch-warc-") as tmp:
        path = Path(tmp) / "download.warc"
        download(pipeline.client, target, path, max_bytes=MAX_WARC_DOWNLOAD_BYTES)
        yield path, name


def _summary(
    request: BackfillRequest, listing: Listing, already: int, counts: PageCounts, urls: list[str] | None = None,
) -> dict[str, Any]:
    """The run summary: the CLI prints it, the flow returns it."""
    window = request.window
    summary: dict[str, Any] = {
        "kind": request.origin,  # the summary's key stays "kind" (a public format)
        "target": request.target,
        "source": listing.source,
        "since": window.label()[0],
        "until": window.label()[1],
        "dry_run": request.dry_run,
        "documents_read": listing.documents,
        "documents_skipped": listing.skipped_documents,
        "listed": listing.listed,
        "outside_window": listing.outside_window,
        "undated": listing.undated,
        "undated_included": request.include_undated,
        "selected": len(listing.candidates),
        "already_stored": already,
        "resumed": already > 0,
        "analysed": counts.read,  # pages fetched, or read from the WARC
        **counts.summary(),
        "notes": listing.notes,
        "complete": not request.dry_run and counts.failed == 0,
    }
    if urls is not None:
        summary["urls"] = urls
    return summary


def _chunks(items: list[Candidate], size: int) -> Iterator[list[Candidate]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- Prefect -------------------------------------------------------------------------


@flow(name="backfill")
def backfill(
    sitemap: str | None = None,
    source: str | None = None,
    warc: str | None = None,
    urls: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_undated: bool = False,
    dry_run: bool = False,
    config: str | None = None,
    db_url: str | None = None,
) -> dict[str, Any]:
    """Backfill one input (sitemap, source archive, WARC or URL list) for a window; returns the summary."""
    settings = load_settings(Path(config) if config else None, db_url)
    request = BackfillRequest.from_options(
        sitemap=sitemap, source=source, warc=warc, urls=urls, since=since, until=until,
        include_undated=include_undated, dry_run=dry_run,
    )
    logger = get_run_logger()
    try:
        summary = run_backfill(settings, request, progress=LineProgress(logger.info, every=200))
    except StorageError:
        raise
    except NewswatchError as exc:
        logger.error("backfill %s %s: %s (nothing was stored)", request.origin, request.target, exc)
        raise
    logger.info("backfill %s: %d already stored, %d stored, %d failed pages", request.target,
                summary["already_stored"], summary["stored"], summary["failed_pages"])
    if not request.dry_run:
        summary["alerts"] = send_alerts_task(settings)
    return summary
