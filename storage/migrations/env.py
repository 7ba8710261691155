"""Alembic environment: runs on the connection storage.store.upgrade() hands over."""

from typing import Any

from alembic import context

from storage.fts import is_search_object
from storage.schema import metadata


def _include_name(name: str | None, type_: str, _parents: Any) -> bool:
    return not is_search_object(name, type_)


def _include_object(_obj: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
    return not is_search_object(name, type_)


_OPTIONS: dict[str, Any] = {
    "target_metadata": metadata,
    "render_as_batch": True,
    "include_name": _include_name,
    "include_object": _include_object,
}

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: build an engine from the URL
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        context.configure(connection=connection, **_OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, **_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()
