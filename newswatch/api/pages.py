"""The web page: server-rendered HTML (Jinja2, autoescaped) over the same read functions as the API.

Every piece of article text is escaped: templates autoescape, and `highlight` escapes each
stretch of text before wrapping evidence or search hits in <mark>. Pages send a
Content-Security-Policy that allows only this server's own script and style files, so even
markup that slipped through could not run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from flows import reading
from newswatch.api.app import Filter, reference_for, source_health
from newswatch.api.schemas import CompareRequest
from newswatch.errors import NewswatchError
from storage import reading as queries
from storage.fts import SearchQueryError
from storage.readonly import BadCursor, jurisdiction_counts, page_records

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))


def http_only(url: str | None) -> str:
    """`url` when it is http(s), else "#" (a stored javascript: or data: link never becomes clickable)."""
    return url if url and url.lower().startswith(("http://", "https://")) else "#"


templates.env.filters["http_only"] = http_only


def highlight(text: str | None, spans: Iterable[tuple[int, int]]) -> Markup:
    """`text` escaped, with the (start, end) spans wrapped in <mark> (overlaps merged)."""
    text = text or ""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(str(escape(text[pos:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def evidence_spans(text: str, sentences: Iterable[str]) -> list[tuple[int, int]]:
    """Where each evidence sentence occurs in `text` (every occurrence; sentences not found are skipped)."""
    spans = []
    for sentence in {s.strip() for s in sentences if s and s.strip()}:
        at = text.find(sentence)
        while at >= 0:
            spans.append((at, at + len(sentence)))
            at = text.find(sentence, at + len(sentence))
    return spans


def paragraphs(text: str | None, sentences: Iterable[str]) -> list[Markup]:
    """The text as escaped paragraphs, evidence sentences marked."""
    wanted = list(sentences)
    return [highlight(p, evidence_spans(p, wanted)) for p in (text or "").split("\n") if p.strip()]


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, {"request": request, **context}, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _problem(request: Request, status: int, message: str) -> HTMLResponse:
    return _render(request, "problem.html", status=status, message=message, title="Problem")


def add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def records_page(
        request: Request, flt: Filter, q: str = "", cursor: str | None = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> HTMLResponse:
        store = request.app.state.store
        params = {k: v for k, v in request.query_params.items() if k != "cursor" and v}
        hits: list[dict[str, Any]] = []
        next_url = None
        try:
            if q.strip():
                hits = reading.search_records(store, q, flt, limit)
                for h in hits:
                    h["title_html"] = highlight(h.get("title"), map(tuple, h["title_highlights"]))
                    h["snippet_html"] = highlight(h["snippet"], map(tuple, h["highlights"]))
            else:
                hits, cursor_next = page_records(store, flt, limit=limit, cursor=cursor)
                for h in hits:
                    h["title_html"] = escape(h.get("title") or h["url"])
                if cursor_next:
                    next_url = "/?" + urlencode({**params, "cursor": cursor_next})
        except (SearchQueryError, BadCursor) as exc:
            return _render(request, "records.html", status=400, records=[], params=params, error=str(exc),
                           next_url=None, title="Records")
        return _render(request, "records.html", records=hits, params=params, error=None, next_url=next_url,
                       searching=bool(q.strip()), title="Records")

    @app.get("/ui/records/{record_id}", response_class=HTMLResponse, include_in_schema=False)
    def record_page(request: Request, record_id: int) -> HTMLResponse:
        store = request.app.state.store
        row = store.get_article(record_id)
        if row is None:
            return _problem(request, 404, f"No record with id {record_id}.")
        # Evidence the detector counted (weight 0: considered and set aside).
        sentences = [e.get("sentence") or "" for e in row.get("evidence") or [] if (e.get("weight") or 0) > 0]
        story = []
        if row.get("story_id") is not None:
            story = [m for m in queries.story_members(store, [row["story_id"]]).get(row["story_id"], [])
                     if m["id"] != record_id]
        return _render(request, "record.html", r=row, body=paragraphs(row.get("text"), sentences), story=story,
                       title=row.get("title") or row["url"])

    @app.get("/ui/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, id: int | None = None, limit: int = 10) -> HTMLResponse:
        if id is None:
            return _render(request, "compare.html", result=None, title="Compare", form={})
        return _compare(request, CompareRequest(record_id=id, limit=limit), {})

    @app.post("/ui/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_form(
        request: Request, text: Annotated[str, Form()] = "", url: Annotated[str, Form()] = "",
        title: Annotated[str, Form()] = "",
    ) -> HTMLResponse:
        body = CompareRequest(text=text.strip() or None, url=url.strip() or None, title=title.strip() or None)
        return _compare(request, body, {"text": text, "url": url, "title": title})

    def _compare(request: Request, body: CompareRequest, form: dict[str, str]) -> HTMLResponse:
        store = request.app.state.store
        try:
            reference = reference_for(store, request.app.state.settings, body)
            result = reading.compare(store, reference, limit=body.limit)
        except HTTPException as exc:
            return _problem(request, exc.status_code, str(exc.detail))
        except NewswatchError as exc:
            return _problem(request, 400, str(exc))
        rows = _side_by_side(result)
        return _render(request, "compare.html", result=result, rows=rows, form=form, title="Compare")

    @app.get("/ui/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, jurisdiction: str = "", report: str = "tip") -> HTMLResponse:
        known = jurisdiction_counts(request.app.state.store)
        if not jurisdiction.strip():
            return _render(request, "timeline.html", tl=None, jurisdiction="", report=report, known=known,
                           title="Timeline")
        try:
            tl = reading.timeline(request.app.state.store, jurisdiction, report)
        except NewswatchError as exc:
            return _problem(request, 400, str(exc))
        return _render(request, "timeline.html", tl=tl, jurisdiction=jurisdiction, report=report, known=known,
                       title=f"Timeline: {tl['jurisdiction']['name']}")

    @app.get("/ui/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, flt: Filter, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> HTMLResponse:
        stories = reading.list_stories(request.app.state.store, flt, limit)
        params = {k: v for k, v in request.query_params.items() if v}
        return _render(request, "stories.html", stories=stories, params=params, title="Stories")

    @app.get("/ui/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request) -> HTMLResponse:
        rows = source_health(request.app.state.store, request.app.state.settings)
        return _render(request, "sources.html", sources=rows, title="Sources")


FIELDS = ("outlet", "date", "language", "report", "jurisdiction", "tier", "tier_change", "rebuttal", "responders",
          "stance", "quotes", "claims")


def _side_by_side(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Per match: its fields as (name, reference value, match value, same?) rows."""
    out = []
    for match in result["matches"]:
        fields = []
        for name in FIELDS:
            if name in match["same"]:
                value = match["same"][name]
                fields.append({"name": name, "reference": value, "match": value, "same": True})
            elif name in match["different"]:
                diff = match["different"][name]
                if "reference_only" in diff:
                    fields.append({"name": name, "reference": diff["reference_only"], "match": diff["match_only"],
                                   "same": False})
                else:
                    fields.append({"name": name, "reference": diff["reference"], "match": diff["match"],
                                   "same": False})
        out.append({"match": match, "fields": fields})
    return out
