"""Helpers to drive the TUI the way a user does: a real database, the Pilot, the screen."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

from rich.console import Console
from textual.pilot import Pilot
from textual.worker import WorkerState

from tracker.config import Settings
from tracker.tui.app import TrackerApp, make_app
from tracker.tui.widgets.page_table import PageTable

TODAY = date(2018, 10, 1)
SIZE = (160, 48)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until no worker runs, including those that finishing workers started."""
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        busy = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if not busy:
            return
    raise AssertionError(f"workers still running: {busy}")


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one by one, letting the app finish what each one started."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


@asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Pilot[None]]:
    app = make_app(settings, today=TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        yield pilot


def tracker(pilot: Pilot[None]) -> TrackerApp:
    assert isinstance(pilot.app, TrackerApp)
    return pilot.app


def screen_text(pilot: Pilot[None]) -> str:
    """The screen as plain text, exactly as the terminal shows it (modals included)."""
    app = pilot.app
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None
    )
    console.print(
        app.screen._compositor.render_update(
            full=True, screen_stack=app._background_screens, simplify=True
        )
    )
    return console.export_text()


def table_rows(table: PageTable) -> list[list[str]]:
    return [[str(cell).strip() for cell in table.get_row_at(i)] for i in range(table.row_count)]


def column(table: PageTable, index: int) -> list[str]:
    return [row[index] for row in table_rows(table)]


def notices(pilot: Pilot[None]) -> list[str]:
    """The notifications raised so far ("title: message"), newest last."""
    return [
        f"{n.title}: {n.message}" if n.title else n.message
        for n in pilot.app._notifications  # the toasts wrap lines: read their text here
    ]


def notice_text(pilot: Pilot[None]) -> str:
    return "\n".join(notices(pilot))
