"""The search index stays true to its tables: through churn, and through batch migrations."""

from __future__ import annotations

import random
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, delete, select, update

from tracker.db import fts, fts_pg, migrate
from tracker.db.engine import Database, make_engine
from tracker.db.migrate import head_revision, upgrade_to_head
from tracker.domain.enums import Stage
from tracker.domain.models import Organisation, Person
from tracker.resources import migrations_dir

WORDS = ["anna", "bianca", "rossi", "neri", "dupont", "medtech", "genomics", "wavre", "lyon"]
PEOPLE_SEARCH_OBJECTS = {
    "people_fts_ai",
    "people_fts_ad",
    "people_fts_au",
    "people_tri_ai",
    "people_tri_ad",
    "people_tri_au",
}
# A later revision of the kind that bites: SQLite can only add this column by rebuilding
# the table, and the rebuild leaves the search triggers behind.
REBUILD_PEOPLE = """
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("people", recreate="always") as batch:
        batch.drop_column("nickname")
"""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'search.db'}")
    upgrade_to_head(database.engine)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def later_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Our migrations plus a revision that rebuilds ``people``, the way later ones will."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    rebuild = REBUILD_PEOPLE.format(head=head_revision())
    (scripts / "versions" / "9999_rebuild_people.py").write_text(rebuild)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    return scripts


def matching(conn: Connection, index: str, word: str) -> set[int]:
    rows = conn.exec_driver_sql(f"SELECT rowid FROM {index} WHERE {index} MATCH ?", (word,))
    return {row[0] for row in rows}


def churn(db: Database, rng: random.Random) -> None:
    """Inserts, ORM and bulk updates, deletes and cascades, in several transactions."""
    with db.write() as s:
        orgs = [
            Organisation(name=f"{rng.choice(WORDS).title()} {i}", notes=rng.choice(WORDS))
            for i in range(40)
        ]
        s.add_all(orgs)
        s.add_all(
            Person(
                full_name=f"{rng.choice(WORDS)} {rng.choice(WORDS)}".title(),
                email=f"{rng.choice(WORDS)}{i}@example.org",
                notes=" ".join(rng.sample(WORDS, 3)),
                organisation=rng.choice(orgs),
            )
            for i in range(300)
        )
    with db.write() as s:
        for person in s.scalars(select(Person).where(Person.id % 3 == 0)):
            person.full_name = f"{rng.choice(WORDS)} {rng.choice(WORDS)}".title()
        s.execute(update(Person).where(Person.id % 5 == 0).values(role="Project manager"))
        s.execute(update(Organisation).values(stage=Stage.CONTACTED))  # no indexed column
    with db.write() as s:
        s.execute(delete(Person).where(Person.id % 7 == 0))
        s.execute(delete(Organisation).where(Organisation.id % 4 == 0))  # people: SET NULL


def test_installed_index_is_complete_and_sound(db: Database) -> None:
    with db.engine.connect() as conn:
        assert fts.missing_sqlite_objects(conn) == []
        assert fts.integrity_check_sqlite(conn) == []


def test_the_index_matches_the_tables_after_churn(db: Database) -> None:
    churn(db, random.Random(2018))

    with db.engine.connect() as conn:
        assert fts.integrity_check_sqlite(conn) == []
        people = conn.execute(
            select(Person.id, Person.full_name, Person.role, Person.email, Person.notes)
        ).all()
        for word in WORDS:
            expected = {
                p.id for p in people if word in re.findall(r"[a-z0-9]+", " ".join(p[1:]).lower())
            }
            assert matching(conn, "people_fts", word) == expected, word


def test_integrity_check_notices_an_index_out_of_step(db: Database) -> None:
    with db.write() as s:
        s.add(Person(full_name="Anna Rossi"))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER people_fts_au")
    with db.write() as s:
        s.execute(update(Person).values(full_name="Bianca Neri"))

    with db.engine.begin() as conn:
        assert fts.missing_sqlite_objects(conn) == ["people_fts_au"]
        assert [f.split(":")[0] for f in fts.integrity_check_sqlite(conn)] == ["people_fts"]

        assert fts.repair_sqlite(conn) == ["people_fts_au"]

        assert fts.missing_sqlite_objects(conn) == []
        assert fts.integrity_check_sqlite(conn) == []
        assert matching(conn, "people_fts", "bianca") == {1}
        assert matching(conn, "people_fts", "anna") == set()


def test_a_batch_migration_drops_the_search_triggers(db: Database, later_migrations: Path) -> None:
    # What alembic alone does: the reason upgrade_to_head repairs the index.
    with db.engine.begin() as conn:
        config = migrate.alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")

        assert set(fts.missing_sqlite_objects(conn)) == PEOPLE_SEARCH_OBJECTS


def test_upgrade_to_head_puts_the_search_index_back(db: Database, later_migrations: Path) -> None:
    churn(db, random.Random(25))
    with db.write() as s:
        s.add(Person(full_name="Zelda Quarantotto"))

    report = upgrade_to_head(db.engine)

    assert report.after == "9999"
    with db.engine.connect() as conn:
        assert fts.missing_sqlite_objects(conn) == []
        assert fts.integrity_check_sqlite(conn) == []
    with db.engine.begin() as conn:  # and the triggers work again
        conn.exec_driver_sql(
            "UPDATE people SET full_name = 'Zita Quarto' WHERE full_name = 'Zelda Quarantotto'"
        )
        assert len(matching(conn, "people_fts", "zita")) == 1
        assert matching(conn, "people_fts", "zelda") == set()
        assert len(matching(conn, "people_tri", '"quart"')) == 1
        assert fts.integrity_check_sqlite(conn) == []


def test_a_refused_extension_does_not_abort_the_transaction(pg_schema_url: str) -> None:
    # unaccent stands in for pg_trgm, which earlier tests may well have installed.
    engine = make_engine(pg_schema_url)
    role = f"tracker_no_ext_{uuid.uuid4().hex[:8]}"
    try:
        with engine.connect() as conn:
            if conn.exec_driver_sql(
                "SELECT 1 FROM pg_extension WHERE extname = 'unaccent' "
                "UNION ALL SELECT 1 WHERE NOT EXISTS "
                "(SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent')"
            ).first():
                pytest.skip("needs unaccent available on the server and not installed")
            conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
            conn.commit()
            transaction = conn.begin()
            conn.exec_driver_sql(f"SET LOCAL ROLE {role}")  # may CREATE in no schema

            assert fts_pg.ensure_extension(conn, "unaccent") is None

            assert conn.exec_driver_sql("SELECT 1").scalar_one() == 1  # not aborted
            transaction.rollback()
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        engine.dispose()


def test_postgresql_install_creates_every_index(pg_schema_url: str) -> None:
    engine = make_engine(pg_schema_url)
    try:
        upgrade_to_head(engine)
        with engine.connect() as conn:
            names = {
                row[0]
                for row in conn.exec_driver_sql(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                )
            }
            expected = {t.pg_index for t in fts.SEARCH_TABLES}
            if fts_pg.pg_has_trigram(conn):
                expected |= {t.pg_trgm_index for t in fts.SEARCH_TABLES if t.substring}
            assert expected <= names
            assert all(fts.is_search_object(name) for name in expected)
    finally:
        engine.dispose()


def test_opening_a_database_at_head_restores_dropped_triggers(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER people_fts_ai")
        assert fts.missing_sqlite_objects(conn)
    upgrade_to_head(db.engine)
    with db.engine.connect() as conn:
        assert fts.missing_sqlite_objects(conn) == []
