"""One page of events in a table; asks for the next page when the cursor runs off it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from tracker.i18n import N_
from tracker.i18n_format import money
from tracker.services.dto import EventRow
from tracker.tui.format import DASH, event_label, fmt_span, term
from tracker.tui.widgets.entry_table import EntryTable

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


class EventTable(EntryTable[EventRow]):
    """Rows keyed by event id. Moving past the last or first row asks for another page."""

    DEFAULT_CSS = """
    EventTable {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Edit event"), show=False),
    ]
    COLUMNS = COLUMNS

    def heading_text(self, key: str, label: str, width: int) -> str:
        heading = super().heading_text(key, label, width)
        return heading.rjust(width) if key == "allocated" else heading

    def row_id(self, row: EventRow) -> int:
        return row.id

    def cells(self, row: EventRow) -> list[Text]:
        return _cells(row)
