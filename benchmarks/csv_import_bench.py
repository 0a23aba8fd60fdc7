"""Rows per second of `tracker import csv people` on 100k generated people.

Run from the repository root so the checkout's ``tracker`` is the one imported:

    python -m benchmarks.csv_import_bench [--people 100000] [--phones 0.3] [--db URL]

It writes a ``;``-separated UTF-8 file the way an Excel user would (names with accents,
2,000 organisations, roles, emails, a share of Italian phone numbers, some rows without
an email), then through ``CsvService.import_file`` on a new database migrated to head:

1. a dry run (read, map, check, de-duplicate: no writes),
2. the import (the same, then one transaction of Core executemany batches, the search
   index kept exact),
3. the same file again: every row a duplicate of the 100k now in the database.

Each is timed whole and split at the moment the checks end (from the progress callback).
Reported, never asserted. ``--db`` takes a PostgreSQL URL to measure that instead of a
throw-away SQLite file (the schema must be empty: it is migrated and seeded).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tracker.config import Settings
from tracker.services.context import Services
from tracker.services.dto_io import ImportReport

FIRST = ("Anna", "Giulia", "Niccolò", "Chiara", "Àlvaro", "Luca", "Francesca", "Marco",
         "Sofia", "Jean-Luc", "Helen", "Pieter", "Łukasz", "Mariagrazia", "Davide",
         "Elena")  # fmt: skip
LAST = ("Rossi", "Bertè", "Ferrè", "D'Agostino", "Núñez", "Bianchi", "Conti", "Martin",
        "O'Brien", "van den Berg", "Wiśniewski", "Neri", "Galli", "Moro", "Saccà",
        "Riva")  # fmt: skip
ROLES = ("Project manager", "CEO", "Responsabile internazionalizzazione", "Cluster manager",
         "Business developer", "Head of R&D", "")  # fmt: skip
ORG_WORDS = ("Bio", "Med", "Health", "Pharma", "Life", "Cluster", "Valley", "Tech", "Nova")
FORMS = ("S.r.l.", "S.p.A.", "GmbH", "SA", "", "Ltd")


def generate(path: Path, people: int, phones: float, rng: random.Random) -> None:
    orgs = [
        f"{rng.choice(ORG_WORDS)}{rng.choice(ORG_WORDS).lower()} {i} {rng.choice(FORMS)}".strip()
        for i in range(2_000)
    ]
    lines = ["Nome;Cognome;Azienda;Ruolo;E-mail;Telefono;Note"]
    for i in range(people):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        plain = "".join(c for c in last.lower() if c.isascii() and c.isalpha())
        initial = next((c for c in first.lower() if c.isascii()), "x")  # "Łukasz" → "u"
        email = "" if i % 20 == 0 else f"{initial}.{plain}{i}@example{i % 97}.it"
        phone = f"051 {rng.randint(200_000, 9_999_999)}" if rng.random() < phones else ""
        note = "incontrato a MEDICA" if i % 10 == 0 else ""
        lines.append(
            f"{first};{last} {i};{rng.choice(orgs)};{rng.choice(ROLES)};{email};{phone};{note}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(run: Callable[[Callable[[int, int], None]], ImportReport], rows: int) -> str:
    checked_at: list[float] = []

    def progress(done: int, total: int) -> None:
        if not checked_at and (done > rows or done == total):
            checked_at.append(time.perf_counter())

    start, cpu = time.perf_counter(), time.process_time()
    report = run(progress)
    end, cpu = time.perf_counter(), time.process_time() - cpu
    check = (checked_at[0] if checked_at else end) - start
    return (
        f"{rows / (end - start):>7,.0f} rows/s {end - start:6.2f} s "
        f"(checks {check:5.2f} s, writing {end - start - check:5.2f} s; "
        f"CPU {cpu:5.2f} s = {rows / cpu:,.0f} rows/s)  "
        f"new {report.new:,}, duplicates {report.duplicates:,}, written {report.written:,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--phones", type=float, default=0.3, help="share of rows with a phone")
    parser.add_argument("--db", help="a PostgreSQL URL (default: a throw-away SQLite file)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        generate(path, args.people, args.phones, random.Random(args.seed))
        size = path.stat().st_size / 1e6
        print(f"{args.people:,} people, {args.phones:.0%} with a phone, {size:.1f} MB")
        base = Settings.load(env={"TRACKER_DATA_DIR": folder})
        settings = Settings(args.db, base.data_dir, base.backup_dir) if args.db else base
        services = Services.open(settings)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"database: {services.db.engine.dialect.name}; load average {load:.1f} "
            f"on {os.cpu_count()} CPUs (other work slows the wall clock, not the CPU time)"
        )
        csv = services.csv
        try:
            print(
                "dry run:     ",
                timed(
                    lambda p: csv.import_file("people", path, dry_run=True, progress=p), args.people
                ),
            )
            print(
                "import:      ",
                timed(lambda p: csv.import_file("people", path, progress=p), args.people),
            )
            print(
                "all repeated:",
                timed(lambda p: csv.import_file("people", path, progress=p), args.people),
            )
        finally:
            services.close()


if __name__ == "__main__":
    main()
