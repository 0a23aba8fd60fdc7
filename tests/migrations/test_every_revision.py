"""Upgrading from every past revision keeps every row; the foreign-key guard of batch
rebuilds is needed (without it SQLite cascade-deletes children) and works; a migration
failing half-way changes nothing; the backup taken first brings the old state back."""

from __future__ import annotations

import hashlib
import shutil
import textwrap
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, inspect, select, text

from tests.reliability.harness import PARTNERING, brussels_week_with_money
from tracker.config import Settings
from tracker.db import fts, migrate
from tracker.db.backup import list_backups, restore_sqlite
from tracker.db.engine import make_engine
from tracker.services.context import Services


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


PAST = _revisions()[:-1]


def _fill(services: Services) -> None:
    """A realistic database: the seeded plan plus partners, contacts, missions and money."""
    orgs = [
        services.organisations.create({"name": f"Org {i}", "country": "BE", "city": "Mons"}).id
        for i in range(5)
    ]
    people = [
        services.people.create({"name": f"Person {i}", "organisation": orgs[i % 5]}).id
        for i in range(12)
    ]
    for i in range(8):
        services.contact_log.add(
            {"summary": f"meeting {i}", "follow_up": "call back"},
            people=people[i : i + 2],
            organisations=[orgs[i % 5]],
            event=PARTNERING,
        )
    brussels_week_with_money(services, people[:3])
    services.expenses.add(2018, "BE", "travel", Decimal("320.50"), date(2018, 10, 24))


def _run(engine: Engine, target: str, *, down: bool = False, guard: bool = True) -> None:
    """Alembic on one connection; ``guard``: foreign keys off around it (as the app does)."""
    config = migrate.alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite and guard:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        with conn.begin():
            config.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(config, target)
        if sqlite and guard:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def _snapshot(engine: Engine) -> dict[str, tuple[int, str, tuple[str, ...]]]:
    """Per table: row count, a checksum of every row, and the columns it covers."""
    meta = MetaData()
    meta.reflect(engine)
    found = {}
    with engine.connect() as conn:
        for name, table in meta.tables.items():
            if name == "alembic_version" or fts.is_search_object(name):
                continue
            columns = tuple(sorted(c.name for c in table.columns))
            rows = conn.execute(select(*(table.c[c] for c in columns))).all()
            digest = hashlib.sha256("\n".join(sorted(map(repr, rows))).encode()).hexdigest()
            found[name] = (len(rows), digest, columns)
    return found


def _same_rows(engine: Engine, before: dict[str, tuple[int, str, tuple[str, ...]]]) -> None:
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        for name, (count, digest, columns) in before.items():
            table = meta.tables[name]
            rows = conn.execute(select(*(table.c[c] for c in columns))).all()
            assert len(rows) == count, f"{name}: {len(rows)} rows, had {count}"
            now = hashlib.sha256("\n".join(sorted(map(repr, rows))).encode()).hexdigest()
            assert now == digest, f"{name}: rows changed"


def _broken(engine: Engine) -> list[object]:
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        return list(conn.exec_driver_sql("PRAGMA foreign_key_check").all())


@pytest.fixture
def filled(alembic_engine: Engine, tmp_path: Path) -> Iterator[tuple[Engine, Settings]]:
    url = alembic_engine.url.render_as_string(hide_password=False)
    base = Settings.load(env={"TRACKER_DATA_DIR": str(tmp_path / "data")})
    settings = Settings(url, base.data_dir, base.backup_dir)
    services = Services.open(settings)
    try:
        _fill(services)
    finally:
        services.close()
    yield alembic_engine, settings


@pytest.mark.parametrize("revision", PAST)
def test_upgrading_from_each_past_revision_keeps_every_row(
    filled: tuple[Engine, Settings], revision: str
) -> None:
    engine, settings = filled
    _run(engine, revision, down=True)
    assert migrate.current_revision(engine) == revision
    before = _snapshot(engine)
    assert before["countries"][0] > 0 and before["events"][0] > 0
    if "interaction_people" in before:
        assert before["interaction_people"][0] > 0

    report = migrate.upgrade_to_head(engine, backup_dir=settings.backup_dir)

    assert report.after == migrate.head_revision()
    _same_rows(engine, before)
    assert _broken(engine) == []


def test_without_the_guard_a_batch_rebuild_cascade_deletes_children(
    filled: tuple[Engine, Settings],
) -> None:
    """The control experiment: 0006 rebuilds `people`; with foreign keys on, dropping the
    old table deletes every contact-log and mission link of every person."""
    engine, _ = filled
    if engine.dialect.name != "sqlite":
        pytest.skip("a SQLite batch-mode hazard")
    _run(engine, "0004", down=True)
    before = _snapshot(engine)
    assert before["interaction_people"][0] > 0 and before["mission_participants"][0] > 0
    _run(engine, "0006", guard=False)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM interaction_people")) == 0
        assert conn.scalar(text("SELECT count(*) FROM mission_participants")) == 0


FAILING = textwrap.dedent(
    '''
    """test revision: rebuilds events, then fails"""
    import sqlalchemy as sa
    from alembic import op

    revision = "9999"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None


    def upgrade() -> None:
        with op.batch_alter_table("events") as batch:
            batch.add_column(sa.Column("half_way", sa.Text(), nullable=True))
        op.execute("UPDATE events SET name = 'changed'")
        raise RuntimeError("the migration broke half-way")


    def downgrade() -> None:
        pass
    '''
)


def test_a_migration_failing_half_way_changes_nothing_and_the_backup_restores(
    filled: tuple[Engine, Settings], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, settings = filled
    head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), scripts)
    (scripts / "versions" / "9999_fails.py").write_text(FAILING.format(head=head))
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    before = _snapshot(engine)

    with pytest.raises(RuntimeError, match="half-way"):
        migrate.upgrade_to_head(engine, backup_dir=settings.backup_dir, keep_backups=2)

    assert migrate.current_revision(engine) == head
    names = inspect(engine).get_table_names()
    assert [n for n in names if n.startswith("_alembic_tmp_")] == []
    assert "half_way" not in {c["name"] for c in inspect(engine).get_columns("events")}
    _same_rows(engine, before)
    if engine.dialect.name != "sqlite":
        return
    # the backup taken before the attempt: verified, private, and it restores
    backups = list_backups(settings.backup_dir)
    assert len(backups) == 1 and oct(backups[0].stat().st_mode & 0o777) == "0o600"
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM expenses"))
    db_path = Path(engine.url.database or "")
    restore_sqlite(backups[0], db_path)
    _same_rows(make_engine(f"sqlite:///{db_path}"), before)


def test_0008_rebuilds_an_older_search_index_with_one_letter_prefixes(
    filled: tuple[Engine, Settings],
) -> None:
    engine, settings = filled
    if engine.dialect.name != "sqlite":
        pytest.skip("the FTS5 index is SQLite's")
    _run(engine, "0006", down=True)
    with engine.begin() as conn:  # the index as 0003 made it before 0008: prefixes 2 and 3
        old = fts.sqlite_objects()["interactions_fts"].replace(fts.PREFIXES, "2 3")
        conn.exec_driver_sql("DROP TABLE interactions_fts")
        conn.exec_driver_sql(old)
        conn.exec_driver_sql("INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild')")
        assert fts.sqlite_definitions_differ(conn)

    migrate.upgrade_to_head(engine, backup_dir=settings.backup_dir)

    with engine.connect() as conn:
        assert not fts.sqlite_definitions_differ(conn)
        assert fts.integrity_check_sqlite(conn) == []
        found = conn.exec_driver_sql(
            "SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH 'm*'"
        ).scalar_one()
    assert found == 8  # "meeting 0" … "meeting 7"
