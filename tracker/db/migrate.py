"""Bring a database to the newest schema, taking a verified backup first when needed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect

from tracker.config import sqlite_path_of
from tracker.db import fts
from tracker.i18n import _
from tracker.resources import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

    from tracker.db.backup import BackupInfo

# Alembic (with Mako and Pygments) takes longer to import than the rest of the start-up:
# it is imported only when a migration is pending. The revisions are compared cheaply,
# from the scripts' own ``revision = '…'`` lines and the ``alembic_version`` table.
_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    """The newest revision: the one no script revises (read without importing Alembic)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    unread = 0
    for script in (migrations_dir() / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        if (found := _REVISION.search(source)) is None:
            unread += 1
            continue
        revisions.add(found[1])
        if (down := _DOWN_REVISION.search(source)) is not None:
            revised.add(down[1])
    heads = revisions - revised
    if len(heads) == 1 and not unread:
        return heads.pop()
    return _alembic_head()  # anything unusual: let Alembic read the scripts


def _alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The database's revision (None for a database Alembic never touched)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    if len(versions) > 1:
        raise MigrationError(f"the database has {len(versions)} schema revisions, expected one")
    return str(versions[0][0]) if versions else None


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
    from tracker.db.backup import backup_sqlite

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
    from alembic import command

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
