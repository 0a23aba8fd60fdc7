"""Guarantee 7: under umask 022 everything we write about people is 0600, the folder 0700."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.config import Settings
from tracker.services.context import Services


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_database_wal_shm_backups_exports_are_private(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()
    env = {"TRACKER_DATA_DIR": str(data), "TRACKER_DATABASE_URL": None}
    runner = CliRunner()

    def run(*args: str) -> None:
        result = runner.invoke(cli, list(args), env=env, prog_name="tracker")
        assert result.exit_code == 0, result.output

    run("init")
    run("people", "add", "Anna Rossi", "--email", "anna@example.org")
    run("db", "backup")
    run("export", "csv", "people", "-o", str(out / "people.csv"))
    run("export", "vcard", "-o", str(out / "people.vcf"))
    run("export", "xlsx", "-o", str(out / "plan.xlsx"))
    run("report", "plan", "-o", str(out / "plan.md"))
    run("people", "export-data", "Anna Rossi", "-o", str(out / "anna.json"))

    # while the app runs, SQLite's -wal and -shm sit beside the database
    services = Services.connect(Settings.load(env={"TRACKER_DATA_DIR": str(data)}))
    try:
        services.people.create({"name": "Marco Bianchi"})
        assert (data / "tracker.db-wal").exists() and (data / "tracker.db-shm").exists()
        for name in ("tracker.db-wal", "tracker.db-shm"):
            assert mode(data / name) == 0o600, name
    finally:
        services.close()
    assert mode(data) == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"tracker.db"}
    for path in [*files, *out.iterdir()]:
        assert mode(path) == 0o600, f"{path} is {oct(mode(path))}"
    for folder in [p for p in data.rglob("*") if p.is_dir()]:
        assert mode(folder) == 0o700, f"{folder} is {oct(mode(folder))}"
    assert len(list(out.iterdir())) == 5
