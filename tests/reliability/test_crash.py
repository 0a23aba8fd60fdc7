"""Guarantee 1: a child killed with SIGKILL at random moments leaves a sound database in
which every user action happened whole or not at all (and we see both outcomes)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.csv_import_bench import generate
from tests.reliability.harness import (
    KILLS,
    assert_sound,
    count,
    fresh_copy,
    make_template,
    rng,
    run_and_kill,
)
from tracker.config import Settings
from tracker.services.context import Services

IMPORT_ROWS = 20_000
BATCH = 10
PEOPLE = "SELECT count(*) FROM people"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")

    def prepare(services: Services) -> None:
        services.people.create({"name": "Edited Person", "notes": "edit -1"})

    return make_template(folder / "data", prepare)


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "people.csv"
    generate(path, IMPORT_ROWS, 0.3, random.Random(7))
    return path


def importer(settings: Settings, csv: Path) -> Callable[[Callable[[str], None]], None]:
    def work(say: Callable[[str], None]) -> None:
        services = Services.connect(settings)
        said: list[bool] = []

        def progress(done: int, total: int) -> None:
            if done > IMPORT_ROWS and not said:  # the checks are over: writing now
                said.append(True)
                say("writing")

        services.csv.import_file("people", csv, progress=progress)
        say("committed")
        time.sleep(60)  # killed after the commit, too

    return work


def kill_imports(template: Path, csv: Path, tmp: Path, kills: int) -> dict[str, int]:
    r = rng()
    before = count(template, PEOPLE)
    # One import to the end tells how long it takes here, so the kills spread over it.
    services = Services.connect(fresh_copy(template, tmp / "k"))
    start = time.monotonic()
    services.csv.import_file("people", csv)
    length = time.monotonic() - start
    services.close()
    seen = {"none": 0, "all": 0, "while writing": 0, "after the commit": 0}
    for i in range(kills):
        settings = fresh_copy(template, tmp / "k")
        work = importer(settings, csv)
        if i % 3 == 0:  # anywhere, mostly while the rows are checked
            killed = run_and_kill(work, r.uniform(0.05, length * 0.6))
        elif i % 3 == 1:  # while the rows are written
            killed = run_and_kill(work, r.uniform(0, length * 0.5), after="writing")
        else:  # just after the commit returned
            killed = run_and_kill(work, r.uniform(0, 0.01), after="committed")
        db = settings.data_dir / "tracker.db"
        assert_sound(db)
        added = count(db, PEOPLE) - before
        assert added in (0, IMPORT_ROWS), f"a kill left {added} of {IMPORT_ROWS} rows"
        if "committed" in killed.lines:
            assert added == IMPORT_ROWS
            seen["after the commit"] += 1
        elif "writing" in killed.lines:
            seen["while writing"] += 1
        seen["all" if added else "none"] += 1
    return seen


def _batch_file(folder: Path, i: int) -> Path:
    path = folder / f"batch-{i}.csv"
    rows = [f"Batch{i} Person{j};batch {i};b{i}.{j}@example.org" for j in range(BATCH)]
    path.write_text("name;role;email\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def editor(settings: Settings, person_id: int) -> Callable[[Callable[[str], None]], None]:
    def work(say: Callable[[str], None]) -> None:
        services = Services.connect(settings)
        folder = settings.data_dir
        i = 0
        while True:
            path = _batch_file(folder, i)
            say(f"start {i}")
            services.csv.import_file("people", path)
            say(f"done {i}")
            version = services.people.get(person_id).version
            services.people.update(person_id, {"notes": f"edit {i}"}, expected_version=version)
            say(f"edited {i}")
            i += 1

    return work


def kill_edits(template: Path, tmp: Path, kills: int) -> dict[str, int]:
    r = rng()
    person_id = count(template, "SELECT id FROM people WHERE full_name = 'Edited Person'")
    seen = {"in-flight batch kept": 0, "in-flight batch gone": 0, "batches": 0}
    for _ in range(kills):
        settings = fresh_copy(template, tmp / "e")
        killed = run_and_kill(editor(settings, person_id), r.uniform(0.01, 0.35))
        assert not killed.finished
        db = settings.data_dir / "tracker.db"
        assert_sound(db)
        started = [int(line.split()[1]) for line in killed.lines if line.startswith("start")]
        done = {int(line.split()[1]) for line in killed.lines if line.startswith("done")}
        edited = [int(line.split()[1]) for line in killed.lines if line.startswith("edited")]
        last = started[-1] if started else -1
        for k in range(last + 2):
            rows = count(db, "SELECT count(*) FROM people WHERE role = ?", f"batch {k}")
            if k < last or k in done:
                assert rows == BATCH, f"batch {k} was committed but has {rows} rows"
            elif k == last:
                assert rows in (0, BATCH), f"the batch in flight left {rows} of {BATCH} rows"
                seen["in-flight batch kept" if rows else "in-flight batch gone"] += 1
            else:
                assert rows == 0
        seen["batches"] += len(done)
        conn_notes = _notes(db, person_id)
        last_edit = edited[-1] if edited else -1
        assert conn_notes in (f"edit {last_edit}", f"edit {last_edit + 1}")
    return seen


def _notes(db: Path, person_id: int) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return str(
            conn.execute("SELECT notes FROM people WHERE id = ?", (person_id,)).fetchone()[0]
        )
    finally:
        conn.close()


def test_killed_imports_leave_all_or_nothing(template: Path, big_csv: Path, tmp_path: Path) -> None:
    seen = kill_imports(template, big_csv, tmp_path, KILLS // 4 or 6)
    print(f"import kills: {seen}")
    assert seen["none"] and seen["all"], seen


def test_killed_edit_streams_leave_whole_actions(template: Path, tmp_path: Path) -> None:
    seen = kill_edits(template, tmp_path, KILLS or 45)
    print(f"edit-stream kills: {seen}")
    assert seen["in-flight batch kept"] + seen["in-flight batch gone"] > 0
    assert seen["batches"] > 0


@pytest.mark.slow
def test_many_killed_imports(template: Path, big_csv: Path, tmp_path: Path) -> None:
    seen = kill_imports(template, big_csv, tmp_path, KILLS or 200)
    print(f"import kills: {seen}")
    assert seen["none"] and seen["all"] and seen["while writing"], seen


@pytest.mark.slow
def test_many_killed_edit_streams(template: Path, tmp_path: Path) -> None:
    seen = kill_edits(template, tmp_path, KILLS or 1000)
    print(f"edit-stream kills: {seen}")
    assert seen["in-flight batch kept"] and seen["in-flight batch gone"], seen
