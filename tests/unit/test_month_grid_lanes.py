"""The month grid's rows for spans: a mission keeps its row across the week."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.services.dto_calendar import CalendarItem
from tracker.tui.widgets.month_grid import GridCell, MonthGridView, arranged, lanes

MONDAY = date(2018, 10, 22)


def item(kind: str, id: int, first: int, last: int) -> CalendarItem:
    start, end = MONDAY + timedelta(days=first), MONDAY + timedelta(days=last)
    return CalendarItem(kind, id, f"{kind} {id}", start, end, "draft")


def week(*items: CalendarItem) -> list[GridCell]:
    days = [MONDAY + timedelta(days=n) for n in range(7)]
    return [GridCell(d, True, tuple(i for i in items if i.on(d))) for d in days]


def test_spans_keep_their_row_and_share_one_when_they_do_not_meet() -> None:
    brussels, ghent, liege = (
        item("mission", 1, 0, 2),
        item("mission", 2, 2, 4),
        item("mission", 3, 5, 6),
    )
    fair = item("event", 9, 3, 3)
    cells = week(brussels, ghent, fair, liege)
    rows = lanes(cells)
    assert rows == {("mission", 1): 0, ("mission", 2): 1, ("mission", 3): 0}
    titles = [[i.title if i else None for i in arranged(c.items, rows)] for c in cells]
    assert titles[0] == ["mission 1"]
    assert titles[2] == ["mission 1", "mission 2"]
    assert titles[3] == [None, "mission 2", "event 9"]  # Ghent stays on its row
    assert titles[5] == ["mission 3"]  # Liège takes the row Brussels left
    assert titles[4] == [None, "mission 2"]


def test_a_small_cell_shows_what_fits_and_counts_the_rest() -> None:
    brussels, ghent = item("mission", 1, 0, 2), item("mission", 2, 2, 4)
    cells = week(brussels, ghent, item("event", 9, 3, 3))
    rows = lanes(cells)
    view = MonthGridView()
    view.today, view.selected = MONDAY, MONDAY
    thursday = view._cell(cells[3], rows, lines=2, width=12).plain.splitlines()
    assert thursday == ["25 +1", "▬ mission 2"]  # no blank row for Brussels, gone by now
    roomy = view._cell(cells[3], rows, lines=4, width=12).plain.splitlines()
    assert roomy == ["25", "", "▬ mission 2", "● event 9"]  # Ghent on its row of the week
