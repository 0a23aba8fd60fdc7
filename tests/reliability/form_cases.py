"""The editing forms of the TUI, each described once for the conflict and draft tests:
how to reach the edit form of a saved record, which field to type in, and how a
colleague (a second session) and the database see that field."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

from tests.tui.helpers import press, type_text
from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.drafts import parse_key
from tracker.tui.modals.call import CallForm
from tracker.tui.modals.form import FormModal
from tracker.tui.modals.interaction import InteractionForm
from tracker.tui.modals.mission_form import MissionForm
from tracker.tui.modals.org_form import OrganisationForm
from tracker.tui.modals.person_form import PersonForm


@dataclass(frozen=True)
class FormCase:
    kind: str  # the draft kind: person, organisation, call, mission, interaction
    form: type[FormModal[object]]
    keys: tuple[str, ...]  # from the dashboard to the edit form of the setup's record
    control: str  # the control typed in
    setup: Callable[[Services], None]  # records the keys need
    write: Callable[[Services, int, str], None]  # a colleague saves the field
    read: Callable[[Services, int], str]  # the field as saved

    def __str__(self) -> str:
        return self.kind


def _no_setup(svc: Services) -> None:
    return None


def _person(svc: Services) -> None:
    svc.people.create({"name": "Anna Rossi", "role": "start"})


def _mission(svc: Services) -> None:
    svc.missions.create(2018, "BE", {"title": "Brussels week", "start": "22/10/2018"})


def _entry(svc: Services) -> None:
    enrich = svc.organisations.find("ENRICH USA").id
    svc.contact_log.add({"date": "20/09/2018", "summary": "first call"}, organisations=[enrich])


def _write_person(svc: Services, ref: int, text: str) -> None:
    svc.people.update(ref, {"role": text}, expected_version=svc.people.get(ref).version)


def _write_org(svc: Services, ref: int, text: str) -> None:
    organisations = svc.organisations
    organisations.update(ref, {"city": text}, expected_version=organisations.get(ref).version)


def _write_call(svc: Services, ref: int, text: str) -> None:
    funding = svc.funding
    funding.update_call(ref, {"identifier": text}, expected_version=funding.get_call(ref).version)


def _write_mission(svc: Services, ref: int, text: str) -> None:
    svc.missions.update(ref, {"city": text}, svc.missions.get(ref).version)


def _write_entry(svc: Services, ref: int, text: str) -> None:
    log = svc.contact_log
    log.update(ref, {"summary": text}, expected_version=log.get(ref).version)


CASES = (
    FormCase(
        "person",
        PersonForm,
        ("P", "e"),
        "#person-role",
        _person,
        _write_person,
        lambda svc, ref: svc.people.get(ref).role,
    ),
    FormCase(
        "organisation",
        OrganisationForm,
        ("O", "v", "e"),  # the list: its first row
        "#org-city",
        _no_setup,
        _write_org,
        lambda svc, ref: svc.organisations.get(ref).city,
    ),
    FormCase(
        "call",
        CallForm,
        ("C", "enter"),
        "#call-identifier",
        _no_setup,
        _write_call,
        lambda svc, ref: svc.funding.get_call(ref).identifier,
    ),
    FormCase(
        "mission",
        MissionForm,
        ("A", "M", "e"),
        "#city",
        _mission,
        _write_mission,
        lambda svc, ref: svc.missions.get(ref).city,
    ),
    FormCase(
        "interaction",
        InteractionForm,
        ("L", "enter"),
        "#summary",
        _entry,
        _write_entry,
        lambda svc, ref: svc.contact_log.get(ref).summary,
    ),
)


def record_of(form: Screen[object]) -> int:
    """The record an edit form is on (its draft says)."""
    assert isinstance(form, FormModal) and form.draft_key is not None
    ref = parse_key(form.draft_key)[1]
    assert ref is not None, form.draft_key
    return ref


def colleague_saves(settings: Settings, case: FormCase, ref: int, text: str) -> None:
    other = Services.connect(settings)  # a second session: another colleague
    try:
        case.write(other, ref, text)
    finally:
        other.close()


async def retype(pilot: Pilot[None], case: FormCase, text: str) -> None:
    """Replace what the form's control holds with ``text``, typed."""
    control = pilot.app.screen.query_one(case.control)
    control.focus()
    if isinstance(control, Input):
        await press(pilot, "end", "ctrl+u")
    else:
        assert isinstance(control, TextArea)
        await press(pilot, "f7")  # select all: the typing replaces it
    await type_text(pilot, text)


def shown(pilot: Pilot[None], case: FormCase) -> str:
    control = pilot.app.screen.query_one(case.control)
    if isinstance(control, Input):
        return control.value
    assert isinstance(control, TextArea)
    return control.text


async def wait_for_draft(pilot: Pilot[None], folder: Path, text: str) -> dict[Path, bytes]:
    """The draft files once one holds ``text`` (written after a quiet half second)."""
    for _ in range(100):
        found = {p: p.read_bytes() for p in folder.glob("*.json")} if folder.is_dir() else {}
        if any(text.encode() in data for data in found.values()):
            return found
        await asyncio.sleep(0.05)
        await pilot.pause()
    raise AssertionError(f"no draft holds {text!r}")
