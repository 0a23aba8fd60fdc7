"""The organisations board, a timeline and the search box as pictures (fixed today).

Regenerate after a deliberate change of look with
`pytest tests/tui/test_partner_snapshots.py --snapshot-update` and review the SVGs in
tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.app import make_app

from .helpers import SIZE, TODAY, press, settle, type_text

Snap = Callable[..., bool]


def seed(settings: Settings) -> None:
    """Organisations in every stage, a person, two contacts and a consortium."""
    svc = Services.open(settings)
    try:
        orgs = svc.organisations
        biowin = orgs.create(
            {"name": "BioWin", "country": "BE", "city": "Charleroi", "stage": "contacted",
             "tags": "medtech, biotech", "website": "https://www.biowin.org"}
        ).id  # fmt: skip
        orgs.create({"name": "Medicon Valley Alliance", "country": "SE", "stage": "in_talks"})
        orgs.create({"name": "BioRegio STERN", "country": "DE", "city": "Stuttgart"})
        orgs.create({"name": "Lyonbiopôle", "country": "FR", "stage": "dormant"})
        orgs.create({"name": "Health Cluster Portugal", "country": "PT", "stage": "partner"})
        anna = svc.people.create({"name": "Anna Rossi", "organisation": biowin}).id
        log = svc.contact_log
        log.add({"date": "12/09/2018", "kind": "call", "summary": "First call"}, people=[anna])
        log.add(
            {"date": "18/09/2018", "kind": "email", "summary": "Sent the cluster brochure",
             "follow_up": "ask for feedback", "due": "25/09/2018"},
            people=[anna],
        )  # fmt: skip
        svc.funding.add_deadline(1, "15/03/2019", "first stage")
        consortium = svc.funding.add_consortium(1, "Health clusters go global")
        svc.funding.member_add(consortium.id, biowin, "coordinator")
    finally:
        svc.close()


def picture(snap_compare: Snap, settings: Settings, *keys: str, typed: str = "") -> bool:
    """The app at the fixed today after pressing ``keys`` (and typing ``typed``)."""
    seed(settings)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press(pilot, *keys)
        if typed:
            await type_text(pilot, typed)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # a still cursor, for a stable picture

    app = make_app(settings, today=TODAY)
    try:
        return snap_compare(app, terminal_size=SIZE, run_before=run_before)
    finally:
        gc.unfreeze()


def test_organisations_board(snap_compare: Snap, settings: Settings) -> None:
    assert picture(snap_compare, settings, "O", "right")


def test_organisation_timeline(snap_compare: Snap, settings: Settings) -> None:
    assert picture(snap_compare, settings, "O", "right", "enter")


def test_search_everything(snap_compare: Snap, settings: Settings) -> None:
    assert picture(snap_compare, settings, "ctrl+f", typed="bio")
