"""The calendar driven by keys: months and years, the selected day, scheduling a tray
event by key and date, a day's items, and the missions list and form."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from textual.pilot import Pilot
from textual.widgets import OptionList

from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.modals.conflict import ConflictModal
from tracker.tui.modals.day_items import DayModal
from tracker.tui.modals.mission_form import MissionForm
from tracker.tui.modals.recurrence import RecurrenceForm
from tracker.tui.modals.schedule import ScheduleForm
from tracker.tui.screens.calendar import CalendarScreen
from tracker.tui.screens.missions import MissionsScreen, MissionTable
from tracker.tui.widgets.month_grid import MonthGridView

from .helpers import (
    TODAY,
    notice_text,
    press,
    running,
    screen_text,
    settle,
    table_rows,
    tracker,
    type_text,
)


async def until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Let the app work until ``condition`` holds (a reload a dismissed modal started)."""
    for _ in range(50):
        if condition():
            return
        await pilot.pause(0.05)
        await settle(pilot)
    assert condition(), screen_text(pilot)


def calendar(pilot: Pilot[None]) -> CalendarScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CalendarScreen)
    return screen


async def test_months_years_today_and_the_selected_day(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "A")
        screen = calendar(pilot)
        grid = screen.query_one(MonthGridView)
        assert grid.has_focus
        assert (screen.grid.year, screen.grid.month, screen.selected) == (2018, 10, TODAY)
        shown = screen_text(pilot)
        assert "October 2018" in shown
        assert "● Cluster par" in shown  # the seed's event on 25/10, in the grid
        assert "25/10/2018 ● Cluster partnering event" in shown  # and in the agenda
        assert "1* All Sain" in shown  # BE's public holiday on 1/11, a day of the grid

        await press(pilot, "right_square_bracket")
        assert (screen.grid.month, screen.selected) == (11, date(2018, 11, 1))
        assert "November 2018" in screen_text(pilot)
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert (screen.grid.year, screen.grid.month) == (2018, 9)
        await press(pilot, "right_curly_bracket")
        assert (screen.grid.year, screen.grid.month) == (2019, 9)
        await press(pilot, "left_curly_bracket", "left_curly_bracket")
        assert (screen.grid.year, screen.grid.month) == (2017, 9)
        await press(pilot, "t")
        assert (screen.grid.year, screen.grid.month, screen.selected) == (2018, 10, TODAY)

        # Arrows move the day; off the end of the month, the grid follows.
        await press(pilot, "down", "down", "down", "right", "right", "right")
        assert screen.selected == date(2018, 10, 25)
        assert "▶ 25/10/2018" in screen_text(pilot)
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, DayModal)
        assert "Thursday 25/10/2018" in screen_text(pilot)
        assert "Cluster partnering event" in screen_text(pilot)
        await press(pilot, "escape")
        await press(pilot, "down", "down")
        assert (screen.grid.month, screen.selected) == (11, date(2018, 11, 8))
        await press(pilot, "up", "up", "up")
        assert (screen.grid.month, screen.selected) == (10, date(2018, 10, 18))


async def test_schedule_a_tray_event_by_key_and_date(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "A")
        screen = calendar(pilot)
        tray = screen.query_one("#tray", OptionList)
        names = [str(tray.get_option_at_index(i).prompt).split("  ")[0]
                 for i in range(tray.option_count)]  # fmt: skip
        assert names == ["EUREGA", "IMI2 – Innovative Medicine Initiative Forum",
                         "MedTech Partnership Meeting"]  # fmt: skip
        await press(pilot, "o", "enter")  # to the tray: enter on EUREGA asks for its dates too
        assert isinstance(pilot.app.screen, ScheduleForm)
        assert "EUREGA" in screen_text(pilot)
        await press(pilot, "escape")
        await press(pilot, "down", "down")  # down to MedTech
        await press(pilot, "s")
        form = pilot.app.screen
        assert isinstance(form, ScheduleForm)
        assert "MedTech Partnership Meeting" in screen_text(pilot)
        await press(pilot, "ctrl+a", "ctrl+k")
        await type_text(pilot, "31/02/2018")
        await press(pilot, "ctrl+s")
        assert pilot.app.screen is form  # an impossible date: the form stays, saying why
        assert "31/02/2018" in screen_text(pilot)
        await press(pilot, "ctrl+a", "ctrl+k")
        await type_text(pilot, "17 ottobre 2018")
        await press(pilot, "tab")
        await type_text(pilot, "18/10/2018")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, CalendarScreen)
        assert "“MedTech Partnership Meeting” scheduled: 17–18/10/2018." in notice_text(pilot)

        detail = tracker(pilot).svc.events.find("MedTech", 2018)
        assert (detail.start_date, detail.end_date) == (date(2018, 10, 17), date(2018, 10, 18))
        assert screen.selected == date(2018, 10, 17)
        cell = screen.grid.day(date(2018, 10, 18))
        assert [i.title for i in cell.items] == ["MedTech Partnership Meeting"]
        assert tray.option_count == 2  # it left the tray
        assert "17–18/10/2018 ● MedTech Partnership Meeting" in screen_text(pilot)


async def test_missions_list_and_form(settings: Settings) -> None:
    async with running(settings) as pilot:
        svc = tracker(pilot).svc
        svc.people.create({"name": "Anna Rossi", "staff": "yes"})
        await press(pilot, "A", "down", "down", "down", "n")  # a new mission on 22/10
        form = pilot.app.screen
        assert isinstance(form, MissionForm)
        assert form.values()["start"] == "22/10/2018"  # the selected day
        await press(pilot, "ctrl+s")
        assert pilot.app.screen is form  # no title: the form stays, saying so
        assert "a mission needs a title" in screen_text(pilot)
        await type_text(pilot, "Brussels week")
        form.query_one("#end").value = "24/10/2018"  # type: ignore[attr-defined]
        form.query_one("#participants").text = "Anna"  # type: ignore[attr-defined]
        form.query_one("#events").text = "partnering"  # type: ignore[attr-defined]
        form.query_one("#lines").text = "travel = lots"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        assert pilot.app.screen is form
        assert "'travel = lots'" in screen_text(pilot)
        form.query_one("#lines").text = "travel = 1.200,00"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, CalendarScreen)
        mission = svc.missions.find("Brussels week", 2018)
        assert (mission.start_date, mission.end_date, mission.city) == (
            date(2018, 10, 22), date(2018, 10, 24), "",
        )  # fmt: skip
        assert [p.name for p in mission.participants] == ["Anna Rossi"]
        assert [e.name for e in mission.events] == ["Cluster partnering event"]
        assert mission.allocated == 1200
        # The event (25/10) lies outside the mission (22–24/10): flagged in the agenda.
        shown = screen_text(pilot)
        assert "!▬ Brussels week" in shown
        assert "! 'Cluster partnering event'" in shown

        await press(pilot, "m")  # the selected day (22/10) has it: its form
        assert isinstance(pilot.app.screen, MissionForm)
        assert "Edit mission #1" in screen_text(pilot)
        await press(pilot, "escape", "t", "m")  # 1 October has no mission
        assert "No mission on this day: n starts one." in notice_text(pilot)
        await press(pilot, "M")
        missions = pilot.app.screen
        assert isinstance(missions, MissionsScreen)
        table = missions.query_one("#missions", MissionTable)
        assert table_rows(table)[0][:5] == ["22–24/10/2018", "Brussels week", "BE", "", "draft"]
        await press(pilot, "t")
        await press(pilot, "enter")  # planned, the first move offered
        assert svc.missions.get(mission.id).status == "planned"
        # Shown whole, though wider than the "draft" the column was first sized for.
        shown = r"Brussels week\s+BE\s+planned\s+1\s+1"
        await until(pilot, lambda: re.search(shown, screen_text(pilot)) is not None)
        await press(pilot, "e")
        edit = pilot.app.screen
        assert isinstance(edit, MissionForm)
        assert edit.values()["participants"] == "#1 Anna Rossi"
        assert edit.values()["lines"] == "travel = 1.200,00"  # as it was typed, Italian style
        edit.query_one("#end").value = "26/10/2018"  # type: ignore[attr-defined]
        edit.query_one("#lines").text = "hotel = 10"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        again = pilot.app.screen
        assert isinstance(again, MissionForm)  # the service refused: back, with the reason
        assert "'hotel' is not a cost category" in screen_text(pilot)
        again.query_one("#lines").text = "travel = 900"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        saved = svc.missions.get(mission.id)
        assert (saved.end_date, saved.allocated) == (date(2018, 10, 26), 900)
        assert table_rows(table)[0][0] == "22–26/10/2018"
        await press(pilot, "x", "y")
        assert svc.missions.list().total == 0
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, CalendarScreen)
        assert [i.kind for i in calendar(pilot).grid.items] == ["event"]  # the mission went


async def test_the_dashboard_lists_the_conflicts(settings: Settings) -> None:
    async with running(settings) as pilot:
        assert "Calendar conflicts" not in screen_text(pilot)  # none: no panel
        svc = tracker(pilot).svc
        svc.missions.create(2018, "BE", {"title": "All Saints trip", "start": "31/10/2018",
                                         "end": "2/11/2018"})  # fmt: skip
        tracker(pilot).touch()  # written behind the app's back: tell it
        await press(pilot, "e", "d")
        shown = screen_text(pilot)
        assert "Calendar conflicts (A: calendar)" in shown
        assert "! 01/11/2018 'All Saints trip' is in Belgium on Thursday 01/11/2018" in shown


async def test_the_calendar_keys_are_in_the_help_and_the_palette(settings: Settings) -> None:
    async with running(settings) as pilot:
        app = tracker(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Go to Calendar" in titles
        await press(pilot, "A", "question_mark")
        shown = screen_text(pilot)
        for line in ("Keys — Calendar", "Prev month", "Next year", "Schedule", "New mission",
                     "Missions", "In the month grid", "The day's items"):  # fmt: skip
            assert line in shown
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, CalendarScreen)


async def test_r_makes_an_event_recur_and_the_tray_suggests_its_date(settings: Settings) -> None:
    async with running(settings) as pilot:
        svc = tracker(pilot).svc
        await press(pilot, "A", "r")  # 1 October: no event that day
        assert "No event on this day" in notice_text(pilot)
        for key in ("down", "down", "down", "right", "right", "right", "r"):  # the 25th
            await press(pilot, key)
        form = pilot.app.screen
        assert isinstance(form, RecurrenceForm)
        shown = screen_text(pilot)
        assert "Now: does not repeat." in shown
        assert "yearly-last-weekday: every year, last Thursday of October" in shown
        await type_text(pilot, "nonsense")
        await press(pilot, "enter")
        # The service refuses it: the notice says why, nothing is stored.
        assert "'nonsense' is neither a preset" in notice_text(pilot)
        assert svc.recurrence.get(svc.events.find("partnering", 2018).id).rule == ""
        await press(pilot, "r", "ctrl+a", "ctrl+k")
        await type_text(pilot, "yearly-last-weekday")
        await press(pilot, "enter")
        assert "every year, last Thursday of October. Next: 31/10/2019." in notice_text(pilot)
        proposed = svc.recurrence.propose_next_year(2018)
        assert [(p.name, p.proposed_start) for p in proposed] == [
            ("Cluster partnering event", date(2019, 10, 31))
        ]
        # An undated event from the tray takes a rule in full; the tray then suggests a date.
        await press(pilot, "o", "r")
        assert "It has no dates yet" in screen_text(pilot)
        await type_text(pilot, "FREQ=YEARLY;BYMONTH=11;BYDAY=2MO")
        await press(pilot, "enter")
        screen = calendar(pilot)
        assert screen.tray is not None
        assert screen.tray.events[0].suggested_start == date(2018, 11, 12)
        assert "↻ 12/11/2018 · every year, second Monday" in screen_text(pilot)
        await press(pilot, "s")
        form = pilot.app.screen
        assert isinstance(form, ScheduleForm)
        assert form.values()["start"] == "12/11/2018"  # the suggestion, ready to take


async def test_scheduling_what_a_colleague_just_changed_asks_first(settings: Settings) -> None:
    """The tray was read before a colleague changed the event: scheduling it asks; keep
    editing brings back the dates typed, overwrite gives them and keeps their change."""
    async with running(settings) as pilot:
        await press(pilot, "A", "o", "down", "down", "s")
        assert isinstance(pilot.app.screen, ScheduleForm)
        before = tracker(pilot).svc.events.find("MedTech", 2018)
        other = Services.connect(settings)
        try:  # a colleague makes it repeat every year
            other.recurrence.set_recurrence(
                before.id, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH", expected_version=before.version
            )
        finally:
            other.close()
        await press(pilot, "ctrl+a", "ctrl+k")
        await type_text(pilot, "17/10/2018")
        await press(pilot, "tab")
        await type_text(pilot, "18/10/2018")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ConflictModal))
        assert tracker(pilot).svc.events.find("MedTech", 2018).start_date is None
        await press(pilot, "k")
        await until(pilot, lambda: isinstance(pilot.app.screen, ScheduleForm))
        assert "18/10/2018" in screen_text(pilot)
        assert "changed by someone else" in screen_text(pilot)
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ConflictModal))
        await press(pilot, "o")
        svc = tracker(pilot).svc
        await until(pilot, lambda: svc.events.find("MedTech", 2018).start_date is not None)
        after = svc.events.find("MedTech", 2018)
        assert (after.start_date, after.end_date) == (date(2018, 10, 17), date(2018, 10, 18))
        assert svc.recurrence.get(after.id).rule  # their change is kept
