"""The ingest path for one source, as plain Python: load state, fetch, not modified?,
parse, skip known URLs, fetch pages, analyse, store, save state.

Prefect flows (flows/ingest.py, flows/backfill.py) call into `Pipeline`; tests and
benchmarks can too. One `Pipeline` per run owns the HTTP client, a bounded thread
pool for page fetches (with a per-host cap) and a process pool for the CPU work
(feed parsing and extraction), so this process only moves bytes and both cores extract.

Pages stream: each page goes to a worker process as soon as it is fetched, and analysed
pages are stored `BATCH` per transaction. At most `MAX_IN_FLIGHT` pages of the run are
held at once, so memory does not grow with the number of articles.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from extractors.urls import host_of, normalize_url
from flows import sitemap_source
from flows.fetch import FetchResult, fetch, make_client
from flows.robots import RobotsRules
from flows.workers import analyse, analysis_pool, parse, tune_malloc
from newswatch.errors import FetchError, ParseError, PermanentFetchError
from newswatch.models import DateSource, PageJob, PageRecord, ParsedFeed, SourceState
from newswatch.settings import Settings, Source
from storage.store import Store

BATCH = 32  # pages stored together (one transaction)
MAX_IN_FLIGHT = 64  # pages of a run held at once (fetching, analysing or waiting to be stored)


@dataclass(frozen=True)
class _AnalysisFailed:
    """A fetched page whose analysis did not complete; `transient`: worth trying again next run."""

    reason: str
    transient: bool

    def __str__(self) -> str:
        return self.reason


_Outcome = PageRecord | FetchError | _AnalysisFailed  # what became of one page


@dataclass(frozen=True)
class Candidate:
    """A URL to fetch and store, with what the listing said about it."""

    url: str
    title: str | None = None
    date: datetime | None = None
    date_source: DateSource = "feed"


@dataclass
class PageCounts:
    read: int = 0  # pages fetched, or read from a WARC
    extracted: int = 0
    stored: int = 0  # new records
    updated: int = 0
    report: int = 0
    rebuttal: int = 0
    failed: int = 0
    transient_failures: int = 0
    errors: list[str] = field(default_factory=list)  # first few "url: reason"

    def add_failure(self, url: str, reason: str, *, transient: bool = False) -> None:
        self.failed += 1
        self.transient_failures += transient
        if len(self.errors) < 5:
            self.errors.append(f"{url}: {reason}")

    def summary(self) -> dict[str, object]:
        """The page counts every run summary carries (ingest, backfill), under the same keys."""
        return {"extracted": self.extracted, "stored": self.stored, "updated": self.updated,
                "flagged_report": self.report, "flagged_rebuttal": self.rebuttal, "failed_pages": self.failed,
                "page_errors": self.errors}

    def add(self, other: PageCounts) -> None:
        for name in ("read", "extracted", "stored", "updated", "report", "rebuttal", "failed",
                     "transient_failures"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors[: max(0, 5 - len(self.errors))])


@dataclass
class SourceResult:
    """What happened to one source in one run."""

    source: str
    status: str  # ok, not_modified, unchanged, failed
    error: str | None = None
    problem: str | None = None  # malformed feed that could still be read
    entries: int = 0
    new: int = 0
    pages: PageCounts = field(default_factory=PageCounts)
    parsed: bool = False  # the feed body was parsed (not a 304, not an unchanged body)

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source, "status": self.status, "error": self.error, "problem": self.problem,
            "entries": self.entries, "new": self.new, "fetched": self.pages.read,
            "extracted": self.pages.extracted, "stored": self.pages.stored,
            "report": self.pages.report, "rebuttal": self.pages.rebuttal,
            "failed_pages": self.pages.failed, "page_errors": self.pages.errors, "parsed": self.parsed,
        }


class Pipeline:
    """Shared resources of one run. Use as a context manager."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        tune_malloc()
        self.settings = settings
        self.fetch_settings = settings.fetch
        self.store = store or Store(settings.db_url)
        self._own_store = store is None
        self.client = make_client(settings.fetch)
        self.robots = RobotsRules(self.client) if settings.fetch.respect_robots else None
        self.pages = ThreadPoolExecutor(max_workers=max(1, settings.fetch.concurrency), thread_name_prefix="page")
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()
        self._analysers: Executor | None = None
        self._analysers_lock = threading.Lock()
        self._slots = threading.Semaphore(max(MAX_IN_FLIGHT, settings.fetch.concurrency + BATCH))
        self._states: dict[str, SourceState] | None = None  # every source's state, read once per run
        self._states_lock = threading.Lock()
        self._unsaved: dict[str, SourceState] = {}  # "not modified" states, written together

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._flush_states()
        self.pages.shutdown(wait=True, cancel_futures=True)
        if self._analysers is not None:
            self._analysers.shutdown(wait=True, cancel_futures=True)
        self.client.close()
        if self._own_store:
            self.store.close()

    # --- one source ------------------------------------------------------------

    def poll_source(self, source: Source) -> SourceResult:
        """Fetch one feed and store its new articles. Never raises for the source's own faults."""
        now = datetime.now(UTC)
        state = self._state(source.name) or SourceState(name=source.name, url=source.url)
        if state.url != source.url:  # the feed moved: forget validators of the old URL
            state = SourceState(name=source.name, url=source.url)
        try:
            res = fetch(
                self.client, source.url, max_bytes=self.fetch_settings.max_bytes, etag=state.etag,
                last_modified=state.last_modified, retries=self.fetch_settings.retries,
                accept=sitemap_source.ACCEPT if source.kind == "sitemap" else
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
            )
        except FetchError as exc:
            return self._failed(state, now, str(exc), exc.status)
        if res.not_modified:
            self._save_state(state, now, "not_modified", res, body_hash=state.body_hash)
            return SourceResult(source.name, "not_modified")
        body_hash = hashlib.sha256(res.body).hexdigest()
        if body_hash == state.body_hash:  # some servers never send 304
            self._save_state(state, now, "unchanged", res, body_hash=body_hash)
            return SourceResult(source.name, "unchanged")
        try:
            candidates, problem = self._list(source, state, res)
        except ParseError as exc:
            failed = self._failed(state, now, str(exc), res.status)
            failed.parsed = True
            return failed
        result = SourceResult(source.name, "ok", problem=problem, entries=len(candidates), parsed=True)
        pages, complete = self.process(source.name, candidates, language=source.language, result=result)
        result.pages = pages
        # Keep validators only when every entry was handled, so nothing is lost to a 304 next time.
        keep = complete and pages.transient_failures == 0 and not (source.kind == "sitemap" and problem)
        self._save_state(
            state, now, "ok", res, body_hash=body_hash if keep else None, entries_seen=len(candidates),
            validators=keep, problem=problem,
        )
        return result

    def process(
        self,
        source: str,
        candidates: Iterable[Candidate],
        *,
        language: str | None = None,
        result: SourceResult | None = None,
        limit: int | None = None,
    ) -> tuple[PageCounts, bool]:
        """Fetch, analyse and store candidates not stored yet. Returns counts and whether all fit the limit
        (`limit`: at most this many new pages, 0 for no cap; None: `max_articles_per_source`)."""
        unique = list({c.url: c for c in candidates}.values())
        known = self.store.known_urls(c.url for c in unique)
        self.store.link_sources((c.url, source) for c in unique if c.url in known)
        new = [c for c in unique if c.url not in known]
        new.sort(key=lambda c: c.date or datetime.min.replace(tzinfo=UTC), reverse=True)
        cap = self.fetch_settings.max_articles_per_source if limit is None else limit
        complete = cap is None or cap <= 0 or len(new) <= cap
        if not complete and cap:
            new = new[:cap]
        if result is not None:
            result.new = len(new)
        counts = PageCounts()
        self._stream(source, new, language, counts)
        return counts, complete

    def _stream(self, source: str, candidates: list[Candidate], language: str | None, counts: PageCounts) -> None:
        """Fetch and analyse `candidates` concurrently; store the analysed pages BATCH at a time.

        Each held page takes one of the run's `_slots`. A thread waits for a free slot only
        while it holds none (it stores or settles its own pages first), so sources polled
        on several threads never wait on each other.
        """
        pending: deque[tuple[Candidate, Future[_Outcome]]] = deque()
        ready: list[PageRecord] = []

        def store_ready() -> None:
            try:
                self.store_records(ready, counts)
            finally:
                self._release(len(ready))
                ready.clear()

        def settle_first() -> None:
            cand, future = pending.popleft()
            outcome = future.result()
            if isinstance(outcome, PageRecord):
                counts.read += 1
                ready.append(outcome)
                if len(ready) >= BATCH:
                    store_ready()
                return
            self._release(1)
            if isinstance(outcome, _AnalysisFailed):
                counts.read += 1
                transient = outcome.transient
            else:
                transient = not isinstance(outcome, PermanentFetchError)
            counts.add_failure(cand.url, str(outcome), transient=transient)

        try:
            for cand in candidates:
                while not self._slots.acquire(blocking=not (pending or ready)):
                    if pending:
                        settle_first()
                    else:
                        store_ready()
                pending.append((cand, self._start_page(source, cand, language)))
                while pending and pending[0][1].done():
                    settle_first()
            while pending:
                settle_first()
            store_ready()
        finally:  # on an error (storage), give back what this thread still holds
            self._release(len(pending) + len(ready))

    def _start_page(self, source: str, cand: Candidate, language: str | None) -> Future[_Outcome]:
        """Fetch one page on the thread pool, then analyse it in a worker process as soon as it arrives."""
        outcome: Future[_Outcome] = Future()

        def fetched(done: Future[FetchResult | FetchError]) -> None:
            try:
                res = done.result()
            except BaseException as exc:  # cancelled at shutdown, or a bug in the fetcher
                outcome.set_result(_AnalysisFailed(f"not fetched: {exc!r}", transient=True))
                return
            if isinstance(res, FetchError):
                outcome.set_result(res)
                return
            job = PageJob(
                source=source, url=cand.url, body=res.body, fetched_at=res.fetched_at or datetime.now(UTC),
                content_type=res.content_type, hint_date=cand.date, hint_source=cand.date_source,
                language_hint=language, title_hint=cand.title,
            )
            pool = self._pool()
            try:
                analysis = pool.submit(analyse, job)
            except (BrokenProcessPool, RuntimeError) as exc:  # a worker died, or the run is closing
                self._drop_pool(pool, exc)
                outcome.set_result(_AnalysisFailed(f"analysis not started: {exc}", transient=True))
                return

            def analysed(done: Future[PageRecord]) -> None:
                try:
                    record = done.result()
                except BaseException as exc:  # a worker died (transient), or the page broke the analysis
                    self._drop_pool(pool, exc)
                    broken = isinstance(exc, BrokenProcessPool | CancelledError)
                    outcome.set_result(_AnalysisFailed(f"analysis failed: {exc!r}", transient=broken))
                    return
                # The worker leaves the page out of its answer: put back the copy held here.
                outcome.set_result(replace(record, raw_html=job.body))

            analysis.add_done_callback(analysed)

        self.pages.submit(self._fetch_page, cand.url).add_done_callback(fetched)
        return outcome

    def store_records(self, records: list[PageRecord], counts: PageCounts) -> None:
        """Save analysed pages in one transaction and count them."""
        if not records:
            return
        counts.extracted += sum(1 for r in records if r.article.text)
        counts.report += sum(1 for r in records if r.detection.is_report)
        counts.rebuttal += sum(1 for r in records if r.detection.is_rebuttal)
        saved = self.store.save_pages(records)
        counts.stored += saved["inserted"]
        counts.updated += saved["updated"]

    def _release(self, n: int) -> None:
        for _ in range(n):
            self._slots.release()

    # --- pages and analysis -----------------------------------------------------

    def _fetch_page(self, url: str) -> FetchResult | FetchError:
        with self._host_slot(host_of(url)):
            if self.robots is not None and not self.robots.allowed(url):
                return PermanentFetchError("disallowed by robots.txt", url=url)
            try:
                return fetch(self.client, url, max_bytes=self.fetch_settings.max_bytes,
                             retries=self.fetch_settings.retries)
            except FetchError as exc:
                return exc

    def _host_slot(self, host: str) -> threading.Semaphore:
        with self._hosts_lock:
            sem = self._hosts.get(host)
            if sem is None:
                sem = self._hosts[host] = threading.Semaphore(max(1, self.fetch_settings.per_host))
            return sem

    def _list(self, source: Source, state: SourceState, res: FetchResult) -> tuple[list[Candidate], str | None]:
        """The entries of a fetched listing, by the source's kind, and a problem worth recording."""
        if source.kind == "sitemap":
            since = sitemap_source.listed_since(state)
            entries, problem = sitemap_source.list_sitemap(self.client, self.fetch_settings, res.body, res.url, since)
            normalized = ((normalize_url(e.url), e) for e in entries)
            return [Candidate(url, e.title, e.filter_date, "sitemap") for url, e in normalized if url], problem
        feed = self.parse_feed(res.body, res.url)
        return [Candidate(e.url, e.title, e.published_at, "feed") for e in feed.entries], feed.problem

    def parse_feed(self, body: bytes, url: str) -> ParsedFeed:
        """Parse a feed in a worker process: feedparser is pure Python, and a large feed would
        hold this process's GIL for seconds while the threads feeding the workers wait."""
        pool = self._pool()
        try:
            return pool.submit(parse, body, url).result()
        except (BrokenProcessPool, RuntimeError) as exc:  # a worker died: parse here rather than lose the feed
            self._drop_pool(pool, exc)
            return parse(body, url)

    def analyse(self, jobs: list[PageJob]) -> Iterator[PageRecord]:
        """Extract and detect in worker processes (both cores), in job order."""
        if not jobs:
            return iter(())
        pool = self._pool()
        futures: list[Future[PageRecord]] = [pool.submit(analyse, job) for job in jobs]
        return (replace(f.result(), raw_html=job.body) for f, job in zip(futures, jobs, strict=True))

    def _pool(self) -> Executor:
        with self._analysers_lock:
            if self._analysers is None:
                self._analysers = analysis_pool(self.fetch_settings.extract_workers)
            return self._analysers

    def _drop_pool(self, pool: Executor, exc: BaseException) -> None:
        """After a worker died (the pool is then broken for good), let the next page start a new pool."""
        if not isinstance(exc, BrokenProcessPool):
            return
        with self._analysers_lock:
            if self._analysers is pool:
                self._analysers = None
        pool.shutdown(wait=False, cancel_futures=True)

    # --- state ------------------------------------------------------------------

    def _state(self, name: str) -> SourceState | None:
        """The stored state of a source; every source's is read in one query on first use."""
        with self._states_lock:
            if self._states is None:
                self._states = {s.name: s for s in self.store.list_sources()}
            return self._states.get(name)

    def _put_state(self, state: SourceState, *, deferred: bool = False) -> None:
        """Save a source's state; `deferred` ones (nothing changed but the clock) are written
        together, every 50 and at close, instead of one transaction per feed."""
        with self._states_lock:
            if self._states is not None:
                self._states[state.name] = state
            if deferred:
                self._unsaved[state.name] = state
                if len(self._unsaved) < 50:
                    return
            else:
                self._unsaved.pop(state.name, None)
        if deferred:
            self._flush_states()
        else:
            self.store.save_source_state(state)

    def _flush_states(self) -> None:
        with self._states_lock:
            pending, self._unsaved = list(self._unsaved.values()), {}
        self.store.save_source_states(pending)

    def _failed(self, state: SourceState, now: datetime, reason: str, status: int | None) -> SourceResult:
        self._put_state(replace(
            state, last_status="failed", last_error=reason, http_status=status,
            consecutive_failures=state.consecutive_failures + 1, last_checked_at=now,
        ))
        return SourceResult(state.name, "failed", error=reason)

    def _save_state(
        self, state: SourceState, now: datetime, status: str, res: FetchResult, *, body_hash: str | None,
        entries_seen: int | None = None, validators: bool = True, problem: str | None = None,
    ) -> None:
        self._put_state(replace(
            state,
            etag=(res.etag or state.etag) if validators else None,
            last_modified=(res.last_modified or state.last_modified) if validators else None,
            body_hash=body_hash, last_status=status, last_error=problem, http_status=res.status,
            consecutive_failures=0, last_checked_at=now, last_success_at=now,
            entries_seen=state.entries_seen if entries_seen is None else entries_seen,
        ), deferred=status in ("not_modified", "unchanged"))


def summarise(results: list[SourceResult]) -> dict[str, object]:
    """The run summary: the CLI prints it, the Prefect flow returns it."""
    statuses = Counter(r.status for r in results)
    total = PageCounts()
    for r in results:
        total.add(r.pages)
    return {
        "sources": len(results),
        "ok": statuses["ok"],
        "not_modified": statuses["not_modified"] + statuses["unchanged"],
        "failed": statuses["failed"],
        "failures": {r.source: r.error for r in results if r.status == "failed"},
        "entries_seen": sum(r.entries for r in results),
        "new_articles": sum(r.new for r in results),
        "fetched": total.read,
        **total.summary(),
        "feeds_parsed": sum(1 for r in results if r.parsed),
        "per_source": [r.as_dict() for r in results],
    }


def poll_all(pipeline: Pipeline, sources: list[Source],
             on_done: Callable[[SourceResult], None] | None = None) -> list[SourceResult]:
    """Poll sources concurrently without Prefect (benchmarks, tests of the plain path)."""
    with ThreadPoolExecutor(max_workers=max(1, pipeline.fetch_settings.source_workers)) as pool:
        results = []
        for res in pool.map(pipeline.poll_source, sources):
            if on_done:
                on_done(res)
            results.append(res)
    return results

