"""Text and URL predicates every part shares: the character classes of scripts written without
spaces, and the http(s) URL check.

Each class is a string for use inside a regex character class: ``re.compile(f"[{CJK_CLASS}]")``.

- ``CJK_CLASS``: Chinese, Japanese and Korean: kana, CJK ideographs (with extensions A and B+
  and the compatibility block) and Hangul syllables. Korean puts spaces between words but
  glues particles to them, so a Korean name is matched anywhere, like a Chinese one.
- ``UNSPACED_CLASS``: a script whose words are not set apart by spaces, so a name may start
  at any character: Thai, Myanmar and Khmer, and ``CJK_CLASS``.
- ``INDEXED_CJK_CLASS``: the characters the search index sets apart by spaces (storage/fts.py,
  extractors/snippets.py): ``CJK_CLASS`` *without* Hangul. Migration 0002 wrote it into the
  PostgreSQL search function, so changing it (adding Hangul, say) needs a new migration that
  replaces that function and rebuilds the index; tests/test_text.py pins it to the migrations'.
- ``HAN_CLASS``: the CJK Unified Ideographs block alone, what a Chinese personal name is written in.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f"
UNSPACED_CLASS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff" + CJK_CLASS  # Thai, Lao, Myanmar, Khmer and CJK
INDEXED_CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
HAN_CLASS = "\u4e00-\u9fff"
# Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai, Khmer, Myanmar, full width)
# and their ASCII equals, for str.maketrans: "۲۰۲۱" is a year.
NATIVE_DIGITS = "".join(chr(base + i) for base in (0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x17E0, 0x1040, 0xFF10)
                        for i in range(10))
ASCII_DIGITS = "0123456789" * 8
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
