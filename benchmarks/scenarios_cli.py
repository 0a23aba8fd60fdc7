"""CLI reads in fresh processes, beside ``python -c "import sqlalchemy.orm"``.

Commands are run as ``python -m tracker.cli`` when the package has a ``__main__``
(else through ``tracker.cli.main``), with --db on the big database. Commands the CLI
does not have (yet) are reported as such, from its own ``--help``.

The checkout's modules are compiled to bytecode first, as an installed wheel's are (pip
compiles them at install): run from a checkout with PYTHONDONTWRITEBYTECODE set, every
command would otherwise compile our own ~60 modules from source each time (~25 ms for
``events list``), which no user pays. The floor's SQLAlchemy is compiled already.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.measure import Result

FLOOR = [sys.executable, "-c", "import sqlalchemy.orm"]
READS: tuple[tuple[str, ...], ...] = (
    ("events", "list", "--year", "{year}", "--format", "json"),
    ("budget", "--year", "{year}", "--format", "json"),
    ("plans", "list", "--format", "json"),
    ("orgs", "list", "--format", "json"),
    ("people", "list", "--format", "json"),
    ("followups", "--format", "json"),
    ("search", "rossi", "--format", "json"),
)


def entry() -> list[str]:
    if importlib.util.find_spec("tracker.cli.__main__") is not None:
        return [sys.executable, "-m", "tracker.cli"]
    return [sys.executable, "-c", "from tracker.cli import main; main()"]


def run_once(argv: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """(wall ms, child CPU ms, exit code, first line of stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=dict(os.environ))
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    error = (done.stderr.strip().splitlines() or [""])[-1]
    return wall, cpu, done.returncode, error


def cli_results(db: Path, year: int, repeat: int, cwd: Path) -> tuple[list[Result], float]:
    package = cwd / "tracker"
    if package.is_dir():
        compileall.compile_dir(package, quiet=1)
    floor_runs = [run_once(FLOOR, cwd) for _ in range(repeat + 1)][1:]
    floor = statistics.median(r[0] for r in floor_runs)
    floor_cpu = statistics.median(r[1] for r in floor_runs)
    help_text = subprocess.run([*entry(), "--help"], cwd=cwd, capture_output=True, text=True).stdout
    results = []
    for command in READS:
        args = [part.format(year=year) for part in command]
        name = "tracker " + " ".join(args)
        result = Result(
            "cli",
            name,
            floor=floor,
            floor_is=f'python -c "import sqlalchemy.orm" (CPU {floor_cpu:.0f} ms)',
            target="≤ 1.2× floor",
            limit=1.2,
            on="ratio",
        )
        if f"  {args[0]} " not in help_text:
            result.status = "not built yet"
            results.append(result)
            continue
        argv = [*entry(), "--db", str(db), *args]
        runs = [run_once(argv, cwd) for _ in range(repeat + 1)][1:]  # first: page cache
        failed = [r for r in runs if r[2] != 0]
        if failed:
            result.status = f"error (exit {failed[0][2]}): {failed[0][3][:70]}"
        result.samples = [r[0] for r in runs]
        result.cpu = statistics.median(r[1] for r in runs)
        results.append(result)
    return results, floor
