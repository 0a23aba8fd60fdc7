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
from textual.widgets import Static

from tracker.i18n import N_, _, current_language
from tracker.i18n_format import money
from tracker.services.dto import AllocationInfo, CategoryInfo, CountryInfo, ExpenseInfo, LineFigures
from tracker.tui.format import DASH, category_name, fmt_date
from tracker.tui.widgets.footer import TrackerFooter


@dataclass(frozen=True)
class LineDetailData:
    category: CategoryInfo
    country: CountryInfo
    line: LineFigures
    allocations: tuple[AllocationInfo, ...]
    expenses: tuple[ExpenseInfo, ...]
    expense_total: int  # how many there are, when more than shown


class LineDetail(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,a,q", "close", N_("Close"))]

    def __init__(self, data: LineDetailData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        d = self.data
        with Vertical(classes="dialog line-detail"):
            category = category_name(d.category.name_it, d.category.name_en)
            country = d.country.name(current_language())
            yield Static(f"{category} — {country}", classes="dialog--title")
            with VerticalScroll():
                yield Static(self.figures(), id="line-figures")
                yield Static(Text(_("Allocated to events and missions"), style="underline"))
                yield Static(self.allocations(), id="line-allocations")
                yield Static(Text(_("Expenses"), style="underline"))
                yield Static(self.expenses(), id="line-expenses")
        yield TrackerFooter()

    def figures(self) -> Text:
        line = self.data.line
        return Text(
            _(
                "planned {planned} · allocated {allocated} · free {free} · spent {spent} · "
                "left to spend {remaining}"
            ).format(
                planned=money(line.planned),
                allocated=money(line.allocated),
                free=money(line.free),
                spent=money(line.actual),
                remaining=money(line.remaining),
            )
            + "\n",
            style="bold red" if line.over_allocated or line.overspent else "bold",
        )

    def allocations(self) -> Table | Text:
        if not self.data.allocations:
            return Text(
                _("No event has money on this line yet (link one from the events, l).") + "\n",
                style="dim",
            )
        table = Table(box=None, padding=(0, 2), show_edge=False)
        table.add_column(_("Event"))
        table.add_column(_("Amount"), justify="right")
        for a in self.data.allocations:
            table.add_row(a.event_name, money(a.amount))
        return table

    def expenses(self) -> Table | Text:
        if not self.data.expenses:
            return Text(_("Nothing spent yet (x adds an expense)."), style="dim")
        table = Table(box=None, padding=(0, 2), show_edge=False)
        for name, justify in (
            (N_("Date"), "left"),
            (N_("Amount"), "right"),
            (N_("Description"), "left"),
            (N_("Supplier"), "left"),
            (N_("Event"), "left"),
        ):
            table.add_column(_(name), justify=justify)  # type: ignore[arg-type]
        for e in self.data.expenses:
            table.add_row(
                fmt_date(e.spent_on),
                money(e.amount),
                e.description or DASH,
                e.supplier or DASH,
                e.event_name or DASH,
            )
        shown = len(self.data.expenses)
        if self.data.expense_total > shown:
            table.caption = _("{shown} of {total} shown").format(
                shown=shown, total=self.data.expense_total
            )
        return table

    def action_close(self) -> None:
        self.dismiss(None)
