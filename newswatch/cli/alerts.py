"""`newswatch alerts list` and `newswatch alerts send`: registered by `register()` from newswatch.cli."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newswatch.cli.common import ConfigOpt, DbOpt, JsonOpt, fail, out, settings_or_exit, store_or_exit
from newswatch.errors import NewswatchError

alerts_app = typer.Typer(help="Alerts on new records: their deliveries and failures.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the `alerts` group to the `newswatch` app (once)."""
    if not any(g.name == "alerts" for g in app.registered_groups):
        app.add_typer(alerts_app, name="alerts")


@alerts_app.command("list")
def alerts_list(config: ConfigOpt = None, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Configured alerts with their deliveries: delivered, pending, failed, last error, next attempt."""
    from flows.alerts import describe_target
    from storage.alerts import outbox_size, summary

    settings = settings_or_exit(config, db)
    with store_or_exit(settings) as store:
        stats = summary(store)
        queued = outbox_size(store)
    rows: list[dict[str, Any]] = []
    names = [a.name for a in settings.alerts]
    for alert in settings.alerts:
        filters = {"rebuttal": alert.rebuttal, "report": alert.report,
                   "jurisdictions": list(alert.jurisdictions), "languages": list(alert.languages)}
        rows.append({"name": alert.name, "target": describe_target(alert), "enabled": alert.enabled,
                     "filters": filters, **_stats(stats.get(alert.name))})
    for name in sorted(set(stats) - set(names)):  # deliveries left by an alert since removed from the config
        rows.append({"name": name, "target": "(not configured)", "enabled": False, "filters": {},
                     **_stats(stats[name])})
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"alerts ({queued} new record(s) not yet matched)")
    table.add_column("alert (target; filters)", overflow="fold", min_width=16)
    for col in ("delivered", "pending", "failed", "abandoned", "next attempt"):
        table.add_column(col, overflow="fold")
    table.add_column("last error", overflow="fold", ratio=1)
    for r in rows:
        style = "red" if r["failed"] or r["abandoned"] else None
        about = f"{r['target']}{'' if r['enabled'] else ' (disabled)'}; {_filters(r['filters'])}"
        table.add_row(
            f"[bold]{escape(r['name'])}[/bold]\n{escape(about)}", str(r["delivered"]), str(r["pending"]),
            str(r["failed"]), str(r["abandoned"]), (r["next_attempt_at"] or "")[:19].replace("T", " "),
            escape(r["last_error"] or ""), style=style,
        )
    out.print(table)
    if not rows:
        out.print("no [[alerts]] in the configuration", highlight=False, markup=False)


@alerts_app.command("send")
def alerts_send(
    retry_now: Annotated[
        bool, typer.Option("--retry-now", help="Also retry failed and abandoned deliveries now, not at their "
                                               "next attempt.")
    ] = False,
    config: ConfigOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Deliver the alerts due now (ingest and backfill do this at the end of every run)."""
    from flows.alerts import send_alerts

    settings = settings_or_exit(config, db)
    with store_or_exit(settings) as store:
        try:
            counts = send_alerts(settings, store, retry_now=retry_now)
        except NewswatchError as exc:
            fail(str(exc))
    if as_json:
        out.print_json(json.dumps(counts))
        return
    out.print(f"alerts: {counts['queued']} queued, {counts['delivered']} delivered, {counts['failed']} failed "
              f"(retried later), {counts['abandoned']} abandoned, {counts['deferred']} deferred (their alert "
              "kept failing: tried next time)", highlight=False)


def alerts_line(counts: dict[str, Any] | None) -> str | None:
    """The run summary's line about alerts (None when there was nothing to send)."""
    if not counts:
        return None
    if "error" in counts:
        return f"alerts: not sent ({counts['error']}); they stay queued"
    if not any(counts.values()):
        return None
    deferred = f", {counts['deferred']} deferred" if counts.get("deferred") else ""
    return (f"alerts: {counts['delivered']} delivered, {counts['failed']} failed (retried later), "
            f"{counts['abandoned']} abandoned{deferred}; see `newswatch alerts list`")


def _stats(entry: dict[str, Any] | None) -> dict[str, Any]:
    entry = entry or {}
    return {
        "delivered": entry.get("delivered", 0),
        "pending": entry.get("pending", 0) + entry.get("sending", 0),
        "failed": entry.get("failed", 0),
        "abandoned": entry.get("abandoned", 0),
        "next_attempt_at": entry.get("next_attempt_at"),
        "last_error": entry.get("last_error"),
        "last_error_at": entry.get("last_error_at"),
    }


def _filters(filters: dict[str, Any]) -> str:
    parts = [key for key in ("rebuttal", "report") if filters.get(key)]
    parts += [f"{key}: {', '.join(filters[key])}" for key in ("jurisdictions", "languages") if filters.get(key)]
    return "; ".join(parts) or "every new record"
