"""One day of the calendar: its holidays, and every item on it with its conflicts."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tracker.i18n import _
from tracker.services.dto_calendar import CalendarDay
from tracker.tui.widgets.agenda import agenda_table
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.month_grid import HOLIDAY_GLYPH

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_body(day: CalendarDay) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"{HOLIDAY_GLYPH} {h}", style="italic magenta") for h in day.holidays
    ]
    if day.items:
        parts.append(agenda_table(day.items, None))
    else:
        parts.append(Text(_("Nothing on this day."), style="dim"))
    return Group(*parts)


class DayModal(ModalScreen[None]):
    CSS_PATH = "../calendar.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close"),
    ]

    def __init__(self, day: CalendarDay) -> None:
        super().__init__()
        self.calendar_day = day

    def compose(self) -> ComposeResult:
        d = self.calendar_day.day
        title = f"{_(WEEKDAY_NAMES[d.weekday()])} {d:%d/%m/%Y}"
        with Vertical(classes="dialog day-items"):
            yield Static(title, classes="dialog--title")
            with VerticalScroll():
                yield Static(day_body(self.calendar_day), id="day-items")
        yield TrackerFooter()

    def action_close(self) -> None:
        self.dismiss(None)
