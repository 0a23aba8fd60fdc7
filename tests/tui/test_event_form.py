"""Adding, editing and deleting events through the form, as a user types them."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input

from tracker.config import Settings
from tracker.services.dto import EventQuery
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.event_form import EventForm
from tracker.tui.screens.events import EventsScreen
from tracker.tui.widgets.event_table import EventTable
from tracker.tui.widgets.field import Field

from .helpers import column, notice_text, press, running, screen_text, tracker, type_text


def event_names(pilot: Pilot[None]) -> list[str]:
    svc = tracker(pilot).svc
    return sorted(r.name for r in svc.events.list(EventQuery(year=2018)).rows)


async def fill(pilot: Pilot[None], field: str, text: str) -> None:
    """Move to a field of the open form, clear it and type."""
    pilot.app.screen.query_one(f"#{field}", Input).focus()
    await press(pilot, "end", "ctrl+u")
    await type_text(pilot, text)


async def test_a_new_event_is_added_through_the_form(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "n")
        assert isinstance(pilot.app.screen, EventForm)
        await type_text(pilot, "MedTech Forum Bruxelles")
        await fill(pilot, "country", "be")
        await fill(pilot, "city", "Bruxelles")
        await fill(pilot, "start", "20/11/2018")
        await fill(pilot, "end", "21 novembre 2018")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, EventsScreen)
        assert "Added “MedTech Forum Bruxelles”" in notice_text(pilot)
        table = pilot.app.screen.query_one(EventTable)
        assert table.current is not None and table.current.name == "MedTech Forum Bruxelles"
        assert "6 events" in screen_text(pilot)
        assert "20–21/11/2018" in column(table, 0)
        detail = tracker(pilot).svc.events.find("MedTech Forum Bruxelles", 2018)
        assert (detail.country_code, detail.city) == ("BE", "Bruxelles")
        assert (detail.start_date, detail.end_date) == (date(2018, 11, 20), date(2018, 11, 21))
        assert detail.status == "candidate"


async def test_a_bad_date_is_shown_under_its_field_and_nothing_is_saved(
    settings: Settings,
) -> None:
    async with running(settings) as pilot:
        before = event_names(pilot)
        await press(pilot, "e", "n")
        await type_text(pilot, "Typo Day")
        await fill(pilot, "start", "31/02/2018")
        await fill(pilot, "url", "www.example")
        await press(pilot, "ctrl+s")
        form = pilot.app.screen
        assert isinstance(form, EventForm)  # still open
        start = form.query_one("#field-start", Field)
        assert start.has_class("-invalid")
        assert start.error == '"31/02/2018" is not a real date: February 2018 has 28 days'
        url = form.query_one("#field-url", Field)
        assert url.error.startswith("'www.example' is not a web address")
        shown = screen_text(pilot)  # under their fields, on screen
        assert '"31/02/2018" is not a real date:' in shown
        assert "'www.example' is not a web address" in shown
        assert form.query_one("#start", Input).has_focus  # the first bad field
        assert event_names(pilot) == before

        await fill(pilot, "start", "28/02/2018")
        await fill(pilot, "url", "")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, EventsScreen)
        assert event_names(pilot) == sorted([*before, "Typo Day"])


async def test_an_unknown_country_is_refused_in_the_form(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "n")
        await type_text(pilot, "Somewhere")
        await fill(pilot, "country", "XX")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, EventForm)
        assert "'XX' is not a country on the list" in screen_text(pilot)


async def test_escape_on_a_changed_form_asks_before_discarding(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "n", "escape")  # untouched: closes at once
        assert isinstance(pilot.app.screen, EventsScreen)
        await press(pilot, "n")
        await type_text(pilot, "Half typed")
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, ConfirmModal)
        assert "Discard your changes?" in screen_text(pilot)
        await press(pilot, "n")  # keep editing
        assert isinstance(pilot.app.screen, EventForm)
        await press(pilot, "escape", "y")
        assert isinstance(pilot.app.screen, EventsScreen)
        assert "Half typed" not in event_names(pilot)


async def test_enter_edits_the_selected_event(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "down", "enter")  # EUREGA
        form = pilot.app.screen
        assert isinstance(form, EventForm)
        assert form.query_one("#name", Input).value == "EUREGA"
        assert "Edit event #" in screen_text(pilot)
        await fill(pilot, "city", "Bruxelles")
        await fill(pilot, "start", "2018-12-04")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, EventsScreen)
        table = pilot.app.screen.query_one(EventTable)
        assert table.current is not None and table.current.name == "EUREGA"
        assert table.get_row_at(table.cursor_row)[0].plain.strip() == "04/12/2018"
        detail = tracker(pilot).svc.events.find("EUREGA", 2018)
        assert (detail.city, detail.start_date) == ("Bruxelles", date(2018, 12, 4))
        assert detail.version == 2


async def test_delete_asks_first_and_then_removes_the_event(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "down", "x")
        assert isinstance(pilot.app.screen, ConfirmModal)
        assert "Delete “EUREGA”?" in screen_text(pilot)
        await press(pilot, "n")
        assert "EUREGA" in event_names(pilot)
        await press(pilot, "delete", "y")
        assert isinstance(pilot.app.screen, EventsScreen)
        assert "EUREGA" not in event_names(pilot)
        assert "Deleted “EUREGA”" in notice_text(pilot)
        table = pilot.app.screen.query_one(EventTable)
        assert "EUREGA" not in column(table, 1)
        assert "4 events" in screen_text(pilot)
