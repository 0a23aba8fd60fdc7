"""One fresh process: launch a Textual app headless and say when it painted, as JSON.

    python -m benchmarks.startup_driver bare LAUNCHED
    python -m benchmarks.startup_driver tracker LAUNCHED DB TODAY [--tour]

LAUNCHED is the parent's ``time.monotonic()`` just before it started this process, so
the figures include the interpreter's start and every import. ``bare`` is the floor: a
Textual app with a header, one line of text and a footer (what the tracker's loading
screen shows). ``tracker`` is the real app as ``tracker`` builds it; it reports the first
frame, and the first frame after the dashboard applied its data. ``--tour`` then visits
every area and the search, to see the process's peak memory (VmHWM) after real use.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from benchmarks.probe import Probe, bindings_of, now

SIZE = (160, 48)


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Opening the database…")
        yield Footer()


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_bare(launched: float) -> dict[str, Any]:
    app = BareApp()
    probe = Probe(app).install()

    async def drive(pilot: Any) -> None:
        await probe.settled(0.0, results=0, quiet=0.0)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=drive)
    first = probe.paints[0]
    return {
        "first_paint": (first.at - launched) * 1000,
        "first_paint_cpu": first.cpu * 1000,
        "rss_mb": peak_rss_mb(),
    }


async def _tour(pilot: Any, probe: Probe) -> list[str]:
    """Visit each area and type a search, as a user would; name what was visited.

    Areas are switched to directly: a key that opens an area from the dashboard may do
    something else (even a write) on another screen.
    """
    app = pilot.app
    visited = []
    for mode in app.MODES:
        if mode != app.current_mode:  # the area on screen would paint nothing new
            started = now()
            app.switch_mode(mode)
            await probe.settled(started, results=0, quiet=0.5)
        visited.append(mode)
    keys = bindings_of(app)
    if "search" in keys:
        app.switch_mode("dashboard")
        await pilot.press(keys["search"])
        for char in "rossi":
            started = now()
            await pilot.press(char)
            await probe.settled(started, results=0, quiet=0.4)
        visited.append("search")
    return visited


def _watch_dashboard(marks: dict[str, float]) -> None:
    """Mark when the dashboard has applied its data, without importing its module before
    the first paint (the app imports each screen when first shown)."""
    import tracker.tui.app as app_module

    def patch(screen: Any) -> Any:
        shown = screen.show
        if getattr(shown, "bench_watch", False):
            return screen

        def show(self: Any, data: Any) -> None:
            shown(self, data)
            marks.setdefault("dashboard_applied", now())

        show.bench_watch = True  # type: ignore[attr-defined]
        screen.show = show
        return screen

    lookup = getattr(app_module, "_screen_class", None)
    if lookup is None:  # screens imported up front
        from tracker.tui.screens.dashboard import DashboardScreen

        patch(DashboardScreen)
        return

    def screen_class(area: str) -> Any:
        found = lookup(area)
        return patch(found) if area == "dashboard" else found

    app_module._screen_class = screen_class  # type: ignore[attr-defined]


def run_tracker(launched: float, db: str, today: str, tour: bool) -> dict[str, Any]:
    from datetime import date

    import tracker.cli  # noqa: F401 - the `tracker` command imports it before the TUI
    from tracker.config import Settings
    from tracker.tui.app import make_app

    data_dir = tempfile.mkdtemp(prefix="tracker-bench-")
    settings = Settings.load(db=db, env={"TRACKER_DATA_DIR": data_dir})
    app = make_app(settings, today=date.fromisoformat(today))
    probe = Probe(app).install()
    marks: dict[str, float] = {}
    _watch_dashboard(marks)
    visited: list[str] = []

    async def drive(pilot: Any) -> None:
        nonlocal visited
        deadline = now() + 120
        # Polled, not awaited through a frame: the data may land just before a wait for
        # the next frame starts, and then nothing more is painted.
        while "dashboard_applied" not in marks and now() < deadline:
            await asyncio.sleep(0.002)
        applied = marks.get("dashboard_applied", now())
        # The first frame painted after the data was applied (not after later worker
        # hand-overs: the warm-up's, say, which may paint nothing).
        frame = await probe.first_paint_after(applied)
        marks["dashboard"], marks["dashboard_cpu"] = frame.at, frame.cpu
        if tour:
            visited = await _tour(pilot, probe)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=drive)
    return {
        "first_paint": (probe.paints[0].at - launched) * 1000,
        "first_paint_cpu": probe.paints[0].cpu * 1000,
        "dashboard": (marks["dashboard"] - launched) * 1000,
        "dashboard_cpu": marks["dashboard_cpu"] * 1000,
        "rss_mb": peak_rss_mb(),
        "visited": visited,
    }


def main() -> None:
    mode, launched = sys.argv[1], float(sys.argv[2])
    if mode == "bare":
        report = run_bare(launched)
    else:
        report = run_tracker(launched, sys.argv[3], sys.argv[4], "--tour" in sys.argv)
    report["exited"] = (time.monotonic() - launched) * 1000
    print(json.dumps(report))


if __name__ == "__main__":
    main()
