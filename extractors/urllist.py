"""Read a backfill URL list: one URL per line, ``#`` comments, blank lines ignored.

Pure: takes the file's text, returns URLs. Reading the file (and its encoding)
is the caller's job.
"""

from __future__ import annotations

import re

from newswatch.errors import ParseError, excerpt
from newswatch.text import is_http_url

# A comment starts a line or follows whitespace; "#" glued to a URL is a fragment.
_TRAILING_COMMENT = re.compile(r"\s#.*$")



def parse_url_list(text: str, *, name: str = "<input>") -> list[str]:
    """Return the URLs of a URL list in file order, duplicates dropped.

    Raises ``ParseError`` naming ``name`` and the line number for a line that
    is not an http(s) URL, so a bad list stores nothing.
    """
    urls: dict[str, None] = {}  # insertion-ordered set
    # Split on "\n" only, so line numbers match an editor's (splitlines also breaks on \f, \x1c...).
    for lineno, raw in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        line = _TRAILING_COMMENT.sub("", raw).strip()
        if not line or line.startswith("#"):
            continue
        if not is_http_url(line):
            raise ParseError(f"{name}:{lineno}: not an http(s) URL: {excerpt(line)}")
        urls.setdefault(line, None)
    return list(urls)
