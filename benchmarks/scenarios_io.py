"""The file scenarios: ``tracker import csv people`` of 100k rows and the ICS export.

The import runs the real importer (``CsvService.import_file``: read, map, check every
row, de-duplicate against the database and within the file, write in one transaction)
on a fresh copy of the big database for each run; its floor is the design probe of
``scenarios_db`` (the rows by raw sqlite3 executemany, the search index filled by one
INSERT…SELECT per index table: no parsing, no checks). The export times
``CalendarIOService.export`` of a plan year holding 10k events, on a database built by
``ics_export_bench``.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.measure import Result
from benchmarks.scenarios_db import import_raw, make_csv


def _fresh(pristine: Path, scratch: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(pristine, scratch)


def csv_import_results(pristine: Path, scratch: Path, rows: int, repeat: int) -> list[Result]:
    from benchmarks.csv_import_bench import generate
    from tracker.config import Settings
    from tracker.services.context import Services

    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-csv-"))
    path = folder / "people.csv"
    generate(path, rows, 0.3, random.Random(1))
    speeds, cpus, checks, notes = [], [], [], ""
    for _ in range(repeat):
        _fresh(pristine, scratch)
        settings = Settings.load(db=str(scratch), env={"TRACKER_DATA_DIR": str(folder)})
        services = Services.open(settings)
        checked: list[float] = []

        def progress(done: int, total: int, checked: list[float] = checked) -> None:
            if not checked and done > rows:  # the checks are done, the writing starts
                checked.append(time.perf_counter())

        try:
            start, cpu = time.perf_counter(), time.process_time()
            report = services.csv.import_file("people", path, progress=progress)
            took, cpu = time.perf_counter() - start, time.process_time() - cpu
        finally:
            services.close()
        speeds.append(rows / took)
        cpus.append(cpu)
        checks.append((checked[0] - start) if checked else took)
        notes = (
            f"{report.new:,} new, {report.duplicates:,} duplicates, {report.invalid:,} "
            f"invalid of {rows:,}; 30% with a phone; checks {statistics.median(checks):.1f} s "
            f"of {rows / statistics.median(speeds):.1f} s"
        )
    conn = sqlite3.connect(pristine)
    emails = [r[0] for r in conn.execute("SELECT email FROM people WHERE email != '' LIMIT 20000")]
    conn.close()
    _fresh(pristine, scratch)
    inserted, seconds = import_raw(scratch, make_csv(rows, emails), one_index_statement=True)
    floor = inserted / seconds
    shutil.rmtree(folder, ignore_errors=True)
    return [
        Result(
            "import",
            f"CSV import of {rows // 1000}k people into the big database (tracker import csv)",
            speeds,
            floor=floor,
            floor_is="raw sqlite3 executemany, index filled by one INSERT…SELECT per table",
            target="≥ 30,000 rows/s",
            limit=30_000,
            unit="rows/s",
            higher_is_better=True,
            cpu=statistics.median(cpus) * 1000,
            note=notes,
        )
    ]


def ics_result(events: int = 10_000, repeat: int = 3) -> Result:
    from benchmarks.ics_export_bench import populate
    from tracker.db.engine import Database
    from tracker.db.migrate import upgrade_to_head
    from tracker.services.calendar_io import CalendarIOService
    from tracker.services.seed import SeedService

    now = datetime(2018, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'ics.db'}")
        try:
            upgrade_to_head(db.engine)
            SeedService(db).seed()
            populate(db, events, random.Random(2018))
            service = CalendarIOService(db)
            first = service.export(2018, now=now)  # warm
            samples, cpus = [], []
            for _ in range(repeat):
                start, cpu = time.perf_counter(), time.process_time()
                service.export(2018, now=now)
                samples.append((time.perf_counter() - start) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
        finally:
            db.dispose()
    return Result(
        "export",
        f"ICS of the plan year's events ({events // 1000}k events)",
        samples,
        target="≤ 1 s",
        limit=1000,
        cpu=statistics.median(cpus),
        note=f"{first.counts.events:,} events, {len(first.ics_bytes) / 1e6:.1f} MB of .ics",
    )
