"""One page in, one `PageRecord` out: extraction then detection, run in worker processes."""

from __future__ import annotations

from dataclasses import replace

from extractors.article import extract_article
from extractors.detect import detect, may_name_report
from newswatch.models import PageJob, PageRecord


def extract_and_detect(job: PageJob) -> PageRecord:
    article = extract_article(
        job.body,
        job.url,
        hint_date=job.hint_date,
        hint_source=job.hint_source,
        fetched_at=job.fetched_at,
        language_hint=job.language_hint,
        content_type=job.content_type,
        # the byline search only where the page may name a trafficking report
        byline_search=True if job.every_byline else lambda title, text: may_name_report(title or job.title_hint, text),
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


def extract_and_detect_lean(job: PageJob) -> PageRecord:
    """`extract_and_detect` without the raw bytes in the result: for a worker process whose
    caller still holds `job.body`, so the page is not sent back over the pipe."""
    return replace(extract_and_detect(job), raw_html=b"")
