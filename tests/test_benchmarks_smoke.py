"""The benchmark generator's small preset: the rows it promises and a sound search index.

No timings are asserted here (or anywhere in the tests): they live in docs/PERFORMANCE.md.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from benchmarks.gen_common import SMALL
from benchmarks.generate import generate, integrity_problems
from tracker.db.engine import Database
from tracker.db.migrate import current_revision, head_revision


def test_the_small_database_has_its_rows_and_a_sound_search_index(tmp_path: Path) -> None:
    path = tmp_path / "small.db"
    report = generate(path, SMALL, seed=7, log=lambda _line: None)
    rows = report.rows
    assert rows["people"] == SMALL.people
    assert rows["interactions"] == SMALL.interactions
    assert rows["organisations"] >= SMALL.orgs  # plus the ones the seed names
    assert rows["plans"] == SMALL.years
    assert rows["events"] >= SMALL.events - SMALL.years  # the seed's five, then even shares
    assert rows["events"] <= SMALL.events + 5
    for table in ("allocations", "expenses", "interaction_people", "call_deadlines"):
        assert rows[table] > 0, table
    assert integrity_problems(path) == []
    db = Database(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            # Names with apostrophes and accents are there and found by word and accent-free.
            hits = conn.execute(
                text("SELECT count(*) FROM people_fts WHERE people_fts MATCH 'nicolo*'")
            ).scalar_one()
            apostrophes = conn.execute(
                text("SELECT count(*) FROM people WHERE full_name LIKE '%''%'")
            ).scalar_one()
            overdue = conn.execute(
                text(
                    "SELECT count(*) FROM interactions WHERE follow_up != '' "
                    "AND follow_up_done_at IS NULL AND follow_up_due < :today"
                ),
                {"today": report.today},
            ).scalar_one()
    finally:
        db.dispose()
    assert hits > 0 and apostrophes > 0 and overdue > 0


def test_the_same_seed_gives_the_same_database(tmp_path: Path) -> None:
    first = generate(tmp_path / "a.db", SMALL, seed=3, log=lambda _line: None)
    second = generate(tmp_path / "b.db", SMALL, seed=3, log=lambda _line: None)
    assert first.rows == second.rows
    dumps = []
    for name in ("a.db", "b.db"):
        db = Database(f"sqlite:///{tmp_path / name}")
        with db.engine.connect() as conn:
            dumps.append(
                conn.execute(
                    text("SELECT full_name, email, created_at FROM people ORDER BY id")
                ).all()
            )
        db.dispose()
    assert dumps[0] == dumps[1]
