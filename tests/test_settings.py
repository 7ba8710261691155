"""Configuration: defaults, file + environment precedence, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.errors import ConfigError
from newswatch.settings import DEFAULT_DB_URL, load_settings


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "newswatch.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_have_real_sources_and_sqlite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no ./newswatch.toml here
    s = load_settings(env={})
    assert s.db_url == DEFAULT_DB_URL
    assert len(s.sources) >= 5
    assert all(src.url.startswith("https://") for src in s.sources)
    assert len({src.name for src in s.sources}) == len(s.sources)
    assert s.fetch.allow_private_networks is False


def test_file_env_and_option_precedence(tmp_path: Path) -> None:
    cfg = write(tmp_path, 'db_url = "sqlite:///from-file.db"\n[[sources]]\nname = "a"\nurl = "https://example.org/f"\n')
    assert load_settings(cfg, env={}).db_url == "sqlite:///from-file.db"
    assert load_settings(cfg, env={"NEWSWATCH_DB_URL": "sqlite:///env.db"}).db_url == "sqlite:///env.db"
    assert load_settings(cfg, "sqlite:///opt.db", env={"NEWSWATCH_DB_URL": "sqlite:///env.db"}).db_url == (
        "sqlite:///opt.db"
    )


def test_sources_and_fetch_are_parsed(tmp_path: Path) -> None:
    cfg = write(tmp_path, """
[fetch]
allow_private_networks = true
timeout_s = 5
[[sources]]
name = "one"
url = "https://example.org/one.xml"
language = "en"
tags = ["x", "y"]
[[sources]]
name = "two"
url = "http://example.org/two.xml"
enabled = false
""")
    s = load_settings(cfg, env={})
    assert s.fetch.allow_private_networks is True and s.fetch.timeout_s == 5.0
    assert [src.name for src in s.enabled_sources()] == ["one"]
    assert s.sources[0].tags == ("x", "y")
    assert [src.name for src in s.enabled_sources(["two"])] == ["two"]
    with pytest.raises(ConfigError, match="unknown source"):
        s.enabled_sources(["three"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour = 1\n", r"newswatch.toml: colour: unknown key"),
        ('[[sources]]\nname = "a"\nurl = "ftp://example.org/x"\n', r"sources\[1\] \(a\): url: expected an http"),
        ('[[sources]]\nname = "a"\nurl = "not a url"\n', r"sources\[1\] \(a\): url"),
        ('[[sources]]\nname = "a"\nurl = "https://example.org/1"\n[[sources]]\nname = "a"\nurl = "https://example.org/2"\n',
         r"sources\[2\]: name: duplicate source name 'a'"),
        ('[[sources]]\nname = "a"\nurl = "https://example.org/1"\nfrequency = 3\n',
         r"sources\[1\] \(a\): frequency: unknown key"),
        ('[[sources]]\nurl = "https://example.org/1"\n', r"sources\[1\]: name: required"),
        ("[fetch]\ntimeout_s = \"fast\"\n", r"fetch.timeout_s: expected float"),
        ("[fetch]\nretry = 3\n", r"fetch.retry: unknown key"),
        ("[fetch]\nconcurrency = -1\n", r"fetch.concurrency: must not be negative"),
        ("[fetch]\nallow_private_networks = 1\n", r"fetch.allow_private_networks: expected bool"),
        ("this is = = not toml", r"newswatch.toml: not valid TOML"),
        ('db_url = "newswatch.db"\n', r"db_url: not a database URL: .newswatch.db.; expected a SQLAlchemy URL"),
    ],
)
def test_config_errors_name_file_key_and_problem(tmp_path: Path, text: str, expected: str) -> None:
    cfg = write(tmp_path, text)
    with pytest.raises(ConfigError, match=expected):
        load_settings(cfg, env={})


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "absent.toml", env={})


def test_config_from_environment(tmp_path: Path) -> None:
    cfg = write(tmp_path, 'db_url = "sqlite:///from-env-config.db"\n')
    assert load_settings(env={"NEWSWATCH_CONFIG": str(cfg)}).db_url == "sqlite:///from-env-config.db"
    other = tmp_path / "other.toml"
    other.write_text('db_url = "sqlite:///explicit.db"\n', encoding="utf-8")
    assert load_settings(other, env={"NEWSWATCH_CONFIG": str(cfg)}).db_url == "sqlite:///explicit.db"


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    cfg = write(tmp_path, 'colour = 1\n[fetch]\ntimeout_s = "fast"\nretry = 3\n'
                          '[[sources]]\nname = "a"\nurl = "ftp://example.org/x"\nkind = "atom"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(cfg, env={})
    lines = str(caught.value).splitlines()
    assert all(line.startswith(f"{cfg}: ") for line in lines)
    assert {line.removeprefix(f"{cfg}: ").split(":")[0] for line in lines} == {
        "colour", "fetch.timeout_s", "fetch.retry", "sources[1] (a)"}
    assert any("kind: expected 'feed' or 'sitemap'" in line for line in lines)
    assert any("url: expected an http(s) URL" in line for line in lines)


def test_a_source_kind_is_feed_unless_given(tmp_path: Path) -> None:
    cfg = write(tmp_path, '[[sources]]\nname = "a"\nurl = "https://example.org/f"\n'
                          '[[sources]]\nname = "b"\nurl = "https://example.org/news-sitemap.xml"\nkind = "sitemap"\n')
    assert [s.kind for s in load_settings(cfg, env={}).sources] == ["feed", "sitemap"]


@pytest.mark.parametrize(("env", "option", "named"), [
    ({"NEWSWATCH_DB_URL": "news.db"}, None, "NEWSWATCH_DB_URL"),
    ({}, "x" * 10_000, "--db"),
])
def test_a_database_override_that_is_not_a_url_names_where_it_came_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], option: str | None, named: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./newswatch.toml
    with pytest.raises(ConfigError, match=rf"^not a database URL: .*\(from {named}\); expected") as caught:
        load_settings(None, option, env=env)
    assert len(str(caught.value)) < 400  # a long value is cut, its length said
