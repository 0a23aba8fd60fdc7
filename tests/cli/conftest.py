"""Driving the ``tracker`` command the way a script does: CliRunner on a real database.

``run`` targets a fresh SQLite file; ``any_run`` runs on SQLite and, when
TRACKER_TEST_PG_URL is set, on a PostgreSQL schema of its own too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_invoker import Invoker


def _env(tmp_path: Path) -> dict[str, str | None]:
    # Never the user's own data folder or database.
    return {"TRACKER_DATA_DIR": str(tmp_path / "data"), "TRACKER_DATABASE_URL": None}


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "t.db"


@pytest.fixture
def fresh_run(db_file: Path, tmp_path: Path) -> Invoker:
    """The CLI on a SQLite file that does not exist yet."""
    return Invoker(str(db_file), _env(tmp_path))


@pytest.fixture
def run(fresh_run: Invoker) -> Invoker:
    """The CLI on a new SQLite file holding the seeded 2018 plan."""
    fresh_run("init")
    return fresh_run


@pytest.fixture(params=["sqlite", "postgres"])
def any_run(request: pytest.FixtureRequest, tmp_path: Path) -> Invoker:
    """The CLI on SQLite, and on PostgreSQL when TRACKER_TEST_PG_URL is set."""
    if request.param == "sqlite":
        invoker = Invoker(str(tmp_path / "t.db"), _env(tmp_path))
    else:
        invoker = Invoker(request.getfixturevalue("pg_schema_url"), _env(tmp_path))
    invoker("init")
    return invoker
