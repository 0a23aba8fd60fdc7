"""Every scenario of issue #6, several times, beside its floor; the table, and the doc.

Run from the repository root so the checkout's ``tracker`` is the one imported:

    python -m benchmarks.run [--db PATH] [--repeat 5] [--sessions 2] [--write-doc]

Without --db the big database is generated once and cached under /tmp/tracker-bench
(or $TRACKER_BENCH_CACHE, which also holds the working copies: give each run its own).
The database is never changed: the TUI (which edits a budget cell) and the CLI run on a
working copy, the import on a scratch copy per run. Start-up and the CLI run in fresh
processes; list screens, keys and the search in-process through the Pilot; services and
raw sqlite3 in-process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from benchmarks import report, ui_floor
from benchmarks.gen_common import Sizes
from benchmarks.generate import REFERENCE_TODAY, generate
from benchmarks.measure import Result, text_table

CACHE = Path(os.environ.get("TRACKER_BENCH_CACHE", "/tmp/tracker-bench"))  # scratch copies
ROOT = Path(__file__).resolve().parent.parent
EMPTY = Sizes(people=0, orgs=0, events=0, years=1, interactions=0, calls=0, consortia=0)


def cached_database(path: Path | None) -> tuple[Path, dict[str, object] | None]:
    path = path or CACHE / "big-seed1.db"
    sidecar = Path(f"{path}.json")
    if not path.exists():
        print(f"generating {path} (cached for later runs)…")
        generate(path, Sizes())
    info = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else None
    return path, info


def fresh_copy(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def step(name: str, run: Callable[[], list[Result]], results: list[Result]) -> None:
    started = time.perf_counter()
    print(f"== {name}", flush=True)
    try:
        found = run()
    except Exception as exc:  # one broken area must not hide the others
        found = [Result(name, "(whole area)", status=f"error: {type(exc).__name__}: {exc}"[:120])]
    results.extend(found)
    print(f"   {time.perf_counter() - started:.0f} s", flush=True)


def tui_area(work: Path, sessions: int) -> list[Result]:
    from benchmarks.tui_results import tui_results
    from benchmarks.tui_session import Collected, run_session

    floor = asyncio.run(ui_floor.measure())
    collected = Collected()
    for session in range(sessions):
        asyncio.run(run_session(work, REFERENCE_TODAY, collected, session))
    floor_rows = [
        Result(
            "floor",
            "bare Textual: key → 50-row table refilled",
            [floor["refill"]],
            cpu=floor["refill_cpu"],
        ),
        Result(
            "floor",
            "bare Textual: key → new screen with a 50-row table",
            [floor["open"]],
            cpu=floor["open_cpu"],
        ),
    ]
    return floor_rows + tui_results(work, collected, floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the big database (default: generated, cached)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per scenario (default 5)")
    parser.add_argument("--sessions", type=int, default=2, help="TUI sessions (default 2)")
    parser.add_argument("--write-doc", action="store_true", help="update docs/PERFORMANCE.md")
    parser.add_argument(
        "--only",
        nargs="*",
        choices=("startup", "tui", "services", "cli", "import"),
        help="run these areas only",
    )
    args = parser.parse_args()
    wanted = set(args.only or ("startup", "tui", "services", "cli", "import"))
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    CACHE.mkdir(parents=True, exist_ok=True)
    big, generation = cached_database(args.db)
    empty = CACHE / "empty.db"
    if not empty.exists():
        generate(empty, EMPTY, log=lambda _line: None)
    work = fresh_copy(big, CACHE / "work.db")
    today = REFERENCE_TODAY
    from tracker.config import Settings
    from tracker.services.context import Services

    svc = Services.connect(Settings.load(db=str(work), env={"TRACKER_DATA_DIR": str(CACHE)}))
    year = svc.plans.latest_year() or today.year
    svc.close()

    results: list[Result] = []
    if "startup" in wanted:
        from benchmarks.startup import startup_results

        step(
            "start-up and memory (fresh processes)",
            lambda: startup_results(work, empty, CACHE, today.isoformat(), args.repeat, 2, ROOT),
            results,
        )
    if "tui" in wanted:
        step(
            "TUI lists, keys, search, budget (Pilot)",
            lambda: tui_area(work, args.sessions),
            results,
        )
    if "services" in wanted:
        from benchmarks.scenarios_db import service_results

        step(
            f"services vs raw sqlite3 (plan year {year})",
            lambda: service_results(work, today, year, args.repeat),
            results,
        )
    if "cli" in wanted:
        from benchmarks.scenarios_cli import cli_results

        step(
            "CLI reads (fresh processes)",
            lambda: cli_results(work, 2022, args.repeat, ROOT)[0],
            results,
        )
    if "import" in wanted:
        from benchmarks.scenarios_io import csv_import_results, ics_result

        step(
            "CSV import and ICS export",
            lambda: [
                *csv_import_results(big, CACHE / "scratch.db", 100_000, min(args.repeat, 2)),
                ics_result(),
            ],
            results,
        )
    took = time.perf_counter() - started
    print()
    print(text_table(results))
    print(f"\n{took:.0f} s in all; load average {load_before:.1f} → {os.getloadavg()[0]:.1f}")
    raw = [asdict(r) | {"verdict": r.verdict} for r in results]
    (CACHE / "last-run.json").write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")
    if args.write_doc:
        info = {
            "when": datetime.now().strftime("%Y-%m-%d %H:%M"),
            "took": took,
            "command": "python -m benchmarks.run "
            + " ".join(a for a in sys.argv[1:] if a != "--write-doc"),
            "machine": report.machine(),
            "load": f"{load_before:.1f} → {os.getloadavg()[0]:.1f}",
        }
        block = report.generated_block(results, info, generation)
        report.write_doc(ROOT / "docs" / "PERFORMANCE.md", block)
        print("wrote docs/PERFORMANCE.md")


if __name__ == "__main__":
    main()
