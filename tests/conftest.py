"""Shared fixtures: real databases migrated to head, never mocks.

``services`` runs on SQLite always and on PostgreSQL too when TRACKER_TEST_PG_URL is set
(each test then gets a schema of its own, dropped afterwards).
"""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tracker.config import Settings
from tracker.i18n import set_language
from tracker.services.context import Services

PG_URL = os.environ.get("TRACKER_TEST_PG_URL")
PG_SKIP_REASON = "TRACKER_TEST_PG_URL is not set: PostgreSQL tests need a server"


def sqlite_settings(folder: Path) -> Settings:
    return Settings.load(env={"TRACKER_DATA_DIR": str(folder)})


@pytest.fixture(autouse=True)
def collector_thresholds() -> Iterator[None]:
    """The TUI's warm-up spaces full collections out for the process: put them back."""
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale; tests switch on purpose."""
    monkeypatch.setenv("TRACKER_LANG", "en")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return sqlite_settings(tmp_path / "data")


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(PG_SKIP_REASON)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def backend_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "sqlite":
        return sqlite_settings(tmp_path / "data")
    url = request.getfixturevalue("pg_schema_url")
    base = sqlite_settings(tmp_path / "data")
    return Settings(database_url=url, data_dir=base.data_dir, backup_dir=base.backup_dir)


@pytest.fixture
def services(backend_settings: Settings) -> Iterator[Services]:
    """The app's services on a new database holding the seeded 2018 plan."""
    svc = Services.open(backend_settings)
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def sqlite_services(settings: Settings) -> Iterator[Services]:
    svc = Services.open(settings)
    try:
        yield svc
    finally:
        svc.close()
