"""Language identification for stored records (py3langid), pure and cheap."""

from __future__ import annotations

import py3langid

_MIN_CHARS = 20


def identify_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of `text`; `hint` (e.g. from the page) wins only when the text is too short."""
    sample = text[:2000].strip()
    if len(sample) < _MIN_CHARS:
        return _short(hint)
    lang, _score = py3langid.classify(sample)
    return str(lang)


def _short(hint: str | None) -> str | None:
    if not hint:
        return None
    return hint.split("-")[0].split("_")[0].lower() or None


def warm_up() -> None:
    """Load the language model now (75 MB). The forkserver calls this once, so worker
    processes share its pages instead of each loading a copy."""
    identify_language("newswatch loads its language model before forking workers")
