"""The budget table: cost items × target countries, one figure per cell, totals around."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from tracker.i18n import N_, _
from tracker.i18n_format import money
from tracker.services.dto import BudgetColumn, BudgetTable, CategoryInfo, LineFigures
from tracker.tui.format import DASH, OVER_CAP, OVER_LINE, category_name, column_heading

VIEWS = (N_("planned"), N_("allocated"), N_("free"), N_("actual"))
VIEW_TITLES = {
    "planned": N_("planned"),
    "allocated": N_("allocated to events"),
    "free": N_("free (planned − allocated)"),
    "actual": N_("actual (spent)"),
}
TOTAL = N_("Total")


def figure(line: LineFigures, view: str) -> Decimal:
    return {
        "planned": line.planned,
        "allocated": line.allocated,
        "free": line.free,
        "actual": line.actual,
    }[view]


def over_line(line: LineFigures, view: str) -> bool:
    """Is this cell beyond what its line plans, as far as this view shows?"""
    if view == "actual":
        return line.overspent
    if view in ("allocated", "free"):
        return line.over_allocated
    return line.over_allocated or line.overspent


def cell(line: LineFigures, view: str, *, over_cap: bool = False, bold: bool = False) -> Text:
    if line == LineFigures():
        return Text(DASH, style="dim", justify="right")
    text = money(figure(line, view))
    marks = ""
    if over_line(line, view):
        marks += f" {OVER_LINE}"
    if over_cap:
        marks += f" {OVER_CAP}"
    style = "bold red" if marks else ("bold" if bold else "")
    return Text(text + marks, style=style, justify="right")


def align_right(rows: list[list[Text]], minimum: list[int]) -> list[int]:
    """Pad the amount columns (all but the first) so the figures line up on the right.

    Returns each column's width.
    """
    widths = [max([least, *(row[i].cell_len for row in rows)]) for i, least in enumerate(minimum)]
    for index, width in enumerate(widths[1:], start=1):
        for row in rows:
            row[index].pad_left(width - row[index].cell_len)
    return widths


@dataclass(frozen=True)
class Selection:
    category: CategoryInfo
    column: BudgetColumn

    @property
    def line(self) -> LineFigures:
        return self.column.cells.get(self.category.code, LineFigures())


class BudgetGrid(DataTable[Text]):
    """Rows are the plan's cost items plus a total; columns its target countries plus a total."""

    DEFAULT_CSS = """
    BudgetGrid {
        height: auto;
        max-height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Edit planned"), show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell")
        self.table: BudgetTable | None = None

    def show(self, table: BudgetTable, view: str) -> None:
        where = self.cursor_coordinate
        self.table = table
        headings = [Text(_("Cost item"))]
        for column in table.columns:
            heading = column_heading(column.position, column.country)
            label = Text(heading + (f" {OVER_CAP}" if column.over_cap else ""))
            if column.over_cap:
                label.stylize("bold red")
            headings.append(label)
        headings.append(Text(_(TOTAL), style="bold"))
        rows: list[list[Text]] = []
        for category in table.categories:
            cells = [Text(category_name(category.name_it, category.name_en))]
            cells += [cell(c.cells[category.code], view) for c in table.columns]
            cells.append(cell(table.row_totals[category.code], view, bold=True))
            rows.append(cells)
        totals = [Text(_(TOTAL), style="bold")]
        totals += [cell(c.figures, view, over_cap=c.over_cap, bold=True) for c in table.columns]
        totals.append(cell(table.figures, view, over_cap=table.total_cap.over, bold=True))
        rows.append(totals)
        widths = align_right(rows, [h.cell_len for h in headings])
        # Columns are rebuilt with explicit widths: auto widths go stale across redraws.
        self.clear(columns=True)
        keys = ["category", *(c.country.code for c in table.columns), "total"]
        for key, title, width in zip(keys, headings, widths, strict=True):
            self.add_column(title, key=key, width=width)
        row_keys = [*(c.code for c in table.categories), "total"]
        for key, cells in zip(row_keys, rows, strict=True):
            self.add_row(*cells, key=key)
        if where == Coordinate(0, 0) and table.columns:
            where = Coordinate(0, 1)  # start on the first real cell
        self.move_cursor(row=where.row, column=where.column, animate=False)

    @property
    def selection(self) -> Selection | None:
        """The cost line under the cursor, or None on a total or the names column."""
        table = self.table
        if table is None:
            return None
        row, column = self.cursor_coordinate
        if not 0 <= row < len(table.categories) or not 1 <= column <= len(table.columns):
            return None
        return Selection(table.categories[row], table.columns[column - 1])
