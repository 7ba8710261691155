"""`Store`: every read and write newswatch makes, on SQLite or PostgreSQL.

Queries are SQLAlchemy Core, so one code path serves both backends; upserts use each
dialect's ON CONFLICT. SQLite runs in WAL mode with a busy timeout, and a write that
still meets a locked database is retried, never dropped; on PostgreSQL a transaction
lost to a deadlock or serialization failure is retried the same way. Full-text search
(storage/fts.py) is an FTS5 table on SQLite, a tsvector GIN index on PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import quote

from sqlalchemy import (
    ARRAY,
    Boolean,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    any_,
    create_engine,
    event,
    func,
    inspect,
    literal,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from newswatch.errors import StorageError
from newswatch.facets import index_columns, jurisdiction_keys
from newswatch.models import PageFailure, PageRecord, SourceState
from newswatch.timeutil import as_utc, day_start
from storage import fts
from storage.compress import pack, unpack
from storage.schema import (
    SCHEMA_REVISION,
    alert_outbox,
    article_jurisdictions,
    article_sources,
    articles,
    page_failures,
    sources,
)
from storage.serialize import detection_fields, json_text, record_from_row
from storage.stories import index_story

MIGRATIONS = Path(__file__).with_name("migrations")
SaveResult = Literal["inserted", "updated", "unchanged"]
T = TypeVar("T")
MIGRATION_LOCK = 0x6E657773  # PostgreSQL advisory lock key held while migrating ("news")
_RETRY_SQLSTATES = {"40001", "40P01"}  # serialization failure, deadlock detected


@dataclass(frozen=True)
class ArticleFilter:
    report: bool = False
    rebuttal: bool = False
    source: str | None = None
    since: date | None = None
    limit: int | None = 50


class Store:
    """A connection pool to one database, migrated to the current schema on open."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        try:
            self.engine = _engine(_supported(url))
            if migrate:
                upgrade(self.engine)
        except (SQLAlchemyError, ArgumentError, OSError) as exc:
            raise StorageError(f"cannot open database {_redact(url)}: {_first_line(exc)}") from exc
        except MigrationFailed as exc:  # e.g. a revision from a newer newswatch than this one
            raise StorageError(f"cannot migrate database {_redact(url)}: {exc} "
                               "(is it at a schema from a newer newswatch?)") from exc

    @classmethod
    def open_readonly(cls, url: str) -> Store:
        """Open an existing newswatch database for reading only: never created, never migrated.

        Raises `MissingStore` when there is no database, or one without newswatch's tables;
        `StorageError` when it cannot be read or is at another schema revision. A SQLite file
        is opened with mode=ro (immutable when neither it nor its directory is writable, as on
        a read-only filesystem); a PostgreSQL session is read-only.
        """
        store = cls.__new__(cls)
        store.url = url
        where = _redact(url)
        try:
            store.engine = _readonly_engine(_supported(url))
            revision = current_revision(store.engine)
        except MissingStore:
            raise
        except OperationalError as exc:
            if _no_such_database(exc):
                raise MissingStore(where) from exc
            raise StorageError(f"cannot open database {where}: {_first_line(exc)}") from exc
        except (SQLAlchemyError, ArgumentError, OSError) as exc:
            raise StorageError(f"cannot open database {where}: {_first_line(exc)}") from exc
        if revision is None:
            store.close()
            raise MissingStore(where)
        if revision != SCHEMA_REVISION:
            store.close()
            raise StorageError(f"database {where} is at schema revision {revision}, this newswatch reads "
                               f"{SCHEMA_REVISION}: run `newswatch db upgrade` (or use a newer newswatch)")
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sources ---------------------------------------------------------------

    def source_state(self, name: str) -> SourceState | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(sources).where(sources.c.name == name)).mappings().first()
        return _source_from_row(row) if row else None

    def list_sources(self) -> list[SourceState]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sources).order_by(sources.c.name)).mappings().all()
        return [_source_from_row(r) for r in rows]

    def save_source_state(self, state: SourceState) -> None:
        self.save_source_states([state])

    def save_source_states(self, states: Iterable[SourceState]) -> None:
        """Upsert sources' states in one transaction, as one executemany."""
        rows = [asdict(state) for state in states]
        if not rows:
            return
        ins = self._insert(sources)
        stmt = ins.on_conflict_do_update(
            index_elements=[sources.c.name],
            set_={c.name: ins.excluded[c.name] for c in sources.columns if c.name != "name"},
        )
        self._write(lambda conn: conn.execute(stmt, rows))

    # --- page failures -----------------------------------------------------------

    def page_failures(self, urls: Iterable[str] | None = None) -> dict[str, PageFailure]:
        """Recorded failures of `urls` (all when None)."""
        found: dict[str, PageFailure] = {}
        with self.engine.connect() as conn:
            if urls is None:
                chunks: list[list[str] | None] = [None]
            else:
                wanted = list(dict.fromkeys(urls))
                chunks = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
            for chunk in chunks:
                query = select(page_failures).order_by(page_failures.c.url)
                if chunk is not None:
                    query = query.where(page_failures.c.url.in_(chunk))
                for r in conn.execute(query).mappings():
                    found[r["url"]] = PageFailure(
                        url=r["url"], source=r["source"], reason=r["reason"], attempts=r["attempts"],
                        next_attempt_at=_utc(r["next_attempt_at"]), gave_up=bool(r["gave_up"]))
        return found

    def record_page_failures(self, failures: Iterable[tuple[str, str, str, bool, datetime | None]],
                             *, max_attempts: int) -> None:
        """Count one more failed attempt of each (url, source, reason, final, next attempt);
        a page is given up when `final` or after `max_attempts` attempts."""
        items = sorted({f[0]: f for f in failures}.values())
        if not items:
            return
        now = _now()

        def write(conn: Connection) -> None:
            for url, source, reason, final, next_at in items:
                before = conn.execute(
                    select(page_failures.c.attempts).where(page_failures.c.url == url)).scalar()
                attempts = (before or 0) + 1
                row = {"url": url, "source": source, "reason": reason[:2000], "attempts": attempts,
                       "next_attempt_at": next_at, "gave_up": final or attempts >= max_attempts, "updated_at": now}
                ins = self._insert(page_failures).values(**row)
                conn.execute(ins.on_conflict_do_update(
                    index_elements=[page_failures.c.url], set_={k: v for k, v in row.items() if k != "url"}))

        self._write(write)

    # --- articles --------------------------------------------------------------

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """The subset of `urls` already stored."""
        wanted = list(dict.fromkeys(urls))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                found.update(conn.execute(select(articles.c.url).where(articles.c.url.in_(chunk))).scalars())
        return found

    def link_sources(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Record that each (url, source) was seen; urls not stored are ignored."""
        pairs = list(pairs)
        if not pairs:
            return
        now = _now()

        def write(conn: Connection) -> None:
            for url, source in pairs:
                article_id = conn.execute(select(articles.c.id).where(articles.c.url == url)).scalar()
                if article_id is None:
                    continue
                stmt = self._insert(article_sources).values(
                    article_id=article_id, source=source, first_seen_at=now
                )
                conn.execute(stmt.on_conflict_do_nothing())

        self._write(write)

    def save_pages(self, pages: Iterable[PageRecord]) -> dict[str, int]:
        """Upsert analysed pages by URL in one transaction; counts inserted/updated/unchanged."""
        counts = {"inserted": 0, "updated": 0, "unchanged": 0}
        # One row per URL (the last page given wins), sorted so concurrent writers take row
        # locks in the same order (no deadlocks on PostgreSQL).
        rows = sorted({r["url"]: r for r in map(_article_row, pages)}.values(), key=lambda r: r["url"])
        if not rows:
            return counts

        def write(conn: Connection) -> None:
            for key in counts:
                counts[key] = 0
            for row in rows:
                counts[self._upsert_article(conn, row)] += 1
            conn.execute(page_failures.delete().where(page_failures.c.url.in_([r["url"] for r in rows])))

        self._write(write)
        return counts

    def _upsert_article(self, conn: Connection, row: dict[str, Any]) -> SaveResult:
        now = _now()
        # One statement, parameters per row: building `.values(**row)` for each row costs
        # more Python than the insert itself.
        # RETURNING, not rowcount: PostgreSQL reports -1 for an INSERT ... RETURNING.
        inserted_id = conn.execute(self._insert_article, {**row, "created_at": now, "updated_at": now}).scalar()
        article_id = inserted_id or conn.execute(select(articles.c.id).where(articles.c.url == row["url"])).scalar_one()
        outcome: SaveResult = "inserted"
        reindex = True
        if inserted_id is not None:  # new: queued for alerts in the same transaction (storage/alerts.py)
            conn.execute(alert_outbox.insert(), {"article_id": inserted_id, "queued_at": now})
        if inserted_id is None:
            changes = {k: v for k, v in row.items() if k not in ("url", "source", "fetched_at", "created_at")}
            current = conn.execute(
                select(*[articles.c[k] for k in changes]).where(articles.c.id == article_id)
            ).mappings().one()
            reindex = _text_changed(current, changes)
            if all(_same(current[k], v) for k, v in changes.items()):
                outcome = "unchanged"
            else:
                conn.execute(update(articles).where(articles.c.id == article_id).values(**changes, updated_at=now))
                outcome = "updated"
        new = inserted_id is not None  # a new row has no index rows to replace
        if reindex:
            self._index_text(conn, article_id, row["title"], row["text"], new=new)
            index_story(conn, article_id, row["text"], new=new)
        if outcome != "unchanged":
            self._index_jurisdictions(conn, article_id, row["record"], new=new)
        conn.execute(self._insert_link, {"article_id": article_id, "source": row["source"], "first_seen_at": now})
        return outcome

    def update_analysis(self, article_id: int, page: PageRecord) -> bool:
        """Replace the extracted fields of a stored article; True if anything changed."""
        row = _article_row(page)
        keep = ("url", "source", "fetched_at", "raw_html", "content_type")
        changes = {k: v for k, v in row.items() if k not in keep}

        def write(conn: Connection) -> bool:
            current = conn.execute(
                select(*[articles.c[k] for k in changes]).where(articles.c.id == article_id)
            ).mappings().first()
            if current is None:
                return False
            index_story(conn, article_id, changes["text"])  # reprocess recomputes stories, changed or not
            if all(_same(current[k], v) for k, v in changes.items()):
                return False
            conn.execute(update(articles).where(articles.c.id == article_id).values(**changes, updated_at=_now()))
            if _text_changed(current, changes):
                self._index_text(conn, article_id, changes["title"], changes["text"])
            self._index_jurisdictions(conn, article_id, changes["record"])
            return True

        return self._write(write)

    def count_articles(self, flt: ArticleFilter | None = None) -> int:
        """How many records there are (matching `flt`, whose limit is ignored)."""
        query = select(func.count()).select_from(articles)
        if flt is not None:
            query = _filtered(query, flt)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def article_source_names(self) -> list[str]:
        """Every source name records were seen in, sorted."""
        with self.engine.connect() as conn:
            query = select(article_sources.c.source).distinct().order_by(article_sources.c.source)
            return list(conn.execute(query).scalars())

    def list_articles(self, flt: ArticleFilter) -> list[dict[str, Any]]:
        query = select(articles).order_by(articles.c.published_at.desc().nulls_last(), articles.c.id.desc())
        query = _filtered(query, flt)
        if flt.limit:
            query = query.limit(flt.limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
            extra = sources_of(conn, [r["id"] for r in rows])
        return [record_from_row(r, extra.get(r["id"])) for r in rows]

    def get_article(self, article_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
            if row is None:
                return None
            extra = sources_of(conn, [article_id])
        return record_from_row(row, extra.get(article_id))

    def iter_raw(
        self, since: date | None = None, source: str | None = None, batch: int = 200,
        until: datetime | None = None,
    ) -> Iterator[tuple[int, str, str, bytes, datetime, dict[str, Any]]]:
        """(id, url, source, raw html, fetched_at, previous date info) of stored pages, in id order.

        `since` (a date: its midnight UTC; or a datetime) and `until` (exclusive) bound published_at.
        """
        last = 0
        while True:
            query = (
                select(
                    articles.c.id, articles.c.url, articles.c.source, articles.c.raw_html,
                    articles.c.fetched_at, articles.c.published_at, articles.c.published_from,
                )
                .where(articles.c.id > last)
                .order_by(articles.c.id)
                .limit(batch)
            )
            if since:
                query = query.where(articles.c.published_at >= as_utc(since))
            if until:
                query = query.where(articles.c.published_at < as_utc(until))
            if source:
                query = query.where(articles.c.source == source)
            with self.engine.connect() as conn:
                rows = conn.execute(query).mappings().all()
            if not rows:
                return
            for r in rows:
                dates = {"published_at": _utc(r["published_at"]), "published_from": r["published_from"]}
                yield r["id"], r["url"], r["source"], unpack(r["raw_html"]), _utc(r["fetched_at"]), dates
            last = rows[-1]["id"]

    def search(self, query: str, limit: int | None = 50) -> list[dict[str, Any]]:
        """Records whose title or text contains every term of `query`, newest first.

        Terms are words ("quoted phrases" allowed); CJK terms match as exact substrings.
        See storage/fts.py. Rows have the shape `list_articles` returns.
        """
        terms = fts.search_terms(query)
        if not terms:
            return []
        stmt = (
            select(articles)
            .where(self._matches(terms))
            .order_by(articles.c.published_at.desc().nulls_last(), articles.c.id.desc())
        )
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
            extra = sources_of(conn, [r["id"] for r in rows])
        return [record_from_row(r, extra.get(r["id"])) for r in rows]

    def count_search(self, query: str) -> int:
        """How many records `search(query, limit=None)` would return."""
        terms = fts.search_terms(query)
        if not terms:
            return 0
        stmt = select(func.count()).select_from(articles).where(self._matches(terms))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def _matches(self, terms: list[str]) -> ColumnElement[bool]:
        if self.engine.dialect.name == "postgresql":
            simple: ColumnElement[Any] = literal_column("'simple'::regconfig")
            tsquery: ColumnElement[Any] = func.phraseto_tsquery(simple, terms[0])
            for term in terms[1:]:
                tsquery = tsquery.op("&&")(func.phraseto_tsquery(simple, term))
            document: ColumnElement[Any] = literal_column(f"articles.{fts.PG_COLUMN}")
            return document.op("@@", return_type=Boolean)(tsquery)
        hits = text(f"SELECT rowid FROM {fts.SQLITE_TABLE} WHERE {fts.SQLITE_TABLE} MATCH :match")
        return articles.c.id.in_(hits.bindparams(match=fts.fts5_match(terms)))

    # --- helpers ---------------------------------------------------------------

    def _index_text(self, conn: Connection, article_id: int, title: str | None, body: str, *,
                    new: bool = False) -> None:
        """Keep the SQLite FTS5 row of an article in step (PostgreSQL's index follows the row itself)."""
        if self.engine.dialect.name == "postgresql":
            return
        if not new:
            conn.execute(text(f"DELETE FROM {fts.SQLITE_TABLE} WHERE rowid = :id"), {"id": article_id})
        conn.execute(
            text(f"INSERT INTO {fts.SQLITE_TABLE} (rowid, doc, title) VALUES (:id, :doc, :title)"),
            {"id": article_id, "doc": fts.search_document(title, body), "title": fts.search_title(title)},
        )

    def _index_jurisdictions(self, conn: Connection, article_id: int, record: dict[str, Any], *,
                             new: bool = False) -> None:
        """Keep a record's rows in article_jurisdictions in step with its `record` JSON."""
        if not new:
            conn.execute(article_jurisdictions.delete().where(article_jurisdictions.c.article_id == article_id))
        keys = jurisdiction_keys(record)
        if keys:
            conn.execute(article_jurisdictions.insert(),
                         [{"article_id": article_id, "jurisdiction": key} for key in keys])

    @cached_property
    def _insert_article(self) -> Any:
        """INSERT of a new article, nothing on a known URL, returning the new id (built once)."""
        return self._insert(articles).on_conflict_do_nothing(index_elements=[articles.c.url]).returning(articles.c.id)

    @cached_property
    def _insert_link(self) -> Any:
        return self._insert(article_sources).on_conflict_do_nothing()

    def _insert(self, table: Any) -> Any:
        if self.engine.dialect.name == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)

    def _write(self, work: Callable[[Connection], T]) -> T:
        """Run `work` in a transaction; retry it while SQLite reports a locked database or
        PostgreSQL aborts it for a deadlock or serialization failure."""
        delay = 0.05
        for attempt in range(40):
            try:
                with self.engine.begin() as conn:
                    return work(conn)
            except DBAPIError as exc:
                if not _retryable(exc) or attempt == 39:
                    raise StorageError(f"write failed: {exc}") from exc
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        raise AssertionError("unreachable")


def _filtered(query: Select[Any], flt: ArticleFilter) -> Select[Any]:
    """`query` narrowed by `flt` (not its limit)."""
    if flt.report:
        query = query.where(articles.c.is_report.is_(True))
    if flt.rebuttal:
        query = query.where(articles.c.is_rebuttal.is_(True))
    if flt.source:
        seen_in = select(article_sources.c.article_id).where(article_sources.c.source == flt.source)
        query = query.where(articles.c.id.in_(seen_in))
    if flt.since:
        query = query.where(articles.c.published_at >= day_start(flt.since))
    return query


def upgrade(engine: Engine, *, wait_s: float = 600.0) -> None:
    """Bring the database to the current schema (no-op when it is there already).

    Safe when several processes open the same database at once: each takes a lock
    (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction advisory lock) and reads the
    revision again under it, so one migrates and the others find the work done. A
    SQLite lock still held after the busy timeout (a long migration) is waited for up
    to `wait_s` seconds.
    """
    if current_revision(engine) == SCHEMA_REVISION:  # the usual case: no need to load Alembic (10 MB)
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    deadline = time.monotonic() + wait_s
    while True:
        try:
            if current_revision(engine) == head:
                return
            with engine.connect() as conn:
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                elif engine.dialect.name == "sqlite":
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                if MigrationContext.configure(conn).get_current_revision() != head:
                    cfg = alembic_config()
                    cfg.attributes["connection"] = conn
                    try:
                        command.upgrade(cfg, "head")
                    except CommandError as exc:
                        raise MigrationFailed(str(exc)) from exc
                conn.commit()
            return
        except OperationalError as exc:
            if not _retryable(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


class MissingStore(StorageError):
    """No newswatch database at this URL (no file, no database, or no newswatch tables in it)."""

    def __init__(self, where: str) -> None:
        super().__init__(f"no newswatch database at {where}")
        self.where = where


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def _supported(url: str) -> str:
    """`url` if newswatch can use its database; else a StorageError naming the scheme."""
    from sqlalchemy.engine import make_url

    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise StorageError(f"not a database URL: {_redact(url)} (use sqlite:///path or "
                           "postgresql+psycopg://user@host/db)") from exc
    if backend not in SUPPORTED_BACKENDS:
        raise StorageError(f"unsupported database: {backend} (use sqlite:/// or postgresql+psycopg://)")
    return url


def _no_such_database(exc: OperationalError) -> bool:
    """PostgreSQL refused the connection because the database does not exist (SQLSTATE 3D000)."""
    if getattr(exc.orig, "sqlstate", None) == "3D000":
        return True
    return 'database "' in str(exc.orig) and '" does not exist' in str(exc.orig)


def _first_line(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__


class MigrationFailed(Exception):
    """Alembic could not bring the database to this version's schema."""


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at (None: empty database), read without Alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config() -> Any:
    """Alembic configuration for storage/migrations (pass a connection in `cfg.attributes["connection"]`)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, json_serializer=json_text)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout=30000")
            # Switching a new database to WAL can answer "locked" at once, without waiting
            # for the busy timeout, while another process opens it too: retry briefly.
            for attempt in range(200):
                try:
                    cur.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or attempt == 199:
                        raise
                    time.sleep(0.05)
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, json_serializer=json_text)


def _readonly_engine(url: str) -> Engine:
    """An engine that cannot write: SQLite opened with mode=ro (or immutable), PostgreSQL read-only sessions."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True,
                             connect_args={"options": "-c default_transaction_read_only=on"})
    where = _redact(url)
    if not parsed.database or parsed.database == ":memory:" or parsed.database.startswith("file:"):
        raise MissingStore(where)
    path = Path(parsed.database).resolve()
    if not path.is_file():
        raise MissingStore(str(path))
    # WAL readers need the -shm file; where nothing can be written next to the database
    # (a read-only filesystem or directory), nobody else can be writing it: read it as immutable.
    read_only_fs = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    writable = not read_only_fs and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    mode = "mode=ro" if writable else "immutable=1"
    engine = create_engine(f"sqlite:///file:{quote(str(path))}?{mode}&uri=true", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _readonly_pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA query_only=ON")
        cur.close()

    return engine


def _article_row(page: PageRecord) -> dict[str, Any]:
    a = page.article
    evidence, record = detection_fields(page.detection)
    return {
        "url": a.url,
        "source": page.source,
        "title": a.title,
        "authors": list(a.authors),
        "language": a.language,
        "published_at": a.published_at,
        "published_from": a.published_from,
        "fetched_at": page.fetched_at,
        "site_name": a.site_name,
        "text": a.text,
        "raw_html": pack(page.raw_html),  # zstd (storage/compress.py)
        "content_type": page.content_type,
        "is_report": page.detection.is_report,
        "is_rebuttal": page.detection.is_rebuttal,
        "report_score": page.detection.report_score,
        "rebuttal_score": page.detection.rebuttal_score,
        "evidence": evidence,
        "record": record,
        "detector": page.detection.detector,
        "detector_version": page.detection.detector_version,
        **index_columns(record),
    }


def sources_of(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    """Every source each record was seen in, first seen first."""
    out: dict[int, list[str]] = {}
    for chunk in id_chunks(conn, ids):
        query = (select(article_sources.c.article_id, article_sources.c.source)
                 .where(id_in(conn, article_sources.c.article_id, chunk))
                 .order_by(article_sources.c.first_seen_at, article_sources.c.source))
        for article_id, source in conn.execute(query).all():
            out.setdefault(article_id, []).append(source)
    return out


def id_chunks(conn: Connection, ids: list[int]) -> list[list[int]]:
    """The ids in lists one query can take: all at once on PostgreSQL (one array), 500 on SQLite."""
    step = len(ids) or 1 if conn.dialect.name == "postgresql" else 500
    return [ids[i : i + step] for i in range(0, len(ids), step)]


def id_in(conn: Connection, col: Any, ids: list[int]) -> ColumnElement[bool]:
    """`col IN ids`. PostgreSQL takes the ids as one array parameter: an IN list of hundreds of
    parameters costs more to render, send and plan than the lookup itself."""
    if conn.dialect.name == "postgresql":
        return col == any_(literal(ids, ARRAY(Integer)))
    return col.in_(ids)


def _source_from_row(row: Any) -> SourceState:
    data = dict(row)
    for key in ("last_checked_at", "last_success_at", "next_attempt_at", "last_full_fetch_at", "last_new_at"):
        data[key] = _utc(data[key])
    return SourceState(**data)


def _text_changed(current: Any, new: dict[str, Any]) -> bool:
    return current["title"] != new["title"] or current["text"] != new["text"]


def _retryable(exc: DBAPIError) -> bool:
    """A write worth repeating: SQLite busy/locked, PostgreSQL deadlock or serialization failure."""
    if getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and "locked" in str(exc).lower()



def _same(stored: Any, new: Any) -> bool:
    if isinstance(stored, datetime) or isinstance(new, datetime):
        return _utc(stored) == _utc(new)
    return bool(stored == new)


def _utc(value: Any) -> Any:
    """SQLite hands datetimes back naive; everything stored is UTC."""
    return as_utc(value) if isinstance(value, datetime) else value


def _now() -> datetime:
    return datetime.now(UTC)


def _redact(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
