"""The new-plan form: cloning last year's plan from the TUI."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import Input, Select

from tracker.config import Settings
from tracker.tui.modals.plan_forms import NewPlanForm

from .helpers import notice_text, press, running, screen_text, tracker


async def test_new_plan_year_cloned_from_2018_with_the_budget_copied(settings: Settings) -> None:
    async with running(settings) as pilot:
        app = tracker(pilot)
        app.svc.recurrence.set_recurrence(
            app.svc.events.find("Cluster partnering event", 2018).id,
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH",
        )
        await press(pilot, "y", "end", "enter")  # the picker's last entry: New plan year…
        form = app.screen
        assert isinstance(form, NewPlanForm)
        assert form.query_one("#year", Input).value == "2019"
        assert "Start from" in screen_text(pilot)
        await press(pilot, "tab", "tab", "enter", "down", "enter")  # Start from: clone 2018
        assert form.query_one("#source", Select).value == 2018
        await press(pilot, "tab", "enter", "down", "enter")  # budget lines: copied
        assert form.query_one("#budget", Select).value == "copy"
        await press(pilot, "ctrl+s")
        assert app.year == 2019
        assert "a copy of 2018 with 5 event(s), 1 dated by their rule" in notice_text(pilot)
    overview = app.svc.plans.overview(2019)
    assert [t.code for t in overview.targets] == ["BE", "US"]
    assert [w.code for w in overview.watch] == ["JP", "CN", "IN", "SG"]
    assert app.svc.budget.table(2019).figures.planned == Decimal("10000.00")
    (proposal,) = app.svc.recurrence.propose_next_year(2019)
    assert proposal.start_date.isoformat() == "2019-10-31"


async def test_a_clone_must_come_after_its_source(settings: Settings) -> None:
    async with running(settings) as pilot:
        app = tracker(pilot)
        await press(pilot, "b", "p", "enter")
        form = app.screen
        assert isinstance(form, NewPlanForm)
        form.query_one("#year", Input).value = "2017"
        await press(pilot, "tab", "tab", "enter", "down", "enter", "ctrl+s")
        assert "a clone of 2018 must come after it" in screen_text(pilot)
        assert app.screen is form
    assert [p.year for p in app.svc.plans.list()] == [2018]
