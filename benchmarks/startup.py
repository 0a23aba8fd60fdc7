"""Start-up scenarios: fresh processes of the bare app and the tracker, interleaved."""

from __future__ import annotations

import compileall
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import Result


def compile_like_installed(cwd: Path) -> None:
    """Write the checkout's bytecode, as ``pip install`` does for an installed app.

    The floor imports Textual from site-packages, compiled when it was installed; without
    this the tracker's own modules are compiled from source on every launch wherever
    ``PYTHONDONTWRITEBYTECODE`` is set (tens of modules: ~100 ms before the dashboard).
    ``py_compile`` writes the ``__pycache__`` files whatever that variable says.
    """
    for package in ("tracker", "benchmarks"):
        compileall.compile_dir(cwd / package, quiet=1)


def launch(args: list[str], cwd: Path, timeout: float = 240) -> dict[str, Any]:
    launched = time.monotonic()
    argv = [sys.executable, "-m", "benchmarks.startup_driver", args[0], repr(launched), *args[1:]]
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError((done.stderr.strip().splitlines() or ["no output"])[-1])
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def startup_results(
    big: Path, empty: Path, fresh_dir: Path, today: str, repeat: int, tours: int, cwd: Path
) -> list[Result]:
    compile_like_installed(cwd)
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "empty": [], "big": []}
    for _ in range(repeat):  # interleaved, so background load falls on all three alike
        runs["bare"].append(launch(["bare"], cwd))
        runs["empty"].append(launch(["tracker", str(empty), today], cwd))
        runs["big"].append(launch(["tracker", str(big), today], cwd))
    bare = statistics.median(r["first_paint"] for r in runs["bare"])
    bare_cpu = statistics.median(r["first_paint_cpu"] for r in runs["bare"])
    bare_rss = statistics.median(r["rss_mb"] for r in runs["bare"])

    def series(key: str, which: str) -> list[float]:
        return [float(r[key]) for r in runs[which]]

    def cpu(key: str, which: str) -> float:
        return statistics.median(series(f"{key}_cpu", which))

    results = [
        Result(
            "start-up",
            "bare Textual app: first paint (the floor)",
            series("first_paint", "bare"),
            cpu=bare_cpu,
        ),
        Result(
            "start-up",
            "TUI first paint, big database",
            series("first_paint", "big"),
            floor=bare,
            floor_is="bare Textual app (header, one line, footer), launched the same way",
            target="≤ 1.3× floor",
            limit=1.3,
            on="ratio",
            cpu=cpu("first_paint", "big"),
        ),
        Result(
            "start-up",
            "TUI first paint, empty database",
            series("first_paint", "empty"),
            floor=bare,
            floor_is="bare Textual app",
            cpu=cpu("first_paint", "empty"),
        ),
        Result(
            "start-up",
            "dashboard data on screen, big database",
            series("dashboard", "big"),
            floor=bare,
            floor_is="bare Textual app's first paint",
            target="≤ 400 ms",
            limit=400,
            cpu=cpu("dashboard", "big"),
            note="from the process's launch",
        ),
        Result(
            "start-up",
            "dashboard data on screen, empty database",
            series("dashboard", "empty"),
            floor=bare,
            floor_is="bare Textual app's first paint",
            cpu=cpu("dashboard", "empty"),
        ),
    ]
    for key, label in (("first_paint", "first paint"), ("dashboard", "dashboard data")):
        ratios = [b[key] / e[key] for b, e in zip(runs["big"], runs["empty"], strict=True)]
        results.append(
            Result(
                "start-up",
                f"{label}: big ÷ empty database",
                ratios,
                floor=1.0,
                floor_is="the same on the empty database (migrated and seeded: 2018 plan)",
                target="≤ 1.10×",
                limit=1.10,
                unit="×",
            )
        )
    fresh = fresh_dir / "brand-new.db"
    first_start = []
    for _ in range(min(2, repeat)):
        fresh.unlink(missing_ok=True)
        first_start.append(launch(["tracker", str(fresh), today], cwd)["dashboard"])
    results.append(
        Result(
            "start-up",
            "very first start (new file: migrations + seed)",
            first_start,
            floor=bare,
            floor_is="bare Textual app's first paint",
        )
    )
    tour_runs = [launch(["tracker", str(big), today, "--tour"], cwd) for _ in range(tours)]
    visited = ", ".join(tour_runs[0]["visited"]) if tour_runs else ""
    results.append(
        Result(
            "memory",
            "peak RSS of the TUI after visiting every area and a search",
            [r["rss_mb"] for r in tour_runs],
            floor=bare_rss,
            floor_is="bare Textual app's peak RSS",
            target="≤ 100 MB",
            limit=100,
            unit="MB",
            note=f"visited: {visited}",
        )
    )
    results.append(
        Result(
            "memory",
            "peak RSS at the dashboard, big database",
            series("rss_mb", "big"),
            floor=bare_rss,
            floor_is="bare Textual app's peak RSS",
            target="≤ 100 MB",
            limit=100,
            unit="MB",
        )
    )
    return results
