"""Settings, read once from a TOML file and the environment, then passed down.

Precedence: command-line options > environment (NEWSWATCH_DB_URL) > file > built-in defaults.
The file is --config, else $NEWSWATCH_CONFIG, else ./newswatch.toml when it exists.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit

from newswatch.errors import ConfigError, excerpt
from newswatch.sources import DEFAULT_SOURCES, Source

DEFAULT_CONFIG = Path("newswatch.toml")
DEFAULT_DB_URL = "sqlite:///newswatch.db"
USER_AGENT = "newswatch/0.1 (+https://github.com/newswatch/newswatch; trafficking-report news monitor)"


@dataclass(frozen=True)
class FetchSettings:
    timeout_s: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private_networks: bool = False
    concurrency: int = 16  # article pages in flight overall
    per_host: int = 4  # article pages in flight per host
    source_workers: int = 4  # feeds polled at once
    extract_workers: int = 0  # processes extracting; 0 = one per core
    max_articles_per_source: int = 200  # newest first; the rest waits for the next run
    retries: int = 1  # extra attempts after a transient failure
    respect_robots: bool = True  # obey robots.txt for article pages
    # Reliability (docs/RELIABILITY.md)
    feed_deadline_s: float = 30.0  # wall-clock limit of one feed request, however slowly it arrives
    page_deadline_s: float = 60.0  # the same for an article page (and robots.txt)
    allow_metadata_endpoints: bool = False  # cloud metadata (169.254.169.254, ...), even with private allowed
    unconditional_after_h: float = 24.0  # a feed is fetched without validators at least this often
    stale_after_days: float = 7.0  # a source with no new entry for this long is reported stale
    backoff_base_s: float = 900.0  # wait after a source's first failure; doubles with each one
    backoff_cap_s: float = 86400.0  # the longest wait between attempts of a failing source
    retry_after_cap_s: float = 3600.0  # a server's Retry-After is honoured up to this
    crawl_delay_cap_s: float = 10.0  # robots.txt Crawl-delay is honoured up to this (per host)
    max_page_attempts: int = 3  # a page that keeps failing is given up after this many runs


@dataclass(frozen=True)
class AlertSettings:
    """One `[[alerts]]` table: where to send new records (a webhook or a command) and which ones."""

    name: str
    webhook: str | None = None  # POSTed a Slack-compatible JSON body
    command: tuple[str, ...] = ()  # argv, run without a shell; the record as JSON on stdin
    rebuttal: bool = False  # only official rebuttals
    report: bool = False  # only items about a report
    jurisdictions: tuple[str, ...] = ()  # names or ISO codes, any of them (case-insensitive)
    languages: tuple[str, ...] = ()  # ISO 639-1 codes, any of them
    enabled: bool = True
    max_attempts: int = 10  # then the delivery is abandoned
    timeout_s: float = 10.0


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    sources: tuple[Source, ...] = field(default_factory=lambda: DEFAULT_SOURCES)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    config_path: Path | None = None
    alerts: tuple[AlertSettings, ...] = ()

    def enabled_sources(self, names: list[str] | None = None) -> list[Source]:
        """Enabled sources, or the named ones (enabled or not); unknown names are an error."""
        if not names:
            return [s for s in self.sources if s.enabled]
        by_name = {s.name: s for s in self.sources}
        missing = [n for n in names if n not in by_name]
        if missing:
            raise ConfigError(f"unknown source(s): {', '.join(missing)}; known: {', '.join(by_name)}")
        return [by_name[n] for n in names]


_TOP_KEYS = {"db_url", "sources", "fetch", "alerts"}
_SOURCE_KEYS = {"name", "url", "language", "tags", "enabled"}
# The [fetch] keys and their types, read off FetchSettings so the two cannot drift apart.
_FETCH_TYPES: dict[str, type] = get_type_hints(FetchSettings)


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
        settings = replace(settings, db_url=env["NEWSWATCH_DB_URL"])
    if db_url:
        settings = replace(settings, db_url=db_url)
    return settings


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
    """Validate a decoded TOML document; errors name `where`, the key and the problem."""
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}")
    settings = Settings(config_path=config_path)
    if "db_url" in data:
        if not isinstance(data["db_url"], str) or "://" not in data["db_url"]:
            raise ConfigError(f"{where}: db_url: expected a SQLAlchemy URL such as sqlite:///newswatch.db")
        settings = replace(settings, db_url=data["db_url"])
    if "fetch" in data:
        settings = replace(settings, fetch=_parse_fetch(data["fetch"], where))
    if "sources" in data:
        settings = replace(settings, sources=_parse_sources(data["sources"], where))
    if "alerts" in data:
        settings = replace(settings, alerts=_parse_alerts(data["alerts"], where))
    return settings


def _parse_fetch(raw: Any, where: str) -> FetchSettings:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [fetch] must be a table")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _FETCH_TYPES:
            raise ConfigError(f"{where}: fetch.{key}: unknown key; allowed: {sorted(_FETCH_TYPES)}")
        want = _FETCH_TYPES[key]
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, want) or (want is int and isinstance(value, bool)):
            raise ConfigError(f"{where}: fetch.{key}: expected {want.__name__}, got {excerpt(value)}")
        if isinstance(value, int | float) and value < 0:
            raise ConfigError(f"{where}: fetch.{key}: must not be negative, got {excerpt(value)}")
        values[key] = value
    return FetchSettings(**values)


def _parse_sources(raw: Any, where: str) -> tuple[Source, ...]:
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: sources: expected [[sources]] tables")
    sources: list[Source] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, start=1):
        at = f"{where}: sources[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{at}: expected a table")
        unknown = set(item) - _SOURCE_KEYS
        if unknown:
            raise ConfigError(f"{at}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_SOURCE_KEYS)}")
        name, url = item.get("name"), item.get("url")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{at}: name: required, a non-empty string")
        if name in seen:
            raise ConfigError(f"{at}: name: duplicate source name {excerpt(name)}")
        seen.add(name)
        if not isinstance(url, str) or not _is_http_url(url):
            raise ConfigError(f"{at} ({name}): url: expected an http(s) URL, got {excerpt(url)}")
        language = item.get("language")
        if language is not None and not isinstance(language, str):
            raise ConfigError(f"{at} ({name}): language: expected a string such as 'en'")
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ConfigError(f"{at} ({name}): tags: expected a list of strings")
        enabled = item.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ConfigError(f"{at} ({name}): enabled: expected true or false")
        sources.append(Source(name, url, language, tuple(tags), enabled))
    return tuple(sources)


_ALERT_KEYS = {"name", "webhook", "command", "rebuttal", "report", "jurisdictions", "languages", "enabled",
               "max_attempts", "timeout_s"}


def _parse_alerts(raw: Any, where: str) -> tuple[AlertSettings, ...]:
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: alerts: expected [[alerts]] tables")
    alerts: list[AlertSettings] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, start=1):
        at = f"{where}: alerts[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{at}: expected a table")
        unknown = set(item) - _ALERT_KEYS
        if unknown:
            raise ConfigError(f"{at}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_ALERT_KEYS)}")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{at}: name: required, a non-empty string")
        if name in seen:
            raise ConfigError(f"{at}: name: duplicate alert name {name!r}")
        seen.add(name)
        at = f"{at} ({name})"
        webhook, command = item.get("webhook"), item.get("command")
        if (webhook is None) == (command is None):
            raise ConfigError(f"{at}: give exactly one of webhook (a URL) or command (a list of strings)")
        if webhook is not None and (not isinstance(webhook, str) or not _is_http_url(webhook)):
            raise ConfigError(f"{at}: webhook: expected an http(s) URL")
        if command is not None and (not _strings(command) or not command):
            raise ConfigError(f"{at}: command: expected a non-empty list of strings (argv, no shell)")
        for key in ("jurisdictions", "languages"):
            if key in item and not _strings(item[key]):
                raise ConfigError(f"{at}: {key}: expected a list of strings")
        for key in ("rebuttal", "report", "enabled"):
            if key in item and not isinstance(item[key], bool):
                raise ConfigError(f"{at}: {key}: expected true or false")
        attempts = item.get("max_attempts", 10)
        if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 1:
            raise ConfigError(f"{at}: max_attempts: expected a positive integer")
        timeout = item.get("timeout_s", 10.0)
        if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
            raise ConfigError(f"{at}: timeout_s: expected a positive number of seconds")
        alerts.append(AlertSettings(
            name=name, webhook=webhook, command=tuple(command or ()),
            rebuttal=item.get("rebuttal", False), report=item.get("report", False),
            jurisdictions=tuple(item.get("jurisdictions", ())), languages=tuple(item.get("languages", ())),
            enabled=item.get("enabled", True), max_attempts=attempts, timeout_s=float(timeout),
        ))
    return tuple(alerts)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)
