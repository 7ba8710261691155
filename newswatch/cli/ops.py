"""`newswatch serve` and `newswatch records search`: registered by `register()` from newswatch.cli.app."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newswatch.cli.common import (
    ConfigOpt,
    DbOpt,
    WideOpt,
    count_line,
    fail,
    masked_url,
    note,
    print_records,
    readonly_store_or_exit,
    settings_or_exit,
    store_or_exit,
)
from newswatch.errors import excerpt
from storage.fts import search_terms


def register(app: typer.Typer, records_app: typer.Typer) -> None:
    """Add the commands to the `newswatch` app and its `records` group (once)."""
    if any(c.name == "serve" for c in app.registered_commands):
        return
    app.command("serve")(serve)
    records_app.command("search")(records_search)


def serve(
    config: ConfigOpt = None,
    db: DbOpt = None,
    limit: Annotated[
        int, typer.Option("--limit", min=0, help="Flow runs at once (0: no limit).")
    ] = 1,
) -> None:
    """Serve the deployments of deployments/prefect.yaml from this process: schedules active, no worker.

    Registers them with the Prefect server in PREFECT_API_URL (start one with
    `prefect server start`; its scheduler creates the runs) and runs their flow runs
    here until Ctrl-C or SIGTERM. The schedules stay active when it stops.
    """
    from prefect.settings import PREFECT_API_URL

    from deployments.serve import load_specs, serve_deployments

    settings = settings_or_exit(config, db)
    store_or_exit(settings).close()  # fail fast on an unreachable database; migrates it
    if not PREFECT_API_URL.value():  # a temporary server runs no scheduler: schedules would never fire
        fail("`newswatch serve` needs a Prefect server: start one with `prefect server start`, then "
             "`prefect config set PREFECT_API_URL=http://127.0.0.1:4200/api` (or export PREFECT_API_URL)")
    names = ", ".join(spec.name for spec in load_specs())
    note(f"serving {names} into {masked_url(settings.db_url)} (Ctrl-C to stop)")
    serve_deployments(
        config=str(settings.config_path.resolve()) if settings.config_path else None,
        db_url=_absolute(settings.db_url),
        limit=limit or None,
    )


def records_search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help='Words that must all occur; "a phrase" in quotes.')],
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many (0: all).")] = 50,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one record per line.")] = False,
    wide: WideOpt = False,
) -> None:
    """Full-text search of stored records (title and text), newest first.

    Words match whole words, case-insensitively; Chinese or Japanese terms match as exact
    substrings. Every term must occur.
    """
    with readonly_store_or_exit(settings_or_exit(config, db)) as store:
        rows = store.search(query, limit or None)
        total = len(rows) if not limit or len(rows) < limit else store.count_search(query)
        stored = store.count_articles() if not rows else total
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not rows:
        if not search_terms(query):
            note("no words to search for in the query (terms need a letter or digit)")
        elif not stored:
            note("no records yet: `newswatch run` polls the sources (or try `newswatch demo --db ...`)")
        else:
            note(f"no records match {excerpt(query, 80)} ({count_line(stored, stored)} searched)")
        return
    print_records(rows, total=total, wide=wide)


def _absolute(url: str) -> str:
    """A SQLite URL with an absolute path (flow runs may start in another directory)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        fail(f"not a database URL: {excerpt(masked_url(url))}")
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return url
    path = Path(parsed.database)
    if path.is_absolute():
        return url
    return parsed.set(database=str(path.resolve())).render_as_string(hide_password=False)
