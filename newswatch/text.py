"""Text and URL predicates every part shares: the CJK character class and the http(s) URL check.

``CJK_CLASS`` is the one definition of "a character of a language written without spaces
between words" for Chinese, Japanese and Korean: kana, CJK ideographs (with extensions A and B+
and the compatibility block) and Hangul syllables. Use it inside a regex character class:
``re.compile(f"[{CJK_CLASS}]")``. ``storage/fts.py`` keeps its own copy *without* Hangul on
purpose: it is also written into the PostgreSQL search function by migration 0002, so adding
Hangul to search needs a new migration that replaces that function and rebuilds the index.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK = re.compile(f"[{CJK_CLASS}]")
_WHITESPACE = re.compile(r"\s")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds at least one CJK character (kana, ideograph or Hangul)."""
    return _CJK.search(text) is not None


def is_http_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL with a host, a valid port and no whitespace."""
    if not url or _WHITESPACE.search(url):
        return False
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a non-numeric or out-of-range port
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
