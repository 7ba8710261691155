"""newswatch/timeutil.py: one way to read dates, one window type."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newswatch.timeutil import Window, as_utc, parse_datetime, parse_day, parse_when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-05", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-01T10:00+02:00", datetime(2024, 5, 1, 8, tzinfo=UTC)),
        ("2024-05-01 10:00:00 +02:00", datetime(2024, 5, 1, 8, tzinfo=UTC)),  # as some sitemaps write it
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T10:00:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),  # naive: UTC
        ("Wed, 01 May 2024 10:00:00 +0200", datetime(2024, 5, 1, 8, tzinfo=UTC)),  # RFC 2822
        ("2024-02-30", None), ("yesterday", None), ("", None), (None, None),
    ],
)
def test_parse_datetime(text: str | None, expected: datetime | None) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is UTC


@given(st.text(max_size=40))
def test_parse_datetime_never_raises_and_is_aware(text: str) -> None:
    parsed = parse_datetime(text)
    assert parsed is None or parsed.utcoffset() == timedelta(0)


def test_as_utc_and_days() -> None:
    assert as_utc(datetime(2024, 5, 1, 10)) == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert as_utc(datetime(2024, 5, 1, 10, tzinfo=timezone(timedelta(hours=8)))).hour == 2
    assert as_utc(date(2024, 5, 1)) == datetime(2024, 5, 1, tzinfo=UTC)
    assert parse_day("2024-05-01") == date(2024, 5, 1)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day("01/05/2024")
    assert parse_when("2024-05-01", end=True) == datetime(2024, 5, 2, tzinfo=UTC)


def test_a_window_of_days_is_inclusive_and_half_open_underneath() -> None:
    window = Window.parse("2024-05-01", "2024-05-01")
    assert (window.since, window.until) == (datetime(2024, 5, 1, tzinfo=UTC), datetime(2024, 5, 2, tzinfo=UTC))
    assert window.contains(datetime(2024, 5, 1, 23, 59, 59, tzinfo=UTC))
    assert not window.contains(datetime(2024, 5, 2, tzinfo=UTC))
    assert window.contains(datetime(2024, 5, 2, 7, tzinfo=timezone(timedelta(hours=8))))  # 1 May 23:00 UTC
    assert window == Window(date(2024, 5, 1), date(2024, 5, 1))
    assert window.label() == ("2024-05-01", "2024-05-01")


def test_a_window_of_datetimes_is_used_as_given() -> None:
    window = Window.parse("2024-05-01T06:00:00+08:00", "2024-05-01T12:00:00Z")
    assert window.since == datetime(2024, 4, 30, 22, tzinfo=UTC)
    assert not window.contains(datetime(2024, 5, 1, 12, tzinfo=UTC))
    assert window.label() == ("2024-04-30T22:00:00+00:00", "2024-05-01T12:00:00+00:00")


def test_open_sides_undated_items_and_errors() -> None:
    assert Window().contains(datetime(1990, 1, 1, tzinfo=UTC))
    assert not Window().contains(None) and Window().contains(None, include_undated=True)
    assert Window.parse("2024-05-01", None).is_before(datetime(2024, 4, 30, 23, tzinfo=UTC))
    assert not Window().is_before(datetime(1990, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="until: expected an ISO date"):
        Window.parse(None, "May")
    with pytest.raises(ValueError, match="starts at or after its end"):
        Window.parse("2024-05-02", "2024-05-01")
