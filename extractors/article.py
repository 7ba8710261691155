"""Page bytes in, `Article` out: the only module that calls trafilatura.

Settings chosen by measurement on the Zyte benchmark (see docs/BENCHMARKS.md):
`favor_precision=True, include_comments=False`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import trafilatura
from trafilatura.settings import Document

from extractors.language import identify_language
from newswatch.models import Article, DateSource

_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def extract_article(
    html: bytes | str,
    url: str,
    *,
    hint_date: datetime | None = None,
    hint_source: DateSource = "feed",
    fetched_at: datetime | None = None,
    language_hint: str | None = None,
) -> Article:
    """Main text and metadata of one page.

    The publication date comes from the page's own metadata first, else `hint_date`
    (from the feed, sitemap or WARC record, named by `hint_source`), else `fetched_at`.
    Returns an Article with empty text when no main text is found.
    """
    doc = _extract(html, url)
    text = (doc.text or "").strip() if doc else ""
    page_date = _parse_date(doc.date) if doc else None
    published_at: datetime | None
    published_from: DateSource | None
    if page_date is not None:
        published_at, published_from = page_date, "page"
    elif hint_date is not None:
        published_at, published_from = hint_date, hint_source
    elif fetched_at is not None:
        published_at, published_from = fetched_at, "fetch"
    else:
        published_at, published_from = None, None
    title = (doc.title if doc else None) or None
    language = identify_language(f"{title or ''}\n{text}", hint=(doc.language if doc else None) or language_hint)
    return Article(
        url=url,
        title=title,
        text=text,
        authors=_authors(doc.author if doc else None),
        language=language,
        published_at=published_at,
        published_from=published_from,
        site_name=(doc.sitename if doc else None) or None,
        description=(doc.description if doc else None) or None,
    )


def _extract(html: bytes | str, url: str) -> Document | None:
    try:
        result: Any = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AssertionError):  # trafilatura on badly broken markup
        return None
    return result if isinstance(result, Document) else None


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    return None


def _authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(a.strip() for a in value.split(";") if a.strip())
