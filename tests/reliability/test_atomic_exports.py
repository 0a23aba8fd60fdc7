"""Guarantee 9: an export killed half-way leaves the old file or the complete new one."""

from __future__ import annotations

import csv
import random
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.csv_import_bench import generate
from tests.reliability.harness import KILLS, fresh_copy, make_template, rng, run_and_kill
from tracker.config import Settings
from tracker.services.context import Services

PEOPLE = 5_000
OLD = b"the previous export\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("csv") / "people.csv"
    generate(source, PEOPLE, 0.3, random.Random(11))

    def prepare(services: Services) -> None:
        services.csv.import_file("people", source)

    return make_template(tmp_path_factory.mktemp("template") / "data", prepare)


def _csv_complete(path: Path) -> bool:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) == PEOPLE + 1


def _xlsx_complete(path: Path) -> bool:
    with zipfile.ZipFile(path) as book:
        return book.testzip() is None and "xl/workbook.xml" in book.namelist()


EXPORTS: dict[str, tuple[str, Callable[[Services, Path], object], Callable[[Path], bool]]] = {
    "csv": ("people.csv", lambda s, p: s.csv.export("people", p), _csv_complete),
    "xlsx": ("plan.xlsx", lambda s, p: s.reports.write_workbook(2018, p), _xlsx_complete),
}


def kill_exports(template: Path, tmp: Path, kind: str, kills: int) -> dict[str, int]:
    name, export, complete = EXPORTS[kind]
    r = rng()
    settings = fresh_copy(template, tmp / "data")
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    start = time.monotonic()
    export(Services.connect(settings), out / name)  # how long one takes here
    length = time.monotonic() - start
    seen = {"old file": 0, "new file": 0}
    for _ in range(kills):
        target = out / name
        target.write_bytes(OLD)

        def work(say: Callable[[str], None], s: Settings = settings, t: Path = target) -> None:
            export(Services.connect(s), t)
            say("written")
            time.sleep(60)

        run_and_kill(work, r.uniform(0.05, length * 1.3))
        if target.read_bytes() == OLD:
            seen["old file"] += 1
        else:
            assert complete(target), f"a kill left a partial {name}"
            seen["new file"] += 1
        for temp in out.glob(f".{name}.*.tmp"):  # what the killed writer left: never the target
            temp.unlink()
    return seen


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_a_killed_export_leaves_the_old_file_or_the_new_one(
    template: Path, tmp_path: Path, kind: str
) -> None:
    seen = kill_exports(template, tmp_path, kind, KILLS // 10 or 5)
    print(f"{kind} export kills: {seen}")
    assert sum(seen.values()) == (KILLS // 10 or 5)


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_many_killed_exports(template: Path, tmp_path: Path, kind: str) -> None:
    seen = kill_exports(template, tmp_path, kind, KILLS // 5 or 60)
    print(f"{kind} export kills: {seen}")
    assert seen["old file"] and seen["new file"], seen
