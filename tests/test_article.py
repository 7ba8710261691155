"""extract_article on synthetic pages (invented outlet, example.org): pure, no I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from extractors.analyse import analyse_page
from extractors.article import extract_article
from newswatch.models import PageJob

NOW = datetime(2025, 6, 25, tzinfo=UTC)
_PARAGRAPH = ("<p>The ferry between the two islands of the invented Lantern Bay resumed its normal timetable on "
              "Monday after a week of repairs to the pier, the operator said in a statement to passengers.</p>")


def _page(body_extra: str, title: str = "Harbour ferry resumes service", meta: str = "") -> bytes:
    return (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"<p class='byline'>By <span class='author'>Mei Ling Chan</span></p>{_PARAGRAPH * 4}{body_extra}"
            "</article></body></html>").encode()


def test_byline_search_runs_when_asked_and_not_otherwise() -> None:
    page = _page("")
    assert extract_article(page, "https://lantern-bay.example.org/a").authors == ("Mei Ling Chan",)
    assert extract_article(page, "https://lantern-bay.example.org/a", byline_search=False).authors == ()
    seen: list[tuple[str | None, str]] = []
    extract_article(page, "https://lantern-bay.example.org/a", byline_search=lambda t, x: seen.append((t, x)) or False)
    assert seen and seen[0][0] == "Harbour ferry resumes service" and "Lantern Bay" in seen[0][1]


def test_metadata_author_needs_no_byline_search() -> None:
    page = _page("", meta="<meta name='author' content='Desk Editor'>")
    assert extract_article(page, "https://lantern-bay.example.org/a", byline_search=False).authors == ("Desk Editor",)


def test_ingest_searches_bylines_only_on_pages_that_may_name_a_report() -> None:
    ferry = PageJob("s", "https://lantern-bay.example.org/ferry", _page(""), fetched_at=NOW)
    report = PageJob("s", "https://lantern-bay.example.org/tip", _page(
        "<p>The US State Department's Trafficking in Persons Report kept the territory on the Tier 2 Watch List.</p>",
        title="Officials answer the Trafficking in Persons Report"), fetched_at=NOW)
    assert analyse_page(ferry).article.authors == ()
    assert analyse_page(report).article.authors == ("Mei Ling Chan",)
    # Reprocessing asks for every byline, so it keeps what an earlier version stored.
    assert analyse_page(replace(ferry, every_byline=True)).article.authors == ("Mei Ling Chan",)
