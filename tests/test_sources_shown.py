"""Which sources `sources list` shows (pure: settings and stored states in, rows out)."""

from __future__ import annotations

from pathlib import Path

from newswatch.cli.sources_shown import sources_to_list
from newswatch.models import SourceState
from newswatch.settings import Settings
from newswatch.sources import DEFAULT_SOURCES, Source

DEMO_STATES = {"pier-post": SourceState("pier-post", "http://127.0.0.1:8765/feed.json"),
               "harbour-daily": SourceState("harbour-daily", "http://127.0.0.1:8765/rss.xml")}


def test_built_ins_that_never_ran_give_way_to_the_stores_sources() -> None:
    shown, note = sources_to_list(Settings(), DEMO_STATES)
    assert [(s.name, s.configured) for s in shown] == [("harbour-daily", False), ("pier-post", False)]
    assert note and f"{len(DEFAULT_SOURCES)} built-in source(s) not shown" in note


def test_a_config_file_lists_its_sources_then_the_stores_others() -> None:
    settings = Settings(sources=(Source("harbour-daily", "http://127.0.0.1:8765/rss.xml"),
                                 Source("new-one", "https://example.org/feed.xml")),
                        config_path=Path("newswatch.toml"))
    shown, note = sources_to_list(settings, DEMO_STATES)
    assert [(s.name, s.configured) for s in shown] == [
        ("harbour-daily", True), ("new-one", True), ("pier-post", False)]
    assert note is None


def test_built_ins_stay_when_one_of_them_has_run_or_the_store_is_empty() -> None:
    name = DEFAULT_SOURCES[0].name
    shown, note = sources_to_list(Settings(), {**DEMO_STATES, name: SourceState(name, DEFAULT_SOURCES[0].url)})
    assert len(shown) == len(DEFAULT_SOURCES) + 2 and note is None
    shown, note = sources_to_list(Settings(), {})
    assert [s.name for s in shown] == [s.name for s in DEFAULT_SOURCES] and note is None
