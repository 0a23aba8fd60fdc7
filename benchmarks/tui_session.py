"""The TUI driven by the Pilot on a database, every list screen and key timed in-process.

Each session is a fresh app on the same database: wait for the dashboard, then open each
area the app offers (found in ``TrackerApp.MODES`` and its ``area(...)`` bindings, so
screens added later are picked up), and on each use the keys it binds for the next page,
sort, reverse and its filter, typed one character at a time. Then the global search, and
the budget edit. Each timing runs from the key press to the first frame painted after the
last worker result landed (see ``probe``), and keeps the SQL it ran for the floor.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from benchmarks.probe import Probe, Statement, WorkerFailed, bindings_of, now

SIZE = (160, 48)
# Text typed into each list's filter, one character at a time, and into the search.
FILTER_TEXT = {"events": "medica", "people": "rossi", "organisations": "cardio"}
DEFAULT_FILTER = "ros"
SEARCH_TEXTS = ("rossi ma", "d'angelo", "nicolò")
SKIP_MODES = {"dashboard"}


@dataclass
class Timed:
    ms: float
    cpu_ms: float  # the process's CPU time over the same span (all threads)
    work_ms: float | None  # from the first SQL statement to the frame (debounce excluded)
    statements: list[Statement]


@dataclass
class Collected:
    """Timings by scenario name, across sessions; what could not be measured, and why."""

    timings: dict[str, list[Timed]] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    modes: list[str] = field(default_factory=list)

    def add(self, name: str, timed: Timed) -> None:
        self.timings.setdefault(name, []).append(timed)


class Driver:
    def __init__(self, pilot: Pilot[Any], probe: Probe, collected: Collected) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.probe = probe
        self.out = collected

    def error_since(self, wall: float) -> Callable[[], str | None]:
        """The first error the app notified since ``wall`` (time.time()), if any."""

        def check() -> str | None:
            for notice in list(self.app._notifications):
                if notice.severity == "error" and notice.raised_at >= wall:
                    return str(notice.message).splitlines()[0][:90]
            return None

        return check

    async def timed(
        self, name: str, key: str | None, *, results: int | None = 1, timeout: float = 15
    ) -> bool:
        """Press ``key`` (or, with None, run nothing: the caller already acted) and time it."""
        started, cpu, wall = now(), time.process_time(), time.time()
        if key is not None:
            await self.pilot.press(key)
        try:
            frame = await self.probe.settled(
                started, results=results, timeout=timeout, failed=self.error_since(wall)
            )
        except TimeoutError:
            self.out.missing.setdefault(name, f"nothing came back within {timeout:.0f} s")
            return False
        except WorkerFailed as exc:
            self.out.missing.setdefault(name, f"error shown by the app: {exc}")
            await self.probe.until(lambda: True, quiet=0.2, timeout=60)
            return False
        statements = self.probe.sql_since(started, frame.at)
        work = (frame.at - statements[0].at) * 1000 if statements else None
        timed = Timed((frame.at - started) * 1000, (frame.cpu - cpu) * 1000, work, statements)
        self.out.add(name, timed)
        return True

    async def untimed(self, *keys: str, results: int = 0) -> None:
        for key in keys:
            started, wall = now(), time.time()
            await self.pilot.press(key)
            with contextlib.suppress(TimeoutError, WorkerFailed):
                await self.probe.settled(
                    started, results=results, quiet=0.15, failed=self.error_since(wall)
                )

    async def to_dashboard(self) -> None:
        while len(self.app.screen_stack) > 1:  # a modal or pushed screen left open
            self.app.pop_screen()
        if self.app.current_mode != "dashboard":
            started = now()
            self.app.switch_mode("dashboard")
            await self.probe.settled(started, results=0, quiet=0.2)

    async def open_mode(self, mode: str, key: str) -> bool:
        """From the dashboard, the area's key; timed until its rows are painted (a screen
        that loads nothing, e.g. documents & data: until it is painted)."""
        await self.to_dashboard()
        if key in bindings_of(self.app.screen).values():  # the dashboard uses the key itself
            self.app.switch_mode(mode)
            return await self.timed(f"{mode}: open", None, results=None, timeout=120)
        return await self.timed(f"{mode}: open", key, results=None, timeout=120)

    async def clear_box(self) -> None:
        box = self.app.focused
        if isinstance(box, Input) and box.value:  # cleared again (untimed): wait for reload
            started, wall = now(), time.time()
            box.value = ""
            with contextlib.suppress(TimeoutError, WorkerFailed):
                await self.probe.settled(
                    started, results=1, quiet=0.15, timeout=30, failed=self.error_since(wall)
                )

    async def list_screen(self, mode: str) -> None:
        keys = bindings_of(self.app.screen)
        if "toggle_view" in keys:  # e.g. organisations: a stage board, then the list
            await self.timed(f"{mode}: other view (list/board)", keys["toggle_view"])
        for _ in range(3):
            if "page(1)" in keys:
                await self.timed(f"{mode}: next page", keys["page(1)"])
        if "page(1)" not in keys:
            self.out.missing.setdefault(f"{mode}: next page", "no next-page key")
        screen = self.app.screen
        for action in ("sort", "reverse"):
            if action not in keys:
                self.out.missing.setdefault(f"{mode}: {action}", f"no {action} key")
                continue
            # Every order once, and back to where it started, so the filter below runs on
            # the screen's default order (at most 6 presses when the state is not visible).
            state = "sort" if action == "sort" else "descending"
            initial = getattr(screen, state, None)
            for presses in range(6):
                await self.timed(f"{mode}: {action}", keys[action])
                current = getattr(screen, state, None)
                if (initial is None and presses == 1) or current == initial:
                    break
        if "search" in keys:
            await self.untimed(keys["search"])
            if isinstance(self.app.focused, Input):
                for char in FILTER_TEXT.get(mode, DEFAULT_FILTER):
                    await self.timed(f"{mode}: filter keystroke", char)
                await self.clear_box()
            else:
                self.out.missing.setdefault(f"{mode}: filter keystroke", "no text filter box")
        else:
            self.out.missing.setdefault(f"{mode}: filter keystroke", "no filter key")
        if mode == "people":
            await self.side_screens(mode, keys)

    async def side_screens(self, mode: str, keys: dict[str, str]) -> None:
        """Screens opened from a list: a person's timeline, the duplicate finder."""
        for action in ("timeline", "duplicates"):
            name = f"{mode} → {action}: open"
            if action not in keys:
                self.out.missing.setdefault(name, "not built yet")
                continue
            await self.untimed("escape")  # back on the table, out of the filter box
            before = self.app.screen
            await self.timed(name, keys[action], timeout=180)
            if self.app.screen is not before:
                self.app.pop_screen()
                await self.probe.settled(now(), results=0, quiet=0.2)

    async def budget_edit(self, amount: int) -> None:
        screen = self.app.screen
        await self.untimed("enter")  # the planned-amount form of the cell under the cursor
        if self.app.screen is screen:
            self.out.missing.setdefault("budget: edit → recomputed", "no form opened")
            return
        box = self.app.screen.query(Input).first()
        box.value = str(amount)
        await self.timed("budget: edit → recomputed", "enter", results=2)

    async def search(self, key: str) -> None:
        await self.to_dashboard()
        await self.timed("search: open", key, results=0)
        for text in SEARCH_TEXTS:
            for char in text:
                await self.timed("search: keystroke", char)
            await self.clear_box()
        await self.to_dashboard()


async def run_session(db: Path, today: date, collected: Collected, session: int) -> None:
    from tracker.config import Settings
    from tracker.tui.app import TrackerApp, make_app

    data_dir = tempfile.mkdtemp(prefix="tracker-bench-")
    settings = Settings.load(db=str(db), env={"TRACKER_DATA_DIR": data_dir})
    app = make_app(settings, today=today)
    probe = Probe(app).install()
    async with app.run_test(size=SIZE) as pilot:
        await probe.until(lambda: app.services is not None and app.current_mode == "dashboard")
        assert app.services is not None, "the database did not open"
        probe.watch_sql(app.services.db.engine)
        driver = Driver(pilot, probe, collected)
        app_keys = bindings_of(app)
        modes = [m for m in TrackerApp.MODES if m not in SKIP_MODES]
        collected.modes = modes
        for mode in modes:
            key = app_keys.get(f"area('{mode}')")
            if key is None:
                collected.missing.setdefault(f"{mode}: open", "no key to open it")
                continue
            print(f"   session {session + 1}: {mode}", flush=True)
            try:
                if not await driver.open_mode(mode, key):
                    continue
                if mode == "budget":
                    await driver.budget_edit(1000 + 250 * session)
                else:
                    await driver.list_screen(mode)
            except (TimeoutError, WorkerFailed) as exc:  # one screen must not stop the rest
                collected.missing.setdefault(f"{mode}: (rest of the screen)", f"stopped: {exc}")
        if "search" in app_keys:
            print(f"   session {session + 1}: search", flush=True)
            try:
                await driver.search(app_keys["search"])
            except (TimeoutError, WorkerFailed) as exc:
                collected.missing.setdefault("search: (rest)", f"stopped: {exc}")
        else:
            collected.missing.setdefault("search: keystroke", "not built yet")
