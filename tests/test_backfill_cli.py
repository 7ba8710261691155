"""`newswatch backfill` through the real command line (typer's CliRunner), against the
synthetic outlet of test_backfill.py on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newswatch.cli.localsite import LocalSite
from storage.store import ArticleFilter, Store
from tests.test_backfill import IN_WINDOW, SINCE, UNTIL, WARC_PAGES, build_warc, gazette_config, gazette_routes

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """The `newswatch` app: importing newswatch.cli.app registers its sub-commands, backfill among them."""
    from newswatch.cli.app import app
    from newswatch.cli.backfill import register

    register(app)  # registering again adds nothing
    assert [c.name for c in app.registered_commands].count("backfill") == 1
    return app


@pytest.fixture
def gazette() -> Iterator[LocalSite]:
    with LocalSite() as site:
        site.routes.update(gazette_routes(site.base))
        yield site


def invoke(app: typer.Typer, *args: str) -> typer.testing.Result:
    return CliRunner().invoke(app, ["backfill", *args])


def flat(text: str) -> str:
    """``text`` with rich's line wrapping and box borders undone."""
    return " ".join(text.replace("│", " ").split())


def urls_in(db_url: str) -> set[str]:
    with Store(db_url) as store:
        return {row["url"] for row in store.list_articles(ArticleFilter(limit=None))}


def test_backfill_is_a_newswatch_command(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["backfill", "--help"])
    assert result.exit_code == 0
    for option in ("--sitemap", "--source", "--warc", "--urls", "--since", "--until", "--include-undated",
                   "--dry-run", "--json", "--config", "--db"):
        assert option in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "exactly one of"),
        (["--sitemap", "https://example.org/sitemap.xml", "--warc", "x.warc.gz"], "got sitemap, warc"),
        (["--sitemap", "https://example.org/sitemap.xml", "--since", "01/09/2025"], "ISO date"),
        (["--source", "x", "--since", "2025-10-02", "--until", "2025-10-01"], "starts at or after"),
        (["--urls", "urls.txt", "--until", "2025-10-01"], "no dates"),
    ],
)
def test_usage_errors_exit_2(app: typer.Typer, args: list[str], message: str) -> None:
    result = invoke(app, *args)
    assert result.exit_code == 2
    assert message in flat(result.output)


def test_sitemap_backfill_then_repeat_says_resumed(
    app: typer.Typer, gazette: LocalSite, tmp_path: Path, db_url: str
) -> None:
    config = str(gazette_config(tmp_path, gazette))
    args = ["--sitemap", gazette.url("/sitemap_index.xml"), "--since", SINCE, "--until", UNTIL,
            "--config", config, "--db", db_url]

    first = invoke(app, *args, "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["stored"], summary["undated"], summary["resumed"]) == (5, 1, False)
    assert "fetching and storing: 5 to do" in first.stderr  # plain progress lines when not a terminal

    second = invoke(app, *args)
    assert second.exit_code == 0, second.output
    assert "resumed: 5 already stored" in second.stdout
    assert "stored: 0;" in second.stdout
    assert len(urls_in(db_url)) == len(IN_WINDOW)


def test_dry_run_prints_the_urls_and_stores_nothing(
    app: typer.Typer, gazette: LocalSite, tmp_path: Path, db_url: str
) -> None:
    result = invoke(app, "--sitemap", gazette.url("/sitemap_index.xml"), "--since", SINCE, "--until", UNTIL,
                    "--include-undated", "--dry-run", "--config", str(gazette_config(tmp_path, gazette)),
                    "--db", db_url)

    assert result.exit_code == 0, result.output
    assert set(result.stdout.split()) == {gazette.url(f"/news/{s}.html") for s in [*IN_WINDOW, "undated-notice"]}
    assert "6 URL(s) would be fetched" in result.stderr
    assert urls_in(db_url) == set()


def test_warc_backfill_prints_the_summary(app: typer.Typer, gazette: LocalSite, tmp_path: Path, db_url: str) -> None:
    warc = build_warc(tmp_path / "CC-NEWS-20250930.warc.gz", WARC_PAGES)
    result = invoke(app, "--warc", str(warc), "--since", SINCE, "--until", UNTIL,
                    "--config", str(gazette_config(tmp_path, gazette)), "--db", db_url)

    assert result.exit_code == 0, result.output
    assert "listed 6, selected 3, outside 2, undated 1 (skipped" in flat(result.stdout)
    assert "stored: 3;" in result.stdout
    assert len(urls_in(db_url)) == 3


def test_url_list_backfill(app: typer.Typer, gazette: LocalSite, tmp_path: Path, db_url: str) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# two gazette items\n{gazette.url('/news/edge-start.html')}\n"
                    f"{gazette.url('/news/august-item.html')}\n", encoding="utf-8")
    result = invoke(app, "--urls", str(urls), "--json", "--config", str(gazette_config(tmp_path, gazette)),
                    "--db", db_url)

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == 2
    assert len(urls_in(db_url)) == 2


def test_bad_input_exits_1_and_stores_nothing(
    app: typer.Typer, gazette: LocalSite, tmp_path: Path, db_url: str
) -> None:
    config = str(gazette_config(tmp_path, gazette))
    whole = build_warc(tmp_path / "whole.warc.gz", WARC_PAGES, extra=False).read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[:-40])
    cases = [
        (["--urls", str(tmp_path / "missing.txt")], "cannot read URL list"),
        (["--warc", str(tmp_path / "cut.warc.gz"), "--since", SINCE], "truncated WARC"),
        (["--sitemap", gazette.url("/not-a-sitemap.html")], "is not a sitemap"),
        (["--source", "no-such-source"], "unknown source"),
    ]
    for args, message in cases:
        result = invoke(app, *args, "--config", config, "--db", db_url)
        assert result.exit_code == 1, (args, result.output)
        stderr = flat(result.stderr)
        assert message in stderr and "nothing was stored" in stderr, stderr
    assert urls_in(db_url) == set()


def test_readme_shows_each_path_with_real_options(app: typer.Typer) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # The draft until its text is pasted into the README.
    draft = REPO / "README-backfill.md"
    text = readme if "newswatch backfill --warc" in readme else draft.read_text(encoding="utf-8")
    commands = [line.split("#")[0].split(">")[0].split() for line in text.splitlines()
                if line.startswith("newswatch backfill ")]
    for option in ("--sitemap", "--source", "--warc", "--urls", "--dry-run"):
        assert any(option in words for words in commands), option
    assert "prefect deployment run 'backfill/" in text
    group = typer.main.get_command(app)
    command = group.commands["backfill"]  # type: ignore[attr-defined]  # a group: it has sub-commands
    known = {name for param in command.params for name in param.opts}
    for words in commands:
        assert {w for w in words if w.startswith("--")} <= known, words
