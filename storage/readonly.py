"""Read-only access for the HTTP API: a `Store` whose connections cannot write, and record
pages with a cursor (keyset pagination: newest first, the same order as `records list`).

SQLite is opened with `mode=ro`; PostgreSQL sessions start with
`default_transaction_read_only = on`. The database must be at the current schema already
(`newswatch api` migrates it once, before opening it here).
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, create_engine, func, or_, select
from sqlalchemy.engine import make_url

from newswatch.errors import NewswatchError
from storage.reading import _LEAN, RecordFilter, conditions
from storage.schema import article_jurisdictions, articles
from storage.serialize import record_from_row
from storage.store import Store, sources_of


class BadCursor(NewswatchError):
    """A pagination cursor this server did not make."""


def open_read_only(url: str) -> Store:
    """A `Store` on `url` whose engine refuses writes."""
    store = Store(url, migrate=False)
    store.engine.dispose()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise NewswatchError("the API needs a database file, not an in-memory SQLite database")
        path = Path(parsed.database).resolve()
        store.engine = create_engine(
            f"sqlite:///file:{path}?mode=ro&uri=true", connect_args={"check_same_thread": False, "timeout": 30},
        )
    else:
        store.engine = create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c default_transaction_read_only=on"},
        )
    return store


def encode_cursor(row: dict[str, Any]) -> str:
    """An opaque cursor pointing after `row` (its published_at and id)."""
    raw = json.dumps([row["published_at"], row["id"]]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime | None, int]:
    try:
        published, rid = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        when = None if published is None else datetime.fromisoformat(published).astimezone(UTC)
        if not isinstance(rid, int) or isinstance(rid, bool):
            raise ValueError(rid)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        raise BadCursor(f"not a cursor from this server: {cursor[:60]!r}") from None
    return when, rid


def page_records(
    store: Store, flt: RecordFilter, *, limit: int = 50, cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """(records newest first without text, cursor of the next page or None)."""
    stmt = select(*_LEAN).where(*conditions(flt))
    if cursor:
        stmt = stmt.where(_after(*decode_cursor(cursor)))
    stmt = stmt.order_by(articles.c.published_at.desc().nulls_last(), articles.c.id.desc()).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
        extra = sources_of(conn, [r["id"] for r in rows[:limit]])
    records = [record_from_row(r, extra.get(r["id"])) for r in rows[:limit]]
    return records, (encode_cursor(records[-1]) if len(rows) > limit else None)


def _after(published: datetime | None, rid: int) -> ColumnElement[bool]:
    """Rows after (published, id) in the order published_at DESC NULLS LAST, id DESC."""
    pub, key = articles.c.published_at, articles.c.id
    if published is None:
        return and_(pub.is_(None), key < rid)
    return or_(pub < published, and_(pub == published, key < rid), pub.is_(None))


def jurisdiction_counts(store: Store, limit: int = 40) -> list[tuple[str, int]]:
    """The jurisdictions records are about (ISO code, or name where none), most records first."""
    j = article_jurisdictions.c
    query = (select(j.jurisdiction, func.count().label("n")).group_by(j.jurisdiction)
             .order_by(func.count().desc(), j.jurisdiction).limit(limit))
    with store.engine.connect() as conn:
        return [(str(code), int(n)) for code, n in conn.execute(query)]
