"""Alert bookkeeping in the store: the outbox of new articles and the deliveries made from it.

Exactly once per (alert, new article), crash or not:

1. `Store.save_pages` puts a row in `alert_outbox` in the transaction that first stores an
   article, so a stored article is always queued (a crash before commit stores neither).
2. `expand_outbox` turns queued articles into one `pending` delivery per enabled alert they
   match and empties those outbox rows, in one transaction (the primary key
   (alert, article_id) keeps a concurrent expansion from doubling them).
3. `claim` moves one due delivery to `sending` (attempts + 1, leased until
   `next_attempt_at`) with a conditional UPDATE: of two processes, one wins.
4. `finish` marks it `delivered`, or `failed` with the error and the next attempt
   (exponential backoff), or `abandoned` after the alert's `max_attempts`.

A process killed while sending leaves the delivery `sending`; it is due again when its lease
ends. That one case may deliver twice (the receiver got it, the mark did not land), so every
delivery carries a stable id (`<alert>:<article id>`) a receiver can deduplicate on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, delete, func, or_, select, update

from newswatch.settings import AlertSettings
from storage.schema import alert_deliveries, alert_outbox, articles
from storage.store import Store

LEASE = timedelta(minutes=5)  # how long a claimed delivery may take before it is due again
BACKOFF_BASE = timedelta(minutes=1)  # after attempt n: base * 2**(n-1), at most BACKOFF_MAX
BACKOFF_MAX = timedelta(hours=6)
_DUE = ("pending", "failed", "sending")


@dataclass(frozen=True)
class Delivery:
    alert: str
    article_id: int
    status: str
    attempts: int


def alert_matches(alert: AlertSettings, row: dict[str, Any]) -> bool:
    """Whether a stored article (is_report, is_rebuttal, language, record) passes the alert's filters."""
    if not alert.enabled:
        return False
    if alert.rebuttal and not row["is_rebuttal"]:
        return False
    if alert.report and not row["is_report"]:
        return False
    if alert.languages and (row["language"] or "").lower() not in {x.lower() for x in alert.languages}:
        return False
    if alert.jurisdictions:
        wanted = {x.casefold() for x in alert.jurisdictions}
        places = (row.get("record") or {}).get("jurisdictions") or []
        names = {str(p.get(k) or "").casefold() for p in places for k in ("name", "code")}
        if not wanted & names:
            return False
    return True


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt."""
    return min(BACKOFF_BASE * 2 ** max(0, attempts - 1), BACKOFF_MAX)


def expand_outbox(store: Store, alerts: Sequence[AlertSettings], *, now: datetime | None = None,
                  batch: int = 500) -> int:
    """Queue one pending delivery per (enabled alert, matching queued article); empty the outbox.

    Returns the number of deliveries created. With no alert configured the outbox is simply
    emptied: an alert added later fires for articles stored from then on, not for old ones.
    """
    now = now or datetime.now(UTC)
    created = 0

    def work(conn: Connection) -> tuple[int, int]:
        ids = list(conn.execute(
            select(alert_outbox.c.article_id).order_by(alert_outbox.c.article_id).limit(batch)
        ).scalars())
        if not ids:
            return 0, 0
        cols = (articles.c.id, articles.c.is_report, articles.c.is_rebuttal, articles.c.language, articles.c.record)
        rows = [dict(r) for r in conn.execute(select(*cols).where(articles.c.id.in_(ids))).mappings()]
        new = [
            {"alert": a.name, "article_id": r["id"], "status": "pending", "attempts": 0, "next_attempt_at": now,
             "created_at": now, "updated_at": now}
            for r in rows for a in alerts if alert_matches(a, r)
        ]
        if new:
            conn.execute(store._insert(alert_deliveries).on_conflict_do_nothing(), new)
        conn.execute(delete(alert_outbox).where(alert_outbox.c.article_id.in_(ids)))
        return len(ids), len(new)

    while True:
        seen, made = store._write(work)
        created += made
        if seen < batch:
            return created


def due(store: Store, alert_names: Iterable[str], *, now: datetime | None = None, limit: int = 200,
        retry_now: bool = False, after: tuple[int, str] | None = None) -> list[Delivery]:
    """Deliveries of these alerts to attempt now, in (article id, alert) order, from just after
    `after` (the last one of the previous batch).

    `retry_now` also takes failed deliveries before their next attempt, and abandoned ones.
    """
    names = list(alert_names)
    if not names:
        return []
    now = now or datetime.now(UTC)
    waiting: ColumnElement[bool] = alert_deliveries.c.status.in_(_DUE) & (alert_deliveries.c.next_attempt_at <= now)
    if retry_now:
        waiting = or_(waiting, alert_deliveries.c.status.in_(("failed", "abandoned")))
    query = (
        select(alert_deliveries.c.alert, alert_deliveries.c.article_id, alert_deliveries.c.status,
               alert_deliveries.c.attempts)
        .where(alert_deliveries.c.alert.in_(names), waiting, *_after(after))
        .order_by(alert_deliveries.c.article_id, alert_deliveries.c.alert)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [Delivery(*row) for row in conn.execute(query)]


def claim(store: Store, delivery: Delivery, *, now: datetime | None = None) -> bool:
    """Take `delivery` for sending; False when another process took it first."""
    now = now or datetime.now(UTC)
    stmt = (
        update(alert_deliveries)
        .where(_key(delivery), alert_deliveries.c.attempts == delivery.attempts,
               alert_deliveries.c.status == delivery.status)
        .values(status="sending", attempts=delivery.attempts + 1, next_attempt_at=now + LEASE, updated_at=now)
    )
    return bool(store._write(lambda conn: conn.execute(stmt).rowcount) == 1)


def finish(store: Store, delivery: Delivery, error: str | None, *, max_attempts: int,
           now: datetime | None = None) -> str:
    """Record the outcome of a claimed delivery (its attempt is `delivery.attempts + 1`); returns the status."""
    now = now or datetime.now(UTC)
    attempts = delivery.attempts + 1
    values: dict[str, Any]
    if error is None:
        values = {"status": "delivered", "delivered_at": now, "next_attempt_at": None, "last_error": None}
    elif attempts >= max_attempts:
        values = {"status": "abandoned", "next_attempt_at": None, "last_error": error[:2000]}
    else:
        values = {"status": "failed", "next_attempt_at": now + backoff(attempts), "last_error": error[:2000]}
    stmt = update(alert_deliveries).where(_key(delivery), alert_deliveries.c.status == "sending")
    store._write(lambda conn: conn.execute(stmt.values(**values, updated_at=now)))
    return str(values["status"])


def article_for_alert(store: Store, article_id: int) -> dict[str, Any] | None:
    """The record an alert sends: `Store.get_article` without the text (kept short)."""
    row = store.get_article(article_id)
    if row is None:
        return None
    row.pop("text", None)
    return row


def summary(store: Store) -> dict[str, dict[str, Any]]:
    """Per alert name: counts by status, the latest error and the earliest next attempt."""
    d = alert_deliveries.c
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        counts = conn.execute(select(d.alert, d.status, func.count()).group_by(d.alert, d.status))
        for alert, status, n in counts:
            out.setdefault(alert, _empty())[status] = int(n)
        waiting = select(d.alert, func.min(d.next_attempt_at)).where(d.status.in_(_DUE)).group_by(d.alert)
        for alert, when in conn.execute(waiting):
            out.setdefault(alert, _empty())["next_attempt_at"] = _iso(when)
        latest = (
            select(d.alert, d.last_error, d.updated_at)
            .where(d.last_error.is_not(None))
            .order_by(d.alert, d.updated_at.desc())
        )
        for alert, error, when in conn.execute(latest):
            entry = out.setdefault(alert, _empty())
            if entry["last_error"] is None:
                entry["last_error"], entry["last_error_at"] = error, _iso(when)
    return out


def outbox_size(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(alert_outbox)).scalar_one())


def _empty() -> dict[str, Any]:
    return {"pending": 0, "sending": 0, "delivered": 0, "failed": 0, "abandoned": 0,
            "next_attempt_at": None, "last_error": None, "last_error_at": None}


def _after(after: tuple[int, str] | None) -> list[ColumnElement[bool]]:
    if after is None:
        return []
    article_id, alert = after
    d = alert_deliveries.c
    return [or_(d.article_id > article_id, and_(d.article_id == article_id, d.alert > alert))]


def _key(delivery: Delivery) -> Any:
    return and_(alert_deliveries.c.alert == delivery.alert, alert_deliveries.c.article_id == delivery.article_id)


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()
    return None
