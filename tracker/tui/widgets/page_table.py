"""A light table for paged lists: it draws only the rows in view, one cached line each.

Textual's DataTable measures every cell, keeps row and column key maps and rebuilds its
caches on each clear() and add_row(): refilling 50 rows cost more than a keystroke may.
Our lists show one page at a time under columns of fixed width, so this widget keeps the
page's rows, builds a row's cells when the row first comes into view, draws each line
(cut with "…" to its column) and keeps that line until the rows, the width or the styles
change. It looks and answers keys like the DataTable it replaces: header, zebra stripes,
a row cursor, enter and a second click select.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker.i18n import N_

PADDING = 1  # blank cells either side of a column, as DataTable leaves them
PAD = " " * PADDING


class PageTable(ScrollView, can_focus=True):
    """Rows of cells under headings; `row_cells(index)` builds a row when it is shown."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Select"), show=False),
        Binding("up", "cursor_up", N_("Cursor up"), show=False),
        Binding("down", "cursor_down", N_("Cursor down"), show=False),
        Binding("left", "scroll_left", N_("Cursor left"), show=False),
        Binding("right", "scroll_right", N_("Cursor right"), show=False),
        Binding("pageup", "page_up", N_("Page up"), show=False),
        Binding("pagedown", "page_down", N_("Page down"), show=False),
        Binding("home,ctrl+home", "first_row", N_("Top"), show=False),
        Binding("end,ctrl+end", "last_row", N_("Bottom"), show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "page-table--header",
        "page-table--cursor",
        "page-table--even-row",
        "page-table--odd-row",
    }
    # The DataTable's own look, so a list looks the same as before.
    DEFAULT_CSS = """
    PageTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .page-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .page-table--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark {
            & > .page-table--even-row {
                background: $surface-darken-1 40%;
            }
        }
        & > .page-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .page-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .page-table--odd-row {
        }
        & > .page-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .page-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class _RowMessage(Message):
        def __init__(self, table: PageTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> PageTable:
            return self.table

    class RowHighlighted(_RowMessage):
        """The cursor moved onto a row (or a new page put it on one)."""

    class RowSelected(_RowMessage):
        """Enter, or a click on the row under the cursor."""

    def __init__(
        self, *, id: str | None = None, show_header: bool = True, zebra_stripes: bool = True
    ) -> None:
        super().__init__(id=id)
        self.show_header = show_header
        self.zebra_stripes = zebra_stripes
        self._headings: list[Text] = []
        self._widths: list[int] = []
        self._count = 0
        self._cursor = 0
        self._cells: dict[int, Sequence[Text]] = {}
        self._lines: dict[tuple[int, bool], Strip] = {}  # (row, under the cursor) → line
        self._header: Strip | None = None
        self._style_state: object = None

    # -- what is shown --------------------------------------------------------------------

    def set_columns(self, columns: Sequence[tuple[str | Text, int]]) -> None:
        """Headings and their widths in cells (padding not counted)."""
        self._headings = [Text(h) if isinstance(h, str) else h for h, _ in columns]
        self.set_widths([width for _, width in columns])

    def set_widths(self, widths: Sequence[int]) -> None:
        self._widths = list(widths)
        self._forget_lines()
        self._update_size()
        self.refresh()

    def refill(self, count: int, *, cursor: int = 0) -> None:
        """Show `count` new rows, drawn by `row_cells`, with the cursor on row `cursor`."""
        self._count = count
        self._cells.clear()
        self._forget_lines()
        self._cursor = max(0, min(cursor, count - 1))
        self._update_size()
        self.scroll_to(0, 0, animate=False, force=True)
        self._scroll_to_cursor()
        self.refresh()
        if count:
            self.post_message(self.RowHighlighted(self, self._cursor))

    def redraw_row(self, index: int) -> None:
        """The row's data changed: build its cells again and repaint it."""
        self._cells.pop(index, None)
        self._lines.pop((index, False), None)
        self._lines.pop((index, True), None)
        self._refresh_row(index)

    def row_cells(self, index: int) -> Sequence[Text]:
        raise NotImplementedError

    def get_row_at(self, index: int) -> Sequence[Text]:
        """The cells of row `index` (as DataTable.get_row_at, for callers and tests)."""
        if not 0 <= index < self._count:
            raise IndexError(index)
        cells = self._cells.get(index)
        if cells is None:
            cells = self._cells[index] = self.row_cells(index)
        return cells

    @property
    def row_count(self) -> int:
        return self._count

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def header_height(self) -> int:
        return 1 if self.show_header else 0

    def move_cursor(self, *, row: int, animate: bool = False, scroll: bool = True) -> None:
        """Put the cursor on `row` (kept inside the page); `animate` is accepted and ignored."""
        if not self._count:
            return
        row = max(0, min(row, self._count - 1))
        if scroll:
            self._scroll_to_cursor(row)
        if row == self._cursor:
            return
        old, self._cursor = self._cursor, row
        self._refresh_row(old)
        self._refresh_row(row)
        self.post_message(self.RowHighlighted(self, row))

    def edge_reached(self, step: int) -> None:
        """The cursor tried to leave the page: +1 past the last row, -1 above the first."""

    # -- keys and the mouse ---------------------------------------------------------------

    def action_cursor_down(self) -> None:
        if self._count and self._cursor >= self._count - 1:
            self.edge_reached(1)
        else:
            self.move_cursor(row=self._cursor + 1)

    def action_cursor_up(self) -> None:
        if self._cursor <= 0:
            self.edge_reached(-1)
        else:
            self.move_cursor(row=self._cursor - 1)

    def action_page_down(self) -> None:
        if self._count and self._cursor >= self._count - 1:
            self.edge_reached(1)
            return
        rows = self._rows_in_view()
        self.scroll_to(y=self.scroll_offset.y + rows, animate=False, force=True)
        self.move_cursor(row=self._cursor + rows)

    def action_page_up(self) -> None:
        if self._cursor <= 0:
            self.edge_reached(-1)
            return
        rows = self._rows_in_view()
        self.scroll_to(y=max(0, self.scroll_offset.y - rows), animate=False, force=True)
        self.move_cursor(row=self._cursor - rows)

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=self._count - 1)

    def action_select_cursor(self) -> None:
        if self._count:
            self.post_message(self.RowSelected(self, self._cursor))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row; a click on the cursor's row selects it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_height:
            return
        row = offset.y - self.header_height + self.scroll_offset.y
        if row >= self._count:
            return
        event.stop()
        if row == self._cursor:
            self.action_select_cursor()
        else:
            self.move_cursor(row=row)

    def on_mount(self) -> None:
        self._update_size()

    def on_resize(self) -> None:
        self._forget_lines()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_lines()

    # -- drawing --------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Focus and theme change the cursor's and the stripes' colours: draw again then.
        state = (self.get_pseudo_class_state(), self.app.theme)
        if state != self._style_state:
            self._style_state = state
            self._forget_lines()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y < self.header_height:
            strip = self._header_line()
        elif (row := y - self.header_height + scroll_y) < self._count:
            strip = self._row_line(row)
        else:
            return Strip.blank(width, self.rich_style)
        if scroll_x or strip.cell_length != width:
            strip = strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)
        return strip

    def _header_line(self) -> Strip:
        if self._header is None:
            style = self.get_component_rich_style("page-table--header")
            self._header = self._draw(self._headings, style, Style())
        return self._header

    def _row_line(self, row: int) -> Strip:
        cursor = row == self._cursor
        strip = self._lines.get((row, cursor))
        if strip is None:
            if self.zebra_stripes:
                name = "page-table--odd-row" if row % 2 else "page-table--even-row"
                style = self.get_component_rich_style(name)
            else:
                style = self.rich_style
            after = Style()
            if cursor:
                # As DataTable: the cursor's colours win over the cells' own.
                cursor_style = self.get_component_rich_style("page-table--cursor")
                style += cursor_style
                after = Style.from_color(cursor_style.color, cursor_style.bgcolor)
            strip = self._lines[(row, cursor)] = self._draw(self.get_row_at(row), style, after)
        return strip

    def _draw(self, cells: Sequence[Text], style: Style, after: Style) -> Strip:
        """One line: each cell padded and cut to its column, the rest of the width blank."""
        console = self.app.console
        blank = style + after
        styled: dict[str | Style, Style] = {}  # a cell's own style → that style on this line
        segments: list[Segment] = []
        append = segments.append
        for text, width in zip(cells, self._widths, strict=False):
            if "\n" in text.plain:  # one line a row, as DataTable shows a row of height 1
                lines = text.split()
                text = lines[0] if lines else Text()
            if text.spans:  # several styles in one cell: let Rich cut and split it
                if text.cell_len > width:
                    text = text.copy()
                    text.truncate(width, overflow="ellipsis")
                append(Segment(PAD, blank))
                for segment in text.render(console):
                    append(Segment(segment.text, style + segment.style + after))
                append(Segment(" " * (width - text.cell_len + PADDING), blank))
                continue
            plain = text.plain
            length = cell_len(plain)
            if length > width:
                plain, length = set_cell_size(plain, width - 1) + "…", width
            tail = " " * (width - length + PADDING)
            own = text.style
            if not own:
                append(Segment(PAD + plain + tail, blank))
                continue
            if (combined := styled.get(own)) is None:
                own_style = console.get_style(own, default=Style.null())
                combined = styled[own] = style + own_style + after
            append(Segment(PAD, blank))
            append(Segment(plain, combined))
            append(Segment(tail, blank))
        used = sum(width + 2 * PADDING for width in self._widths)
        if self.size.width > used:
            append(Segment(" " * (self.size.width - used), blank))
        return Strip(segments, max(used, self.size.width))

    # -- bookkeeping ----------------------------------------------------------------------

    def forget_drawn_lines(self) -> None:
        """Out of sight: drop the lines drawn so far (drawn again when shown)."""
        self._forget_lines()

    def _forget_lines(self) -> None:
        self._lines.clear()
        self._header = None

    def _update_size(self) -> None:
        width = sum(width + 2 * PADDING for width in self._widths)
        self.virtual_size = Size(width, self._count + self.header_height)

    def _rows_in_view(self) -> int:
        return max(1, self.scrollable_content_region.height - self.header_height)

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(index + self.header_height)

    def _scroll_to_cursor(self, row: int | None = None) -> None:
        """Scroll as little as needed to show the row (the cursor's when None)."""
        row = self._cursor if row is None else row
        rows = self.scrollable_content_region.height - self.header_height
        if rows <= 0:
            return  # not laid out yet: on_resize comes back here
        top = self.scroll_offset.y
        if row < top:
            self.scroll_to(y=row, animate=False, force=True)
        elif row >= top + rows:
            self.scroll_to(y=row - rows + 1, animate=False, force=True)
