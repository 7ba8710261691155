"""Is a page body something to extract an article from? Pure: bytes and a Content-Type in,
a reason to skip it (or None) out."""

from __future__ import annotations

# Leading bytes of formats that are never an article page.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"OggS", "Ogg media"),
    (b"\x00asm", "WebAssembly"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Types that may still hold HTML (servers mislabel pages): judged by the bytes.
_MAYBE_TYPES = {"", "text/plain", "application/octet-stream", "application/xml", "text/xml", "binary/octet-stream"}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def skip_reason(body: bytes, content_type: str | None) -> str | None:
    """Why `body` is not an HTML page worth extracting (a reason naming what it is), or None."""
    head = body[:1024]
    if not head.strip():
        return "empty body" if not body else "blank body (whitespace only)"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"not HTML: {what}"
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        return "not HTML: WebP image"
    if head[4:8] == b"ftyp":
        return "not HTML: MP4 media"
    if b"\x00" in head and not head.startswith(_UTF16_BOMS):
        return "not HTML: binary content (NUL bytes)"
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime in _HTML_TYPES:
        return None
    if mime in _MAYBE_TYPES or mime.endswith("+xml"):
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return None if text.startswith(b"<") or b"<html" in text or b"<body" in text else (
            f"not HTML: Content-Type {mime or 'missing'} and no markup")
    return f"not HTML: Content-Type {mime}"
