"""Dates, times and windows: every part parses and compares them here.

Everything newswatch stores or compares is an aware UTC ``datetime``; a naive one is taken as
UTC. A ``Window`` is half-open, ``[since, until)``, either side open. Where people give days
(``--since 2025-09-01 --until 2025-09-30``), the days are inclusive: ``since`` is that day's
midnight UTC and ``until`` the midnight after it. A datetime given instead is used as it is.
"""

from __future__ import annotations

import calendar
import re
import time as _time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from email.utils import parsedate_to_datetime

from dateutil.parser import isoparse

_SPACE_BEFORE_OFFSET = re.compile(r"(?<=\d)\s+(?=(?:Z|[+-]\d{2}(?::?\d{2})?)$)", re.IGNORECASE)

__all__ = ["Window", "as_utc", "day_start", "from_struct", "parse_datetime", "parse_day", "parse_when", "utc_now"]


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | date) -> datetime:
    """A datetime as aware UTC (naive ones taken as UTC); a date as its midnight UTC."""
    if not isinstance(value, datetime):
        return day_start(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def day_start(day: date) -> datetime:
    """Midnight UTC at the start of ``day``."""
    return datetime.combine(day, dtime(), UTC)


def parse_datetime(text: str | None) -> datetime | None:
    """An ISO 8601 / W3C datetime (``2024``, ``2024-05``, ``2024-05-01T10:00+02:00``, …) or an
    RFC 2822 date, as aware UTC; a partial date means its first instant. ``None`` for anything
    unreadable or impossible (30 February)."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = _SPACE_BEFORE_OFFSET.sub("", text.strip())  # "2024-05-01 10:00 +02:00", as sitemaps send
    try:
        return as_utc(isoparse(text))
    except (ValueError, OverflowError):
        pass
    try:
        return as_utc(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def from_struct(value: _time.struct_time | None) -> datetime | None:
    """A UTC ``struct_time`` (as feedparser gives) as aware UTC."""
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def parse_day(text: str) -> date:
    """A calendar day written ``YYYY-MM-DD``; ``ValueError`` says what was expected."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def parse_when(value: str | date | datetime, *, end: bool = False) -> datetime:
    """A day or a datetime (ISO) as aware UTC. A day is its midnight, or with ``end`` the next
    midnight (so an ``until`` day is included). Naive datetimes are UTC."""
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, date):
        return day_start(value + timedelta(days=1 if end else 0))
    if len(value.strip()) == 10:
        try:
            return parse_when(date.fromisoformat(value.strip()), end=end)
        except ValueError:
            pass
    else:
        try:
            return as_utc(datetime.fromisoformat(value.strip()))
        except ValueError:
            pass
    raise ValueError(f"expected an ISO date or datetime (2025-09-06 or 2025-09-06T10:30:00+08:00), got {value!r}")


@dataclass(frozen=True)
class Window:
    """A half-open time window ``[since, until)`` in UTC; ``None`` leaves a side open.

    Days may be given for either side: ``Window(date(2025, 9, 1), date(2025, 9, 1))`` is the
    whole of 1 September (UTC).
    """

    since: datetime | None = None
    until: datetime | None = None

    def __post_init__(self) -> None:
        if self.since is not None:
            object.__setattr__(self, "since", parse_when(self.since))
        if self.until is not None:
            object.__setattr__(self, "until", parse_when(self.until, end=True))
        if self.since is not None and self.until is not None and self.since >= self.until:
            raise ValueError(f"the window starts at or after its end: since {self.since.isoformat()}, "
                             f"until {self.until.isoformat()}")

    @classmethod
    def parse(cls, since: str | date | None, until: str | date | None) -> Window:
        """From user input: each side a day (inclusive) or a datetime; ``ValueError`` names the side."""
        try:
            start = parse_when(since) if since else None
        except ValueError as exc:
            raise ValueError(f"since: {exc}") from None
        try:
            end = parse_when(until, end=True) if until else None
        except ValueError as exc:
            raise ValueError(f"until: {exc}") from None
        return cls(start, end)

    def contains(self, dt: datetime | None, include_undated: bool = False) -> bool:
        """Whether ``dt`` falls inside the window; undated items only if asked for."""
        if dt is None:
            return include_undated
        dt = as_utc(dt)
        if self.since is not None and dt < self.since:
            return False
        return not (self.until is not None and dt >= self.until)

    def is_before(self, dt: datetime | None) -> bool:
        """Whether ``dt`` is before the window starts (``False`` when undated)."""
        return dt is not None and self.since is not None and as_utc(dt) < self.since

    def label(self) -> tuple[str | None, str | None]:
        """The two sides as people wrote them: a whole-day side as its (inclusive) day, else ISO."""
        def show(moment: datetime | None, end: bool) -> str | None:
            if moment is None:
                return None
            if moment.timetz() == dtime(tzinfo=UTC):
                return (moment - timedelta(days=1) if end else moment).date().isoformat()
            return moment.isoformat()
        return show(self.since, False), show(self.until, True)
