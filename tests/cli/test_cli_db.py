"""`tracker init`, `seed` and `db`: creating, upgrading, backing up and restoring."""

from __future__ import annotations

import stat
from pathlib import Path

from cli_invoker import Invoker

from tracker.db.migrate import head_revision


def test_init_creates_and_seeds(fresh_run: Invoker, db_file: Path) -> None:
    out = fresh_run("init").stdout
    assert f"database: {db_file}" in out
    assert f"created at schema revision {head_revision()}" in out
    assert "plans added: 2018" in out
    assert stat.S_IMODE(db_file.stat().st_mode) == 0o600
    again = fresh_run.json("init")
    assert again["created"] is False and again["seeded"] is None
    assert again["revision"] == again["head"] == head_revision()


def test_init_no_seed_gives_an_empty_database(fresh_run: Invoker) -> None:
    out = fresh_run("init", "--no-seed").stdout
    assert "not seeded" in out
    assert fresh_run.json("plans", "list") == []
    assert "no plans yet" in fresh_run("plans", "list").stdout
    assert fresh_run.json("countries", "list") == []
    missing = fresh_run.fails("budget")
    assert missing.stderr.startswith("error: there is no plan yet")


def test_seed_twice_adds_nothing_the_second_time(fresh_run: Invoker) -> None:
    fresh_run("init", "--no-seed")
    first = fresh_run.json("seed")
    assert first["plans_added"] == [2018] and first["countries_added"] > 50
    assert first["categories_added"] == 4
    second = fresh_run.json("seed")
    assert second == {
        "countries_added": 0,
        "categories_added": 0,
        "plans_added": [],
        "plans_skipped": [2018],
    }
    assert "already there, left alone: 2018" in fresh_run("seed").stdout
    assert len(fresh_run.json("events", "list")) == 5
    assert fresh_run.json("budget")["total"] == "10000.00"


def test_any_command_creates_a_missing_database_and_says_so(fresh_run: Invoker) -> None:
    result = fresh_run("plans", "list", "--format", "json")
    assert result.stderr.startswith("note: created a new database at ")
    assert [p["year"] for p in fresh_run.json("plans", "list")] == [2018]


def test_db_current_and_upgrade(fresh_run: Invoker) -> None:
    before = fresh_run.json("db", "current")
    assert before["current"] is None and before["up_to_date"] is False
    assert "(none: no schema yet)" in fresh_run("db", "current").stdout
    upgraded = fresh_run.json("db", "upgrade")
    assert (upgraded["before"], upgraded["after"]) == (None, head_revision())
    assert fresh_run.json("plans", "list") == []  # an upgrade does not seed
    out = fresh_run("db", "current").stdout
    assert f"current:  {head_revision()}" in out and f"head:     {head_revision()}" in out
    assert "already at the newest schema revision" in fresh_run("db", "upgrade").stdout


def test_backup_is_private_and_listed(run: Invoker, db_file: Path) -> None:
    made = run.json("db", "backup")
    backup = Path(made["path"])
    assert backup.exists() and backup.parent == db_file.parent / "t.db.backups"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert made["rows"] > 0
    listed = run.json("db", "backups")
    assert [Path(b["path"]) for b in listed] == [backup]
    assert backup.name in run("db", "backups").stdout


def test_restore_round_trip(run: Invoker) -> None:
    backup = run.json("db", "backup")["path"]
    run("events", "delete", "EUREGA", "--yes")
    run("budget", "set", "--year", "2018", "--country", "BE", "--category", "travel",
        "--amount", "1")  # fmt: skip
    assert len(run.json("events", "list")) == 4

    refused = run("db", "restore", backup, input="n\n", ok=False)
    assert refused.exit_code == 1 and len(run.json("events", "list")) == 4

    out = run("db", "restore", backup, input="y\n").stdout
    assert "safety backup of the current data:" in out
    assert len(run.json("events", "list")) == 5
    assert run.json("budget")["countries"][0]["lines"]["travel"] == "5000.00"

    # The safety backup holds the state just before the restore: restore it back.
    safety = next(b["path"] for b in run.json("db", "backups") if "before-restore" in b["path"])
    restored = run.json("db", "restore", safety, "--yes")
    assert restored["restored"]["path"] == safety
    assert len(run.json("events", "list")) == 4


def test_restore_keeps_the_oldest_backup_until_it_is_restored(run: Invoker) -> None:
    """Pruning after the safety backup must not delete the very file being restored."""
    oldest = run.json("db", "backup")["path"]
    for _ in range(4):  # keep_backups is 5: the oldest is next in line to be pruned
        run("db", "backup")
    run("events", "delete", "EUREGA", "--yes")
    run("db", "restore", oldest, "--yes")
    assert len(run.json("events", "list")) == 5
    assert len(run.json("db", "backups")) == 5


def test_bad_backup_file(run: Invoker, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = run.fails("db", "restore", str(junk), "--yes")
    assert result.stderr.startswith(f"error: {junk} is not a tracker database")
    assert len(run.json("events", "list")) == 5
    assert run.json("db", "backups") == []  # refused before anything was done
    missing = run.fails("db", "restore", str(tmp_path / "nope.db"), code=2)
    assert "does not exist" in missing.stderr


def test_backup_on_postgresql_points_to_pg_dump(any_run: Invoker) -> None:
    if any_run.db.startswith("postgresql"):
        result = any_run.fails("db", "backup")
        assert "pg_dump" in result.stderr
        assert "pg_dump" in any_run.fails("db", "restore", __file__, "--yes").stderr
    else:
        any_run("db", "backup")
