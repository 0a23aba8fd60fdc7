"""After the event: several people met, typed in a row and saved together or not at all.

The two main flows run on PostgreSQL too when TRACKER_TEST_PG_URL is set.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from tracker.config import Settings
from tracker.services.context import Services
from tracker.services.dto_partners import InteractionQuery, OrganisationQuery, PersonQuery
from tracker.tui.modals.meeting_batch import MeetingBatchModal
from tracker.tui.modals.pick import PickModal
from tracker.tui.screens.contact_log import ContactLogScreen
from tracker.tui.screens.events import EventsScreen
from tracker.tui.widgets.log_table import LogTable
from tracker.tui.widgets.meeting_row import MeetingRow

from .helpers import column, notice_text, press, running, screen_text, settle, tracker, type_text

PARTNERING = "Cluster partnering event"  # the seed's dated event: 25/10/2018


def counts(svc: Services) -> tuple[int, int, int]:
    return (
        svc.people.list(PersonQuery()).total,
        svc.organisations.list(OrganisationQuery()).total,
        svc.contact_log.list(InteractionQuery()).total,
    )


def rows(pilot: Pilot[None]) -> list[MeetingRow]:
    return list(pilot.app.screen.query(MeetingRow))


async def type_row(pilot: Pilot[None], *boxes: str) -> None:
    """Type each box of a row in turn, tab after each: person, organisation, role, email,
    summary, follow-up, due. Boxes of a person on file (role, email) are skipped by tab."""
    for text in boxes:
        await type_text(pilot, text)
        await press(pilot, "tab")


async def open_batch(pilot: Pilot[None]) -> MeetingBatchModal:
    await press(pilot, "e")
    assert isinstance(pilot.app.screen, EventsScreen)
    await press(pilot, "m")  # on the first event: the partnering event, 25/10/2018
    modal = pilot.app.screen
    assert isinstance(modal, MeetingBatchModal)
    return modal


async def test_three_people_met_are_saved_in_one_go(backend_settings: Settings) -> None:
    async with running(backend_settings) as pilot:
        svc = tracker(pilot).svc
        biowin = svc.organisations.create({"name": "BioWin", "country": "BE"})
        anna = svc.people.create({"name": "Anna Rossi", "organisation": biowin.id})
        before = counts(svc)
        modal = await open_batch(pilot)
        assert "Log meetings — Cluster partnering event · 25/10/2018" in screen_text(pilot)
        assert modal.query_one("#batch-date", Input).value == "25/10/2018"

        # 1: someone new, from an organisation new to us.
        await type_row(pilot, "Hans Müller", "BioRegio GmbH", "CEO", "hans@bioregio.example")
        await type_row(pilot, "Wants a partner for COSME", "send the call text", "05/11/2018")
        await press(pilot, "ctrl+n")
        assert len(rows(pilot)) == 2

        # 2: Anna, on file: a close spelling shows her as you type; tab takes her.
        second = rows(pilot)[1]
        await type_text(pilot, "Anna Rosi")
        second.person.look_up(second.person.value)  # what the typing pause does
        await settle(pilot)
        assert "looks like: Anna Rossi (BioWin) — tab to use" in screen_text(pilot)
        await press(pilot, "tab")
        assert second.person.chosen_id == anna.id
        assert "✓ Anna Rossi (BioWin) — on file" in screen_text(pilot)
        assert second.boxes["email"].disabled  # her email is not asked again
        await press(pilot, "tab", "tab")  # on to the organisation, then the summary
        assert second.boxes["summary"].has_focus
        await type_text(pilot, "Follow-up on the IMI2 idea")
        await press(pilot, "tab", "tab")  # follow-up and due left blank…
        await press(pilot, "enter")  # …and enter on the last box starts the next row

        # 3: a new person, at an organisation typed as it is on file.
        assert len(rows(pilot)) == 3
        await type_row(pilot, "John Smith", "enrich usa")
        await press(pilot, "ctrl+s")

        assert not isinstance(pilot.app.screen, MeetingBatchModal)
        said = "Logged 3 meetings at “Cluster partnering event” (2 new people, 1 new organisation)"
        assert said in notice_text(pilot)
        people, orgs, entries = counts(svc)
        assert (people, orgs, entries) == (before[0] + 2, before[1] + 1, before[2] + 3)
        hans = svc.people.find("Hans Müller")
        assert (hans.role, hans.email) == ("CEO", "hans@bioregio.example")
        assert hans.organisation is not None and hans.organisation.name == "BioRegio GmbH"
        john = svc.people.find("John Smith")
        assert john.organisation is not None and john.organisation.name == "ENRICH USA"
        logged = svc.contact_log.list(InteractionQuery()).rows
        assert {i.event.name if i.event else "" for i in logged} == {PARTNERING}
        assert {str(i.occurred_on) for i in logged} == {"2018-10-25"}
        by_person = {i.people[0].name: i for i in logged}
        assert by_person["Hans Müller"].follow_up_due is not None
        assert [o.name for o in by_person["Anna Rossi"].organisations] == ["BioWin"]


async def test_a_bad_email_in_row_two_saves_nothing(backend_settings: Settings) -> None:
    async with running(backend_settings) as pilot:
        svc = tracker(pilot).svc
        before = counts(svc)
        modal = await open_batch(pilot)
        await type_row(pilot, "Good One", "New Co")
        await press(pilot, "ctrl+n")
        await type_row(pilot, "Bad Email", "", "", "bad@")
        await press(pilot, "ctrl+s")

        assert pilot.app.screen is modal  # still open, everything as typed
        first, second = rows(pilot)
        assert not first.has_class("-invalid")
        assert second.has_class("-invalid")
        assert second.boxes["email"].has_class("-invalid")
        assert second.boxes["email"].has_focus
        shown = screen_text(pilot)
        assert "Nothing was saved: 1 row needs a fix." in shown
        assert "Email: " in shown
        assert counts(svc) == before

        await press(pilot, "ctrl+u")
        await type_text(pilot, "bad@example.org")
        await press(pilot, "ctrl+s")
        assert not isinstance(pilot.app.screen, MeetingBatchModal)
        assert counts(svc) == (before[0] + 2, before[1] + 1, before[2] + 2)


async def test_the_contact_log_asks_which_event_first(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "L", "m")
        assert isinstance(pilot.app.screen, PickModal)
        shown = screen_text(pilot)
        assert "Log meetings at which event?" in shown
        assert "Altri da identificare" not in shown  # placeholders are not events to log at
        await press(pilot, "enter")
        modal = pilot.app.screen
        assert isinstance(modal, MeetingBatchModal)
        await type_row(pilot, "Eva Nowak", "ENRICH USA")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, ContactLogScreen)
        table = pilot.app.screen.query_one(LogTable)
        assert column(table, 4) == ["Eva Nowak"]
        assert column(table, 5) == [PARTNERING]


async def test_an_undated_event_needs_the_date_typed(settings: Settings) -> None:
    async with running(settings) as pilot:
        svc = tracker(pilot).svc
        before = counts(svc)
        await press(pilot, "e", "down", "m")  # EUREGA: no dates yet
        modal = pilot.app.screen
        assert isinstance(modal, MeetingBatchModal)
        assert modal.query_one("#batch-date", Input).value == ""
        await type_row(pilot, "Eva Nowak")
        await press(pilot, "ctrl+s")
        assert pilot.app.screen is modal
        assert "Date: when did it happen?" in screen_text(pilot)
        assert counts(svc) == before
        modal.query_one("#batch-date", Input).focus()
        await type_text(pilot, "12/03/2019")
        await press(pilot, "ctrl+s")
        assert not isinstance(pilot.app.screen, MeetingBatchModal)
        logged = svc.contact_log.list(InteractionQuery()).rows
        assert [str(i.occurred_on) for i in logged] == ["2019-03-12"]


async def test_escape_asks_before_throwing_rows_away(settings: Settings) -> None:
    async with running(settings) as pilot:
        await open_batch(pilot)
        await type_text(pilot, "Someone")
        await press(pilot, "escape")
        assert "Discard everyone typed here?" in screen_text(pilot)
        await press(pilot, "n")
        assert isinstance(pilot.app.screen, MeetingBatchModal)
        await press(pilot, "escape", "y")
        assert isinstance(pilot.app.screen, EventsScreen)


async def test_the_same_new_name_twice_is_pointed_out_and_ctrl_r_drops_a_row(
    settings: Settings,
) -> None:
    async with running(settings) as pilot:
        await open_batch(pilot)
        await type_text(pilot, "Hans Müller")
        await press(pilot, "ctrl+n")
        await type_text(pilot, "hans muller")
        first, second = rows(pilot)
        for row in (first, second):
            row.person.look_up(row.person.value)
        await settle(pilot)
        shown = screen_text(pilot)
        assert "+ a new person · the same name as row 1: one of them?" in shown
        assert "+ a new person · the same name as row 2: one of them?" in shown
        await press(pilot, "ctrl+r")  # the row with the focus goes
        assert rows(pilot) == [first]
        assert "the same name as" not in screen_text(pilot)
        assert first.person.box.has_focus
