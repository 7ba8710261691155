"""extract_article on synthetic pages (invented outlet, example.org): pure, no I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from extractors.article import extract_article
from extractors.page import extract_and_detect
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
    assert extract_and_detect(ferry).article.authors == ()
    assert extract_and_detect(report).article.authors == ("Mei Ling Chan",)
    # Reprocessing asks for every byline, so it keeps what an earlier version stored.
    assert extract_and_detect(replace(ferry, every_byline=True)).article.authors == ("Mei Ling Chan",)


# --- what detection reads: fragments, paywalls, normalisation (synthetic pages) ---------------------------

_STORY = "".join(f"<p>{_PARAGRAPH[3:-4]} Paragraph {i} goes on about the timetable and the repairs.</p>"
                 for i in range(12))


def test_fast_pass_fragment_gives_way_to_the_whole_article() -> None:
    # A teaser box long enough to pass the 500-character threshold, the story in a plain div.
    teaser = ("<article class='teaser'><h2>Elsewhere</h2><p>"
              + "A short teaser about the regional market reopening after the storm season in the bay. " * 7
              + "</p></article>")
    page = f"<html><head><title>Ferry</title></head><body>{teaser}<div class='content'>{_STORY}</div></body></html>"
    text = extract_article(page.encode(), "https://lantern-bay.example.org/f", byline_search=False).text
    assert "Paragraph 11 goes on" in text and "Paragraph 0 goes on" in text
    assert len(text) > 2000


def test_paywall_box_is_not_the_article() -> None:
    box = ("<article class='paywall'><h2>Subscribe to continue reading</h2><p>Already a subscriber? Log in.</p>"
           + "".join(f"<p>Get unlimited digital access to the Lantern Bay Courier, offer {i}: every story for a "
                     "dollar a week.</p>" for i in range(8)) + "</article>")
    page = f"<html><head><title>Ferry</title></head><body>{box}<div class='content'>{_STORY[:1800]}</div></body></html>"
    text = extract_article(page.encode(), "https://lantern-bay.example.org/p", byline_search=False).text
    assert "Paragraph 0 goes on" in text
    assert "Subscribe" not in text and "unlimited digital access" not in text
    only_box = f"<html><head><title>Ferry</title></head><body>{box}</body></html>"
    assert extract_article(only_box.encode(), "https://lantern-bay.example.org/q", byline_search=False).text == ""


def test_text_and_title_are_nfc() -> None:
    decomposed = "Informe sobre la trata de personas: el Gobierno de Panama\u0301 rechaza la clasificacio\u0301n"
    head = "Panama\u0301 rechaza"
    page = (f"<html><head><title>{head}</title></head><body><article><h1>{head}</h1><p>{decomposed}.</p>"
            f"{_PARAGRAPH * 4}</article></body></html>")
    article = extract_article(page.encode(), "https://lantern-bay.example.org/n", byline_search=False)
    assert "Panamá rechaza la clasificación" in article.text
    assert "\u0301" not in article.text
    assert article.title == "Panamá rechaza"


def test_justext_fallback_uses_the_compact_stoplist() -> None:
    # A page this short runs the full cascade, and jusText on a page of unknown language.
    extract_article(b"<html><body><div><p>A short note about the report.</p></div></body></html>",
                    "https://example.org/short")
    import trafilatura.external

    stoplist = trafilatura.external.JT_STOPLIST  # trafilatura's own union of its 100 lists has 154,000 words
    assert stoplist is not None and len(stoplist) < 50_000
    assert {"the", "и", "في", "그리고", "dan"} <= set(stoplist)
