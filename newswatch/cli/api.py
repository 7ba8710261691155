"""`newswatch api`: the read-only HTTP API and web page (newswatch/api), served by uvicorn."""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from newswatch.cli.common import ConfigOpt, DbOpt, err, fail, settings_or_exit, store_or_exit
from newswatch.errors import NewswatchError

TOKEN_ENV = "NEWSWATCH_API_TOKEN"


def register(app: typer.Typer) -> None:
    """Add `api` to the `newswatch` app (once)."""
    if not any(c.name == "api" for c in app.registered_commands):
        app.command("api")(api)


def is_loopback(host: str) -> bool:
    """Whether `host` is a loopback address (or `localhost`): only then may the API run without a token."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere


def api(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless a token is set).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Serve the read-only HTTP API (OpenAPI docs at /docs) and the web page (/).

    Listens on loopback by default. Any other address needs NEWSWATCH_API_TOKEN; when it is
    set, every request must send `Authorization: Bearer <token>`.
    """
    import uvicorn

    from newswatch.api.app import create_app
    from storage.readonly import open_read_only

    token = os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        fail(f"refusing to listen on {host}, which is not a loopback address, without a token: "
             f"set {TOKEN_ENV} (then every request needs `Authorization: Bearer <token>`)")
    settings = settings_or_exit(config, db)
    store_or_exit(settings).close()  # migrate once (the API itself cannot write)
    try:
        store = open_read_only(settings.db_url)
    except NewswatchError as exc:
        fail(str(exc))
    app = create_app(store, settings, token=token)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"newswatch API on http://{shown}:{port}/ (docs: /docs) over {settings.db_url}"
              + (" — bearer token required" if token else ""), highlight=False, soft_wrap=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        store.close()
