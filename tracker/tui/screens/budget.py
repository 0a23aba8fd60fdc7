"""The budget: the plan's table of cost items × target countries, against its caps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from tracker.i18n import N_, _, current_language
from tracker.i18n_format import money
from tracker.services.dto import BudgetTable, EventQuery
from tracker.tui.format import (
    OVER_CAP,
    OVER_LINE,
    basis_label,
    cap_line,
    cap_verdict,
    category_name,
)
from tracker.tui.modals.amount import AmountForm
from tracker.tui.modals.expense import ExpenseForm, ExpenseRequest
from tracker.tui.modals.line_detail import LineDetail, LineDetailData
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.budget_admin import PlanAdmin
from tracker.tui.widgets.budget_grid import VIEW_TITLES, VIEWS, BudgetGrid, Selection
from tracker.tui.widgets.footer import TrackerFooter

EXPENSE_EVENTS = 200  # the events offered when recording an expense, soonest first


class BudgetScreen(PlanAdmin):
    HELP_TITLE: ClassVar[str] = N_("Budget")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "view", N_("View")),
        Binding("a", "line_detail", N_("Allocations")),
        Binding("x", "expense", N_("Add expense")),
        Binding("p", "admin", N_("Plan admin")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = VIEWS[0]
        self.budget: BudgetTable | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="budget-heading")
        yield BudgetGrid(id="budget")
        yield Static(id="line-info")
        yield Static(id="budget-caps", classes="panel")
        yield Static(
            _(
                "{line} beyond its line (allocated or spent more than planned)   "
                "{cap} beyond a funding cap   enter: edit the planned amount"
            ).format(line=OVER_LINE, cap=OVER_CAP),
            id="budget-legend",
        )
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one("#budget-caps").border_title = _("Funding caps")
        self.query_one(BudgetGrid).focus()

    @property
    def grid(self) -> BudgetGrid:
        return self.query_one(BudgetGrid)

    def reload(self) -> None:
        if self.year is None:
            self.query_one("#budget-heading", Static).update(_("There is no plan yet (y)."))
            return
        self.load(self.year)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, year: int) -> None:
        table = self.svc.budget.table(year)
        if not cancelled():
            self.app.call_from_thread(self.show, table)

    def show(self, table: BudgetTable) -> None:
        self.budget = table
        self.grid.show(table, self.view)
        self.query_one("#budget-heading", Static).update(self.heading(table))
        self.query_one("#budget-caps", Static).update(self.caps(table))
        self.show_line()

    def heading(self, table: BudgetTable) -> Text:
        views = "  ".join(
            f"[{_(v)}]" if v == self.view else _(v) for v in VIEWS
        )  # the current one in brackets
        return Text.assemble(
            (_("Budget {year}").format(year=table.year), "bold"),
            _(" — showing {view}").format(view=_(VIEW_TITLES[self.view])),
            ("   v: " + views, "dim"),
        )

    @staticmethod
    def caps(table: BudgetTable) -> RenderableType:
        heading = Text(
            _("On the planned amounts; basis: {basis} countries").format(
                basis=basis_label(table.basis)
            ),
            style="dim",
        )
        grid = Table.grid(padding=(0, 3))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(no_wrap=True)
        for cap in table.caps:
            marker = f"{OVER_CAP} " if cap.over else "  "
            grid.add_row(
                Text(marker + cap_line(cap, table.basis), "bold red" if cap.over else ""),
                ", ".join(cap.countries) if cap.group != "total" else "",
                Text(cap_verdict(cap), "red" if cap.over else "dim"),
            )
        return Group(heading, grid)

    @staticmethod
    def category(selection: Selection) -> str:
        return category_name(selection.category.name_it, selection.category.name_en)

    @staticmethod
    def country(selection: Selection) -> str:
        return selection.column.country.name(current_language())

    def show_line(self) -> None:
        selection = self.grid.selection
        info = self.query_one("#line-info", Static)
        if selection is None:
            info.update(Text(_("Totals are computed: move to a country's cell to edit it."), "dim"))
            return
        line = selection.line
        info.update(
            Text.assemble(
                (f"{self.category(selection)} · {self.country(selection)}: ", "bold"),
                _("planned {planned} · allocated {allocated} · free {free} · spent {spent}").format(
                    planned=money(line.planned),
                    allocated=money(line.allocated),
                    free=money(line.free),
                    spent=money(line.actual),
                ),
            )
        )

    @on(DataTable.CellHighlighted)
    def cell_highlighted(self) -> None:
        self.show_line()

    @on(DataTable.CellSelected)
    def cell_selected(self) -> None:
        self.action_edit()

    def selected(self) -> Selection | None:
        selection = self.grid.selection
        if selection is None:
            self.notify(
                _("Pick a country's cell: totals are computed."), severity="warning", markup=False
            )
        return selection

    # -- actions ----------------------------------------------------------------------

    def action_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        if self.budget is not None:
            self.show(self.budget)

    def action_edit(self) -> None:
        selection = self.selected()
        if selection is None:
            return
        code, category = selection.column.country.code, selection.category.code
        form = AmountForm(
            _("Planned: {category} — {country}").format(
                category=self.category(selection), country=self.country(selection)
            ),
            selection.line.planned,
            note=_("Allocated to events and missions: {amount}").format(
                amount=money(selection.line.allocated)
            ),
        )

        def entered(amount: Decimal | None) -> None:
            if amount is not None:
                self.set_planned(code, category, amount)

        self.app.push_screen(form, entered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def set_planned(self, country: str, category: str, amount: Decimal) -> None:
        year = self.year
        assert year is not None
        result = self.svc.budget.set_planned(year, country, category, amount)
        message = _("{country} {category}: planned {amount}.").format(
            country=country, category=category, amount=money(result.line.planned)
        )
        self.app.call_from_thread(self.after_change, message, result.warnings)

    def after_change(self, message: str, warnings: tuple[str, ...] = ()) -> None:
        self.notify(message, markup=False)
        for warning in warnings:
            self.notify(
                warning[:1].upper() + warning[1:], severity="warning", timeout=10, markup=False
            )
        self.changed()

    def action_line_detail(self) -> None:
        if (selection := self.selected()) is not None:
            self.load_line(selection)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def load_line(self, selection: Selection) -> None:
        year = self.year
        assert year is not None
        code, category = selection.column.country.code, selection.category.code
        allocations = self.svc.events.allocations(year, code)
        expenses, total = self.svc.expenses.list(year, code, category=category, limit=100)
        data = LineDetailData(
            selection.category,
            selection.column.country,
            selection.line,
            tuple(a for a in allocations if a.category_code == category),
            expenses,
            total,
        )
        self.app.call_from_thread(self.app.push_screen, LineDetail(data))

    def action_expense(self) -> None:
        if (selection := self.selected()) is not None:
            self.prepare_expense(selection)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def prepare_expense(self, selection: Selection) -> None:
        code = selection.column.country.code
        query = EventQuery(year=self.year, country=code, limit=EXPENSE_EVENTS)
        rows = self.svc.events.list(query).rows
        events = tuple((row.id, row.name) for row in rows if not row.is_placeholder)
        self.app.call_from_thread(self.open_expense, selection, events)

    def open_expense(self, selection: Selection, events: tuple[tuple[int, str], ...]) -> None:
        today: date = self.tracker.today
        form = ExpenseForm(self.category(selection), self.country(selection), events, today)
        code, category = selection.column.country.code, selection.category.code

        def entered(request: ExpenseRequest | None) -> None:
            if request is not None:
                self.add_expense(code, category, request)

        self.app.push_screen(form, entered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def add_expense(self, country: str, category: str, request: ExpenseRequest) -> None:
        year = self.year
        assert year is not None
        result = self.svc.expenses.add(
            year,
            country,
            category,
            request.amount,
            request.spent_on,
            description=request.description,
            supplier=request.supplier,
            event_ref=str(request.event_id) if request.event_id is not None else None,
        )
        message = (
            _("Expense of {amount} recorded on {country} {category}: spent {spent} of {planned}.")
        ).format(
            amount=money(result.expense.amount),
            country=country,
            category=category,
            spent=money(result.line.actual),
            planned=money(result.line.planned),
        )
        warnings = (result.warning,) if result.warning else ()
        self.app.call_from_thread(self.after_change, message, warnings)
