"""The read API on a real uvicorn server in a thread on 127.0.0.1 (as httpx's own suite does),
over a store of synthetic records (invented outlets, example.org)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime

import uvicorn

from newswatch.api.app import create_app
from newswatch.models import Evidence, PageRecord, Quote, Response
from newswatch.settings import FetchSettings, Settings, Source
from storage.readonly import open_read_only
from storage.store import Store

HOSTILE_TITLE = '<script>document.title="pwned"</script><b>Bold</b> claim & <img src=x onerror="alert(1)">'
HOSTILE_SENTENCE = 'The <script>alert("x")</script> spokesman rejected the report.'


def synthetic_pages() -> list[PageRecord]:
    """Eight synthetic records: rebuttals in two languages, a syndicated copy, report coverage,
    unrelated news, and one whose title and text are hostile markup."""
    from tests.conftest_db import make_page  # here: test modules load conftest_db as a plugin first

    rebuttal_text = (
        "The Hong Kong SAR Government firmly rejects the 2025 Trafficking in Persons Report.\n"
        "A spokesman said the report slanders Hong Kong and its anti-trafficking work, "
        "which has long been effective, and urged the US to stop interfering.\n"
        "The report upgraded Hong Kong to Tier 2 after three years on the Tier 2 Watch List."
    )
    pages = [
        make_page("https://harbour.example.org/rebuttal", "Hong Kong government rejects US trafficking report",
                  rebuttal_text, is_report=True, is_rebuttal=True,
                  published=datetime(2025, 9, 6, 9, tzinfo=UTC), source="harbour-daily"),
        make_page("https://lotus.example.org/copy", "Government rejects trafficking report (syndicated)",
                  rebuttal_text, is_report=True, is_rebuttal=True,
                  published=datetime(2025, 9, 6, 10, tzinfo=UTC), source="lotus-wire"),
        make_page("https://lotus.example.org/zh", "特区政府坚决反对美国《人口贩运问题报告》",
                  "特区政府发言人表示，对报告中毫无根据的言论表示强烈不满并坚决反对。", language="zh",
                  is_report=True, is_rebuttal=True, published=datetime(2025, 9, 6, 12, tzinfo=UTC),
                  source="lotus-wire"),
        make_page("https://pier.example.org/report", "US releases annual Trafficking in Persons Report",
                  "The US State Department published the 2025 Trafficking in Persons Report on Thursday, "
                  "ranking 188 jurisdictions.", is_report=True, published=datetime(2025, 9, 5, 21, tzinfo=UTC),
                  source="pier-post"),
        make_page("https://pier.example.org/2024", "Hong Kong answers the 2024 report",
                  "The Hong Kong SAR Government rejected the 2024 Trafficking in Persons Report.",
                  is_report=True, is_rebuttal=True, published=datetime(2024, 6, 25, 8, tzinfo=UTC),
                  source="pier-post"),
        make_page("https://harbour.example.org/ferry", "Harbour ferry adds late-night sailings",
                  "The ferry operator will add sailings after midnight during the festival.",
                  published=datetime(2025, 9, 4, 8, tzinfo=UTC), source="harbour-daily"),
        make_page("https://harbour.example.org/undated", "An undated synthetic notice", "Nothing dated here.",
                  published=None, source="harbour-daily"),
    ]
    hostile = make_page("https://harbour.example.org/hostile", HOSTILE_TITLE,
                        "Intro <i>markup</i> & more.\n" + HOSTILE_SENTENCE + "\nEnd.", is_report=True,
                        is_rebuttal=True, published=datetime(2025, 9, 7, 8, tzinfo=UTC), source="harbour-daily")
    det = replace(hostile.detection, evidence=(Evidence("rebuttal", "rebuttal:rejects", HOSTILE_SENTENCE, 1.0),),
                  responses=(Response("Hong Kong SAR Government", "government", "rebuts",
                                      (Quote('<script>alert("q")</script>'),)),))
    pages.append(replace(hostile, detection=det))
    # 2024's rebuttal is about the 2024 edition
    old = pages[4]
    pages[4] = replace(old, detection=replace(old.detection, report=replace(old.detection.report, year=2024)))
    return pages


def fill_store(url: str) -> None:
    with Store(url) as store:
        for page in synthetic_pages():  # one at a time, so ids follow this order
            store.save_pages([page])


def api_settings(url: str) -> Settings:
    return Settings(db_url=url, sources=(Source("harbour-daily", "https://harbour.example.org/rss.xml"),
                                         Source("pier-post", "https://pier.example.org/feed.json")),
                    fetch=FetchSettings(allow_private_networks=True, timeout_s=3.0, retries=0))


@contextmanager
def serve_api(url: str, token: str | None = None, settings: Settings | None = None) -> Iterator[str]:
    """Run the API over the database at `url`; yields its base URL."""
    store = open_read_only(url)
    app = create_app(store, settings or api_settings(url), token=token)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()
