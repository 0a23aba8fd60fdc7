"""Where a slow service call spends its time: each statement's CPU on raw sqlite3, and its plan.

    python -m benchmarks.explain [--db PATH] [--over 20] [NAME-FRAGMENT ...]

Runs the service calls the benchmarks time (``scenarios_db.service_calls``), keeps those
slower than ``--over`` ms of CPU, and prints the SQL they issued with SQLite's
``EXPLAIN QUERY PLAN``: the evidence quoted in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import REFERENCE_TODAY
from benchmarks.run import CACHE
from benchmarks.scenarios_db import open_services, service_calls

SKIP = ("BEGIN", "COMMIT", "ROLLBACK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=CACHE / "work.db")
    parser.add_argument("--over", type=float, default=20.0, help="ms of CPU (default 20)")
    parser.add_argument("names", nargs="*", help="only calls whose name contains one of these")
    args = parser.parse_args()
    from sqlalchemy import event

    svc = open_services(args.db)
    year = svc.plans.latest_year() or REFERENCE_TODAY.year
    captured: list[tuple[str, Any]] = []
    event.listen(
        svc.db.engine,
        "before_cursor_execute",
        lambda _c, _cur, sql, params, _ctx, _many: captured.append((sql, params)),
    )
    raw = sqlite3.connect(args.db)
    for name, call, _target in service_calls(svc, REFERENCE_TODAY, year):
        if args.names and not any(n in name for n in args.names):
            continue
        try:
            call()  # warm
        except Exception as exc:
            print(f"### {name}: ERROR {str(exc).splitlines()[0]}")
            continue
        captured.clear()
        started, cpu = time.perf_counter(), time.process_time()
        call()
        wall, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
        if cpu < args.over:
            continue
        print(f"### {name}: {wall:.0f} ms wall, {cpu:.0f} ms CPU in the service")
        for sql, params in captured:
            if sql.startswith(SKIP):
                continue
            began = time.process_time()
            raw.execute(sql, params).fetchall()
            spent = (time.process_time() - began) * 1000
            print(f"  [{spent:6.1f} ms CPU raw] {' '.join(sql.split())[:160]}")
            for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params):
                print(f"      {row[3]}")
    svc.close()


if __name__ == "__main__":
    main()
