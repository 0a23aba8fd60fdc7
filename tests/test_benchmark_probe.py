"""The benchmark's probe: a screen that loads nothing is timed to its first frame, one
that starts a worker to the frame after the worker's result."""

from __future__ import annotations

import threading
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from benchmarks.probe import Probe, now


class Plain(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("nothing to load")


class Loading(Screen[None]):
    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release

    def compose(self) -> ComposeResult:
        yield Static("loading…", id="text")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True)
    def load(self) -> None:
        self.release.wait(5)
        self.app.call_from_thread(self.query_one("#text", Static).update, "loaded")


class Host(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "plain", "Plain"),
        Binding("l", "loading", "Loading"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def action_plain(self) -> None:
        self.push_screen(Plain())

    def action_loading(self) -> None:
        self.push_screen(Loading(self.release))


async def test_a_screen_without_workers_is_timed_to_its_first_frame() -> None:
    app = Host()
    probe = Probe(app).install()
    async with app.run_test() as pilot:
        await probe.settled(0.0, results=0, quiet=0.1)
        started = now()
        await pilot.press("p")
        frame = await probe.settled(started, results=None, timeout=5)
        assert frame.at >= started
        assert not [t for t in probe.workers if t >= started]


async def test_a_screen_with_a_worker_is_timed_to_its_result() -> None:
    app = Host()
    probe = Probe(app).install()
    async with app.run_test() as pilot:
        await probe.settled(0.0, results=0, quiet=0.1)
        started = now()
        await pilot.press("l")
        await pilot.pause(0.2)
        app.release.set()
        frame = await probe.settled(started, results=None, timeout=5)
        landed = [t for t in probe.applied if t >= started]
        assert landed and frame.at >= landed[-1]
        assert str(app.screen.query_one("#text", Static).render()) == "loaded"
