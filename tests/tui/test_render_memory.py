"""An area out of sight keeps no drawn lines, and draws the same picture on its return."""

from __future__ import annotations

from textual.widget import Widget

from tracker.config import Settings
from tracker.tui.screens.events import EventsScreen
from tracker.tui.widgets.page_table import PageTable

from .helpers import press, running, screen_text


def drawn_lines(widgets: list[Widget]) -> int:
    lines = 0
    for widget in widgets:
        lines += len(widget._styles_cache._cache) + len(widget._render_cache.lines)
        if isinstance(widget, PageTable):
            lines += len(widget._lines)
    return lines


async def test_an_area_left_forgets_its_lines_and_draws_them_again(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e")
        events = pilot.app.screen
        assert isinstance(events, EventsScreen)
        shown = screen_text(pilot)
        widgets = list(events.walk_children(Widget, with_self=True))
        assert drawn_lines(widgets) > 0
        await press(pilot, "b")
        assert drawn_lines(widgets) == 0
        await press(pilot, "e")
        await pilot.pause()
        assert screen_text(pilot) == shown
        assert drawn_lines(widgets) > 0
