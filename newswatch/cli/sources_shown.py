"""Which sources `newswatch sources list` shows: the configured ones, and the ones the
store's records came from.

A store filled by other settings (the demo's, another config file) has the states of
sources the current settings do not name: they are listed too, as "not configured". When
no config file is in use and none of the built-in sources has ever run on this store
while others have, the built-ins are left out (they would all read "never run") and a
note says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newswatch.models import SourceState
from newswatch.settings import Settings


@dataclass(frozen=True)
class ShownSource:
    name: str
    url: str
    enabled: bool
    configured: bool
    kind: str = "feed"


def sources_to_list(settings: Settings, states: Mapping[str, SourceState]) -> tuple[list[ShownSource], str | None]:
    """The sources to list, in order (configured first, then the store's others by name), and a note."""
    configured = [ShownSource(s.name, s.url, s.enabled, True, s.kind) for s in settings.sources]
    names = {s.name for s in configured}
    others = [ShownSource(n, st.url, False, False) for n, st in sorted(states.items()) if n not in names]
    note = None
    if others and settings.config_path is None and not any(s.name in states for s in configured):
        note = (f"{len(configured)} built-in source(s) not shown: none has run on this store "
                "(give --config to list another configuration's sources)")
        configured = []
    return configured + others, note
