"""Timelines: an organisation's or a person's contacts, events and consortia in date order."""

from __future__ import annotations

from textual.pilot import Pilot

from tracker.config import Settings
from tracker.services.context import Services
from tracker.services.dto_partners import InteractionQuery
from tracker.tui.modals.interaction import InteractionForm
from tracker.tui.modals.org_form import OrganisationForm
from tracker.tui.screens.organisations import OrganisationsScreen
from tracker.tui.screens.timeline import TimelineScreen, TimelineTable

from .helpers import (
    column,
    notice_text,
    press,
    running,
    screen_text,
    table_rows,
    tracker,
    type_text,
)

PARTNERING = "Cluster partnering event"


def svc(pilot: Pilot[None]) -> Services:
    return tracker(pilot).svc


def seed(svc: Services) -> None:
    """BioWin: a call with Anna, a meeting at the partnering event, a consortium."""
    biowin = svc.organisations.create({"name": "BioWin", "country": "BE", "stage": "contacted"})
    anna = svc.people.create({"name": "Anna Rossi", "organisation": biowin.id}).id
    log = svc.contact_log
    log.add({"date": "12/09/2018", "kind": "call", "summary": "First call"}, people=[anna])
    log.add(
        {"time": "15:30", "summary": "Interested in COSME", "follow_up": "send the call text"},
        people=[anna],
        event=PARTNERING,
    )
    log.add(
        {"date": "01/08/2018", "kind": "email", "summary": "Brochure"}, organisations=[biowin.id]
    )
    svc.funding.add_deadline(1, "15/03/2019", "first stage")  # COSME Go International
    consortium = svc.funding.add_consortium(1, "Health clusters go global")
    svc.funding.member_add(consortium.id, biowin.id, "coordinator")


def timeline(pilot: Pilot[None]) -> TimelineTable:
    return pilot.app.screen.query_one(TimelineTable)


async def fill_and_save(pilot: Pilot[None], box: str, text: str) -> None:
    """Type into one box of the open form (replacing what it had), then ctrl+s."""
    pilot.app.screen.query_one(box).focus()
    await press(pilot, "end", "ctrl+u")
    await type_text(pilot, text)
    await press(pilot, "ctrl+s")


async def open_biowin(pilot: Pilot[None]) -> None:
    await press(pilot, "O", "right")  # the contacted column: BioWin, then ENRICH USA
    assert isinstance(pilot.app.screen, OrganisationsScreen)
    await press(pilot, "enter")
    assert isinstance(pilot.app.screen, TimelineScreen)


async def test_an_organisations_timeline_is_in_date_order(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(svc(pilot))
        await open_biowin(pilot)
        rows = table_rows(timeline(pilot))
        assert [r[:3] for r in rows] == [
            ["01/08/2018", "contact", "Email: Brochure"],
            ["12/09/2018", "contact", "Call: First call"],
            ["25/10/2018", "event", PARTNERING],
            ["25/10/2018 15:30", "contact", "Meeting: Interested in COSME"],
            ["15/03/2019", "deadline", "Deadline of COSME Go International (first stage)"],
        ]
        assert rows[1][3] == "Anna Rossi, BioWin"  # her organisation is linked with her
        assert "Health clusters go global: coordinator" in rows[4][3]
        shown = screen_text(pilot)
        assert "BioWin  cluster  ·  Contacted  ·  Belgium" in shown
        assert "3 contacts  ·  1 event  ·  1 deadline  ·  oldest first" in shown
        # The cursor starts on the latest item up to today (1 October 2018).
        assert timeline(pilot).cursor_row == 1


async def test_l_logs_a_contact_with_the_organisation_filled_in(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(svc(pilot))
        await open_biowin(pilot)
        await press(pilot, "l")
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        assert "BioWin ✕" in screen_text(pilot)
        await fill_and_save(pilot, "#summary", "Agreed on a joint proposal")
        assert isinstance(pilot.app.screen, TimelineScreen)
        entries = svc(pilot).contact_log.list(InteractionQuery(text="joint proposal")).rows
        assert len(entries) == 1
        assert [o.name for o in entries[0].organisations] == ["BioWin"]
        assert "Call: Agreed on a joint proposal" in column(timeline(pilot), 2)
        assert timeline(pilot).current is not None
        assert timeline(pilot).current.item.ref_id == entries[0].id
        assert "Logged: BioWin." in notice_text(pilot)


async def test_a_persons_timeline_and_enter_on_an_entry(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(svc(pilot))
        await press(pilot, "P", "enter")  # Anna Rossi, the only person
        assert isinstance(pilot.app.screen, TimelineScreen)
        rows = table_rows(timeline(pilot))
        assert [r[2] for r in rows] == [
            "Call: First call",
            PARTNERING,
            "Meeting: Interested in COSME",
            "Deadline of COSME Go International (first stage)",
        ]
        assert rows[3][4] == "through BioWin"
        assert timeline(pilot).cursor_row == 0  # the call: the latest item up to today
        await press(pilot, "down", "enter")  # on the event: nothing to open here
        assert "Only contact-log entries open from here." in notice_text(pilot)
        await press(pilot, "up", "enter")
        assert isinstance(pilot.app.screen, InteractionForm)
        assert "Contact log entry #1" in screen_text(pilot)


async def test_e_edits_the_organisation_from_its_timeline(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(svc(pilot))
        await open_biowin(pilot)
        await press(pilot, "e")
        form = pilot.app.screen
        assert isinstance(form, OrganisationForm)
        await fill_and_save(pilot, "#org-city", "Gosselies")
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert svc(pilot).organisations.find("BioWin").city == "Gosselies"
        assert "BioWin  cluster  ·  Contacted  ·  Gosselies, Belgium" in screen_text(pilot)
