"""The exceptions newswatch raises, in one place.

    NewswatchError
    ├── ConfigError              bad configuration file, key or value
    ├── StorageError             database unreachable or unusable
    ├── ParseError               bytes that cannot be read as what they claim to be
    └── FetchError               a URL could not be fetched
        ├── TransientFetchError  worth retrying later (timeouts, 5xx, 429, connection reset)
        └── PermanentFetchError  retrying will not help (4xx, too large, blocked address)

Library exceptions are converted at the boundary with ``raise ... from exc``.
"""

from __future__ import annotations


class NewswatchError(Exception):
    """Base class for every error newswatch raises on purpose."""


class ConfigError(NewswatchError):
    """The configuration is invalid; the message names the file, key and problem."""


class StorageError(NewswatchError):
    """The database cannot be reached or used."""


class ParseError(NewswatchError):
    """Input is not what it claims to be (not a feed, not a sitemap, truncated WARC)."""


class FetchError(NewswatchError):
    """A URL could not be fetched."""

    def __init__(
        self, message: str, *, url: str = "", status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.url = url
        self.status = status
        self.retry_after = retry_after  # seconds, from a Retry-After header


class TransientFetchError(FetchError):
    """A failure that may pass: timeouts, connection errors, 5xx, 429."""


class PermanentFetchError(FetchError):
    """A failure retrying will not fix: 4xx, body too large, blocked address."""


EXCERPT_CHARS = 200


def excerpt(value: object, limit: int = EXCERPT_CHARS, *, quoted: bool = True) -> str:
    """`value` quoted for an error message: its repr (or, `quoted=False`, its text), cut to about
    `limit` characters with the full length said.

    Every error that quotes input uses this, so a 5 MB one-line file gives a short message.
    """
    if not quoted:
        text = str(value)
        return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"
    if isinstance(value, str | bytes) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} {'characters' if isinstance(value, str) else 'bytes'})"
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
