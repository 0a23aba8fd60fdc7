"""Turn the sessions' timings into table rows: floors, targets and the after-debounce view."""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks.measure import Result
from benchmarks.probe import replay
from benchmarks.tui_session import Collected, Timed

UNDER_DEBOUNCE = ("filter keystroke", "search: keystroke")


def target_of(name: str) -> tuple[str, float | None, float | None]:
    """(label, median limit, worst limit) from the issue's targets."""
    if name.endswith(": open") and not name.startswith("search"):
        return "≤ 50 ms", 50, None
    if "keystroke" in name:
        return "p50 ≤ 30, worst ≤ 60 ms", 30, 60
    if any(k in name for k in ("next page", "sort", "reverse", "other view")):
        return "≤ 35 ms", 35, None
    return "", None, None


def sql_floor(db: Path, timings: list[Timed]) -> float:
    """Median over up to five samples of replaying each one's own statements."""
    picked = timings[:: max(1, len(timings) // 5)][:5]
    return statistics.median(replay(db, t.statements, repeat=3) for t in picked)


def tui_results(db: Path, collected: Collected, ui_floor: dict[str, float]) -> list[Result]:
    results = []
    for name, timings in collected.timings.items():
        area, _, what = name.partition(": ")
        ui = ui_floor["open"] if what == "open" else ui_floor["refill"]
        sql = sql_floor(db, timings)
        label, limit, worst = target_of(name)
        cpu = statistics.median(t.cpu_ms for t in timings)
        results.append(
            Result(
                area,
                f"{what} (n={len(timings)})",
                [t.ms for t in timings],
                floor=ui + sql,
                floor_is=f"bare Textual {'new screen with' if what == 'open' else 'refill of'} "
                f"a 50-row table ({ui:.1f} ms) + the same SQL on raw sqlite3 ({sql:.1f} ms)",
                target=label,
                limit=limit,
                limit_worst=worst,
                cpu=cpu,
            )
        )
        works = [t.work_ms for t in timings if t.work_ms is not None]
        if any(k in name for k in UNDER_DEBOUNCE) and works:
            results.append(
                Result(
                    area,
                    "  the same, after the debounce (first SQL → frame)",
                    works,
                    floor=ui + sql,
                    floor_is="as above",
                    target=label,
                    limit=limit,
                    limit_worst=worst,
                )
            )
    for name, why in collected.missing.items():
        area, _, what = name.partition(": ")
        if name not in collected.timings:
            label, limit, worst = target_of(name)
            results.append(Result(area, what, target=label, status=why))
    return results
