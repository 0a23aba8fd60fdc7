"""Search everything (ctrl+f): ranked hits labelled by kind, hostile text, enter opens."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tracker.config import Settings
from tracker.domain.event_rules import EventData
from tracker.services.context import Services
from tracker.tui.modals import search as search_modal
from tracker.tui.modals.interaction import InteractionForm
from tracker.tui.modals.org_form import OrganisationForm
from tracker.tui.modals.search import SearchModal
from tracker.tui.screens.calls import CallsScreen
from tracker.tui.screens.contact_log import ContactLogScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.events import EventsScreen
from tracker.tui.screens.timeline import TimelineScreen
from tracker.tui.widgets.call_tables import CallTable
from tracker.tui.widgets.event_table import EventTable

from .helpers import notice_text, press, running, screen_text, tracker, type_text

HOSTILE = ["l'ufficio", "S.p.A.", "multi-agent", '"', "(", "AND", 'a" OR (b', "*", "NEAR/2", "%_\\"]


def svc(pilot: Pilot[None]) -> Services:
    return tracker(pilot).svc


def hits(pilot: Pilot[None]) -> list[str]:
    options = pilot.app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def search(pilot: Pilot[None], text: str) -> None:
    if not isinstance(pilot.app.screen, SearchModal):
        await press(pilot, "ctrl+f")
    assert isinstance(pilot.app.screen, SearchModal)
    box = pilot.app.screen.query_one("#search-input", Input)
    box.focus()
    box.value = ""
    await type_text(pilot, text)


async def test_hits_follow_the_typing_ranked_and_labelled(settings: Settings) -> None:
    async with running(settings) as pilot:
        biowin = svc(pilot).organisations.create({"name": "BioWin", "city": "Charleroi"})
        svc(pilot).people.create({"name": "Anna Rossi", "organisation": biowin.id})
        svc(pilot).contact_log.add(
            {"date": "12/09/2018", "kind": "call", "summary": "Cluster brochure for Anna"},
            organisations=[biowin.id],
        )
        assert isinstance(pilot.app.screen, DashboardScreen)
        await search(pilot, "clus")
        found = hits(pilot)
        assert found[0].startswith("event        Cluster partnering event")
        kinds = {line.split()[0] for line in found}
        assert kinds == {"event", "call", "organisation", "contact"}
        assert any(line.startswith("contact      Cluster brochure for Anna") for line in found)
        await search(pilot, "anna")
        assert hits(pilot)[0].startswith("person       Anna Rossi  BioWin")
        assert "1 person  ·  1 contact" in screen_text(pilot)
        await search(pilot, "zzzz")
        assert hits(pilot) == []
        assert "Nothing found for “zzzz”." in screen_text(pilot)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, DashboardScreen)


async def test_hostile_text_never_raises(settings: Settings) -> None:
    async with running(settings) as pilot:
        await search(pilot, "x")
        for text in HOSTILE:
            await search(pilot, text)
            assert isinstance(pilot.app.screen, SearchModal)
        assert "error" not in notice_text(pilot).lower()
        assert "Not done" not in notice_text(pilot)


async def test_enter_on_an_organisation_opens_its_timeline(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "O", "n")  # from inside a form, too
        assert isinstance(pilot.app.screen, OrganisationForm)
        await search(pilot, "enrich")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert "ENRICH USA  agency" in screen_text(pilot)


async def test_enter_on_an_event_shows_it_on_the_events_screen(settings: Settings) -> None:
    async with running(settings) as pilot:
        await search(pilot, "medtech")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, EventsScreen)
        current = pilot.app.screen.query_one(EventTable).current
        assert current is not None and current.name == "MedTech Partnership Meeting"


async def test_an_event_on_a_later_page_or_hidden_by_the_filters(settings: Settings) -> None:
    async with running(settings) as pilot:
        for n in range(55):  # dated events come first: MedTech (no date yet) goes to page 2
            fair = EventData(name=f"Fair {n:02d}", country_code="US", start_date=date(2018, 11, 1))
            svc(pilot).events.create(2018, fair)
        await search(pilot, "medtech")
        await press(pilot, "enter")
        screen = pilot.app.screen
        assert isinstance(screen, EventsScreen)
        current = screen.query_one(EventTable).current
        assert current is not None and current.name == "MedTech Partnership Meeting"
        assert "page 2 of 2" in screen_text(pilot)
        screen.filters = replace(screen.filters, country="US")
        await search(pilot, "medtech")
        await press(pilot, "enter")
        assert "The filters hide that event" in notice_text(pilot)


async def test_enter_on_a_contact_opens_the_entry(settings: Settings) -> None:
    async with running(settings) as pilot:
        enrich = svc(pilot).organisations.find("ENRICH USA").id
        entry = svc(pilot).contact_log.add(
            {"date": "24/09/2018", "kind": "video_call", "summary": "Boston matchmaking"},
            organisations=[enrich],
        )
        await search(pilot, "matchmaking")
        await press(pilot, "down", "enter")  # from the list, too
        assert isinstance(pilot.app.screen, InteractionForm)
        assert f"Contact log entry #{entry.id}" in screen_text(pilot)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, ContactLogScreen)


@pytest.mark.parametrize("text", ["innosup", "go international"])
async def test_enter_on_a_call_shows_it_on_the_calls_screen(settings: Settings, text: str) -> None:
    async with running(settings) as pilot:
        await search(pilot, text)
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, CallsScreen)
        current = pilot.app.screen.query_one(CallTable).current
        assert current is not None and current.name.lower() == text


async def test_a_count_that_stopped_early_is_shown_as_at_least(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_modal, "COUNT_AT_MOST", 2)  # as 10,000 on a big database
    async with running(settings) as pilot:
        for name in ("Zeno Alfa", "Zeno Beta", "Zeno Gamma"):
            svc(pilot).people.create({"name": name})
        await search(pilot, "zeno")
        assert len(hits(pilot)) == 3  # every hit is still there
        assert "2+ people" in screen_text(pilot)
        await search(pilot, "zeno g")
        assert "1 person  ·" in screen_text(pilot)
        assert "1+ person" not in screen_text(pilot)
