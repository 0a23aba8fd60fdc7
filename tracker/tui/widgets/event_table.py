"""One page of events in a table; asks for the next page when the cursor runs off it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from tracker.i18n import N_, _
from tracker.i18n_format import money
from tracker.services.dto import EventRow
from tracker.tui.format import DASH, event_label, fmt_span, term

COLUMNS = (
    ("date", N_("Date"), 16),
    ("name", N_("Name"), 52),
    ("country", N_("Country"), 7),
    ("city", N_("City"), 18),
    ("kind", N_("Kind"), 11),
    ("status", N_("Status"), 12),
    ("priority", N_("Priority"), 8),
    ("allocated", N_("Allocated"), 13),
)
ALLOCATED_WIDTH = COLUMNS[-1][2]


def _cells(row: EventRow) -> list[Text]:
    style = "dim italic" if row.is_placeholder else ""
    allocated = money(row.allocated) if row.allocated else DASH
    values = [
        fmt_span(row.start_date, row.end_date),
        event_label(row),
        row.country_code or DASH,
        row.city or DASH,
        term("event_kind", row.kind),
        term("event_status", row.status),
        term("priority", row.priority),
    ]
    cells = [Text(value, style=style) for value in values]
    cells.append(Text(allocated.rjust(ALLOCATED_WIDTH), style=style))
    return cells


class EventTable(DataTable[Text]):
    """Rows keyed by event id. Moving past the last or first row asks for another page."""

    DEFAULT_CSS = """
    EventTable {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Edit event"), show=False),
    ]

    @dataclass
    class PageRequested(Message):
        """The user moved past the edge of the page: +1 for the next, -1 the previous."""

        table: EventTable
        step: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: dict[str, EventRow] = {}

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            heading = _(label).rjust(width) if key == "allocated" else _(label)
            self.add_column(heading, key=key, width=width)

    def show_rows(self, rows: Sequence[EventRow], *, cursor: int = 0) -> None:
        self.clear()
        self._rows = {str(row.id): row for row in rows}
        for row in rows:
            self.add_row(*_cells(row), key=str(row.id))
        if rows:
            self.move_cursor(row=max(0, min(cursor, len(rows) - 1)), animate=False)

    def index_of(self, event_id: int) -> int | None:
        try:
            return self.get_row_index(str(event_id))
        except Exception:  # RowDoesNotExist: not on this page
            return None

    @property
    def current(self) -> EventRow | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._rows.get(key or "")

    def action_cursor_down(self) -> None:
        if self.row_count and self.cursor_row >= self.row_count - 1:
            self.post_message(self.PageRequested(self, 1))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0:
            self.post_message(self.PageRequested(self, -1))
        else:
            super().action_cursor_up()

    def action_page_down(self) -> None:
        if self.row_count and self.cursor_row >= self.row_count - 1:
            self.post_message(self.PageRequested(self, 1))
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        if self.cursor_row <= 0:
            self.post_message(self.PageRequested(self, -1))
        else:
            super().action_page_up()
