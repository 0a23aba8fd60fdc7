"""A page of contact-log entries, follow-ups or calls; it asks for more at the edges."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from tracker.i18n import N_, _
from tracker.tui.widgets.page_table import PageTable

R = TypeVar("R")
Column = tuple[str, str, int]  # key, heading, width


def cell(text: str, style: str = "") -> Text:
    """A table cell that ends in "…" when its column is too narrow."""
    return Text(text, style=style, overflow="ellipsis", no_wrap=True)


class EntryTable(PageTable, Generic[R]):
    """Rows identified by `row_id()`, drawn by `cells()`, under the headings of `COLUMNS`.

    Moving past the last or first row asks for the next or previous page.
    """

    DEFAULT_CSS = """
    EntryTable {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Open"), show=False),
    ]
    COLUMNS: ClassVar[Sequence[Column]] = ()

    @dataclass
    class PageRequested(Message):
        """+1 for the next page, -1 for the previous."""

        table: EntryTable[Any]
        step: int

    @dataclass
    class Command(Message):
        """A key of this table asks the screen to act on the row under the cursor."""

        table: EntryTable[Any]
        action: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[R] = []
        self._index: dict[int, int] = {}  # row id → where it is on the page
        self.set_columns([(self.heading_text(*column), column[2]) for column in self.COLUMNS])

    def row_id(self, row: R) -> int:
        raise NotImplementedError

    def cells(self, row: R) -> Sequence[Text]:
        raise NotImplementedError

    def heading_text(self, key: str, label: str, width: int) -> str:
        """The column's heading as shown, in the user's language."""
        return _(label) if label else label

    def row_cells(self, index: int) -> Sequence[Text]:
        return self.cells(self._rows[index])

    def show_rows(self, rows: Sequence[R], *, cursor: int = 0, focus: int | None = None) -> None:
        """Show a page; the cursor goes on the row `focus` if it is there, else on `cursor`."""
        self._rows = list(rows)
        self._index = {self.row_id(row): i for i, row in enumerate(self._rows)}
        if focus is not None and focus in self._index:
            cursor = self._index[focus]
        self.refill(len(self._rows), cursor=cursor)

    def replace_row(self, row: R) -> None:
        """Redraw one row where it is (a follow-up just ticked off stays in view)."""
        index = self._index.get(self.row_id(row))
        if index is None:
            return
        self._rows[index] = row
        self.redraw_row(index)

    def action_command(self, action: str) -> None:
        self.post_message(self.Command(self, action))

    def index_of(self, row_id: int) -> int | None:
        return self._index.get(row_id)

    @property
    def entries(self) -> list[R]:
        return list(self._rows)

    @property
    def current(self) -> R | None:
        return self._rows[self.cursor_row] if self._rows else None

    def edge_reached(self, step: int) -> None:
        self.post_message(self.PageRequested(self, step))


@dataclass
class PageState:
    """Which page a screen shows and where its cursor lands when the next one arrives."""

    limit: int
    offset: int = 0
    total: int = 0
    shown: int = 0
    focus: int | None = None  # put the cursor on this id, when it is on the page
    cursor: int = 0  # else on this row

    def keep(self, current: int | None, row: int) -> None:
        """Reloading the same page: stay on the record under the cursor."""
        if self.focus is None and current is not None:
            self.focus, self.cursor = current, row

    def restart(self) -> None:
        self.offset, self.focus, self.cursor = 0, None, 0

    def turn(self, step: int) -> bool:
        """Move `step` pages; False (and nothing changes) past either end."""
        target = self.offset + step * self.limit
        if not 0 <= target < self.total:
            return False
        self.offset, self.focus = target, None
        self.cursor = 0 if step > 0 else self.limit - 1
        return True

    def arrived(self, total: int, offset: int, shown: int) -> bool:
        """False for an empty page past the end (after a delete): step back and reload."""
        if not shown and offset > 0:
            self.offset = max(0, offset - self.limit)
            self.cursor = self.limit - 1
            return False
        self.total, self.offset, self.shown = total, offset, shown
        return True

    def landed(self) -> tuple[int, int | None]:
        cursor, focus = self.cursor, self.focus
        self.focus, self.cursor = None, 0
        return cursor, focus

    def describe(self, singular: str, plural: str) -> str:
        """57 entries · rows 1–50 · page 1 of 2"""
        text = f"{self.total} {_(singular) if self.total == 1 else _(plural)}"
        if self.shown:
            pages = max(1, -(-self.total // self.limit))
            number = self.offset // self.limit + 1
            first, last = self.offset + 1, self.offset + self.shown
            text += " · " + _("rows {first}–{last} · page {number} of {pages}").format(
                first=first, last=last, number=number, pages=pages
            )
        return text
