"""The month's items as a list, by first day: glyph, dates, title, status, and under an
item with conflicts each reason in words (once: a clash flags both of its items). The
selected day's items are marked ▶."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tracker.i18n import _
from tracker.services.dto_calendar import CalendarItem
from tracker.tui.format import fmt_span
from tracker.tui.widgets.month_grid import CONFLICT_GLYPH, item_line


def agenda_table(items: Iterable[CalendarItem], selected: date | None) -> RenderableType:
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=1, no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    count = 0
    said: set[str] = set()  # a clash touches two items: its reason is given once
    for item in items:
        count += 1
        here = selected is not None and item.on(selected)
        marker = Text("▶", style="bold") if here else Text(" ")
        when = Text(fmt_span(item.start, None if item.end == item.start else item.end))
        line = item_line(item)
        extra = " · ".join(p for p in (item.detail, item.status) if p)
        if extra:
            line.append(f"  {extra}", style="dim")
        if here:
            when.stylize("bold")
        table.add_row(marker, when, line)
        for conflict in item.conflicts:
            if conflict.message not in said:
                said.add(conflict.message)
                table.add_row("", "", Text(f"{CONFLICT_GLYPH} {conflict.message}", style="red"))
    if not count:
        return Text(_("Nothing this month."), style="dim")
    return table


class AgendaList(Static):
    """Plain data in, one Rich table out; the screen scrolls it."""

    def show(self, items: Iterable[CalendarItem], selected: date | None) -> None:
        self.update(agenda_table(items, selected))
