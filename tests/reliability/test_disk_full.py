"""Guarantee 2: a full disk (the child's file size capped with RLIMIT_FSIZE) gives a clear
message, leaves the database intact and the program able to go on."""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.csv_import_bench import generate
from tests.reliability.harness import assert_sound, count, exit_code, fresh_copy, make_template
from tracker.domain.errors import TrackerError
from tracker.services.context import Services

PEOPLE = "SELECT count(*) FROM people"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template") / "data")


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "people.csv"
    generate(path, 5_000, 0.3, random.Random(3))
    return path


def _cap(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _tracker(args: list[str], data: Path, limit: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRACKER_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    env.pop("TRACKER_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "tracker.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=lambda: _cap(limit),
        timeout=120,
    )


def test_an_import_onto_a_full_disk_says_so_and_changes_nothing(
    template: Path, big_csv: Path, tmp_path: Path
) -> None:
    settings = fresh_copy(template, tmp_path / "data")
    db = settings.data_dir / "tracker.db"
    before = count(db, PEOPLE)
    limit = db.stat().st_size + 64 * 1024  # room for the WAL to start, not for 5000 people
    result = _tracker(["import", "csv", "people", str(big_csv)], settings.data_dir, limit)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("error: the database could not be written"), result.stderr
    assert "nothing of this action was saved" in last
    assert_sound(db)
    assert count(db, PEOPLE) == before
    # with room again, the same command works: nothing was left half-done
    again = _tracker(["import", "csv", "people", str(big_csv)], settings.data_dir, 2**40)
    assert again.returncode == 0, again.stderr
    assert count(db, PEOPLE) == before + 5_000


def test_an_export_onto_a_full_disk_keeps_the_old_file(
    template: Path, big_csv: Path, tmp_path: Path
) -> None:
    settings = fresh_copy(template, tmp_path / "data")
    Services.connect(settings).csv.import_file("people", big_csv)
    target = tmp_path / "people.csv"
    target.write_text("the old export\n")
    limit = 100 * 1024  # room for the -shm and the first pages, not for 5000 people
    result = _tracker(["export", "csv", "people", "-o", str(target)], settings.data_dir, limit)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and "too large" in result.stderr, result.stderr
    assert target.read_text() == "the old export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".people")] == []


def test_the_services_go_on_after_a_full_disk(
    template: Path, big_csv: Path, tmp_path: Path
) -> None:
    """In one process (as in the TUI): the failed action is an error, the next one works."""
    settings = fresh_copy(template, tmp_path / "data")
    db = settings.data_dir / "tracker.db"
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            _cap(db.stat().st_size + 64 * 1024)
            services = Services.connect(settings)
            try:
                services.csv.import_file("people", big_csv)
                code = 4  # should not have fitted
            except TrackerError as exc:
                code = 0 if "could not be written" in str(exc) else 5
            except Exception as exc:  # what the TUI would show: is it one of ours?
                os.write(2, f"not a TrackerError: {exc!r}\n".encode())
                code = 6
            if code == 0:
                services.people.create({"name": "Still Working"})
            services.close()
        finally:
            os._exit(code)
    assert exit_code(pid) == 0
    assert_sound(db)
    assert count(db, "SELECT count(*) FROM people WHERE full_name = 'Still Working'") == 1
