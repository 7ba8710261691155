"""Response models of the read API: the OpenAPI document is generated from these, and every
response is validated against them on the way out."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


class EvidenceOut(BaseModel):
    label: Literal["report", "rebuttal"]
    rule: str
    sentence: str
    weight: float = 1.0


class ReportOut(BaseModel):
    name: str
    issuer: str
    year: int | None = None


class JurisdictionOut(BaseModel):
    name: str
    code: str | None = None


class TierOut(BaseModel):
    jurisdiction: str | None = None
    tier: str | None = None
    previous: str | None = None
    change: Literal["upgrade", "downgrade", "unchanged"] | None = None
    years_on_previous: int | None = None


class QuoteOut(BaseModel):
    text: str
    speaker: str | None = None


class ResponseOut(BaseModel):
    actor: str
    kind: str
    stance: Literal["rebuts", "accepts", "welcomes", "neutral"]
    quotes: list[QuoteOut] = []


class ClaimsOut(BaseModel):
    criticisms: list[str] = []
    improvements: list[str] = []


class RecordSummary(BaseModel):
    """A stored record without its text."""

    id: int
    url: str
    title: str | None
    source: str
    sources: list[str] = Field(description="Every source the record was seen in, first seen first.")
    published_at: datetime | None
    published_from: str | None = Field(description="Where the date came from: page, feed, sitemap, warc or fetch.")
    fetched_at: datetime | None
    language: str | None
    authors: list[str]
    site_name: str | None
    is_report: bool
    is_rebuttal: bool
    report_score: float
    rebuttal_score: float
    evidence: list[EvidenceOut]
    report: ReportOut | None = None
    jurisdictions: list[JurisdictionOut] = []
    tiers: list[TierOut] = []
    responses: list[ResponseOut] = []
    claims: ClaimsOut = ClaimsOut()
    detector: str
    detector_version: str
    story_id: int | None = Field(default=None, description="The story (syndicated copies) the record belongs to.")
    updated_at: datetime | None


class Record(RecordSummary):
    """A stored record with its text."""

    text: str
    raw_sha256: str | None = None


class RecordPage(BaseModel):
    records: list[RecordSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class SearchHit(RecordSummary):
    rank: float = Field(description="Higher is better; title hits weigh more than body hits.")
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end) of each hit in `snippet`.")
    title_highlights: list[list[int]] = Field(description="[start, end) of each hit in `title`.")


class SearchResult(BaseModel):
    query: str
    records: list[SearchHit]


class CompareRequest(BaseModel):
    """Give exactly one of `text`, `url` or `record_id`."""

    text: str | None = Field(default=None, description="Plain text (HTML when `html` is true) of the reference.")
    title: str | None = None
    html: bool = Field(default=False, description="`text` is an HTML page: extract it like a fetched article.")
    url: str | None = Field(default=None, description="An http(s) URL to fetch (same rules as ingest fetches).")
    record_id: int | None = Field(default=None, description="A stored record as the reference.")
    limit: int = Field(default=10, ge=1, le=100)

    model_config = {"json_schema_extra": {"examples": [
        {"title": "Government rejects trafficking report",
         "text": "The SAR Government firmly rejects the 2025 Trafficking in Persons Report ..."},
        {"url": "https://press.example.org/2025/09/rebuttal.html"},
        {"record_id": 42, "limit": 20},
    ]}}


class MatchOut(BaseModel):
    id: int
    url: str
    title: str | None
    score: float
    text_similarity: float
    copy_: bool = Field(alias="copy", description="A copy or near-copy of the reference's text.")
    story_id: int | None
    published_at: datetime | None
    site_name: str | None
    same: dict[str, Any] = Field(description="Fields with the same value in both (outlet, date, tier, responders, "
                                             "stance, quotes, claims, ...).")
    different: dict[str, Any] = Field(description="Fields that differ: {reference, match} for single values, "
                                                  "{reference_only, match_only} for sets.")

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class StoryMember(BaseModel):
    id: int
    url: str
    title: str | None
    site_name: str | None
    published_at: datetime | None


class StoryRef(BaseModel):
    story_id: int
    size: int
    records: list[StoryMember]


class ReferenceOut(BaseModel):
    """The reference as extracted and detected (nothing is stored)."""

    id: int | None
    url: str | None
    title: str | None
    language: str | None
    published_at: datetime | None
    is_report: bool
    is_rebuttal: bool
    report_score: float
    rebuttal_score: float
    evidence: list[EvidenceOut]
    report: ReportOut | None = None
    jurisdictions: list[JurisdictionOut] = []
    tiers: list[TierOut] = []
    responses: list[ResponseOut] = []
    claims: ClaimsOut = ClaimsOut()


class CompareResult(BaseModel):
    reference: ReferenceOut
    matches: list[MatchOut]
    story: StoryRef | None


class Responder(BaseModel):
    actor: str
    stance: str
    records: int


class KeyQuote(BaseModel):
    text: str
    speaker: str | None
    record_id: int


class TimelineRow(BaseModel):
    report: str | None
    year: int | None
    tier: str | None
    previous: str | None
    change: str | None
    rebuttals: int
    stance: str | None
    responders: list[Responder]
    quote: KeyQuote | None
    records: list[int]
    record_count: int


class JurisdictionRef(BaseModel):
    code: str
    name: str


class Timeline(BaseModel):
    jurisdiction: JurisdictionRef
    report: str
    rows: list[TimelineRow]


class Story(BaseModel):
    story_id: int
    size: int
    records: list[RecordSummary]


class Stories(BaseModel):
    stories: list[Story]


class SourceOut(BaseModel):
    name: str
    url: str
    enabled: bool
    last_status: str | None
    last_error: str | None
    http_status: int | None
    consecutive_failures: int
    last_checked_at: datetime | None
    last_success_at: datetime | None


class Problem(BaseModel):
    detail: str
