"""An area shown for the first time re-parses no styles: they were read during the
warm-up, and its screen is stamped with the app's styles when it is made."""

from __future__ import annotations

import gc

import pytest
from textual.css.stylesheet import Stylesheet

from tracker.config import Settings
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.events import EventsScreen

from .helpers import press, running


async def test_a_new_area_parses_the_styles_once(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running(settings) as pilot:
        assert isinstance(pilot.app.screen, DashboardScreen)
        reparsed: list[Stylesheet] = []
        real = Stylesheet.reparse

        def counted(self: Stylesheet) -> None:
            reparsed.append(self)
            real(self)

        monkeypatch.setattr(Stylesheet, "reparse", counted)
        parsed: list[Stylesheet] = []  # a widget's DEFAULT_CSS new to the stylesheet
        real_parse = Stylesheet.parse

        def parse_counted(self: Stylesheet) -> None:
            parsed.append(self)
            real_parse(self)

        monkeypatch.setattr(Stylesheet, "parse", parse_counted)
        await press(pilot, "e")  # the events area: no style sheet of its own to read
        assert isinstance(pilot.app.screen, EventsScreen)
        assert reparsed == []
        assert parsed == []  # its widgets' own CSS was added at the warm-up
        await press(pilot, "d", "e")  # shown before: nothing to parse
        assert reparsed == []
        assert parsed == []
    gc.unfreeze()
