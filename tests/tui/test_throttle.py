"""Typing in a filter box: the first key is answered at once, a burst at a pace, and the
last run always sees the latest text."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from tracker.tui.widgets.throttle import INTERVAL_SECONDS, Throttle


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.seen: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.throttle = Throttle(self.query_one(Static), lambda: self.seen.append(self.text))


async def test_first_key_at_once_then_one_run_with_the_latest_text() -> None:
    app = Host()
    async with app.run_test() as pilot:
        app.text = "r"
        app.throttle()
        assert app.seen == ["r"]  # no waiting for the first key
        for text in ("ro", "ros", "ross"):  # a burst inside the interval
            app.text = text
            app.throttle()
        assert app.seen == ["r"]
        await pilot.pause(INTERVAL_SECONDS * 3)
        assert app.seen == ["r", "ross"]  # one run for the burst, with the latest text


async def test_keys_further_apart_than_the_interval_are_each_answered_at_once() -> None:
    app = Host()
    async with app.run_test() as pilot:
        for text in ("a", "an", "ann"):
            app.text = text
            app.throttle()
            assert app.seen[-1] == text
            await pilot.pause(INTERVAL_SECONDS * 1.5)
        assert app.seen == ["a", "an", "ann"]


async def test_now_cancels_a_pending_run() -> None:
    app = Host()
    async with app.run_test() as pilot:
        app.text = "x"
        app.throttle()
        app.text = "xy"
        app.throttle()  # pending
        app.throttle.now()  # enter: at once
        await pilot.pause(INTERVAL_SECONDS * 3)
        assert app.seen == ["x", "xy"]
