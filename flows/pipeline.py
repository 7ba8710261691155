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
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from extractors.content import skip_reason
from extractors.redirects import aggregator_reason
from extractors.urls import host_of, normalize_url
from flows import sitemap_source
from flows.fetch import FetchResult, NetworkFetchError, fetch, make_client
from flows.robots import RobotsRules
from flows.workers import analysis_pool, extract_and_detect_lean, parse, tune_malloc
from newswatch.errors import FetchError, ParseError, PermanentFetchError, TransientFetchError
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
    final: bool = False  # never worth another attempt (not an HTML page)

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
    skipped_failing: int = 0  # pages not tried: given up, or not due yet (page_failures)
    retry_later: int = 0  # failed pages worth another attempt on a later run
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
                     "transient_failures", "skipped_failing", "retry_later"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors[: max(0, 5 - len(self.errors))])


@dataclass
class SourceResult:
    """What happened to one source in one run."""

    source: str
    status: str  # ok, not_modified, unchanged, failed, backing_off
    error: str | None = None
    problem: str | None = None  # malformed feed that could still be read
    entries: int = 0
    new: int = 0
    pages: PageCounts = field(default_factory=PageCounts)
    parsed: bool = False  # the feed body was parsed (not a 304, not an unchanged body)
    stale: str | None = None  # "nothing new since ...": delivered no new entry for too long
    network: bool = False  # failed without reaching the host (counts toward an outage)
    next_attempt_at: datetime | None = None  # failed or backing off: not polled before this

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source, "status": self.status, "error": self.error, "problem": self.problem,
            "stale": self.stale,
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
            "entries": self.entries, "new": self.new, "fetched": self.pages.read,
            "extracted": self.pages.extracted, "stored": self.pages.stored,
            "report": self.pages.report, "rebuttal": self.pages.rebuttal,
            "failed_pages": self.pages.failed, "page_errors": self.pages.errors, "parsed": self.parsed,
            "skipped_failing_pages": self.pages.skipped_failing,
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
        self.robots = RobotsRules(
            self.client, deadline_s=settings.fetch.page_deadline_s, crawl_delay_cap=settings.fetch.crawl_delay_cap_s,
        ) if settings.fetch.respect_robots else None
        self.override_backoff = False  # sources named explicitly: poll them even while backing off
        self._host_next: dict[str, float] = {}  # origin -> monotonic time of its next page request (Crawl-delay)
        self._host_blocked: dict[str, tuple[datetime, str]] = {}  # origin -> (until, why): a page's Retry-After
        self._network_failed: list[SourceState] = []  # failed unreached this run, counted at `finish`
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
        fs = self.fetch_settings
        state = self._state(source.name) or SourceState(name=source.name, url=source.url)
        if state.url != source.url:  # the feed moved: forget validators of the old URL
            state = SourceState(name=source.name, url=source.url)
        if state.next_attempt_at and now < state.next_attempt_at and not self.override_backoff:
            until = state.next_attempt_at
            return SourceResult(source.name, "backing_off", error=f"backing off until {_moment(until)}",
                                next_attempt_at=until)
        # Some servers answer 304 for ever: now and then, ask without validators.
        full = state.last_full_fetch_at is None or now - state.last_full_fetch_at >= timedelta(
            hours=fs.unconditional_after_h)
        etag, last_modified = (None, None) if full else (state.etag, state.last_modified)
        if etag is None and last_modified is None:
            full = True
        try:
            res = fetch(
                self.client, source.url, max_bytes=fs.max_bytes, etag=etag,
                last_modified=last_modified, retries=fs.retries, deadline_s=fs.feed_deadline_s,
                accept=sitemap_source.ACCEPT if source.kind == "sitemap" else
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
            )
        except FetchError as exc:
            return self._failed(state, now, str(exc), exc)
        if full:
            state = replace(state, last_full_fetch_at=now)
        if res.not_modified:
            self._save_state(state, now, "not_modified", res, body_hash=state.body_hash)
            return SourceResult(source.name, "not_modified", stale=self._stale(state, now))
        body_hash = hashlib.sha256(res.body).hexdigest()
        if body_hash == state.body_hash:  # some servers never send 304
            self._save_state(state, now, "unchanged", res, body_hash=body_hash)
            return SourceResult(source.name, "unchanged", stale=self._stale(state, now))
        try:
            candidates, problem = self._list(source, state, res)
        except ParseError as exc:
            failed = self._failed(state, now, str(exc), None, status=res.status)
            failed.parsed = True
            return failed
        result = SourceResult(source.name, "ok", problem=problem, entries=len(candidates), parsed=True)
        pages, complete = self.process(source.name, candidates, language=source.language, result=result,
                                       retry_failed=True)
        result.pages = pages
        if result.new or state.last_new_at is None:  # the first poll starts the clock
            state = replace(state, last_new_at=now)
        result.stale = self._stale(state, now)
        # Keep validators only when every entry was handled, so nothing is lost to a 304 next time.
        keep = complete and pages.transient_failures == 0 and pages.retry_later == 0 and not (
            source.kind == "sitemap" and problem)
        self._save_state(
            state, now, "ok", res, body_hash=body_hash if keep else None, entries_seen=len(candidates),
            validators=keep, problem=problem,
        )
        return result

    def _stale(self, state: SourceState, now: datetime) -> str | None:
        """"nothing new since ..." when the source has found no new entry for too long."""
        since = state.last_new_at
        if since is None or now - since < timedelta(days=self.fetch_settings.stale_after_days):
            return None
        return f"nothing new since {_moment(since)}"

    def finish(self, results: list[SourceResult]) -> bool:
        """End of a run: count this run's network failures against their sources, unless every
        source polled failed that way (at least two of them): then it is our own outage, and
        nothing is counted. Returns whether it was an outage."""
        polled = [r for r in results if r.status != "backing_off"]
        outage = len(polled) >= 2 and all(r.status == "failed" and r.network for r in polled)
        with self._states_lock:
            unreached, self._network_failed = self._network_failed, []
        if not outage:
            for state in unreached:
                counted = self._with_failure(state, datetime.now(UTC), None)
                self._put_state(counted)
        return outage

    def _with_failure(self, state: SourceState, now: datetime, retry_after: float | None) -> SourceState:
        """`state` with one more failure counted and the next attempt scheduled: the server's
        Retry-After (capped) when it gave one, else exponential backoff (capped)."""
        fs = self.fetch_settings
        failures = state.consecutive_failures + 1
        if retry_after is not None:
            wait = min(retry_after, fs.retry_after_cap_s)
        else:
            wait = min(fs.backoff_base_s * 2 ** min(failures - 1, 30), fs.backoff_cap_s)
        return replace(state, consecutive_failures=failures, next_attempt_at=now + timedelta(seconds=wait))

    def process(
        self,
        source: str,
        candidates: Iterable[Candidate],
        *,
        language: str | None = None,
        result: SourceResult | None = None,
        limit: int | None = None,
        retry_failed: bool = False,
    ) -> tuple[PageCounts, bool]:
        """Fetch, analyse and store candidates not stored yet. Returns counts and whether all fit the limit
        (`limit`: at most this many new pages, 0 for no cap; None: `max_articles_per_source`).

        `retry_failed`: pages that failed before are tried again only when due, and not at all
        once given up; this run's failures are recorded (ingest does this, backfill does not)."""
        unique = list({c.url: c for c in candidates}.values())
        known = self.store.known_urls(c.url for c in unique)
        self.store.link_sources((c.url, source) for c in unique if c.url in known)
        new = [c for c in unique if c.url not in known]
        counts = PageCounts()
        if retry_failed and new:
            now = datetime.now(UTC)
            failing = self.store.page_failures(c.url for c in new)
            due = [c for c in new if c.url not in failing or not (
                failing[c.url].gave_up or (failing[c.url].next_attempt_at or now) > now)]
            counts.skipped_failing = len(new) - len(due)
            new = due
        new.sort(key=lambda c: c.date or datetime.min.replace(tzinfo=UTC), reverse=True)
        cap = self.fetch_settings.max_articles_per_source if limit is None else limit
        complete = cap is None or cap <= 0 or len(new) <= cap
        if not complete and cap:
            new = new[:cap]
        if result is not None:
            result.new = len(new)
        failures: list[tuple[str, str, str, bool, datetime | None]] | None = [] if retry_failed else None
        try:
            self._stream(source, new, language, counts, failures)
        finally:
            if failures:
                self.store.record_page_failures(failures, max_attempts=max(1, self.fetch_settings.max_page_attempts))
        return counts, complete

    def _stream(self, source: str, candidates: list[Candidate], language: str | None, counts: PageCounts,
                failures: list[tuple[str, str, str, bool, datetime | None]] | None = None) -> None:
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
            final = False
            next_at: datetime | None = None
            if isinstance(outcome, _AnalysisFailed):
                counts.read += 1
                transient, final = outcome.transient, outcome.final
            else:
                transient = not isinstance(outcome, PermanentFetchError)
                if outcome.retry_after is not None:
                    wait = min(outcome.retry_after, self.fetch_settings.retry_after_cap_s)
                    next_at = datetime.now(UTC) + timedelta(seconds=wait)
            counts.add_failure(cand.url, str(outcome), transient=transient)
            counts.retry_later += not final
            # A page is not to blame when its host could not be reached or its robots.txt read.
            blameless = isinstance(outcome, NetworkFetchError | _RunLevelFailure)
            if failures is not None and not blameless:
                failures.append((cand.url, source, str(outcome), final, next_at))

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
            skip = skip_reason(res.body, res.content_type)
            if skip is not None:  # an image, a PDF, an empty answer: nothing to extract, ever
                outcome.set_result(_AnalysisFailed(skip, transient=False, final=skip.startswith("not HTML")))
                return
            job = PageJob(
                source=source, url=cand.url, body=res.body, fetched_at=res.fetched_at or datetime.now(UTC),
                content_type=res.content_type, hint_date=cand.date, hint_source=cand.date_source,
                language_hint=language, title_hint=cand.title,
            )
            pool = self._pool()
            try:
                analysis = pool.submit(extract_and_detect_lean, job)
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
                if not record.article.text.strip():  # never an empty article: a failure, tried again later
                    outcome.set_result(_AnalysisFailed("no text extracted", transient=False))
                    return
                # The worker leaves the page out of its answer: put back the copy held here.
                outcome.set_result(replace(record, raw_html=job.body))

            analysis.add_done_callback(analysed)

        try:
            fetch = self.pages.submit(self._fetch_page, cand.url)
        except RuntimeError:  # the fetch pool is shut down: the run is stopping (Ctrl-C); tried next run
            outcome.set_result(_AnalysisFailed("not fetched: the run is stopping", transient=True))
            return outcome
        fetch.add_done_callback(fetched)
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
        host = host_of(url)
        origin = urlsplit(url).netloc.lower()  # Retry-After and Crawl-delay apply to one origin
        if reason := aggregator_reason(url):  # never store an aggregator's page as an article
            return PermanentFetchError(reason, url=url)
        with self._host_slot(host):
            blocked = self._host_blocked.get(origin)
            if blocked and datetime.now(UTC) < blocked[0]:
                return _RunLevelFailure(f"host backing off until {_moment(blocked[0])} ({blocked[1]})", url=url)
            if self.robots is not None:
                refused = self.robots.check(url)
                if refused:
                    cls = _RunLevelFailure if refused.startswith("robots.txt unavailable") else PermanentFetchError
                    return cls(refused, url=url)
                self._wait_crawl_delay(origin, self.robots.crawl_delay(url))
            try:
                res = fetch(self.client, url, max_bytes=self.fetch_settings.max_bytes,
                            retries=self.fetch_settings.retries, deadline_s=self.fetch_settings.page_deadline_s)
            except FetchError as exc:
                if exc.retry_after is not None and exc.retry_after > 1.0:  # the host asked for a pause
                    wait = min(exc.retry_after, self.fetch_settings.retry_after_cap_s)
                    with self._hosts_lock:
                        self._host_blocked[origin] = (datetime.now(UTC) + timedelta(seconds=wait), str(exc))
                return exc
            if reason := aggregator_reason(res.url):  # redirected to one
                return PermanentFetchError(reason, url=url)
            return res

    def _wait_crawl_delay(self, origin: str, delay: float) -> None:
        """Keep `delay` seconds between two page requests to `origin` (robots.txt Crawl-delay)."""
        if delay <= 0:
            return
        with self._hosts_lock:
            now = time.monotonic()
            start = max(now, self._host_next.get(origin, now))
            self._host_next[origin] = start + delay
        if start > now:
            time.sleep(start - now)

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

    def extract_and_detect(self, jobs: list[PageJob]) -> Iterator[PageRecord]:
        """Extract and detect in worker processes (both cores), in job order."""
        if not jobs:
            return iter(())
        pool = self._pool()
        futures: list[Future[PageRecord]] = [pool.submit(extract_and_detect_lean, job) for job in jobs]
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

    def _failed(self, state: SourceState, now: datetime, reason: str, exc: FetchError | None,
                status: int | None = None) -> SourceResult:
        failed = replace(state, last_status="failed", last_error=reason,
                         http_status=exc.status if exc is not None else status, last_checked_at=now)
        if isinstance(exc, NetworkFetchError):  # counted at `finish`, unless the whole run was cut off
            self._put_state(failed)
            with self._states_lock:
                self._network_failed.append(failed)
            return SourceResult(state.name, "failed", error=reason, network=True)
        failed = self._with_failure(failed, now, exc.retry_after if exc is not None else None)
        self._put_state(failed)
        return SourceResult(state.name, "failed", error=reason, next_attempt_at=failed.next_attempt_at)

    def _save_state(
        self, state: SourceState, now: datetime, status: str, res: FetchResult, *, body_hash: str | None,
        entries_seen: int | None = None, validators: bool = True, problem: str | None = None,
    ) -> None:
        self._put_state(replace(
            state,
            etag=(res.etag or state.etag) if validators else None,
            last_modified=(res.last_modified or state.last_modified) if validators else None,
            body_hash=body_hash, last_status=status, last_error=problem, http_status=res.status,
            consecutive_failures=0, next_attempt_at=None, last_checked_at=now, last_success_at=now,
            entries_seen=state.entries_seen if entries_seen is None else entries_seen,
        ), deferred=status in ("not_modified", "unchanged"))


class _RunLevelFailure(TransientFetchError):
    """A page not fetched for a reason of this run (its host's Retry-After, an unreadable
    robots.txt): tried again next run, not counted against the page."""


def _moment(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def summarise(results: list[SourceResult], *, outage: bool = False) -> dict[str, object]:
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
        "backing_off": statuses["backing_off"],
        "failures": {r.source: r.error for r in results if r.status == "failed"},
        "skipped": {r.source: r.error for r in results if r.status == "backing_off"},
        "stale": {r.source: r.stale for r in results if r.stale},
        "outage": outage,
        "entries_seen": sum(r.entries for r in results),
        "new_articles": sum(r.new for r in results),
        "fetched": total.read,
        **total.summary(),
        "skipped_failing_pages": total.skipped_failing,
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
    pipeline.finish(results)
    return results

