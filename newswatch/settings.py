"""Settings, read once from a TOML file and the environment, then passed down.

Precedence: command-line options > environment (NEWSWATCH_DB_URL) > file > built-in defaults.
The file is --config, else $NEWSWATCH_CONFIG, else ./newswatch.toml when it exists.

The settings are pydantic dataclasses: a key is a typed field (add one with one line), unknown
keys are refused, and every problem of a file is reported at once, each naming the file, the
key and the problem.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass

from newswatch.errors import ConfigError, excerpt
from newswatch.sources import DEFAULT_SOURCES, STRICT, Flag, Source, Text
from newswatch.text import is_http_url

DEFAULT_CONFIG = Path("newswatch.toml")
DEFAULT_DB_URL = "sqlite:///newswatch.db"
USER_AGENT = "newswatch/0.1 (+https://github.com/newswatch/newswatch; trafficking-report news monitor)"

Count = Annotated[int, Field(ge=0, strict=True)]
Seconds = Annotated[float, Field(ge=0, strict=True)]
Amount = Annotated[float, Field(ge=0, strict=True)]  # hours, days


@dataclass(frozen=True, config=STRICT)
class FetchSettings:
    timeout_s: Seconds = 20.0
    max_bytes: Count = 10 * 1024 * 1024
    max_redirects: Count = 5
    user_agent: Text = USER_AGENT
    allow_private_networks: Flag = False
    concurrency: Count = 16  # article pages in flight overall
    per_host: Count = 4  # article pages in flight per host
    source_workers: Count = 4  # feeds polled at once
    extract_workers: Count = 0  # processes extracting; 0 = one per core
    max_articles_per_source: Count = 200  # newest first; the rest waits for the next run
    retries: Count = 1  # extra attempts after a transient failure
    respect_robots: Flag = True  # obey robots.txt for article pages
    # Reliability (docs/RELIABILITY.md)
    feed_deadline_s: Seconds = 30.0  # wall-clock limit of one feed request, however slowly it arrives
    page_deadline_s: Seconds = 60.0  # the same for an article page (and robots.txt)
    allow_metadata_endpoints: Flag = False  # cloud metadata (169.254.169.254, ...), even with private allowed
    unconditional_after_h: Amount = 24.0  # a feed is fetched without validators at least this often
    stale_after_days: Amount = 7.0  # a source with no new entry for this long is reported stale
    backoff_base_s: Seconds = 900.0  # wait after a source's first failure; doubles with each one
    backoff_cap_s: Seconds = 86400.0  # the longest wait between attempts of a failing source
    retry_after_cap_s: Seconds = 3600.0  # a server's Retry-After is honoured up to this
    crawl_delay_cap_s: Seconds = 10.0  # robots.txt Crawl-delay is honoured up to this (per host)
    max_page_attempts: Count = 3  # a page that keeps failing is given up after this many runs


def _http_url_or_none(url: str | None) -> str | None:
    if url is not None and not is_http_url(url):
        raise ValueError("expected an http(s) URL")
    return url


@dataclass(frozen=True, config=STRICT)
class AlertSettings:
    """One `[[alerts]]` table: where to send new records (a webhook or a command) and which ones."""

    name: Annotated[str, Field(strict=True, min_length=1)]
    webhook: Annotated[str | None, AfterValidator(_http_url_or_none)] = None  # POSTed a Slack-compatible body
    command: tuple[Text, ...] = ()  # argv, run without a shell; the record as JSON on stdin
    rebuttal: Flag = False  # only official rebuttals
    report: Flag = False  # only items about a report
    jurisdictions: tuple[Text, ...] = ()  # names or ISO codes, any of them (case-insensitive)
    languages: tuple[Text, ...] = ()  # ISO 639-1 codes, any of them
    enabled: Flag = True
    max_attempts: Annotated[int, Field(ge=1, strict=True)] = 10  # then the delivery is abandoned
    timeout_s: Annotated[float, Field(gt=0)] = 10.0

    def __post_init__(self) -> None:
        if (self.webhook is None) == (not self.command):
            raise ValueError("give exactly one of webhook (a URL) or command (a list of strings)")


def _unique_names(items: tuple[Any, ...], table: str) -> tuple[Any, ...]:
    """`items` of one [[table]], refused when two share a name (1-based index, as in the file)."""
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        if item.name in seen:
            raise ValueError(f"{table}[{i}]: name: duplicate {table[:-1]} name {item.name!r}")
        seen.add(item.name)
    return items


_DB_URL_HINT = "expected a SQLAlchemy URL such as sqlite:///newswatch.db"


def _db_url(url: str) -> str:
    if "://" not in url:
        raise ValueError(f"not a database URL: {excerpt(url)}; {_DB_URL_HINT}")
    return url


@dataclass(frozen=True, config=STRICT)
class Settings:
    db_url: Annotated[str, Field(strict=True), AfterValidator(_db_url)] = DEFAULT_DB_URL
    sources: Annotated[tuple[Source, ...], AfterValidator(lambda v: _unique_names(v, "sources"))] = field(
        default_factory=lambda: DEFAULT_SOURCES)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    config_path: Annotated[Path | None, Field(exclude=True)] = None
    alerts: Annotated[tuple[AlertSettings, ...], AfterValidator(lambda v: _unique_names(v, "alerts"))] = ()

    def enabled_sources(self, names: list[str] | None = None) -> list[Source]:
        """Enabled sources, or the named ones (enabled or not); unknown names are an error."""
        if not names:
            return [s for s in self.sources if s.enabled]
        by_name = {s.name: s for s in self.sources}
        missing = [n for n in names if n not in by_name]
        if missing:
            raise ConfigError(f"unknown source(s): {', '.join(missing)}; known: {', '.join(by_name)}")
        return [by_name[n] for n in names]


_FILE_KEYS = {"db_url", "sources", "fetch", "alerts"}  # config_path is where the file was, not a key in it
_ADAPTER = TypeAdapter(Settings)
_WANT = {"tuple": "a list", "dict": "a table", "dataclass": "a table", "dataclass_exact": "a table"}


def load_settings(
    config: Path | None = None,
    db_url: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Build settings from `config` (else $NEWSWATCH_CONFIG, else ./newswatch.toml if present),
    the environment and overrides."""
    env = os.environ if env is None else env
    settings = Settings()
    if config is None and env.get("NEWSWATCH_CONFIG"):
        config = Path(env["NEWSWATCH_CONFIG"])
    path = config if config is not None else (DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None)
    if path is not None:
        settings = _from_file(path)
    if env.get("NEWSWATCH_DB_URL"):
        settings = _with_db_url(settings, env["NEWSWATCH_DB_URL"], "NEWSWATCH_DB_URL")
    if db_url:
        settings = _with_db_url(settings, db_url, "--db")
    return settings


def _with_db_url(settings: Settings, url: str, where: str) -> Settings:
    if "://" not in url:
        raise ConfigError(f"not a database URL: {excerpt(url)} (from {where}); {_DB_URL_HINT}")
    return replace(settings, db_url=url)


def _from_file(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return parse_settings(data, str(path), config_path=path)


def parse_settings(data: Mapping[str, Any], where: str, config_path: Path | None = None) -> Settings:
    """Validate a decoded TOML document; one `ConfigError` lists every problem, one a line,
    each as `where: key: problem`."""
    problems = [f"{key}: unknown key; allowed: {sorted(_FILE_KEYS)}" for key in data if key not in _FILE_KEYS]
    try:
        settings = _ADAPTER.validate_python({k: v for k, v in data.items() if k in _FILE_KEYS})
    except ValidationError as exc:
        problems += [_describe(err, data) for err in exc.errors()]
    if problems:
        raise ConfigError("\n".join(f"{where}: {p}" for p in problems))
    return replace(settings, config_path=config_path)


def _describe(err: Mapping[str, Any], data: Mapping[str, Any]) -> str:
    """One pydantic error as `key: problem`, keys as written in the file (sources[2] (name): url)."""
    loc = [part for part in err["loc"] if part not in ("function-after", "tuple[...]")]
    key = ""
    for part in loc:
        if isinstance(part, int):  # an index into [[sources]]: 1-based, with the source's name
            name = _item_name(data, str(loc[0]), part)
            key += f"[{part + 1}]" + (f" ({name})" if name else "") + ":"
        else:
            key += f" {part}" if key.endswith(":") else (f".{part}" if key else str(part))
    key = key.rstrip(":")
    kind, given = err["type"], err.get("input")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        problem = "unknown key"
    elif kind in ("missing", "missing_argument"):
        problem = "required"
    elif kind in ("greater_than_equal", "greater_than"):
        problem = f"must not be negative, got {excerpt(given)}"
    elif kind == "string_too_short":
        problem = "required, a non-empty string"
    elif kind.endswith(("_type", "_parsing")):
        want = _WANT.get(kind.rsplit("_", 1)[0], kind.rsplit("_", 1)[0])
        problem = f"expected {want}, got {excerpt(given)}"
    else:
        problem = str(err["msg"]).removeprefix("Value error, ").replace("Input should be", "expected")
    if not key or problem.startswith(key):  # a check on the whole of [[sources]] names its own key
        return problem
    return f"{key}: {problem}"


def _item_name(data: Mapping[str, Any], table: str, index: int) -> str | None:
    sources = data.get(table)
    if isinstance(sources, list) and index < len(sources) and isinstance(sources[index], dict):
        name = sources[index].get("name")
        return name if isinstance(name, str) and name else None
    return None
