"""Start-up: a new database is migrated and seeded, and the dashboard shows the 2018 plan."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import tracker.tui.screens.dashboard as dashboard_module
from tracker.config import Settings
from tracker.tui.app import make_app
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.startup import StartupErrorScreen

from .helpers import SIZE, TODAY, running, screen_text, settle, tracker


async def test_start_up_shows_the_dashboard_of_the_latest_plan(settings: Settings) -> None:
    async with running(settings) as pilot:
        app = tracker(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.year == 2018
        assert app.sub_title == "Plan 2018"
        assert gc.get_freeze_count() > 0
        assert gc.isenabled()  # paused during start-up only
        assert gc.get_threshold()[2] == 100  # full passes spaced out after the freeze
        shown = screen_text(pilot)
        assert "2018 · Piano di promozione 2018" in shown
        assert "Country 1: Belgium — EU / European" in shown
        assert "Country 2: United States — extra-EU / extra-European" in shown
        assert "stringere alleanze a livello europeo" in shown  # objective 1
        assert "Priority: Si avrà per cui maggiore riguardo" in shown
        assert "Japan (JP), China (CN), India (IN), Singapore (SG)" in shown
        assert "European countries, all together: €5,000.00 of €5,000.00" in shown
        assert "extra-European countries, all together: €5,000.00 of €10,000.00" in shown
        assert "Whole plan: €10,000.00 of €10,000.00" in shown
        assert "25/10/2018" in shown and "Cluster partnering event" in shown
        assert "in 24 days" in shown  # from the fixed today, 1 October 2018
        assert "Altri da identificare (to be" in shown
    gc.unfreeze()


async def test_the_dashboard_is_read_once_with_the_services(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up worker reads the dashboard too: the screen shows it, no second read."""
    reads: list[int] = []
    real = dashboard_module.dashboard_data

    def counted(svc: Any, year: int, today: date) -> dashboard_module.DashboardData:
        reads.append(year)
        return real(svc, year, today)

    monkeypatch.setattr(dashboard_module, "dashboard_data", counted)
    async with running(settings) as pilot:
        app = tracker(pilot)
        assert reads == [2018]
        assert app.first_dashboard is None  # handed over, not kept
        assert "Whole plan: €10,000.00 of €10,000.00" in screen_text(pilot)
    gc.unfreeze()


async def test_a_failed_first_dashboard_read_leaves_the_screen_to_read_it(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure there is not a start-up failure: the screen reads (and reports) itself."""
    reads: list[int] = []
    real = dashboard_module.dashboard_data

    def first_fails(svc: Any, year: int, today: date) -> dashboard_module.DashboardData:
        reads.append(year)
        if len(reads) == 1:
            raise RuntimeError("a passing failure")
        return real(svc, year, today)

    monkeypatch.setattr(dashboard_module, "dashboard_data", first_fails)
    async with running(settings) as pilot:
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert reads == [2018, 2018]
        assert "Whole plan: €10,000.00 of €10,000.00" in screen_text(pilot)
    gc.unfreeze()


async def test_the_screen_paints_before_the_database_is_open(settings: Settings) -> None:
    app = make_app(settings, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        # The first frame: the loading screen, no services yet, the collector resting.
        assert app.services is None or isinstance(app.screen, DashboardScreen)
        assert app.services is not None or not gc.isenabled()
        await settle(pilot)
        assert app.services is not None
        assert gc.isenabled()
    gc.unfreeze()


async def test_a_database_that_cannot_be_opened_shows_an_error_screen(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a SQLite database, not at all" * 100)
    settings = Settings.load(db=str(broken), env={"TRACKER_DATA_DIR": str(tmp_path / "data")})
    async with running(settings) as pilot:
        assert isinstance(pilot.app.screen, StartupErrorScreen)
        shown = screen_text(pilot)
        assert "The database could not be opened" in shown
        assert "file is not a database" in shown
        assert "Traceback" not in shown
        await pilot.press("d")  # the areas are not there to go to
        assert isinstance(pilot.app.screen, StartupErrorScreen)
        assert gc.isenabled()  # no warm-up after a failed start: resumed at once
        await pilot.press("q")
    assert pilot.app.return_code == 0
