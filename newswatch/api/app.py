"""The read API (FastAPI): records, search, compare, timeline, stories, sources; the web page
(pages.py) is served by the same app.

Read-only: the store is opened with storage/readonly.py. When a token is given (the CLI
passes `NEWSWATCH_API_TOKEN`), every request, pages and docs included, needs
`Authorization: Bearer <token>`, compared in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer

from flows import reading
from newswatch.api.schemas import (
    CompareRequest,
    CompareResult,
    Problem,
    Record,
    RecordPage,
    SearchResult,
    SourceOut,
    Stories,
    Timeline,
)
from newswatch.errors import FetchError, NewswatchError, StorageError
from newswatch.settings import Settings
from storage.fts import SearchQueryError
from storage.reading import RecordFilter
from storage.readonly import BadCursor, page_records
from storage.store import Store

API_VERSION = "1"
_ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Problem}, 401: {"model": Problem}}


def create_app(store: Store, settings: Settings, *, token: str | None = None) -> FastAPI:
    """The API and web page over `store` (open it with `storage.readonly.open_read_only`)."""
    app = FastAPI(
        title="newswatch read API",
        version=API_VERSION,
        description="Stored records of trafficking-report coverage and official rebuttals: list, search, "
                    "compare, timelines, stories. Read-only.",
        dependencies=[Depends(HTTPBearer(auto_error=False))] if token else [],
        responses=_ERRORS,
    )
    app.state.store = store
    app.state.settings = settings
    if token:
        _require_token(app, token)

    @app.exception_handler(NewswatchError)
    async def _bad_request(_request: Request, exc: NewswatchError) -> JSONResponse:
        status = 503 if isinstance(exc, StorageError) else 502 if isinstance(exc, FetchError) else 400
        return JSONResponse({"detail": str(exc)}, status_code=status)

    _add_routes(app)
    from newswatch.api.pages import add_pages

    add_pages(app)
    return app


def _require_token(app: FastAPI, token: str) -> None:
    expected = token.encode("utf-8")

    @app.middleware("http")
    async def check(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), expected):
            return JSONResponse({"detail": "missing or wrong bearer token"}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
        return await call_next(request)


def record_filter(
    report: Annotated[bool, Query(description="Only items about a trafficking report.")] = False,
    rebuttal: Annotated[bool, Query(description="Only official rebuttals.")] = False,
    source: Annotated[str | None, Query(description="Only items seen in this source.")] = None,
    jurisdiction: Annotated[str | None, Query(description="ISO code (HK) or name (Hong Kong).")] = None,
    report_name: Annotated[str | None, Query(alias="report_name", description="tip, unodc, greta or gsi.")] = None,
    year: Annotated[int | None, Query(description="The report's edition year.")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code, e.g. en, zh.")] = None,
    since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD, UTC).")] = None,
    until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD, UTC).")] = None,
) -> RecordFilter:
    """The record filters every listing endpoint takes."""
    code = None
    if jurisdiction:
        from extractors.compare import resolve_jurisdiction

        resolved = resolve_jurisdiction(jurisdiction)
        if resolved is None:
            raise HTTPException(400, f"unknown jurisdiction {jurisdiction!r}: give an ISO code (HK) or a name")
        code = resolved[0]
    family = report_name.lower() if report_name else None
    if family and family not in reading.REPORT_FAMILIES:
        raise HTTPException(400, f"unknown report {report_name!r}: one of {', '.join(reading.REPORT_FAMILIES)}")
    return RecordFilter(report=report, rebuttal=rebuttal, source=source or None, jurisdiction=code,
                        report_family=family, year=year, language=language or None, since=since, until=until)


Filter = Annotated[RecordFilter, Depends(record_filter)]


def _store(request: Request) -> Store:
    return request.app.state.store


def _add_routes(app: FastAPI) -> None:
    @app.get("/records", response_model=RecordPage, tags=["records"])
    def list_records(
        request: Request, flt: Filter,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
    ) -> dict[str, Any]:
        """Stored records, newest first, a page at a time (cursor pagination)."""
        try:
            records, next_cursor = page_records(_store(request), flt, limit=limit, cursor=cursor)
        except BadCursor as exc:
            raise HTTPException(400, str(exc)) from None
        return {"records": records, "next_cursor": next_cursor}

    @app.get("/records/{record_id}", response_model=Record, tags=["records"], responses={404: {"model": Problem}})
    def get_record(request: Request, record_id: int) -> dict[str, Any]:
        """One record with its text, structured fields and evidence."""
        row = _store(request).get_article(record_id)
        if row is None:
            raise HTTPException(404, f"no record with id {record_id}")
        return row

    @app.get("/search", response_model=SearchResult, tags=["records"])
    def search(
        request: Request, flt: Filter,
        q: Annotated[str, Query(description='Words that must all occur; "a phrase" in quotes.')],
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> dict[str, Any]:
        """Full-text search, best first (title hits weigh more), with highlighted snippets."""
        try:
            rows = reading.search_records(_store(request), q, flt, limit)
        except SearchQueryError as exc:
            raise HTTPException(400, str(exc)) from None
        return {"query": q, "records": rows}

    @app.post("/compare", response_model=CompareResult, tags=["compare"], responses={404: {"model": Problem},
                                                                                     502: {"model": Problem}})
    def compare(request: Request, body: CompareRequest) -> dict[str, Any]:
        """Rank stored records against a reference (text, HTML, a URL or a stored record): copies
        first, then the same edition and jurisdiction, then the same responders and stance."""
        store = _store(request)
        reference = reference_for(store, request.app.state.settings, body)
        return reading.compare(store, reference, limit=body.limit)

    @app.get("/timeline", response_model=Timeline, tags=["compare"])
    def timeline(
        request: Request,
        jurisdiction: Annotated[str, Query(description="ISO code (HK) or name (Hong Kong).")],
        report: Annotated[str, Query(description="tip, unodc, greta, gsi or all.")] = "tip",
    ) -> dict[str, Any]:
        """One row per report edition for a jurisdiction: tier and change, responders and stance,
        a key quote, the records behind it."""
        return reading.timeline(_store(request), jurisdiction, report)

    @app.get("/stories", response_model=Stories, tags=["records"])
    def stories(request: Request, flt: Filter, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
        """Stories (a text and its syndicated or lightly edited copies across outlets), newest first."""
        return {"stories": reading.list_stories(_store(request), flt, limit)}

    @app.get("/sources", response_model=list[SourceOut], tags=["sources"])
    def sources(request: Request) -> list[dict[str, Any]]:
        """Configured sources and their health on the last runs."""
        return source_health(_store(request), request.app.state.settings)


def reference_for(store: Store, settings: Settings, body: CompareRequest) -> dict[str, Any]:
    """The reference record a compare request names (HTTPException for a bad request)."""
    given = [k for k in ("text", "url", "record_id") if getattr(body, k) not in (None, "")]
    if len(given) != 1:
        raise HTTPException(400, "give exactly one of text, url or record_id")
    if body.record_id is not None:
        ref = reading.reference_from_record(store, body.record_id)
        if ref is None:
            raise HTTPException(404, f"no record with id {body.record_id}")
        return ref
    if body.url:
        from flows.fetch import fetch, make_client

        if not body.url.startswith(("http://", "https://")):
            raise HTTPException(400, "url: expected an http(s) URL")
        with make_client(settings.fetch) as client:
            res = fetch(client, body.url, max_bytes=settings.fetch.max_bytes, retries=0)
        return reading.reference_from_page(res.body, res.url, content_type=res.content_type)
    text = body.text or ""
    if body.html:
        return reading.reference_from_page(text.encode("utf-8"), "about:reference")
    return reading.reference_from_text(body.title, text)


def source_health(store: Store, settings: Settings) -> list[dict[str, Any]]:
    states = {s.name: s for s in store.list_sources()}
    rows = []
    for src in settings.sources:
        st = states.get(src.name)
        rows.append({
            "name": src.name, "url": src.url, "enabled": src.enabled,
            "last_status": st.last_status if st else None, "last_error": st.last_error if st else None,
            "http_status": st.http_status if st else None,
            "consecutive_failures": st.consecutive_failures if st else 0,
            "last_checked_at": st.last_checked_at if st else None,
            "last_success_at": st.last_success_at if st else None,
        })
    return rows
