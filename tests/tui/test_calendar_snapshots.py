"""The calendar's month view as a picture: October 2018 with today fixed on the 1st,
the seed's partnering event on the 25th, a mission with a conflict, a deadline and
All Saints' Day in Belgium."""

from __future__ import annotations

import gc
from datetime import date
from typing import Any

from textual.pilot import Pilot

from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.app import make_app

from .helpers import SIZE, TODAY, press, settle
from .test_snapshots import Snap


def test_the_month_view(snap_compare: Snap, settings: Settings) -> None:
    services = Services.open(settings)
    anna = services.people.create({"name": "Anna Rossi", "staff": "yes"}).id
    services.missions.create(
        2018,
        "BE",
        {"title": "Brussels week", "city": "Brussels", "start": "22/10/2018", "end": "24/10/2018"},
        ["Cluster partnering event"],  # on the 25th: outside the mission, flagged
        [anna],
    )
    call = services.funding.find_call("COSME")
    services.funding.add_deadline(call.id, date(2018, 10, 30), "full proposal")
    services.close()

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press(pilot, "A", "down", "down", "down")  # the 22nd selected

    app = make_app(settings, today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    gc.unfreeze()
