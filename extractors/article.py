"""Page bytes in, `Article` out: the only module that calls trafilatura.

Settings chosen by measurement on the Zyte benchmark (docs/BENCHMARKS.md):
`favor_precision=True, include_comments=False`, first in trafilatura's fast mode (no
readability/jusText comparison: nearly twice as quick, and on most pages the same text).
When that result is suspiciously short or only a cookie, copyright or reprint notice,
the full cascade runs, then the balanced (non-precision) settings; the candidate with
the most text outside notices wins. F1 0.971 against 0.964 for the settings alone.
A paywall box ("subscribe to continue reading") counts as a notice, and a fast result that
holds a small part of the page's paragraph text (a teaser box picked instead of the story)
is checked against the full cascade too. Text and title are NFC-normalised: decomposed
accents ("e" + U+0301) would defeat the detector's patterns and search.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from html import unescape
from typing import Any
from urllib.parse import urlsplit

import trafilatura
import trafilatura.external
from htmldate import find_date
from justext import get_stoplist
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.settings import Document
from trafilatura.utils import detect_encoding, line_processing, load_html

from extractors.language import identify_language
from newswatch.models import Article, DateSource
from newswatch.timeutil import parse_datetime

# No extensive search: it loads dateparser (about 35 MB per worker process, and slow) to
# read dates from free text, which changed the page date of 2 of the 181 benchmark pages
# (both then fall back to the feed, sitemap or WARC date).
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
# jusText, the full cascade's second fallback, scores paragraphs by their share of stopwords.
# For a page of unknown language trafilatura builds the union of all 100 of its stoplists
# (154,000 words), which jusText then copies lower-cased: 27 MB (tracemalloc) held by every
# extraction worker from the first fallback on. The languages below (the watched ones and the
# web's most used, 41,000 words) took a worker's peak from 98 to 76 MB over the 181 benchmark
# pages, with the same text on every page (docs/BENCHMARKS.md).
_STOPLIST_LANGUAGES = (
    "English", "Spanish", "French", "German", "Portuguese", "Italian", "Dutch", "Polish", "Romanian",
    "Swedish", "Greek", "Russian", "Ukrainian", "Arabic", "Persian", "Turkish", "Indonesian", "Malay",
    "Vietnamese", "Hebrew", "Hindi", "Korean",
)
trafilatura.external.JT_STOPLIST = tuple(  # type: ignore[assignment]
    sorted({w for lang in _STOPLIST_LANGUAGES for w in get_stoplist(lang)}))

# Thresholds on a main text's length outside notice lines, set on the Zyte benchmark.
MIN_TEXT_CHARS = 500  # shorter: rerun with trafilatura's full cascade
MIN_PRECISE_CHARS = 250  # still shorter: rerun without favor_precision
# A fast result with less than this share of the page's paragraph text may be a fragment.
FRAGMENT_SHARE = 0.4
FRAGMENT_MIN_MISSING = 1500  # ... and at least this many paragraph characters outside it

# Lines that are a notice about the page rather than its content. Both patterns are in lower
# case and searched in lower-cased text: as IGNORECASE alternations they took three times as
# long (0.75 ms against 0.23 on an average benchmark page, and a page is searched 3 times).
_NOTICE = re.compile(
    r"personal,? non-commercial use|reprints?\b|presentation-ready copies|"
    r"\bcookies?\b|\ball rights reserved\b|^\W*(?:copyright|©|ⓒ)|무단\s*전재|재배포\s*금지|"
    r"^\W*https?://\S+\W*$",
    re.MULTILINE,
)
# A paywall or sign-in box, in the languages watched: a notice when the line is short.
_PAYWALL = re.compile(
    r"subscribe (?:now )?to (?:continue|read|keep reading|unlock)|to continue reading|continue reading (?:with|for)|"
    r"already (?:a subscriber|have an account)|(?:for|to) subscribers only|subscribers? (?:only|exclusive)|"
    r"(?:sign|log) ?in to (?:continue|read)|create a free account|unlimited (?:digital )?access|"
    r"suscr[íi]b[ae]te para (?:seguir|continuar)|exclusivo para (?:suscriptores|assinantes)|"
    r"assine para (?:continuar|ler)|r[ée]serv[ée] aux abonn[ée]s|abonnez-vous pour|"
    r"jetzt abonnieren|weiterlesen mit|nur f[üu]r abonnenten|"
    r"продолжени\w+ доступно|подпишитесь, чтобы|"
    r"訂閱(?:後|以)?(?:繼續|閱讀)|订阅(?:后|以)?(?:继续|阅读)|会員登録|購読",
)
_PAYWALL_LINE_CHARS = 300

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG: these labels mean windows-1252, a superset that also decodes 0x80-0x9F as text.
_AS_CP1252 = {"ascii", "iso8859-1", "cp1252"}


def extract_article(
    html: bytes | str,
    url: str,
    *,
    hint_date: datetime | None = None,
    hint_source: DateSource = "feed",
    fetched_at: datetime | None = None,
    language_hint: str | None = None,
    content_type: str | None = None,
    byline_search: bool | Callable[[str | None, str], bool] = True,
) -> Article:
    """Main text and metadata of one page.

    Bytes are decoded with the charset of `content_type` (the HTTP header), else the page's
    own meta charset, else detection. The publication date comes from the page's own
    metadata first, else `hint_date` (from the feed, sitemap or WARC record, named by
    `hint_source`), else `fetched_at`. Returns an Article with empty text when no main
    text is found.

    Authors come from the page's metadata (meta tags, JSON-LD). Where it names none,
    trafilatura's search of the page body for a byline runs when `byline_search` says so:
    True, False, or a function of (title, text). It is the dearest metadata step (6 ms on
    the pages that need it, 2.7 ms per page on average), so ingest runs it only on pages
    that may mention a report.
    """
    page = decode_html(html, content_type) if isinstance(html, bytes) else html
    tree = _load(page)
    text = _main_text(tree, url) if tree is not None else ""
    meta = _metadata(tree, url) if tree is not None else Document()
    if tree is not None and not meta.author:
        wanted = byline_search(meta.title or None, text) if callable(byline_search) else byline_search
        if wanted:
            meta.author = _byline(tree)
    page_date = parse_datetime(meta.date)
    published_at: datetime | None
    published_from: DateSource | None
    if page_date is not None:
        published_at, published_from = page_date, "page"
    elif hint_date is not None:
        published_at, published_from = hint_date, hint_source
    elif fetched_at is not None:
        published_at, published_from = fetched_at, "fetch"
    else:
        published_at, published_from = None, None
    title = _nfc(meta.title) or None
    text = _nfc(text)
    page_lang = tree.get("lang") if tree is not None else None
    language = identify_language(f"{title or ''}\n{text}", hint=page_lang or language_hint)
    return Article(
        url=url,
        title=title,
        text=text,
        authors=_authors(meta.author),
        language=language,
        published_at=published_at,
        published_from=published_from,
        site_name=meta.sitename or None,
        description=meta.description or None,
    )


# --- charset ---------------------------------------------------------------------


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Text of an HTML page: BOM, else HTTP charset, else meta charset, else detection.

    A declared single-byte Western charset loses to valid UTF-8 (a common server default
    that the page contradicts); a declared charset the bytes do not fit falls back to
    detection.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _charset(content_type) or _meta_charset(data)
    if declared in _AS_CP1252 or declared is None or declared.startswith(("utf-16", "utf-32")):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if declared in _AS_CP1252:
            declared = "cp1252"
        elif declared is not None:  # UTF-16/32 declared without a BOM: the page is ASCII-based
            declared = None
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    for guess in detect_encoding(data):
        try:
            return data.decode(guess)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode(declared or "utf-8", errors="replace")


def _charset(content_type: str | None) -> str | None:
    match = _CT_CHARSET.search(content_type or "")
    return _codec(match.group(1)) if match else None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return _codec(match.group(1).decode("ascii")) if match else None


def _codec(label: str) -> str | None:
    """Python's canonical name for a charset label, or None when Python does not know it."""
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


# --- main text -------------------------------------------------------------------


def _nfc(text: str | None) -> str:
    """Composed characters: "é" as one code point, as patterns and search expect."""
    if not text:
        return ""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _main_text(tree: HtmlElement, url: str) -> str:
    """The article's main text: fast precision first, fuller cascades only when it looks wrong."""
    best = _run(tree, url, fast=True, precision=True)
    found = _content_chars(best)
    if found < MIN_TEXT_CHARS:  # readability/jusText may find more
        best = _better(best, _run(tree, url, fast=False, precision=True))
        if _content_chars(best) < MIN_PRECISE_CHARS:  # precision found (next to) nothing: loosen it
            best = _better(best, _run(tree, url, fast=False, precision=False))
    elif _fragment(tree, found):
        # The fast pass may have taken a box (a teaser, a related story) for the article: the full
        # cascade compares it with readability and jusText. Its text wins when it is clearly longer
        # and another block: a longer text that holds the fast one was, on the Zyte benchmark, the
        # fast result plus a listing of other posts.
        full = _run(tree, url, fast=False, precision=True)
        longest = max(best.splitlines(), key=len)
        if _content_chars(full) >= 1.5 * _content_chars(best) and longest not in full:
            best = full
    return _without_paywall(best)


def _paywall_line(line: str, lowered: str) -> bool:
    return len(line) < _PAYWALL_LINE_CHARS and _PAYWALL.search(lowered) is not None


def _lines(text: str) -> tuple[list[str], list[str], bool, bool]:
    """The text's lines, the same lines lower-cased, and whether any line may be a notice or a
    paywall line (one search of the whole text each; most texts have neither)."""
    lines = text.splitlines()
    lowered = text.lower().splitlines()  # lower() never adds or removes a line break
    joined = "\n".join(lowered)
    return lines, lowered, _NOTICE.search(joined) is not None, _PAYWALL.search(joined) is not None


def _without_paywall(text: str) -> str:
    """The text without the lines of a paywall box: empty when the box is all there is."""
    lines, lowered, _notice, paywall = _lines(text)
    if not paywall:
        return text
    return "\n".join(line for line, low in zip(lines, lowered, strict=True) if not _paywall_line(line, low)).strip()


def _fragment(tree: HtmlElement, found: int) -> bool:
    """Far more paragraph text on the page than in the fast result (cheap: paragraphs only)."""
    total = 0
    limit = found / FRAGMENT_SHARE
    for p in tree.iter("p"):
        total += len(p.text_content())
        if total > limit and total - found >= FRAGMENT_MIN_MISSING:
            return True
    return False


def _run(tree: HtmlElement, url: str, *, fast: bool, precision: bool) -> str:
    try:
        result: Any = trafilatura.bare_extraction(
            tree,  # trafilatura works on its own copy
            url=url,
            fast=fast,
            favor_precision=precision,
            include_comments=False,
        )
    except (ValueError, TypeError, AssertionError):  # trafilatura on badly broken markup
        return ""
    return (result.text or "").strip() if isinstance(result, Document) else ""


def _content_chars(text: str) -> int:
    """Characters of `text` outside notice and paywall lines."""
    lines, lowered, notice, paywall = _lines(text)
    if not notice and not paywall:
        return sum(map(len, lines))
    return sum(len(line) for line, low in zip(lines, lowered, strict=True)
               if not (notice and _NOTICE.search(low)) and not (paywall and _paywall_line(line, low)))


def _better(current: str, other: str) -> str:
    """The candidate with more content outside notices (ties keep `current`)."""
    return other if _content_chars(other) > _content_chars(current) else current


# --- metadata --------------------------------------------------------------------


def _load(page: str) -> HtmlElement | None:
    try:
        tree: Any = load_html(_XML_DECL.sub("", page, count=1))
    except (ValueError, TypeError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _metadata(tree: HtmlElement, url: str) -> Document:
    """trafilatura's `extract_metadata` without what newswatch never stores (categories,
    tags, licence: a third of its cost)."""
    try:
        meta = examine_meta(tree)
        if meta.author and " " not in meta.author:  # a handle, not a name (as trafilatura does)
            meta.author = None
        with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader has bugs on odd markup
            meta = extract_meta_json(tree, meta)
        meta.title = meta.title or extract_title(tree)
        meta.date = find_date(tree, url=url, **_DATE_PARAMS)
        meta.sitename = _sitename(meta.sitename or extract_sitename(tree), url)
        meta.clean_and_trim()
    except (ValueError, TypeError, AssertionError):
        return Document()
    return meta


def _byline(tree: HtmlElement) -> str | None:
    try:
        author: str | None = extract_author(tree)
    except (ValueError, TypeError, AssertionError):
        return None
    return (line_processing(unescape(author)) or None) if author else None  # as clean_and_trim does


def _sitename(name: str | None, url: str) -> str | None:
    """As trafilatura names sites: no leading @, a bare word capitalised, else the host."""
    name = (name or "").lstrip("@")
    if name and "." not in name and not name[0].isupper():
        name = name.title()
    return name or re.sub(r"^(?:www|w\d+)\.", "", urlsplit(url).hostname or "") or None



def _authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(a.strip() for a in value.split(";") if a.strip())
