"""Guarantee 4 in every editing form: a save that meets a colleague's newer version asks
what to do, and each choice does what it says, for each form (the event form is in
test_tui_conflict.py)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.reliability.form_cases import CASES, FormCase, colleague_saves, record_of, retype, shown
from tests.tui.helpers import press, running, screen_text, tracker, type_text
from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.modals.conflict import ConflictModal
from tracker.tui.modals.form import FormModal
from tracker.tui.modals.recurrence import RecurrenceForm
from tracker.tui.screens.base import TrackerScreen


async def _save_over_theirs(settings: Settings, pilot: Pilot[None], case: FormCase) -> int:
    """Open the record's form; a colleague saves "theirs"; I type "mine" and save."""
    case.setup(tracker(pilot).svc)
    await press(pilot, *case.keys)
    form = pilot.app.screen
    assert isinstance(form, case.form), form
    ref = record_of(form)
    colleague_saves(settings, case, ref, "theirs")
    await retype(pilot, case, "mine")
    await press(pilot, "ctrl+s")
    assert isinstance(pilot.app.screen, ConflictModal), screen_text(pilot)
    assert "changed by someone else" in screen_text(pilot)
    assert case.read(tracker(pilot).svc, ref) == "theirs"  # nothing overwritten yet
    return ref


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_overwrite_saves_mine_over_theirs(settings: Settings, case: FormCase) -> None:
    async with running(settings) as pilot:
        ref = await _save_over_theirs(settings, pilot, case)
        await press(pilot, "o")
        assert isinstance(pilot.app.screen, TrackerScreen), pilot.app.screen
        assert case.read(tracker(pilot).svc, ref) == "mine"


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_reload_shows_theirs_and_then_saves(settings: Settings, case: FormCase) -> None:
    async with running(settings) as pilot:
        ref = await _save_over_theirs(settings, pilot, case)
        await press(pilot, "r")
        assert isinstance(pilot.app.screen, case.form)
        assert shown(pilot, case) == "theirs"
        # Reloaded at their version: a save now goes through without asking.
        await retype(pilot, case, "mine after all")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, TrackerScreen), screen_text(pilot)
        assert case.read(tracker(pilot).svc, ref) == "mine after all"


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_keep_editing_keeps_mine_and_asks_again(settings: Settings, case: FormCase) -> None:
    async with running(settings) as pilot:
        ref = await _save_over_theirs(settings, pilot, case)
        await press(pilot, "k")
        form = pilot.app.screen
        assert isinstance(form, case.form)
        assert shown(pilot, case) == "mine"
        assert "changed by someone else" in screen_text(pilot)  # the message stays
        assert case.read(tracker(pilot).svc, ref) == "theirs"
        await press(pilot, "ctrl+s")  # theirs is still newer than where I started
        assert isinstance(pilot.app.screen, ConflictModal)
        await press(pilot, "escape")  # escape keeps editing too
        assert isinstance(pilot.app.screen, FormModal)
        assert case.read(tracker(pilot).svc, ref) == "theirs"


async def test_the_recurrence_form_asks_too(settings: Settings) -> None:
    async with running(settings) as pilot:
        svc = tracker(pilot).svc
        event = svc.events.find("partnering", 2018)
        await press(pilot, "A", "down", "down", "down", "right", "right", "right", "r")
        assert isinstance(pilot.app.screen, RecurrenceForm)  # the event on the 25th
        other = Services.connect(settings)
        try:  # a colleague makes it yearly first
            other.recurrence.set_recurrence(event.id, "yearly", expected_version=event.version)
        finally:
            other.close()
        await type_text(pilot, "yearly-last-weekday")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, ConflictModal)
        await press(pilot, "k")
        form = pilot.app.screen
        assert isinstance(form, RecurrenceForm)
        assert form.query_one("#rule", Input).value == "yearly-last-weekday"
        assert "changed by someone else" in screen_text(pilot)
        assert svc.recurrence.get(event.id).rule == "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=25"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, ConflictModal)
        await press(pilot, "o")
        assert "BYDAY=-1TH" in svc.recurrence.get(event.id).rule


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_kept_typing_is_unsaved_work(settings: Settings, case: FormCase) -> None:
    """After "keep editing" the form holds typing that is saved nowhere: escape asks
    before throwing it away, and a draft is on disk in case the app dies."""
    async with running(settings) as pilot:
        await _save_over_theirs(settings, pilot, case)
        await press(pilot, "k")
        form = pilot.app.screen
        assert isinstance(form, FormModal)
        assert form.dirty
        await pilot.pause(0.8)  # the draft is written after half a second of quiet
        assert any(d.key == form.draft_key for d in tracker(pilot).drafts.all())
        await press(pilot, "escape")
        assert "Discard your changes?" in screen_text(pilot), screen_text(pilot)
        await press(pilot, "escape")  # no: keep editing
        assert pilot.app.screen is form
        assert shown(pilot, case) == "mine"
