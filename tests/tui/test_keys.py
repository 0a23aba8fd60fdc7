"""Every action has a key, shows in the footer, the help screen and the command palette."""

from __future__ import annotations

from tracker.config import Settings
from tracker.tui.modals.help import HelpScreen
from tracker.tui.screens.budget import BudgetScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.events import EventsScreen

from .helpers import press, running, screen_text, tracker


async def test_d_e_b_switch_between_the_three_areas(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e")
        assert isinstance(pilot.app.screen, EventsScreen)
        await press(pilot, "b")
        assert isinstance(pilot.app.screen, BudgetScreen)
        await press(pilot, "d")
        assert isinstance(pilot.app.screen, DashboardScreen)


async def test_question_mark_lists_every_key_of_the_screen(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        shown = screen_text(pilot)
        for line in (
            "Keys — Events",
            "Link cost",
            "Sort",
            "Reverse",
            "Next page",
            "Edit event",
            "Dashboard",
            "Plan year",
        ):
            assert line in shown
        await press(pilot, "escape", "b", "f1")
        shown = screen_text(pilot)
        assert "Keys — Budget" in shown
        for line in ("View", "Allocations", "Add expense", "Plan admin", "Edit planned"):
            assert line in shown
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, BudgetScreen)


async def test_the_command_palette_offers_the_screen_actions(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e")
        app = tracker(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in (
            "Go to Dashboard",
            "Go to Budget",
            "Pick plan year",
            "New plan year",
            "Help",
            "New",
            "Edit",
            "Delete",
            "Link cost",
            "Status",
            "Sort",
        ):
            assert title in titles
        assert len(titles) == len(set(titles))
        await press(pilot, "ctrl+p")
        await pilot.press(*"link cost")
        await press(pilot, "enter")  # runs the action on the events screen: the link dialog
        assert "Link “Cluster partnering event” to a cost line" in screen_text(pilot)


async def test_the_footer_shows_the_screen_keys(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "b")
        footer = screen_text(pilot).splitlines()[-1]
        for key in ("v View", "a Allocations", "x Add expense", "p Plan admin", "d Dashboard"):
            assert key in footer
