"""One page in, one `PageRecord` out: extraction then detection, run in worker processes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from extractors.article import extract_article
from extractors.detect import detect
from newswatch.models import DateSource, PageRecord


@dataclass(frozen=True)
class PageJob:
    """A fetched page waiting for analysis (picklable: it crosses into a worker process)."""

    source: str
    url: str
    body: bytes
    fetched_at: datetime
    content_type: str | None = None
    hint_date: datetime | None = None
    hint_source: DateSource = "feed"
    language_hint: str | None = None
    title_hint: str | None = None


def analyse_page(job: PageJob) -> PageRecord:
    article = extract_article(
        job.body,
        job.url,
        hint_date=job.hint_date,
        hint_source=job.hint_source,
        fetched_at=job.fetched_at,
        language_hint=job.language_hint,
        content_type=job.content_type,
    )
    if not article.title and job.title_hint:
        article = replace(article, title=job.title_hint)
    detection = detect(article.title, article.text, article.language, published=article.published_at)
    return PageRecord(
        source=job.source,
        article=article,
        detection=detection,
        raw_html=job.body,
        fetched_at=job.fetched_at,
        content_type=job.content_type,
    )


def analyse_page_lean(job: PageJob) -> PageRecord:
    """`analyse_page` without the raw bytes in the result: for a worker process whose
    caller still holds `job.body`, so the page is not sent back over the pipe."""
    return replace(analyse_page(job), raw_html=b"")
