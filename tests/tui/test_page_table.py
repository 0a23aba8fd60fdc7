"""The paged lists' table: keys, pages at the edges, selection and what it draws."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from tracker.tui.widgets.entry_table import EntryTable, cell


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    amount: str = ""


class ItemTable(EntryTable[Item]):
    COLUMNS = (("name", "Name", 12), ("amount", "Amount", 8))

    def row_id(self, row: Item) -> int:
        return row.id

    def cells(self, row: Item) -> Sequence[Text]:
        return [cell(row.name, style="bold" if row.id % 5 == 0 else ""), cell(row.amount)]


def items(count: int, first: int = 0) -> list[Item]:
    return [Item(i, f"item {i}", f"{i * 10:>8}") for i in range(first, first + count)]


class Host(App[None]):
    def __init__(self, rows: list[Item], height: int = 100) -> None:
        super().__init__()
        self.rows = rows
        self.table_height = height
        self.seen: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        table = ItemTable(id="items")
        table.styles.height = self.table_height
        yield table

    def on_mount(self) -> None:
        self.table.show_rows(self.rows)
        self.table.focus()

    @property
    def table(self) -> ItemTable:
        return self.query_one(ItemTable)

    def on_entry_table_page_requested(self, event: EntryTable.PageRequested) -> None:
        self.seen.append(("page", event.step))

    def on_page_table_row_selected(self, event: ItemTable.RowSelected) -> None:
        self.seen.append(("selected", event.cursor_row))

    def on_page_table_row_highlighted(self, event: ItemTable.RowHighlighted) -> None:
        self.seen.append(("highlighted", event.cursor_row))


def line(table: ItemTable, y: int) -> str:
    return table.render_line(y).text


def background(table: ItemTable, y: int) -> Any:
    return table.render_line(y)._segments[0].style.bgcolor  # the padding before column 1


async def started(pilot: Pilot[None]) -> ItemTable:
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, Host)
    app.seen.clear()
    return app.table


async def test_the_header_and_the_cells_are_drawn_in_their_columns() -> None:
    async with Host(items(3)).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        assert line(table, 0).rstrip() == " Name          Amount"
        assert line(table, 1).rstrip() == " item 0" + " " * 15 + "0"  # money on the right
        assert line(table, 3).rstrip() == " item 2" + " " * 14 + "20"
        assert len(line(table, 1)) == table.size.width  # the stripe runs across the widget
        assert line(table, 4).strip() == ""  # below the last row
        assert table.render_line(1)._segments[1].style.bold  # the cell's own style


async def test_text_too_long_for_its_column_ends_in_an_ellipsis() -> None:
    rows = [Item(1, "Dell'Acqua Nicolò and partners", "1")]
    async with Host(rows).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        assert line(table, 1).startswith(" Dell'Acqua …  ")
        assert table.get_row_at(0)[0].plain == rows[0].name  # the data itself is whole


async def test_rows_are_striped_and_the_cursor_row_stands_out() -> None:
    async with Host(items(4)).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        table.move_cursor(row=3)
        await pilot.pause()
        cursor, even, odd = background(table, 4), background(table, 1), background(table, 2)
        assert even != odd
        assert cursor not in (even, odd)
        assert background(table, 0) not in (even, odd)  # the header


async def test_arrows_move_the_cursor_and_ask_for_pages_at_the_edges() -> None:
    async with Host(items(5)).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        await pilot.press("up")
        assert table.cursor_row == 0
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        assert table.current == Item(2, "item 2", "      20")
        await pilot.press("end")
        assert table.cursor_row == 4
        await pilot.press("down", "pagedown")
        await pilot.press("home")
        assert table.cursor_row == 0
        app = pilot.app
        assert isinstance(app, Host)
        assert app.seen == [
            ("page", -1),
            ("highlighted", 1),
            ("highlighted", 2),
            ("highlighted", 4),
            ("page", 1),
            ("page", 1),
            ("highlighted", 0),
        ]


async def test_page_keys_move_by_a_screenful_and_keep_the_cursor_in_view() -> None:
    async with Host(items(50), height=11).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        await pilot.press("pagedown")
        assert table.cursor_row == 10  # ten rows under the header
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        assert table.cursor_row == 49
        await pilot.pause()
        assert line(table, 10).startswith(" item 49 ")
        await pilot.press("pageup")
        assert table.cursor_row == 39
        await pilot.press("home")
        await pilot.pause()
        assert line(table, 1).startswith(" item 0 ")


async def test_enter_and_a_second_click_select_the_row() -> None:
    async with Host(items(5)).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        app = pilot.app
        assert isinstance(app, Host)
        await pilot.press("enter")
        await pilot.click(ItemTable, offset=(3, 3))  # the third row: moves the cursor
        await pilot.pause()
        assert table.cursor_row == 2
        await pilot.click(ItemTable, offset=(3, 3))  # again: selects it
        await pilot.click(ItemTable, offset=(3, 0))  # the header: nothing
        await pilot.pause()
        assert app.seen == [("selected", 0), ("highlighted", 2), ("selected", 2)]


async def test_a_refill_replaces_the_rows_and_places_the_cursor() -> None:
    async with Host(items(50), height=11).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        table.show_rows(items(3, first=100), cursor=2)
        await pilot.pause()
        assert table.row_count == 3
        assert table.cursor_row == 2
        assert [line(table, y).split()[:2] for y in (1, 2, 3)] == [
            ["item", "100"],
            ["item", "101"],
            ["item", "102"],
        ]
        assert line(table, 4).strip() == ""
        assert table.index_of(101) == 1
        assert table.index_of(5) is None
        table.show_rows(items(50, first=200), cursor=0, focus=249)  # focus wins
        await pilot.pause()
        assert table.cursor_row == 49
        assert line(table, 10).startswith(" item 249 ")  # scrolled to it
        table.show_rows([])
        assert table.current is None


async def test_replace_row_redraws_that_row_where_it_is() -> None:
    async with Host(items(3)).run_test(size=(60, 20)) as pilot:
        table = await started(pilot)
        assert line(table, 2).startswith(" item 1 ")
        table.replace_row(Item(1, "renamed", "5"))
        table.replace_row(Item(99, "not on the page"))
        await pilot.pause()
        assert line(table, 2).startswith(" renamed ")
        assert [row.name for row in table.entries] == ["item 0", "renamed", "item 2"]
