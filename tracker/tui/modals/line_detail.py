"""One cost line: its figures, the events money is earmarked for, and what was spent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tracker.domain.money import format_eur
from tracker.services.dto import AllocationInfo, CategoryInfo, CountryInfo, ExpenseInfo, LineFigures
from tracker.tui.format import DASH, fmt_date


@dataclass(frozen=True)
class LineDetailData:
    category: CategoryInfo
    country: CountryInfo
    line: LineFigures
    allocations: tuple[AllocationInfo, ...]
    expenses: tuple[ExpenseInfo, ...]
    expense_total: int  # how many there are, when more than shown


class LineDetail(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,a,q", "close", "Close")]

    def __init__(self, data: LineDetailData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        d = self.data
        with Vertical(classes="dialog line-detail"):
            yield Static(f"{d.category.name_it} — {d.country.name_it}", classes="dialog--title")
            with VerticalScroll():
                yield Static(self.figures(), id="line-figures")
                yield Static(Text("Allocated to events and missions", style="underline"))
                yield Static(self.allocations(), id="line-allocations")
                yield Static(Text("Expenses", style="underline"))
                yield Static(self.expenses(), id="line-expenses")
        yield Footer()

    def figures(self) -> Text:
        line = self.data.line
        return Text(
            f"planned {format_eur(line.planned)} · allocated {format_eur(line.allocated)} · "
            f"free {format_eur(line.free)} · spent {format_eur(line.actual)} · "
            f"left to spend {format_eur(line.remaining)}\n",
            style="bold red" if line.over_allocated or line.overspent else "bold",
        )

    def allocations(self) -> Table | Text:
        if not self.data.allocations:
            return Text(
                "No event has money on this line yet (link one from the events, l).\n", style="dim"
            )
        table = Table(box=None, padding=(0, 2), show_edge=False)
        table.add_column("Event")
        table.add_column("Amount", justify="right")
        for a in self.data.allocations:
            table.add_row(a.event_name, format_eur(a.amount))
        return table

    def expenses(self) -> Table | Text:
        if not self.data.expenses:
            return Text("Nothing spent yet (x adds an expense).", style="dim")
        table = Table(box=None, padding=(0, 2), show_edge=False)
        for name, justify in (
            ("Date", "left"),
            ("Amount", "right"),
            ("Description", "left"),
            ("Supplier", "left"),
            ("Event", "left"),
        ):
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for e in self.data.expenses:
            table.add_row(
                fmt_date(e.spent_on),
                format_eur(e.amount),
                e.description or DASH,
                e.supplier or DASH,
                e.event_name or DASH,
            )
        shown = len(self.data.expenses)
        if self.data.expense_total > shown:
            table.caption = f"{shown} of {self.data.expense_total} shown"
        return table

    def action_close(self) -> None:
        self.dismiss(None)
