"""Alerts: tell a webhook or a command about each new record that matches an `[[alerts]]` filter.

Runs at the end of every ingest and backfill (one Prefect task per run, `send_alerts_task`)
and by hand (`newswatch alerts send`). The bookkeeping that makes it once per record, across
crashes and reruns, is in storage/alerts.py.

- Webhook: POST of a Slack-compatible JSON body, `{"text": ..., "alert", "delivery_id",
  "record": {...}}`, through flows/fetch.py (its private-network guard, its timeouts; no
  redirects). Any 2xx is delivered.
- Command: argv run without a shell, the same JSON on stdin; exit status 0 is delivered.
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime
from typing import Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.exc import SQLAlchemyError

from flows.fetch import make_client, post_json
from newswatch.errors import NewswatchError
from newswatch.settings import AlertSettings, Settings
from storage import alerts as outbox
from storage.store import Store

FAILURES_PER_SEND = 3  # an alert failing this many times in a row is not tried again in the same call


def send_alerts(
    settings: Settings, store: Store | None = None, *, retry_now: bool = False, now: datetime | None = None,
) -> dict[str, int]:
    """Queue deliveries for newly stored records, then attempt every due delivery once.

    Returns counts: `queued` (deliveries created now), `delivered`, `failed` (retried later),
    `abandoned` (max_attempts reached), `deferred` (not tried: their alert failed
    `FAILURES_PER_SEND` times in a row in this call, so a dead receiver cannot hold up a run).
    `retry_now` also retries failed and abandoned deliveries before their next attempt is due.
    """
    own = store is None
    store = store or Store(settings.db_url)
    counts = {"queued": 0, "delivered": 0, "failed": 0, "abandoned": 0, "deferred": 0}
    streak: dict[str, int] = {}  # failures in a row per alert, in this call
    try:
        counts["queued"] = outbox.expand_outbox(store, settings.alerts, now=now)
        by_name = {a.name: a for a in settings.alerts if a.enabled}
        if not by_name:
            return counts
        last: tuple[int, str] | None = None  # each delivery is tried at most once per call
        with make_client(settings.fetch) as client:
            while True:
                batch = outbox.due(store, by_name, now=now, retry_now=retry_now, after=last)
                if not batch:
                    return counts
                last = (batch[-1].article_id, batch[-1].alert)
                for delivery in batch:
                    if streak.get(delivery.alert, 0) >= FAILURES_PER_SEND:
                        counts["deferred"] += 1  # still due: the next run or `alerts send` tries it
                        continue
                    if not outbox.claim(store, delivery, now=now):
                        continue  # another process has it
                    alert = by_name[delivery.alert]
                    error = _deliver(alert, store, delivery.article_id, client)
                    status = outbox.finish(store, delivery, error, max_attempts=alert.max_attempts, now=now)
                    counts[status] += 1
                    streak[delivery.alert] = 0 if error is None else streak.get(delivery.alert, 0) + 1
    finally:
        if own:
            store.close()


def send_alerts_safely(settings: Settings, log: Any = None) -> dict[str, Any]:
    """`send_alerts` at the end of a run: a failure is reported in the result, never raised
    (the records are stored; their deliveries stay queued for the next run)."""
    try:
        counts: dict[str, Any] = send_alerts(settings)
    except (NewswatchError, SQLAlchemyError, OSError) as exc:
        if log is not None:
            log.warning("alerts not sent: %s (they stay queued)", exc)
        return {"error": str(exc)}
    if log is not None and any(counts.values()):
        log.info("alerts: %d queued, %d delivered, %d failed, %d abandoned, %d deferred", counts["queued"],
                 counts["delivered"], counts["failed"], counts["abandoned"], counts["deferred"])
    return counts


@task(cache_policy=NO_CACHE, task_run_name="send-alerts")
def send_alerts_task(settings: Settings) -> dict[str, Any]:
    """`send_alerts_safely` as the last task of an ingest or backfill flow run (one per run)."""
    return send_alerts_safely(settings, get_run_logger())


def payload(alert: AlertSettings, record: dict[str, Any]) -> dict[str, Any]:
    """The JSON a webhook or command receives: Slack's `text` plus the structured record."""
    what = "rebuttal" if record.get("is_rebuttal") else "report coverage" if record.get("is_report") else "record"
    places = ", ".join(j.get("name") or "" for j in record.get("jurisdictions") or [])
    report = record.get("report") or {}
    about = " ".join(str(x) for x in (report.get("name"), report.get("year")) if x)
    context = "; ".join(x for x in (places, about) if x)
    title = record.get("title") or record.get("url") or ""
    text = f"newswatch: new {what}" + (f" ({_slack(context)})" if context else "")
    text += f": <{_slack(record['url'])}|{_slack(title)}>"
    return {
        "text": text,
        "alert": alert.name,
        "delivery_id": f"{alert.name}:{record['id']}",
        "record": record,
    }


def describe_target(alert: AlertSettings) -> str:
    """Where an alert goes, without secrets: a webhook's scheme and host (Slack puts its key in
    the path), a command's program."""
    if alert.webhook:
        from urllib.parse import urlsplit

        parts = urlsplit(alert.webhook)
        return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}/…"
    return f"command {alert.command[0]}"


def _deliver(alert: AlertSettings, store: Store, article_id: int, client: Any) -> str | None:
    """Send one record; None when delivered, else the reason."""
    record = outbox.article_for_alert(store, article_id)
    if record is None:
        return None  # the article was deleted: nothing to tell
    body = payload(alert, record)
    if alert.webhook:
        try:
            post_json(client, alert.webhook, body, timeout_s=alert.timeout_s)
        except NewswatchError as exc:
            return str(exc)
        return None
    return _run_command(alert, body)


def _run_command(alert: AlertSettings, body: dict[str, Any]) -> str | None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    try:
        done = subprocess.run(list(alert.command), input=data, capture_output=True, timeout=alert.timeout_s,
                              check=False)
    except subprocess.TimeoutExpired:
        return f"command timed out after {alert.timeout_s:g} s"
    except OSError as exc:
        return f"command could not start: {exc.strerror or exc}"
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip()[-500:]
        return f"command exited with status {done.returncode}" + (f": {tail}" if tail else "")
    return None


def _slack(value: str) -> str:
    """Slack's escaping for message text: &, < and > (so a title cannot forge links or mentions)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
