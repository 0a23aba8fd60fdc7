"""The three main screens as pictures, on a fresh seeded database and a fixed today.

Regenerate after a deliberate change of look with `pytest tests/tui --snapshot-update`
and review the SVGs in tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from tracker.config import Settings
from tracker.tui.app import make_app

from .helpers import SIZE, TODAY, press, settle

Snap = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press(pilot, *pressed)

    return run_before


def test_dashboard(snap_compare: Snap, settings: Settings) -> None:
    assert snap_compare(make_app(settings, today=TODAY), terminal_size=SIZE, run_before=keys())
    gc.unfreeze()


def test_events(snap_compare: Snap, settings: Settings) -> None:
    app = make_app(settings, today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("e"))
    gc.unfreeze()


def test_budget_over_the_cap(snap_compare: Snap, settings: Settings) -> None:
    from decimal import Decimal

    from tracker.services.context import Services

    services = Services.open(settings)  # a line over the European cap, to show the flags
    services.budget.set_planned(2018, "BE", "travel", Decimal("5000.01"))
    services.close()
    app = make_app(settings, today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("b"))
    gc.unfreeze()
