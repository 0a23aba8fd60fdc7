"""The contact log, the follow-ups and the after-the-event form as pictures (fixed today).

Regenerate after a deliberate change of look with `pytest tests/tui --snapshot-update`
and review the SVGs in tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.app import make_app
from tracker.tui.widgets.meeting_row import MeetingRow

from .helpers import SIZE, TODAY, press, settle, type_text

Snap = Callable[..., bool]
PARTNERING = "Cluster partnering event"


def seed(settings: Settings) -> None:
    """A few entries around the fixed today (1 October 2018): calls, a visit, meetings."""
    svc = Services.open(settings)
    try:
        biowin = svc.organisations.create({"name": "BioWin", "country": "BE", "city": "Charleroi"})
        anna = svc.people.create({"name": "Anna Rossi", "organisation": biowin.id}).id
        enrich = svc.organisations.find("ENRICH USA").id
        john = svc.people.create({"name": "John Smith", "organisation": enrich}).id
        log = svc.contact_log
        log.add(
            {"date": "12/09/2018", "time": "10:00", "kind": "call", "summary": "First call"},
            people=[anna],
        )
        done = log.add(
            {"date": "18/09/2018", "kind": "email", "summary": "Sent the cluster brochure",
             "follow_up": "ask for feedback", "due": "25/09/2018"},
            people=[anna],
        )  # fmt: skip
        log.mark_done(done.id)
        log.add(
            {"date": "24/09/2018", "kind": "video_call",
             "summary": "Boston matchmaking: two hospitals interested\nDetails in the minutes",
             "follow_up": "send the list of members", "due": "28/09/2018"},
            people=[john],
        )  # fmt: skip
        log.add(
            {"time": "15:30", "summary": "Interested in COSME Go International",
             "follow_up": "send the call text", "due": "05/11/2018"},
            people=[anna],
            event=PARTNERING,
        )  # fmt: skip
        log.add({"date": "01/10/2018", "kind": "visit", "summary": ""}, organisations=[enrich])
    finally:
        svc.close()


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press(pilot, *pressed)

    return run_before


def test_contact_log(snap_compare: Snap, settings: Settings) -> None:
    seed(settings)
    app = make_app(settings, today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("L"))
    gc.unfreeze()


def test_followups(snap_compare: Snap, settings: Settings) -> None:
    seed(settings)
    app = make_app(settings, today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("F"))
    gc.unfreeze()


def test_meeting_batch_with_a_look_alike(snap_compare: Snap, settings: Settings) -> None:
    seed(settings)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press(pilot, "e", "m")
        await type_text(pilot, "Hans Müller")
        await press(pilot, "tab")
        await type_text(pilot, "BioRegio GmbH")
        await press(pilot, "tab")
        await type_text(pilot, "CEO")
        await press(pilot, "ctrl+n")
        await type_text(pilot, "Anna Rosi")
        second = list(pilot.app.screen.query(MeetingRow))[1]
        second.person.look_up(second.person.value)  # what the typing pause does
        await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # a still cursor, for a stable picture

    app = make_app(settings, today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    gc.unfreeze()
