"""Follow-ups: soonest due first, overdue ones marked against the app's today, one key each."""

from __future__ import annotations

from textual.pilot import Pilot

from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.modals.interaction import InteractionForm
from tracker.tui.screens.followups import FollowUpsScreen
from tracker.tui.widgets.followup_table import FollowUpTable

from .helpers import column, press, running, screen_text, tracker


def seed(svc: Services) -> dict[str, int]:
    """Follow-ups around the tests' today, 1 October 2018, and one already done."""
    anna = svc.people.create({"name": "Anna Rossi"}).id
    made = {}
    for what, due in [
        ("later", "20/10/2018"),
        ("undated", ""),
        ("overdue", "28/09/2018"),
        ("today", "01/10/2018"),
        ("done already", "15/09/2018"),
    ]:
        fields = {"date": "20/09/2018", "follow_up": what, "due": due}
        made[what] = svc.contact_log.add(fields, people=[anna]).id
    svc.contact_log.mark_done(made["done already"])
    return made


def table(pilot: Pilot[None]) -> FollowUpTable:
    return pilot.app.screen.query_one(FollowUpTable)


async def test_open_follow_ups_soonest_first_with_overdue_marked(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(tracker(pilot).svc)
        await press(pilot, "F")
        assert isinstance(pilot.app.screen, FollowUpsScreen)
        shown = table(pilot)
        assert column(shown, 3) == ["overdue", "today", "later", "undated"]
        assert column(shown, 2) == ["3 days late", "today", "in 2 weeks", "no date"]
        assert column(shown, 0) == ["!", "", "", ""]
        overdue_due = shown.get_row_at(0)[1]
        assert overdue_due.style == "bold red"
        assert shown.get_row_at(1)[1].style == ""
        text = screen_text(pilot)
        assert "Today 01/10/2018:  4 open  ·  1 overdue  ·  1 due today" in text
        assert "4 follow-ups · rows 1–4" in text


async def test_one_key_marks_done_and_u_reopens(settings: Settings) -> None:
    async with running(settings) as pilot:
        made = seed(tracker(pilot).svc)
        log = tracker(pilot).svc.contact_log
        await press(pilot, "F", "space")
        shown = table(pilot)
        assert column(shown, 0)[0] == "✓"  # the row stays, ticked
        assert column(shown, 2)[0] == "done"
        assert shown.cursor_row == 1  # ready for the next one
        assert not log.get(made["overdue"]).follow_up_open
        assert "Today 01/10/2018:  3 open  ·  0 overdue" in screen_text(pilot)
        await press(pilot, "d")  # d does the same
        assert not log.get(made["today"]).follow_up_open
        assert column(shown, 0)[:2] == ["✓", "✓"]

        await press(pilot, "u")  # the last one ticked comes back
        assert log.get(made["today"]).follow_up_open
        assert column(shown, 0)[:2] == ["✓", ""]
        await press(pilot, "up", "up", "u")  # or the ticked row under the cursor
        assert log.get(made["overdue"]).follow_up_open
        assert column(shown, 0)[0] == "!"
        assert column(shown, 2)[0] == "3 days late"


async def test_o_shows_only_the_overdue_and_enter_opens_the_entry(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(tracker(pilot).svc)
        await press(pilot, "F", "o")
        assert column(table(pilot), 3) == ["overdue"]
        assert "overdue only" in screen_text(pilot)
        await press(pilot, "o")
        assert len(column(table(pilot), 3)) == 4
        await press(pilot, "enter")
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        assert "Contact log entry #" in screen_text(pilot)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, FollowUpsScreen)
