"""pytest-alembic wiring: the standard migration tests on SQLite (and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_alembic.config import Config as PytestAlembicConfig
from sqlalchemy import Engine

from tracker.db.engine import make_engine
from tracker.db.migrate import alembic_config as tracker_alembic_config


@pytest.fixture
def alembic_config() -> PytestAlembicConfig:
    return PytestAlembicConfig.from_raw_config(tracker_alembic_config())


@pytest.fixture(params=["sqlite", "postgres"])
def alembic_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrations.db'}"
    else:
        url = request.getfixturevalue("pg_schema_url")
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()
