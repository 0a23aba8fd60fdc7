"""Bring a database to the newest schema, taking a verified backup first when needed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from tracker.config import sqlite_path_of
from tracker.db import fts
from tracker.db.backup import BackupInfo, backup_sqlite
from tracker.i18n import _
from tracker.resources import migrations_dir


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class UpgradeReport:
    before: str | None
    after: str | None
    backup: BackupInfo | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_blank(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def upgrade_to_head(
    engine: Engine, *, backup_dir: Path | None = None, keep_backups: int = 5
) -> UpgradeReport:
    before = current_revision(engine)
    head = head_revision()
    if before == head:
        if engine.dialect.name == "sqlite":
            _repair_search_index(engine)
        return UpgradeReport(before, before, None)
    backup = None
    sqlite_path = sqlite_path_of(engine.url.render_as_string(hide_password=False))
    if sqlite_path is not None and backup_dir is not None and not is_blank(engine):
        backup = backup_sqlite(sqlite_path, backup_dir, label=f"before-{head}", keep=keep_backups)
    _run_upgrade(engine)
    return UpgradeReport(before, current_revision(engine), backup)


def _repair_search_index(engine: Engine) -> None:
    """Search triggers dropped outside a migration (by hand, by another tool) come back."""
    with engine.connect() as conn:
        if not fts.missing_sqlite_objects(conn):
            return
    with engine.begin() as conn:
        fts.repair_sqlite(conn)


def _run_upgrade(engine: Engine) -> None:
    config = alembic_config()
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations rebuild tables; with foreign keys on, dropping the old
            # table would cascade-delete children. Turn them off (only possible outside a
            # transaction) and check every reference ourselves before committing.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                if sqlite:
                    # A batch migration rebuilds its table without the search triggers.
                    fts.repair_sqlite(conn)
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(
                            _(
                                "the upgrade would leave {count} broken references; "
                                "nothing was changed"
                            ).format(count=len(broken))
                        )
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
