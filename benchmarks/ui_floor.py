"""The floor of a keystroke in a list: a bare Textual app, data already in memory.

Same terminal size, same probe, same way of pressing keys as the tracker's sessions:
``r`` refills a 50-row, 8-column DataTable (a next page, a sort, a filter's results);
``o`` opens a new screen holding such a table (opening a list screen). What is left above
this floor in the tracker is its own work: SQL, the ORM, building rows, its widgets.
"""

from __future__ import annotations

import statistics
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from benchmarks.probe import Probe, now

ROWS, COLUMNS = 50, 8
SIZE = (160, 48)


def _cells(page: int) -> list[list[Text]]:
    return [
        [Text(f"r{page}-{row} c{col} Dell'Acqua Nicolò") for col in range(COLUMNS)]
        for row in range(ROWS)
    ]


class ListScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, page: int) -> None:
        super().__init__()
        self.page = page

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable[Text](cursor_type="row", zebra_stripes=True)
        yield Static("status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for col in range(COLUMNS):
            table.add_column(f"Column {col}", width=16)
        fill(table, self.page)


def fill(table: DataTable[Any], page: int) -> None:
    table.clear()
    for index, row in enumerate(_cells(page)):
        table.add_row(*row, key=str(index))


class FloorApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refill", "Refill"),
        Binding("o", "open", "Open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def on_mount(self) -> None:
        self.push_screen(ListScreen(0))

    def action_refill(self) -> None:
        self.page += 1
        fill(self.screen.query_one(DataTable), self.page)

    def action_open(self) -> None:
        self.page += 1
        self.push_screen(ListScreen(self.page))


async def measure(repeat: int = 15) -> dict[str, float]:
    """Median ms from key to painted frame: {"refill": …, "open": …}."""
    app = FloorApp()
    probe = Probe(app).install()
    times: dict[str, list[float]] = {"refill": [], "open": []}
    async with app.run_test(size=SIZE) as pilot:
        await probe.settled(0.0, results=0, quiet=0.2)
        for _ in range(repeat):
            for name, key in (("refill", "r"), ("open", "o")):
                started = now()
                await pilot.press(key)
                painted = await probe.settled(started, results=0, quiet=0.05)
                times[name].append((painted.at - started) * 1000)
            started = now()
            await pilot.press("escape")
            await probe.settled(started, results=0, quiet=0.05)
    return {name: statistics.median(values) for name, values in times.items()}
