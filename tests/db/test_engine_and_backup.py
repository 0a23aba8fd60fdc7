"""SQLite discipline (pragmas, immediate writes, private files) and verified backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import textwrap
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker.config import Settings
from tracker.db import migrate
from tracker.db.backup import BackupError, backup_sqlite, list_backups, restore_sqlite
from tracker.db.base import Money, UTCDateTime
from tracker.db.engine import Database
from tracker.domain.models import Plan
from tracker.services.context import Services


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_connection_has_foreign_keys_wal_and_a_busy_timeout(settings: Settings) -> None:
    db = Database(settings.database_url)
    with db.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 15000
    db.dispose()


def test_writes_take_the_write_lock_at_begin(settings: Settings) -> None:
    db = Database(settings.database_url)
    with db.write() as session:
        session.execute(text("SELECT 1"))
        # BEGIN IMMEDIATE: another writer cannot start while this one is open
        other = sqlite3.connect(db.engine.url.database or "", timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    db.dispose()


def test_a_failed_action_writes_nothing(sqlite_services: Services) -> None:
    db = sqlite_services.db
    with pytest.raises(RuntimeError), db.write() as session:
        plan = session.query(Plan).one()
        plan.title = "changed"
        session.flush()
        raise RuntimeError("boom")
    assert sqlite_services.plans.overview(2018).title == "Piano di promozione 2018"


def test_data_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        settings = Settings.load(env={"TRACKER_DATA_DIR": str(tmp_path / "data")})
        services = Services.open(settings)
        services.budget.set_planned(2018, "BE", "travel", Decimal("10"))
        db_path = settings.data_dir / "tracker.db"
        assert mode(settings.data_dir) == 0o700
        for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
            assert path.exists() and mode(path) == 0o600, path
        backup = backup_sqlite(db_path, settings.backup_dir)
        assert mode(backup.path) == 0o600 and mode(settings.backup_dir) == 0o700
        services.close()
    finally:
        os.umask(old)


def test_money_is_never_a_float_and_never_below_a_cent() -> None:
    money = Money()
    assert money.process_bind_param(Decimal("5000.00"), None) == 500000  # type: ignore[arg-type]
    assert money.process_result_value(500001, None) == Decimal("5000.01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        money.process_bind_param(5000.0, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="precision"):
        money.process_bind_param(Decimal("0.001"), None)  # type: ignore[arg-type]


def test_timestamps_come_back_aware_in_utc() -> None:
    kind = UTCDateTime()
    rome = datetime(2018, 10, 25, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    stored = kind.process_bind_param(rome, None)  # type: ignore[arg-type]
    assert stored == datetime(2018, 10, 25, 7, 0, tzinfo=UTC)
    naive = kind.process_result_value(datetime(2018, 10, 25, 7, 0), None)  # type: ignore[arg-type]
    assert naive is not None and naive.tzinfo is UTC
    with pytest.raises(ValueError, match="timezone-aware"):
        kind.process_bind_param(datetime(2018, 1, 1), None)  # type: ignore[arg-type]


def test_backups_are_verified_pruned_and_restorable(
    sqlite_services: Services, tmp_path: Path
) -> None:
    db_path = Path(sqlite_services.db.engine.url.database or "")
    folder = tmp_path / "backups"
    first = backup_sqlite(db_path, folder, keep=2)
    assert first.rows > 0
    sqlite_services.budget.set_planned(2018, "BE", "travel", Decimal("1"))
    for _ in range(3):
        backup_sqlite(db_path, folder, keep=2)
    assert len(list_backups(folder)) == 2 and not first.path.exists()
    restore_sqlite(list_backups(folder)[0], db_path)
    assert sqlite_services.budget.table(2018).column("BE").cells["travel"].planned == Decimal("1")

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="not a readable"):
        restore_sqlite(broken, db_path)
    assert sqlite_services.budget.table(2018).figures.planned == Decimal("5001.00")


EXTRA_REVISION = textwrap.dedent(
    '''
    """test revision: add a notes table"""
    import sqlalchemy as sa
    from alembic import op

    revision = "9999"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None


    def upgrade() -> None:
        op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
        with op.batch_alter_table("events") as batch:
            batch.add_column(sa.Column("scratch_note", sa.Text(), nullable=True))


    def downgrade() -> None:
        op.drop_table("scratch")
    '''
)


def test_a_pending_migration_backs_up_first_and_keeps_every_row(
    sqlite_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batch mode rebuilds `events`; its children (allocations) must survive it."""
    services = sqlite_services
    eid = services.events.find("Cluster partnering event", 2018).id
    services.events.link(eid, "travel", Decimal("1200"))
    head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), scripts)
    (scripts / "versions" / "9999_test.py").write_text(EXTRA_REVISION.format(head=head))
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)

    report = migrate.upgrade_to_head(
        services.db.engine, backup_dir=services.settings.backup_dir, keep_backups=5
    )
    assert (report.before, report.after) == (head, "9999")
    assert report.backup is not None and report.backup.path.exists()
    assert mode(report.backup.path) == 0o600
    backup = sqlite3.connect(report.backup.path)
    assert backup.execute("SELECT count(*) FROM allocations").fetchone() == (1,)
    backup.close()
    # the rebuild of `events` did not cascade-delete its allocation
    assert services.budget.table(2018).column("BE").cells["travel"].allocated == Decimal("1200")
    with services.db.read() as session:
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
