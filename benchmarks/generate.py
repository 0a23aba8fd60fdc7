"""A realistic big database for the benchmarks, made through the app's own migrations.

Run from the repository root so the checkout's ``tracker`` is the one imported:

    python -m benchmarks.generate --out /tmp/big.db            # 100k people, 500k contacts
    python -m benchmarks.generate --out /tmp/small.db --small  # 2k people, in seconds

The schema comes from ``upgrade_to_head`` and the reference data and 2018 plan from the
seed service, as for a user; then plan years 2018–2027, organisations, people, events,
money, the contact log and funding calls are bulk-inserted with SQLAlchemy Core
``insert()`` executemany in batches of 20,000, one transaction per part. The search
triggers are dropped during the load and the index is then rebuilt by the app's own
``tracker.db.fts.repair_sqlite`` (the start-up repair path): FTS5 flushes its pending
terms at every statement savepoint, so a trigger per row costs ~15x more than a rebuild.
``--through-triggers`` keeps them on, as a user's inserts are. Same seed, same database.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import text

from benchmarks.gen_common import SMALL, Gen, Sizes
from benchmarks.gen_contacts import add_funding, add_interactions
from benchmarks.gen_partners import add_organisations, add_people
from benchmarks.gen_plans import add_events, add_plans
from tracker.db import fts
from tracker.db.engine import Database
from tracker.db.migrate import upgrade_to_head
from tracker.services.seed import SeedService

# The day the data is generated "as of": follow-ups are overdue, events past, relative
# to it. The benchmarks start the app with the same ``today``.
REFERENCE_TODAY = date(2026, 11, 2)


@dataclass(frozen=True)
class Generated:
    path: str
    seed: int
    today: str
    sizes: dict[str, int]
    through_triggers: bool
    seconds: float
    phases: dict[str, float]
    rows: dict[str, int]
    megabytes: float


def row_counts(db: Database) -> dict[str, int]:
    """Every table's rows (the search index's shadow tables left out)."""
    with db.engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%\\_fts%' ESCAPE '\\' AND name NOT LIKE '%\\_tri%' ESCAPE '\\' "
            "ORDER BY name"
        ).scalars()
        return {n: conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar_one() for n in names}


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".json"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def generate(
    path: Path,
    sizes: Sizes = Sizes(),  # noqa: B008 - frozen dataclass
    *,
    seed: int = 1,
    today: date = REFERENCE_TODAY,
    through_triggers: bool = False,
    log: Callable[[str], None] = print,
) -> Generated:
    _remove(path)
    started = time.perf_counter()
    phases: dict[str, float] = {}
    db = Database(f"sqlite:///{path.resolve()}")
    try:
        upgrade_to_head(db.engine)
        SeedService(db).seed()
        phases["migrate + seed"] = time.perf_counter() - started
        with db.engine.connect() as conn:
            # A bigger page cache for the load only; the app's own pragmas stay as they are.
            raw = conn.connection.driver_connection  # pragmas outside any transaction
            assert raw is not None
            raw.execute("PRAGMA cache_size = -262144")
            gen = Gen(conn, random.Random(seed), today, sizes)
            parts: list[tuple[str, Callable[[], object]]] = [
                ("organisations", lambda: add_organisations(gen)),
                ("people", lambda: add_people(gen)),
                ("plans + events + money", lambda: add_events(gen, add_plans(gen))),
                ("contact log", lambda: add_interactions(gen)),
                ("funding calls", lambda: add_funding(gen)),
            ]
            if not through_triggers:
                with conn.begin():
                    for name, ddl in fts.sqlite_objects().items():
                        if ddl.startswith("CREATE TRIGGER"):
                            conn.exec_driver_sql(f"DROP TRIGGER {name}")
            for name, part in parts:
                began = time.perf_counter()
                with conn.begin():
                    part()
                phases[name] = time.perf_counter() - began
                log(f"  {name:<24} {phases[name]:6.1f} s")
            if not through_triggers:
                # The app's own repair: triggers back, every index table rebuilt from rows.
                began = time.perf_counter()
                with conn.begin():
                    fts.repair_sqlite(conn)
                phases["search index rebuild"] = time.perf_counter() - began
                log(f"  {'search index rebuild':<24} {phases['search index rebuild']:6.1f} s")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = row_counts(db)
    finally:
        db.dispose()
    seconds = time.perf_counter() - started
    report = Generated(
        path=str(path),
        seed=seed,
        today=today.isoformat(),
        through_triggers=through_triggers,
        sizes=asdict(sizes),
        seconds=round(seconds, 1),
        phases={k: round(s, 1) for k, s in phases.items()},
        rows=rows,
        megabytes=round(path.stat().st_size / 1e6, 1),
    )
    Path(f"{path}.json").write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    return report


def integrity_problems(path: Path) -> list[str]:
    """What FTS5's integrity-check finds wrong with the search index (empty: none)."""
    db = Database(f"sqlite:///{path.resolve()}")
    try:
        with db.engine.connect() as conn:
            problems = fts.integrity_check_sqlite(conn)
            status = conn.execute(text("PRAGMA quick_check")).scalar_one()
    finally:
        db.dispose()
    return problems if status == "ok" else [*problems, f"quick_check: {status}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the SQLite file to (re)create")
    parser.add_argument("--small", action="store_true", help="2k people: a quick smoke run")
    defaults = Sizes()
    for name, default in asdict(defaults).items():
        parser.add_argument(f"--{name}", type=int, default=None, help=f"default {default:,}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--through-triggers",
        action="store_true",
        help="keep the search triggers on during the load (as in use; several times slower)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    args = parser.parse_args()
    if args.out.exists() and not args.force:
        parser.error(f"{args.out} exists: pass --force to replace it")
    base = SMALL if args.small else defaults
    chosen = {k: getattr(args, k) for k in asdict(base) if getattr(args, k) is not None}
    sizes = Sizes(**{**asdict(base), **chosen})
    print(f"generating {args.out} (seed {args.seed}): {asdict(sizes)}")
    report = generate(args.out, sizes, seed=args.seed, through_triggers=args.through_triggers)
    print(f"done in {report.seconds:.1f} s, {report.megabytes:,.0f} MB")
    for table, count in report.rows.items():
        print(f"  {table:<28} {count:>9,}")


if __name__ == "__main__":
    main()
