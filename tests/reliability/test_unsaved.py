"""Guarantee 6: a dirty form asks before it is closed or the app quits, and what was
typed survives a crash of the app (a draft on disk, offered back at the next start)."""

from __future__ import annotations

import asyncio
import os
import signal
import stat
import time
from pathlib import Path

from textual.widgets import Input

from tests.tui.helpers import press, running, type_text
from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.event_form import EventForm
from tracker.tui.screens.events import EventsScreen

TYPED = "Forum salute Bruxelles"


async def test_quitting_over_a_dirty_form_asks_first(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "n")
        await type_text(pilot, "Half typed")
        await press(pilot, "ctrl+q")
        assert isinstance(pilot.app.screen, ConfirmModal)
        await press(pilot, "n")  # keep editing
        assert isinstance(pilot.app.screen, EventForm)
        assert pilot.app.screen.query_one("#name", Input).value == "Half typed"
        await press(pilot, "ctrl+q", "y")
        assert pilot.app.return_code == 0 and not pilot.app.is_running


async def test_quitting_with_nothing_typed_does_not_ask(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "n", "ctrl+q")
        assert not pilot.app.is_running


def _type_then_hang(settings: Settings) -> None:
    """The child: the app, a new event half typed, then the process is killed."""

    async def drive() -> None:
        async with running(settings) as pilot:
            await press(pilot, "e", "n")
            await type_text(pilot, TYPED)
            await asyncio.sleep(600)

    asyncio.run(drive())


def test_a_draft_survives_a_crash_and_is_offered_back(settings: Settings) -> None:
    Services.open(settings).close()  # the database exists before the child starts
    drafts = settings.data_dir / "drafts"
    pid = os.fork()
    if pid == 0:
        try:
            _type_then_hang(settings)
        finally:
            os._exit(0)
    try:
        deadline = time.monotonic() + 120
        while not _draft_holds(drafts, TYPED) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        os.kill(pid, signal.SIGKILL)  # the crash
        os.waitpid(pid, 0)
    assert _draft_holds(drafts, TYPED)
    assert stat.S_IMODE(drafts.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in drafts.iterdir())
    asyncio.run(_reopen_and_save(settings))
    assert list(drafts.iterdir()) == []


def _draft_holds(folder: Path, text: str) -> bool:
    if not folder.is_dir():
        return False
    return any(text in p.read_text(encoding="utf-8") for p in folder.glob("*.json"))


async def _reopen_and_save(settings: Settings) -> None:
    async with running(settings) as pilot:
        assert isinstance(pilot.app.screen, ConfirmModal)  # offered at start
        await press(pilot, "y")
        form = pilot.app.screen
        assert isinstance(form, EventForm)
        assert form.query_one("#name", Input).value == TYPED
        await press(pilot, "escape")  # brought back, so unsaved: closing asks
        assert isinstance(pilot.app.screen, ConfirmModal)
        await press(pilot, "n", "ctrl+s")
        assert isinstance(pilot.app.screen, EventsScreen)
        assert pilot.app.svc.events.find(TYPED, 2018).name == TYPED  # type: ignore[attr-defined]
