"""Time of the ICS export of a plan year holding 10k events (SQLite). Target: ≤ 1 s.

Run from the repository root so the checkout's ``tracker`` is the one imported:

    python -m benchmarks.ics_export_bench [--events 10000] [--runs 5]

It builds a throw-away database migrated to head and seeded with the 2018 plan, bulk-
inserts dated events (a tenth of them multi-day, a twentieth recurring, all with a
reason and a web address so most lines are escaped and folded), then times
``CalendarIOService.export`` end to end and, apart, the database reading and the
writing of the bytes. For comparison it times the same import the other way
(``read_calendar``) once. Reported, never asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from tracker.db.engine import Database
from tracker.db.migrate import upgrade_to_head
from tracker.domain.enums import EventKind, EventStatus
from tracker.domain.models import Event, Plan
from tracker.domain.uid import new_uid
from tracker.io.ics_export import write_calendar
from tracker.io.ics_import import read_calendar
from tracker.services import _ics_export_entries as entries
from tracker.services.calendar_io import CalendarIOService
from tracker.services.seed import SeedService

NOW = datetime(2018, 3, 1, tzinfo=UTC)
CITIES = ("Brussels", "Düsseldorf", "Boston", "Lyon", "München", "Kraków", "São Paulo")
COUNTRIES = ("BE", "US", "DE", "FR")


def populate(db: Database, count: int, rng: random.Random) -> None:
    now = datetime.now(UTC)
    with db.write() as s:
        plan_id = s.scalar(select(Plan.id).where(Plan.year == 2018))
        rows = []
        for i in range(count):
            start = date(2018, 1, 1) + timedelta(days=rng.randrange(365))
            rows.append(
                {
                    "plan_id": plan_id,
                    "country_code": rng.choice(COUNTRIES),
                    "name": f"Health cluster partnering day {i}, {rng.choice(CITIES)}; B2B",
                    "kind": rng.choice(list(EventKind)),
                    "city": rng.choice(CITIES),
                    "start_date": start,
                    "end_date": start + timedelta(days=2) if i % 10 == 0 else None,
                    "organiser": "Enterprise Europe Network",
                    "url": f"https://events.example.eu/2018/{i}",
                    "status": rng.choice(list(EventStatus)),
                    "why": "Partners for COSME Go International; meet the Flemish cluster, "
                    "its hospitals and the regional agency — très important",
                    "recurrence": "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH" if i % 20 == 0 else "",
                    "uid": new_uid(),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1 + i % 3,
                }
            )
        s.execute(insert(Event), rows)


def timed(run: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run (CPU time says more on a busy machine)."""
    run()  # warm the caches
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def report(label: str, seconds: tuple[list[float], list[float]]) -> None:
    wall, cpu = seconds
    print(
        f"{label:<40} median {statistics.median(wall) * 1000:6.0f} ms   "
        f"best {min(wall) * 1000:6.0f} ms   worst {max(wall) * 1000:6.0f} ms   "
        f"CPU median {statistics.median(cpu) * 1000:6.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade_to_head(db.engine)
        SeedService(db).seed()
        populate(db, args.events, random.Random(args.seed))
        service = CalendarIOService(db)
        result = service.export(2018, now=NOW)
        print(
            f"{result.counts.events:,} events exported ({result.skipped_undated} undated "
            f"skipped): {len(result.ics_bytes) / 1e6:.1f} MB of .ics"
        )
        report("CalendarIOService.export (end to end)", timed(
            lambda: service.export(2018, now=NOW), args.runs
        ))  # fmt: skip

        def gather() -> list[entries.CalendarEntry]:
            with db.read() as s:
                plan_id = s.scalar(select(Plan.id).where(Plan.year == 2018))
                assert plan_id is not None
                return entries.event_entries(s, plan_id, None, [])[0]

        report("  reading the events into entries", timed(gather, args.runs))
        gathered = gather()
        report("  writing the bytes (write_calendar)", timed(
            lambda: write_calendar(gathered, name="Clust-ER plan 2018", now=NOW), args.runs
        ))  # fmt: skip
        start = time.perf_counter()
        preview = read_calendar(result.ics_bytes)
        took = time.perf_counter() - start
        print(f"for comparison, read_calendar of the export: {took:.1f} s, ok={preview.ok}")
        db.dispose()


if __name__ == "__main__":
    main()
