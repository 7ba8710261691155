"""`newswatch serve` (`records search` is in newswatch/cli_read.py): registered by `register()` in newswatch.cli."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newswatch.cli_common import ConfigOpt, DbOpt, err, fail, settings_or_exit, store_or_exit


def register(app: typer.Typer, records_app: typer.Typer) -> None:
    """Add the commands to the `newswatch` app and its `records` group (once)."""
    if any(c.name == "serve" for c in app.registered_commands):
        return
    app.command("serve")(serve)
    from newswatch.cli_read import register as register_read

    register_read(app, records_app)  # `records search` lives there now


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
    err.print(f"serving {names} into {settings.db_url} (Ctrl-C to stop)", highlight=False)
    serve_deployments(
        config=str(settings.config_path.resolve()) if settings.config_path else None,
        db_url=_absolute(settings.db_url),
        limit=limit or None,
    )


def _absolute(url: str) -> str:
    """A SQLite URL with an absolute path (flow runs may start in another directory)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        fail(f"not a database URL: {url!r}")
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return url
    path = Path(parsed.database)
    if path.is_absolute():
        return url
    return parsed.set(database=str(path.resolve())).render_as_string(hide_password=False)
