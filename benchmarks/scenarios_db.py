"""Service-level timings beside raw sqlite3 floors, and the raw floor of a bulk import.

Each service call is what a screen's worker runs: timed in-process, warm, with the SQL it
issued captured and replayed on a bare sqlite3 connection for the floor. What is left
between the two is the ORM, the DTOs and Python.
"""

from __future__ import annotations

import csv
import io
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks import vocabulary as v
from benchmarks.gen_common import ascii_slug, spaced
from benchmarks.measure import Result
from benchmarks.probe import Statement, replay


@dataclass
class Timing:
    samples: list[float]
    cpu: float  # median CPU ms of the process per call
    floor: float
    statements: int


def time_service(path: Path, db: Any, call: Callable[[], object], repeat: int) -> Timing:
    from sqlalchemy import event

    captured: list[Statement] = []

    def before(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        captured.append(Statement(0.0, sql, params, many))

    call()  # warm: statement cache, page cache
    samples, cpus = [], []
    for index in range(repeat):
        if index == repeat - 1:
            event.listen(db.engine, "before_cursor_execute", before)
        started, cpu = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    event.remove(db.engine, "before_cursor_execute", before)
    floor = replay(path, captured, repeat=max(3, repeat))
    return Timing(samples, statistics.median(cpus), floor, len(captured))


ServiceCall = tuple[str, Callable[[], object], float | None]


def service_calls(svc: Any, today: date, year: int) -> list[ServiceCall]:
    """(name, call, target ms): what the screens' workers ask the services for."""
    from tracker.services.dto import EventQuery
    from tracker.services.dto_partners import InteractionQuery, OrganisationQuery, PersonQuery

    return [
        ("events page 1", lambda: svc.events.list(EventQuery(year=year)), 50),
        ("events page 11", lambda: svc.events.list(EventQuery(year=year, offset=500)), 35),
        ("events sorted by name", lambda: svc.events.list(EventQuery(year=year, sort="name")), 35),
        ("events filtered 'medi'", lambda: svc.events.list(EventQuery(year=year, text="medi")), 35),
        ("people page 1", lambda: svc.people.list(PersonQuery()), 50),
        ("people page 11", lambda: svc.people.list(PersonQuery(offset=500)), 35),
        ("people filtered 'ros'", lambda: svc.people.list(PersonQuery(text="ros")), 35),
        ("people by organisation", lambda: svc.people.list(PersonQuery(sort="organisation")), 35),
        ("people by last update", lambda: svc.people.list(PersonQuery(sort="updated")), 35),
        (
            "people by last update, reversed",
            lambda: svc.people.list(PersonQuery(sort="updated", descending=True)),
            35,
        ),
        ("organisations page 1", lambda: svc.organisations.list(OrganisationQuery()), 50),
        (
            "organisations filtered 'cardio'",
            lambda: svc.organisations.list(OrganisationQuery(text="cardio")),
            35,
        ),
        ("contact log page 1", lambda: svc.contact_log.list(InteractionQuery()), 50),
        (
            "contact log filtered 'ros'",
            # As the screen asks: counting stops at 10,000 ("10000+ entries").
            lambda: svc.contact_log.list(InteractionQuery(text="ros", count_at_most=10_000)),
            35,
        ),
        ("follow-ups page 1", lambda: svc.contact_log.followups(today), 50),
        ("follow-up summary (dashboard)", lambda: svc.contact_log.followup_summary(today), None),
        ("budget table", lambda: svc.budget.table(year), 50),
        ("plan overview", lambda: svc.plans.overview(year), None),
        (
            "search 'rossi ma'",
            lambda: svc.search.search("rossi ma", limit=30, count_at_most=10_000),
            30,
        ),
        ("search 'd'an'", lambda: svc.search.search("d'an", limit=30, count_at_most=10_000), 30),
        ("search 'ni'", lambda: svc.search.search("ni", limit=30, count_at_most=10_000), 30),
    ]


def open_services(path: Path) -> Any:
    from tracker.config import Settings
    from tracker.services.context import Services

    settings = Settings.load(db=str(path), env={"TRACKER_DATA_DIR": str(path.parent)})
    return Services.connect(settings)


def service_results(path: Path, today: date, year: int, repeat: int) -> list[Result]:
    svc = open_services(path)
    calls = service_calls(svc, today, year)
    results = []
    try:
        for name, call, target in calls:
            result = Result("service", name, target=f"≤ {target:g} ms" if target else "")
            result.limit = target
            try:
                timing = time_service(path, svc.db, call, repeat)
            except Exception as exc:  # a service that fails is a finding, not a crash
                result.status = f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:80]}"
                results.append(result)
                continue
            result.samples = timing.samples
            result.cpu = timing.cpu
            result.floor = timing.floor
            result.floor_is = f"the same {timing.statements} statements on raw sqlite3"
            results.append(result)
    finally:
        svc.close()
    return results


# -- the CSV import stand-in ----------------------------------------------------------

CSV_COLUMNS = ("full_name", "email", "role", "phone", "languages")


def make_csv(rows: int, existing_emails: list[str], seed: int = 11) -> str:
    """People as a CSV export would hold them; 3% already in the database, 1% twice."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    written: list[list[str]] = []
    for index in range(rows):
        if existing_emails and rng.random() < 0.03:
            email = rng.choice(existing_emails)
            row = [email.split("@")[0].replace(".", " ").title(), email, "", "", ""]
        elif written and rng.random() < 0.01:
            row = list(rng.choice(written))
        else:
            first = spaced(rng.choice(v.FIRST_IT + v.FIRST_INTL))
            last = spaced(rng.choice(v.LAST_IT + v.LAST_INTL))
            email = f"{ascii_slug(first, '.')}.{ascii_slug(last)}.{index}@import.example.org"
            row = [f"{first} {last}", email, rng.choice(v.ROLES), "", rng.choice(v.LANGUAGES)]
        written.append(row)
        writer.writerow(row)
    return out.getvalue()


def _parse_dedup(text: str, known: set[str]) -> list[dict[str, Any]]:
    """Rows not already known by email (case ignored), nor repeated in the file."""
    now = datetime.now(UTC)
    rows = []
    for record in csv.DictReader(io.StringIO(text)):
        email = record["email"].strip().lower()
        if email and email in known:
            continue
        known.add(email)
        rows.append(
            {
                "full_name": record["full_name"].strip(),
                "email": email,
                "role": record["role"],
                "phone": record["phone"],
                "languages": record["languages"],
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
    return rows


def import_raw(path: Path, text: str, *, one_index_statement: bool = False) -> tuple[int, float]:
    """The floor: the same rows through sqlite3 alone (triggers on, as the app leaves them).

    With ``one_index_statement``, the search triggers are dropped for the load and the
    new rows indexed by one INSERT … SELECT per index table: the cost of a design that
    does not pay FTS5's flush per row (see docs/PERFORMANCE.md).
    """
    from tracker.db import fts

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        known = {r[0] for r in conn.execute("SELECT lower(email) FROM people WHERE email != ''")}
        rows = _parse_dedup(text, known)
        stamp = rows[0]["created_at"].strftime("%Y-%m-%d %H:%M:%S.%f") if rows else ""
        values = [
            (r["full_name"], r["email"], r["role"], r["phone"], r["languages"], stamp, stamp)
            for r in rows
        ]
        last = conn.execute("SELECT coalesce(max(id), 0) FROM people").fetchone()[0]
        triggers = {n: s for n, s in fts.sqlite_objects().items() if s.startswith("CREATE TRIGGER")}
        people = [n for n in triggers if " ON people " in triggers[n] and "_ai " in f"{n} "]
        if one_index_statement:
            for name in people:
                conn.execute(f"DROP TRIGGER {name}")
        conn.executemany(
            "INSERT INTO people (full_name, email, role, phone, languages, notes, is_staff, "
            "consent, consent_source, created_at, updated_at, version) "
            "VALUES (?, ?, ?, ?, ?, '', 0, 'unknown', '', ?, ?, 1)",
            values,
        )
        if one_index_statement:
            table = fts.SEARCH_TABLE["people"]
            for index, columns in ((table.fts, table.columns), (table.tri, table.substring)):
                cols = ", ".join(columns)
                conn.execute(
                    f"INSERT INTO {index}(rowid, {cols}) SELECT id, {cols} FROM people "
                    "WHERE id > ?",
                    (last,),
                )
            for name in people:
                conn.execute(triggers[name])
        conn.execute("COMMIT")
        return len(rows), time.perf_counter() - started
    finally:
        conn.close()


def median_or_none(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
