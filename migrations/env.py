"""Alembic environment: the app passes its own connection; the alembic CLI builds one."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, Engine, Enum, create_engine

import tracker.domain.models  # noqa: F401 - registers every table on the metadata
from tracker.config import Settings
from tracker.db.base import Base, Money, UTCDateTime

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: object, _autogen_context: object) -> str | bool:
    # Revisions must not import our column types: render what the database stores.
    if type_ == "type" and isinstance(obj, Money):
        return "sa.BigInteger()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if type_ == "type" and isinstance(obj, Enum) and not obj.native_enum:
        return f"sa.String(length={obj.length})"  # values are checked by the app
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place: batch mode rebuilds the table.
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if isinstance(given, Connection):  # the app hands over its own connection
        _run(given)
        return
    if isinstance(given, Engine):  # pytest-alembic hands over an engine
        with given.connect() as conn:
            _run(conn)
            conn.commit()
        return
    url = (
        config.get_main_option("sqlalchemy.url")
        or Settings.load(os.environ.get("TRACKER_DATABASE_URL")).database_url
    )
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
