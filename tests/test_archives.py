"""Feed archive paging and the backfill date window. URLs are synthetic (example.org)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from extractors.archives import entries_before_window, next_archive_urls
from newswatch.models import FeedEntry
from newswatch.timeutil import Window as DateWindow

FEED = "https://example.org/feed/"


# --- next_archive_urls -------------------------------------------------------------


@pytest.mark.parametrize(
    ("links", "current", "page_no", "expected"),
    [
        # RFC 5005 archived feed: prev-archive leads to older entries.
        (
            {"prev-archive": "https://example.org/archive/2024-04.xml", "current": FEED},
            "https://example.org/archive/2024-05.xml",
            2,
            ["https://example.org/archive/2024-04.xml"],
        ),
        # RFC 5005 paged feed: next, resolved against the current URL.
        ({"next": "/feed/?cursor=abc"}, FEED, 1, ["https://example.org/feed/?cursor=abc"]),
        # Both: prev-archive first, then next.
        (
            {"next": "https://example.org/feed/p2", "prev-archive": "https://example.org/a/1"},
            FEED,
            1,
            ["https://example.org/a/1", "https://example.org/feed/p2"],
        ),
        # Same target under both rels is listed once.
        ({"next": "/a/1", "prev-archive": "/a/1"}, FEED, 1, ["https://example.org/a/1"]),
        # "previous" and "next-archive" go back towards the newest entries: ignored, so guess.
        (
            {"previous": "https://example.org/feed/?paged=0", "next-archive": "https://example.org/n"},
            "https://example.org/feed/?paged=3",
            3,
            ["https://example.org/feed/?paged=4"],
        ),
        # A link to the page itself or to a non-http URL is no link at all.
        ({"next": FEED}, FEED, 2, []),
        (
            {"prev-archive": "mailto:editor@example.org"},
            "https://example.org/feed/?page=7",
            7,
            ["https://example.org/feed/?page=8"],
        ),
        # Paging parameters are incremented, other parameters kept as written.
        ({}, "https://example.org/feed/?paged=2", 2, ["https://example.org/feed/?paged=3"]),
        ({}, "https://example.org/feed/?page=9", 9, ["https://example.org/feed/?page=10"]),
        (
            {},
            "https://example.org/feed/?cat=a%20b&page=1&lang=en",
            1,
            ["https://example.org/feed/?cat=a%20b&page=2&lang=en"],
        ),
        ({}, "https://example.org/?feed=rss2&paged=5", 5, ["https://example.org/?feed=rss2&paged=6"]),
        # "paged" wins over "page"; look-alike parameters are not paging.
        ({}, "https://example.org/f?page=4&paged=2", 2, ["https://example.org/f?page=4&paged=3"]),
        (
            {},
            "https://example.org/f?subpage=4",
            1,
            [
                "https://example.org/f?subpage=4&paged=2",
                "https://example.org/f?subpage=4&page=2",
            ],
        ),
        # First page without links: both guesses, WordPress first.
        ({}, FEED, 1, ["https://example.org/feed/?paged=2", "https://example.org/feed/?page=2"]),
        (
            {},
            "https://example.org/rss#latest",
            1,
            [
                "https://example.org/rss?paged=2",
                "https://example.org/rss?page=2",
            ],
        ),
        # A later page without links or paging parameters: the walk ends.
        ({}, "https://example.org/archive/2024-01.xml", 4, []),
    ],
)
def test_next_archive_urls(links: dict[str, str], current: str, page_no: int, expected: list[str]) -> None:
    assert next_archive_urls(links, current, page_no) == expected


# --- entries_before_window -------------------------------------------------------------


def _entry(day: int | None, hour: int = 12, tz: timezone = UTC) -> FeedEntry:
    published = None if day is None else datetime(2024, 5, day, hour, tzinfo=tz)
    return FeedEntry(url=f"https://example.org/{day}-{hour}", published_at=published)


WINDOW = DateWindow(since=date(2024, 5, 10), until=date(2024, 5, 20))


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([1, 5, 9], True),  # all before the start: stop
        ([1, None, 9], True),  # undated entries do not keep paging alive
        ([5, 10], False),  # the start day is inside the window
        ([25, 24], False),  # newer than the window: keep going back
        ([None, None], False),  # no dates: cannot tell
        ([], False),  # empty page: cannot tell
    ],
)
def test_entries_before_window(days: list[int | None], expected: bool) -> None:
    assert entries_before_window([_entry(day) for day in days], WINDOW) is expected


def test_entries_before_window_uses_utc_days() -> None:
    # 10 May 01:00 at +08:00 is 9 May 17:00 UTC: before a window starting 10 May.
    assert entries_before_window([_entry(10, hour=1, tz=timezone(timedelta(hours=8)))], WINDOW) is True


def test_entries_before_an_open_window_never_stop_paging() -> None:
    assert entries_before_window([_entry(1)], DateWindow(until=date(2024, 5, 20))) is False


# --- DateWindow ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2024, 5, 10, 0, 0, tzinfo=UTC), True),  # first instant of since
        (datetime(2024, 5, 20, 23, 59, 59, tzinfo=UTC), True),  # last instant of until
        (datetime(2024, 5, 9, 23, 59, 59, tzinfo=UTC), False),
        (datetime(2024, 5, 21, 0, 0, tzinfo=UTC), False),
        (datetime(2024, 5, 21, 6, 0, tzinfo=timezone(timedelta(hours=8))), True),  # 20 May 22:00 UTC
        (datetime(2024, 5, 15), True),  # naive: taken as UTC
    ],
)
def test_window_contains_is_inclusive_in_utc(moment: datetime, expected: bool) -> None:
    assert WINDOW.contains(moment) is expected


def test_window_undated_only_when_asked() -> None:
    assert WINDOW.contains(None) is False
    assert WINDOW.contains(None, include_undated=True) is True


def test_open_window_sides() -> None:
    assert DateWindow().contains(datetime(1990, 1, 1, tzinfo=UTC)) is True
    assert DateWindow(since=date(2024, 1, 1)).contains(datetime(2099, 1, 1, tzinfo=UTC)) is True
    assert DateWindow(until=date(2024, 1, 1)).contains(datetime(2024, 1, 2, tzinfo=UTC)) is False


def test_window_is_before() -> None:
    assert WINDOW.is_before(datetime(2024, 5, 9, 23, tzinfo=UTC)) is True
    assert WINDOW.is_before(datetime(2024, 5, 10, tzinfo=UTC)) is False
    assert WINDOW.is_before(None) is False
    assert DateWindow().is_before(datetime(1990, 1, 1, tzinfo=UTC)) is False


def test_window_rejects_start_after_end() -> None:
    with pytest.raises(ValueError, match="starts at or after its end"):
        DateWindow(since=date(2024, 5, 2), until=date(2024, 5, 1))
    assert DateWindow(since=date(2024, 5, 1), until=date(2024, 5, 1)).contains(datetime(2024, 5, 1, 18, tzinfo=UTC))
