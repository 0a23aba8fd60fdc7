"""Guarantee 6 in every editing form: what was typed survives a crash (a draft on disk,
offered back at the next start, in the form's own area) and saves from there; an edit's
draft keeps the version its user started from, so a colleague's save still conflicts.

The crash: the draft files are copied while the form is open and put back after the app
is gone (a closing app removes its forms' drafts; a crashing one cannot). The real
SIGKILL is in test_unsaved.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.reliability.form_cases import (
    CASES,
    FormCase,
    colleague_saves,
    record_of,
    retype,
    shown,
    wait_for_draft,
)
from tests.tui.helpers import press, running, screen_text, tracker
from tracker.config import Settings
from tracker.domain.enums import ConsentStatus
from tracker.services.dto_partners import NamedRef
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.conflict import ConflictModal
from tracker.tui.modals.interaction import InteractionForm
from tracker.tui.modals.person_form import PersonForm
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.unsaved import DRAFT_AREAS

TYPED = "typed before the crash"


def _crash_leaves(files: dict[Path, bytes]) -> None:
    for path, data in files.items():
        path.write_bytes(data)


async def _type_and_crash(settings: Settings, case: FormCase) -> int:
    async with running(settings) as pilot:
        case.setup(tracker(pilot).svc)
        await press(pilot, *case.keys)
        ref = record_of(pilot.app.screen)
        await retype(pilot, case, TYPED)
        left = await wait_for_draft(pilot, settings.data_dir / "drafts", TYPED)
    assert [p.name for p in left] == [f"{case.kind}_{ref}.json"]
    _crash_leaves(left)
    return ref


async def _accept_offer(pilot: Pilot[None], case: FormCase) -> None:
    assert isinstance(pilot.app.screen, ConfirmModal), screen_text(pilot)
    assert "left unsaved" in screen_text(pilot)
    await press(pilot, "y")
    assert pilot.app.current_mode == DRAFT_AREAS[case.kind]  # the area that owns it
    assert isinstance(pilot.app.screen, case.form), pilot.app.screen
    assert shown(pilot, case) == TYPED


def test_every_form_kind_has_an_area() -> None:
    assert {case.kind for case in CASES} | {"event"} == set(DRAFT_AREAS)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_an_edit_survives_a_crash_and_saves(settings: Settings, case: FormCase) -> None:
    ref = await _type_and_crash(settings, case)
    async with running(settings) as pilot:
        await _accept_offer(pilot, case)
        await press(pilot, "escape")  # brought back, so unsaved: closing asks first
        assert isinstance(pilot.app.screen, ConfirmModal)
        await press(pilot, "n", "ctrl+s")
        assert isinstance(pilot.app.screen, TrackerScreen), screen_text(pilot)
        assert case.read(tracker(pilot).svc, ref) == TYPED
    assert list((settings.data_dir / "drafts").glob("*.json")) == []


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_a_draft_keeps_its_version(settings: Settings, case: FormCase) -> None:
    ref = await _type_and_crash(settings, case)
    colleague_saves(settings, case, ref, "theirs")  # between the crash and the restart
    async with running(settings) as pilot:
        await _accept_offer(pilot, case)
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, ConflictModal), screen_text(pilot)
        assert case.read(tracker(pilot).svc, ref) == "theirs"
        await press(pilot, "o")
        assert case.read(tracker(pilot).svc, ref) == TYPED


async def test_a_new_person_survives_a_crash(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "P", "n")
        await press(pilot, *"Nina Draft")
        pilot.app.screen.query_one("#person-staff").value = True  # type: ignore[attr-defined]
        left = await wait_for_draft(pilot, settings.data_dir / "drafts", "Nina Draft")
    assert [p.name for p in left] == ["person_new.json"]
    _crash_leaves(left)
    async with running(settings) as pilot:
        await press(pilot, "y")
        form = pilot.app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one("#person-name", Input).value == "Nina Draft"
        await press(pilot, "ctrl+s")
        nina = tracker(pilot).svc.people.find("Nina Draft")
        assert nina.is_staff and nina.consent == ConsentStatus.UNKNOWN.value


async def test_a_new_entry_keeps_whom_it_names(settings: Settings) -> None:
    """The contact-log form's names are records (id and name): the draft keeps both."""
    async with running(settings) as pilot:
        svc = tracker(pilot).svc
        enrich = svc.organisations.find("ENRICH USA")
        await press(pilot, "L", "n")
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        enrich_ref = NamedRef(enrich.id, enrich.name)
        form.picker("organisations").add(enrich_ref)
        await retype(pilot, CASES[-1], TYPED)
        left = await wait_for_draft(pilot, settings.data_dir / "drafts", TYPED)
    assert [p.name for p in left] == ["interaction_new.json"]
    _crash_leaves(left)
    async with running(settings) as pilot:
        await press(pilot, "y")
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        assert form.picker("organisations").refs == [enrich_ref]
        await press(pilot, "ctrl+s")
        rows = tracker(pilot).svc.contact_log.get(1)
        assert rows.summary == TYPED
        assert [o.name for o in rows.organisations] == ["ENRICH USA"]


async def test_several_drafts_are_offered_one_after_another(settings: Settings) -> None:
    """Two forms left by crashes: the second is offered once the first, reopened, closes."""
    person, call = (next(c for c in CASES if c.kind == kind) for kind in ("person", "call"))
    left: dict[Path, bytes] = {}
    for case in (person, call):
        await _type_and_crash(settings, case)
        for path in (settings.data_dir / "drafts").glob("*.json"):
            left[path] = path.read_bytes()
            path.unlink()  # out of the way of the next form's session
    _crash_leaves(left)
    async with running(settings) as pilot:
        await _accept_offer(pilot, person)  # the oldest first
        await press(pilot, "ctrl+s")  # saved: the other draft is offered next
        await pilot.pause(0.1)
        await _accept_offer(pilot, call)
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, TrackerScreen), screen_text(pilot)
    assert list((settings.data_dir / "drafts").glob("*.json")) == []
