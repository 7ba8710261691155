"""The read API through a real uvicorn server on 127.0.0.1, every JSON response checked against
the server's own OpenAPI document; the token rule; read-only access; the web page's escaping.
Records are synthetic (tests/apiserver.py)."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from newswatch.api.pages import evidence_spans, highlight, http_only
from newswatch.cli.api import is_loopback
from newswatch.cli.app import app as cli_app
from newswatch.cli.demo import page
from newswatch.cli.localsite import LocalSite, Route
from storage.readonly import open_read_only
from tests.apiserver import HOSTILE_TITLE, fill_store, serve_api

pytest_plugins = ["tests.conftest_db"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}"
    fill_store(url)
    return url


@pytest.fixture(scope="module")
def base(db: str) -> Iterator[str]:
    with serve_api(db) as url:
        yield url


@pytest.fixture(scope="module")
def openapi(base: str) -> dict[str, Any]:
    return httpx.get(base + "/openapi.json").json()


def checked(openapi: dict[str, Any], response: httpx.Response, path: str, method: str = "get") -> Any:
    """The response's JSON, after validating it against the OpenAPI document's schema for
    (path, method, status), with every object closed (no property the document does not name)."""
    op = openapi["paths"][path][method]
    declared = op["responses"].get(str(response.status_code))
    assert declared, f"{method.upper()} {path} answered {response.status_code}, which its OpenAPI entry omits"
    schema = declared["content"]["application/json"]["schema"]
    root = _closed({**copy.deepcopy(schema), "components": copy.deepcopy(openapi["components"])})
    body = response.json()
    Draft202012Validator(root, format_checker=FormatChecker()).validate(body)
    return body


def _closed(node: Any) -> Any:
    if isinstance(node, dict):
        if "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _closed(value)
    elif isinstance(node, list):
        for value in node:
            _closed(value)
    return node


def test_openapi_documents_every_endpoint(openapi: dict[str, Any], base: str) -> None:
    assert {"/records", "/records/{record_id}", "/search", "/compare", "/timeline", "/stories",
            "/sources"} <= set(openapi["paths"])
    assert "post" in openapi["paths"]["/compare"]
    assert not any(p.startswith("/ui") or p == "/" for p in openapi["paths"])  # pages stay out of the API
    docs = httpx.get(base + "/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_records_pages_with_a_cursor(openapi: dict[str, Any], base: str) -> None:
    everything = checked(openapi, httpx.get(base + "/records", params={"limit": 200}), "/records")
    assert everything["next_cursor"] is None and len(everything["records"]) == 8
    dated = [r["published_at"] for r in everything["records"] if r["published_at"]]
    assert dated == sorted(dated, reverse=True) and everything["records"][-1]["published_at"] is None
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        body = checked(openapi, httpx.get(base + "/records", params=params), "/records")
        seen += [r["id"] for r in body["records"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [r["id"] for r in everything["records"]]  # same order, none twice, none missed
    bad = httpx.get(base + "/records", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 400 and "cursor" in checked(openapi, bad, "/records")["detail"]


def test_records_filters(openapi: dict[str, Any], base: str) -> None:
    def ids(**params: Any) -> set[str]:
        body = checked(openapi, httpx.get(base + "/records", params=params), "/records")
        return {r["url"].split("//")[1] for r in body["records"]}

    assert ids(rebuttal="true") == {"harbour.example.org/rebuttal", "lotus.example.org/copy", "lotus.example.org/zh",
                                    "pier.example.org/2024", "harbour.example.org/hostile"}
    assert ids(language="zh") == {"lotus.example.org/zh"}
    assert ids(jurisdiction="Hong Kong", year=2024) == {"pier.example.org/2024"}
    assert ids(report="true", since="2025-09-06", until="2025-09-06") == {
        "harbour.example.org/rebuttal", "lotus.example.org/copy", "lotus.example.org/zh"}
    assert ids(source="pier-post", report_name="tip") == {"pier.example.org/report", "pier.example.org/2024"}
    unknown = httpx.get(base + "/records", params={"jurisdiction": "Atlantis"})
    assert unknown.status_code == 400 and "Atlantis" in unknown.json()["detail"]
    assert httpx.get(base + "/records", params={"limit": 0}).status_code == 422


def test_one_record(openapi: dict[str, Any], base: str) -> None:
    first = httpx.get(base + "/records", params={"limit": 200}).json()["records"]
    rid = next(r["id"] for r in first if r["url"].endswith("/rebuttal"))
    body = checked(openapi, httpx.get(f"{base}/records/{rid}"), "/records/{record_id}")
    assert body["text"].startswith("The Hong Kong SAR Government firmly rejects")
    assert body["jurisdictions"] == [{"name": "Hong Kong", "code": "HK"}] and body["is_rebuttal"] is True
    missing = httpx.get(f"{base}/records/999999")
    assert missing.status_code == 404 and checked(openapi, missing, "/records/{record_id}")["detail"]


def test_search(openapi: dict[str, Any], base: str) -> None:
    body = checked(openapi, httpx.get(base + "/search", params={"q": "hong kong rejects"}), "/search")
    urls = [r["url"] for r in body["records"]]
    assert urls[:2] == ["https://harbour.example.org/rebuttal", "https://lotus.example.org/copy"]  # title hits first
    hit = body["records"][0]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower() in ("hong kong", "hong", "kong", "rejects")
    zh = checked(openapi, httpx.get(base + "/search", params={"q": "人口贩运", "rebuttal": "true"}), "/search")
    assert [r["url"] for r in zh["records"]] == ["https://lotus.example.org/zh"]
    for empty in ("", "AND", '""'):
        bad = httpx.get(base + "/search", params={"q": empty})
        assert bad.status_code == 400, empty
        checked(openapi, bad, "/search")


def test_compare(openapi: dict[str, Any], base: str) -> None:
    records = httpx.get(base + "/records", params={"limit": 200}).json()["records"]
    rid = {r["url"]: r["id"] for r in records}
    by_id = checked(openapi, httpx.post(base + "/compare", json={"record_id": rid["https://harbour.example.org/rebuttal"]}),
                    "/compare", "post")
    assert by_id["matches"][0]["url"] == "https://lotus.example.org/copy" and by_id["matches"][0]["copy"] is True
    assert by_id["story"] and by_id["story"]["size"] == 2
    pasted = {"title": "Government rejects trafficking report", "text": httpx.get(
        f"{base}/records/{rid['https://harbour.example.org/rebuttal']}").json()["text"]}
    by_text = checked(openapi, httpx.post(base + "/compare", json=pasted), "/compare", "post")
    assert {m["url"] for m in by_text["matches"][:2]} == {"https://harbour.example.org/rebuttal",
                                                          "https://lotus.example.org/copy"}
    assert by_text["reference"]["is_rebuttal"] is True and by_text["reference"]["id"] is None
    same = by_text["matches"][0]["same"]
    assert same["jurisdiction"] == "HK" and same["rebuttal"] is True
    for bad, status in (({}, 400), ({"text": "x", "record_id": 1}, 400), ({"record_id": 999999}, 404),
                        ({"url": "ftp://example.org/x"}, 400)):
        answer = httpx.post(base + "/compare", json=bad)
        assert answer.status_code == status, (bad, answer.text)
        checked(openapi, answer, "/compare", "post")


def test_compare_a_url_fetched_like_ingest(openapi: dict[str, Any], base: str) -> None:
    with LocalSite({"/a.html": Route(page("harbour-rebuttal"))}) as site:
        body = checked(openapi, httpx.post(base + "/compare", json={"url": site.url("/a.html")}, timeout=30),
                       "/compare", "post")
    assert body["reference"]["is_rebuttal"] is True and body["reference"]["url"].endswith("/a.html")
    assert body["matches"] and body["matches"][0]["same"].get("jurisdiction") == "HK"
    refused = httpx.post(base + "/compare", json={"url": "http://127.0.0.1:9/nothing"})
    assert refused.status_code == 502 and checked(openapi, refused, "/compare", "post")["detail"]


def test_timeline_stories_sources(openapi: dict[str, Any], base: str) -> None:
    tl = checked(openapi, httpx.get(base + "/timeline", params={"jurisdiction": "HK"}), "/timeline")
    assert tl["jurisdiction"] == {"code": "HK", "name": "Hong Kong"}
    assert [row["year"] for row in tl["rows"]] == [2024, 2025]
    assert tl["rows"][1]["tier"] == "Tier 2" and tl["rows"][1]["change"] == "upgrade"
    bad = httpx.get(base + "/timeline", params={"jurisdiction": "Atlantis"})
    assert bad.status_code == 400 and checked(openapi, bad, "/timeline")["detail"]

    stories = checked(openapi, httpx.get(base + "/stories", params={"rebuttal": "true"}), "/stories")["stories"]
    syndicated = [s for s in stories if s["size"] == 2]
    assert len(syndicated) == 1
    assert {r["url"] for r in syndicated[0]["records"]} == {"https://harbour.example.org/rebuttal",
                                                            "https://lotus.example.org/copy"}

    sources = checked(openapi, httpx.get(base + "/sources"), "/sources")
    assert [s["name"] for s in sources] == ["harbour-daily", "pier-post"] and sources[0]["last_status"] is None


def test_the_token_rule(db: str) -> None:
    with serve_api(db, token="s3cret-token") as base:
        for path in ("/records", "/docs", "/openapi.json", "/", "/static/style.css", "/ui/records/1"):
            assert httpx.get(base + path).status_code == 401, path
            assert httpx.get(base + path, headers={"Authorization": "Bearer wrong"}).status_code == 401, path
            assert httpx.get(base + path, headers={"Authorization": "Basic s3cret-token"}).status_code == 401
            ok = httpx.get(base + path, headers={"Authorization": "Bearer s3cret-token"})
            assert ok.status_code == 200, path
        denied = httpx.post(base + "/compare", json={"record_id": 1})
        assert denied.status_code == 401 and denied.headers["www-authenticate"] == "Bearer"
        doc = httpx.get(base + "/openapi.json", headers={"Authorization": "Bearer s3cret-token"}).json()
        assert any(s.get("type") == "http" and s.get("scheme") == "bearer"
                   for s in doc["components"]["securitySchemes"].values())


def test_non_loopback_bind_is_refused_without_a_token(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSWATCH_API_TOKEN", raising=False)
    for host in ("0.0.0.0", "192.0.2.10", "::", "example.org"):
        result = CliRunner().invoke(cli_app, ["api", "--host", host, "--db", db])
        assert result.exit_code == 1, result.output
        assert "refusing to listen" in result.stderr and "NEWSWATCH_API_TOKEN" in result.stderr
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.0.0.1") and not is_loopback("my-host")


def test_the_api_store_cannot_write(store_url: str) -> None:
    fill_store(store_url)
    store = open_read_only(store_url)
    try:
        with pytest.raises(DBAPIError, match=r"(?i)read.?only"), store.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET title = 'changed'"))
        assert store.count_articles() == 8
    finally:
        store.close()


# --- the web page -------------------------------------------------------------------------------


def test_pages_render(base: str) -> None:
    records = httpx.get(base + "/records", params={"limit": 200}).json()["records"]
    rid = {r["url"]: r["id"] for r in records}["https://harbour.example.org/rebuttal"]
    for path in ("/", "/?rebuttal=true&language=en", "/?report_name=tip&year=2024", "/?q=trafficking",
                 f"/ui/records/{rid}", f"/ui/compare?id={rid}", "/ui/compare", "/ui/timeline?jurisdiction=HK",
                 "/ui/timeline", "/ui/stories", "/ui/sources"):
        answer = httpx.get(base + path)
        assert answer.status_code == 200, path
        assert answer.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in answer.headers["content-security-policy"]
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in answer.text
    edition = httpx.get(base + "/", params={"report_name": "tip", "year": "2024"}).text
    assert edition.count('class="card is-rebuttal"') == 1 and '<option value="tip" selected>' in edition
    listing = httpx.get(base + "/", params={"rebuttal": "true"}).text
    assert listing.count('class="card is-rebuttal"') == 5 and "ferry" not in listing
    side = httpx.get(base + f"/ui/compare?id={rid}").text
    assert 'class="side-by-side"' in side and "lotus.example.org" not in side.split("<ol")[0]
    timeline = httpx.get(base + "/ui/timeline", params={"jurisdiction": "Hong Kong"}).text
    assert "Tier 2" in timeline and "upgrade" in timeline
    assert 'href="/ui/timeline?jurisdiction=HK&amp;report=tip"' in httpx.get(base + "/ui/timeline").text
    posted = httpx.post(base + "/ui/compare", data={"text": "The Hong Kong SAR Government firmly rejects the 2025 "
                                                            "Trafficking in Persons Report."})
    assert posted.status_code == 200 and 'class="card match"' in posted.text
    assert httpx.get(base + "/ui/records/999999").status_code == 404
    assert httpx.get(base + "/", params={"q": "AND"}).status_code == 400


def test_article_markup_is_escaped_everywhere(base: str) -> None:
    records = httpx.get(base + "/records", params={"limit": 200}).json()["records"]
    hostile = next(r for r in records if r["url"].endswith("/hostile"))
    assert hostile["title"] == HOSTILE_TITLE  # the API returns the data as stored (JSON, not HTML)
    pages = [httpx.get(base + p).text for p in ("/", f"/ui/records/{hostile['id']}", "/?q=claim", "/ui/stories",
                                               f"/ui/compare?id={hostile['id']}")]
    for html in pages:
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/app.js" defer>'], scripts  # our one script, nothing else
        assert "<img" not in html and "<b>Bold" not in html and "<i>markup" not in html
    record = pages[1]
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt;" in record
    # the evidence sentence is marked, its markup escaped inside the mark
    assert "<mark>The &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; spokesman rejected the report.</mark>" in record
    assert "Intro &lt;i&gt;markup&lt;/i&gt; &amp; more." in record


def test_highlight_escapes_first_then_marks() -> None:
    assert str(highlight("a <b> c", [(2, 5)])) == "a <mark>&lt;b&gt;</mark> c"
    assert str(highlight("abcdef", [(3, 5), (0, 2), (1, 4)])) == "<mark>abcde</mark>f"  # overlaps merged
    assert str(highlight("x&y", [])) == "x&amp;y"
    assert str(highlight("short", [(3, 99), (7, 9)])) == "sho<mark>rt</mark>"
    assert evidence_spans("One. Two. One.", ["One.", "", "missing"]) == [(0, 4), (10, 14)]
    assert http_only("javascript:alert(1)") == "#" and http_only("https://example.org/") == "https://example.org/"


def test_readme_documents_the_api(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for needle in ("newswatch api", "NEWSWATCH_API_TOKEN", "/records", "/search", "/compare", "/timeline",
                   "/stories", "/sources", "/ui/records/", "/ui/compare", "/ui/timeline", "/ui/stories"):
        assert needle in readme, needle


def test_the_api_command_serves_with_a_token(db: str, tmp_path: Path) -> None:
    import os
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:  # a free port (released just before the server takes it)
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSWATCH_API_TOKEN": "cli-token"}
    proc = subprocess.Popen([sys.executable, "-m", "newswatch.cli", "api", "--port", str(port), "--db", db],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(base + "/records", headers={"Authorization": "Bearer cli-token"})
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.1)
        assert answer.status_code == 200 and len(answer.json()["records"]) == 8
        assert httpx.get(base + "/records").status_code == 401
    finally:
        proc.terminate()
        proc.wait(10)
    assert b"bearer token required" in (proc.stderr.read() if proc.stderr else b"")


def test_compare_urls_obey_the_private_network_rule(db: str) -> None:
    from newswatch.settings import FetchSettings, Settings

    guarded = Settings(db_url=db, sources=(), fetch=FetchSettings(allow_private_networks=False, timeout_s=3.0))
    with LocalSite({"/a.html": Route(page("harbour-rebuttal"))}) as site, serve_api(db, settings=guarded) as base:
        answer = httpx.post(base + "/compare", json={"url": site.url("/a.html")})
        assert answer.status_code == 502 and "not a public address" in answer.json()["detail"]
        assert site.hits.get("/a.html", 0) == 0


def test_the_api_sees_records_stored_while_it_runs(tmp_path: Path) -> None:
    from storage.store import Store
    from tests.conftest_db import make_page

    url = f"sqlite:///{tmp_path / 'live.db'}"
    fill_store(url)
    with serve_api(url) as base, Store(url) as writer:
        assert len(httpx.get(base + "/records").json()["records"]) == 8
        writer.save_pages([make_page("https://harbour.example.org/later", "Stored while the API runs")])
        titles = [r["title"] for r in httpx.get(base + "/records").json()["records"]]
        assert len(titles) == 9 and "Stored while the API runs" in titles


def test_cursor_pages_cross_undated_records(store_url: str) -> None:
    from datetime import UTC, datetime

    from storage.reading import RecordFilter
    from storage.readonly import page_records
    from storage.store import Store
    from tests.conftest_db import make_page

    with Store(store_url) as store:
        store.save_pages([make_page(f"https://news.example.org/{i}", f"Synthetic {i}",
                                    published=datetime(2025, 1, 1 + i // 2, tzinfo=UTC) if i % 3 else None)
                          for i in range(11)])  # undated ones, and pairs sharing a date
        everything, _ = page_records(store, RecordFilter(), limit=100)
        seen, cursor = [], None
        while True:
            page, cursor = page_records(store, RecordFilter(), limit=2, cursor=cursor)
            seen += [r["id"] for r in page]
            if cursor is None:
                break
    assert seen == [r["id"] for r in everything] and len(seen) == 11
    assert [r["published_at"] is None for r in everything] == [False] * 7 + [True] * 4


@pytest.mark.postgres
def test_the_api_on_postgresql(pg_url: str) -> None:
    fill_store(pg_url)
    with serve_api(pg_url) as base:
        doc = httpx.get(base + "/openapi.json").json()
        records = checked(doc, httpx.get(base + "/records", params={"limit": 3}), "/records")
        more = checked(doc, httpx.get(base + "/records", params={"limit": 10, "cursor": records["next_cursor"]}),
                       "/records")
        assert len(records["records"]) + len(more["records"]) == 8 and more["next_cursor"] is None
        hits = checked(doc, httpx.get(base + "/search", params={"q": "hong kong rejects"}), "/search")
        assert hits["records"][0]["url"] == "https://harbour.example.org/rebuttal"
        tl = checked(doc, httpx.get(base + "/timeline", params={"jurisdiction": "HK"}), "/timeline")
        assert [row["year"] for row in tl["rows"]] == [2024, 2025]
        rid = hits["records"][0]["id"]
        compared = checked(doc, httpx.post(base + "/compare", json={"record_id": rid}), "/compare", "post")
        assert compared["matches"][0]["url"] == "https://lotus.example.org/copy"
        assert httpx.get(base + f"/ui/records/{rid}").status_code == 200
