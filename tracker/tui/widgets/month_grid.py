"""A month as 6 × 7 day cells, drawn from plain data (a ``MonthGrid``) with Rich.

Each kind of item has a colour and a glyph, so the grid also reads without colour:
▬ mission (a span, on each of its days), ● event, ◆ call deadline, » follow-up due,
! a conflict, * a public holiday; "+2" beside a day's number counts the items it has
no room for. Today's number is reversed; the selected day is
highlighted. Arrows post ``DayMoved`` (by how many days: the screen owns the selected
day, which may be in a month still loading); enter posts ``DayChosen``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from tracker.i18n import N_, _
from tracker.services.dto_calendar import CalendarDay, CalendarItem, MonthGrid

GLYPHS = {"mission": "▬", "event": "●", "deadline": "◆", "follow_up": "»"}
STYLES = {
    "mission": "bold cyan",
    "event": "green",
    "deadline": "bold magenta",
    "follow_up": "yellow",
}
CONFLICT_GLYPH = "!"
HOLIDAY_GLYPH = "*"
CANCELLED = ("cancelled", "skipped")
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
KIND_NAMES = {
    "mission": N_("mission"),
    "event": N_("event"),
    "deadline": N_("deadline"),
    "follow_up": N_("follow-up"),
}
ROWS = 6
# Box lines around and between 6 rows, plus the weekday header and its rule.
FRAME_LINES = 2 + 1 + 1 + (ROWS - 1)


def legend() -> Text:
    """The key to the glyphs, for a heading."""
    text = Text()
    for kind, glyph in GLYPHS.items():
        text.append(f"{glyph} ", style=STYLES[kind])
        text.append(_(KIND_NAMES[kind]) + "  ")
    text.append(f"{CONFLICT_GLYPH} ", style="bold red")
    text.append(_("conflict") + "  ")
    text.append(f"{HOLIDAY_GLYPH} ", style="italic magenta")
    text.append(_("public holiday"))
    return text


def item_line(item: CalendarItem) -> Text:
    """``▬ Brussels week`` in the kind's colour, ``!`` first when it has a conflict."""
    style = STYLES[item.kind] + (" strike dim" if item.status in CANCELLED else "")
    line = Text(GLYPHS[item.kind] + " ", style=STYLES[item.kind])
    if item.conflicts:
        line = Text(CONFLICT_GLYPH, style="bold red") + Text(GLYPHS[item.kind], style=style) + " "
    line.append(item.title, style=style)
    return line


@dataclass(frozen=True)
class GridCell:
    day: date
    in_month: bool
    items: tuple[CalendarItem, ...] = ()
    holidays: tuple[str, ...] = ()


def _cells(grid: MonthGrid) -> list[list[GridCell]]:
    """The grid's weeks, padded to six with the days after it (shown without items)."""
    weeks = [
        [GridCell(d.day, d.in_month, d.items, d.holidays) for d in week.days] for week in grid.weeks
    ]
    following = grid.last_day
    while len(weeks) < ROWS:
        days = [following + timedelta(days=i + 1) for i in range(7)]
        weeks.append([GridCell(d, False) for d in days])
        following = days[-1]
    return weeks


def lanes(week: list[GridCell]) -> dict[tuple[str, int], int]:
    """A row for each span of the week, the same on each of its days, so a mission reads
    as one bar; spans that do not meet share a row."""
    spans: dict[tuple[str, int], CalendarItem] = {}
    for cell in week:
        for item in cell.items:
            if item.days > 1:
                spans.setdefault(item.key, item)
    ends: list[date] = []  # the last day of what each row holds so far
    found: dict[tuple[str, int], int] = {}
    for key, item in spans.items():  # in agenda order: the earliest start first
        row = next((n for n, end in enumerate(ends) if end < item.start), len(ends))
        if row == len(ends):
            ends.append(item.end)
        else:
            ends[row] = item.end
        found[key] = row
    return found


def arranged(
    items: tuple[CalendarItem, ...], rows: dict[tuple[str, int], int]
) -> list[CalendarItem | None]:
    """A day's items: its spans on their week's rows (None where a row is empty that
    day), then the one-day items."""
    placed: list[CalendarItem | None] = [None] * (
        1 + max((rows[i.key] for i in items if i.key in rows), default=-1)
    )
    for item in items:
        if item.key in rows:
            placed[rows[item.key]] = item
    return placed + [i for i in items if i.key not in rows]


class MonthGridView(Widget, can_focus=True):
    """The month; ``show()`` hands it the data, the selected day and today."""

    HELP_NAME: ClassVar[str] = N_("the month grid")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Day before", show=False),
        Binding("right", "move(1)", "Day after", show=False),
        Binding("up", "move(-7)", "Week before", show=False),
        Binding("down", "move(7)", "Week after", show=False),
        Binding("enter", "choose", "The day's items", show=False),
    ]
    DEFAULT_CSS = """
    MonthGridView {
        height: 1fr;
        width: 1fr;
    }
    """

    class DayMoved(Message):
        """Move the selected day by ``days`` (maybe out of the month shown)."""

        def __init__(self, days: int) -> None:
            super().__init__()
            self.days = days

    class DayChosen(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid: MonthGrid | None = None
        self.today = date.today()
        self.selected = self.today

    def show(self, grid: MonthGrid, *, today: date, selected: date) -> None:
        self.grid, self.today, self.selected = grid, today, selected
        self.refresh()

    def select(self, day: date) -> None:
        self.selected = day
        self.refresh()

    def day(self, day: date) -> CalendarDay | None:
        if self.grid is None:
            return None
        try:
            return self.grid.day(day)
        except KeyError:
            return None

    def action_move(self, days: int) -> None:
        self.post_message(self.DayMoved(days))

    def action_choose(self) -> None:
        self.post_message(self.DayChosen(self.selected))

    # -- drawing ----------------------------------------------------------------------

    def render(self) -> RenderableType:
        if self.grid is None:
            return Text(_("Loading the month…"), style="dim")
        lines = max(2, (self.size.height - FRAME_LINES) // ROWS)
        width = max(6, (self.size.width - 8) // 7)
        table = Table(
            box=box.SQUARE,
            show_lines=True,
            expand=True,
            padding=0,
            border_style="grey50",
            header_style="bold",
        )
        for name in WEEKDAYS:
            table.add_column(_(name), ratio=1, no_wrap=True, overflow="ellipsis")
        for week in _cells(self.grid):
            rows = lanes(week)
            table.add_row(*(self._cell(cell, rows, lines, width) for cell in week))
        return table

    def _cell(
        self, cell: GridCell, rows: dict[tuple[str, int], int], lines: int, width: int
    ) -> Text:
        head = Text()
        number = f"{cell.day.day:>2}"
        if cell.day == self.today:
            head.append(number, style="bold reverse")
        else:
            head.append(number, style="bold" if cell.in_month else "dim")
        shown: Sequence[CalendarItem | None] = arranged(cell.items, rows)
        room = lines - 1
        if len(shown) > room:  # too small for the rows: every line an item, then "+n"
            shown = [item for item in shown if item is not None][:room]
        hidden = len(cell.items) - sum(1 for item in shown if item is not None)
        if hidden:
            head.append(" +" + str(hidden), style="bold")
        if cell.holidays:
            head.append(HOLIDAY_GLYPH, style="italic magenta")
            head.append(" " + cell.holidays[0].split(": ", 1)[-1], style="italic magenta dim")
        body = [head]
        for item in shown:
            body.append(Text("") if item is None else item_line(item))
        while len(body) < lines:
            body.append(Text(""))
        for line in body:
            line.truncate(width, overflow="ellipsis")
        text = Text("\n").join(body)
        if not cell.in_month:
            text.stylize("dim")
        if cell.day == self.selected:
            text.stylize("on grey23")
        return text
