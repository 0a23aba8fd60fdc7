"""Guarantee 4 in the TUI: a save that meets someone else's newer version asks what to do
(reload theirs, overwrite with mine, keep editing) instead of overwriting silently."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.helpers import press, running, screen_text, tracker, type_text
from tracker.config import Settings
from tracker.domain.event_rules import validate_event
from tracker.services.context import Services
from tracker.tui.modals.conflict import ConflictModal
from tracker.tui.modals.event_form import EventForm
from tracker.tui.screens.events import EventsScreen


def _someone_else_moves_eurega(settings: Settings) -> None:
    other = Services.connect(settings)  # a second session: another colleague
    try:
        event = other.events.find("EUREGA", 2018)
        other.events.update(
            event.id,
            validate_event({"name": "EUREGA", "country": "BE", "city": "Liège"}),
            expected_version=event.version,
        )
    finally:
        other.close()


async def _edit_city_while_someone_saves(settings: Settings, pilot: Pilot[None]) -> None:
    await press(pilot, "e", "down", "enter")
    form = pilot.app.screen
    assert isinstance(form, EventForm)
    _someone_else_moves_eurega(settings)
    form.query_one("#city", Input).focus()
    await press(pilot, "end", "ctrl+u")
    await type_text(pilot, "Bruxelles")
    await press(pilot, "ctrl+s")


async def test_overwrite_saves_mine_after_asking(settings: Settings) -> None:
    async with running(settings) as pilot:
        await _edit_city_while_someone_saves(settings, pilot)
        assert isinstance(pilot.app.screen, ConflictModal)
        assert "changed by someone else" in screen_text(pilot)
        assert tracker(pilot).svc.events.find("EUREGA", 2018).city == "Liège"  # not yet
        await press(pilot, "o")
        assert isinstance(pilot.app.screen, EventsScreen)
        assert tracker(pilot).svc.events.find("EUREGA", 2018).city == "Bruxelles"


async def test_reload_shows_theirs_and_keep_editing_keeps_mine(settings: Settings) -> None:
    async with running(settings) as pilot:
        await _edit_city_while_someone_saves(settings, pilot)
        await press(pilot, "k")  # keep editing: the form again, with what I typed
        form = pilot.app.screen
        assert isinstance(form, EventForm)
        assert form.query_one("#city", Input).value == "Bruxelles"
        await press(pilot, "ctrl+s")  # still theirs is newer: asked again
        assert isinstance(pilot.app.screen, ConflictModal)
        await press(pilot, "r")  # reload: their version in the form
        form = pilot.app.screen
        assert isinstance(form, EventForm)
        assert form.query_one("#city", Input).value == "Liège"
        assert tracker(pilot).svc.events.find("EUREGA", 2018).city == "Liège"


async def test_the_contact_log_form_asks_too(settings: Settings) -> None:
    async with running(settings) as pilot:
        log = tracker(pilot).svc.contact_log
        enrich = tracker(pilot).svc.organisations.find("ENRICH USA").id
        entry = log.add({"date": "20/09/2018", "summary": "first call"}, organisations=[enrich])
        await press(pilot, "L", "enter")  # edit the entry
        form = pilot.app.screen
        other = Services.connect(settings)
        try:  # a colleague saves the same entry first
            other.contact_log.update(entry.id, {"summary": "theirs"}, expected_version=1)
        finally:
            other.close()
        form.query_one("#summary").focus()
        await press(pilot, "f7")  # select all, then type over it
        await type_text(pilot, "mine")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, ConflictModal)
        await press(pilot, "o")
        assert log.get(entry.id).summary == "mine"
