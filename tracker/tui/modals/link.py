"""Earmark part of a cost line of the event's country for the event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from tracker.domain.money import AmountParseError, format_eur, parse_amount
from tracker.services.dto import ZERO, BudgetColumn, CategoryInfo, EventDetail, LineFigures
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.widgets.field import Field


@dataclass(frozen=True)
class LinkSetup:
    event: EventDetail
    column: BudgetColumn  # the event's country in the budget table
    categories: tuple[CategoryInfo, ...]

    def existing(self, category: str) -> Decimal:
        """What this event already has on the line (a new link replaces it)."""
        return sum((a.amount for a in self.event.allocations if a.category_code == category), ZERO)


@dataclass(frozen=True)
class LinkRequest:
    category: str
    amount: Decimal


def amount_text(amount: Decimal) -> str:
    """1.200,00: how an amount is pre-filled in an input."""
    return format_eur(amount).removesuffix(" €")


class LinkModal(FormModal[LinkRequest]):
    TITLE_TEXT: ClassVar[str] = "Link to a cost line"
    SAVE_LABEL: ClassVar[str] = "Link"

    def __init__(self, setup: LinkSetup) -> None:
        country = setup.column.country
        super().__init__(
            title=f"Link “{setup.event.name}” to a cost line of {country.name_it} ({country.code})"
        )
        self.setup = setup
        linked = [a.category_code for a in setup.event.allocations]
        self.start_category = linked[0] if linked else setup.categories[0].code

    def fields(self) -> Iterable[Field]:
        options = [(c.name_it, c.code) for c in self.setup.categories]
        yield Field(
            "Cost item",
            Select(options, value=self.start_category, allow_blank=False, id="category"),
            key="category",
        )
        existing = self.setup.existing(self.start_category)
        yield Field(
            "Amount (€)",
            Input(
                amount_text(existing) if existing else "",
                placeholder="e.g. 1200 or 1.200,00",
                id="amount",
            ),
            key="amount",
        )

    def compose_body(self) -> ComposeResult:
        yield from self.fields()
        yield Static(id="line-figures")

    def ready(self) -> None:
        self.query_one("#amount", Input).focus()
        self.preview()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.preview()

    def preview(self) -> None:
        values = self.values()
        category = str(values.get("category") or self.start_category)
        line = self.setup.column.cells.get(category, LineFigures())
        others = line.allocated - self.setup.existing(category)
        text = Text.assemble(
            ("This line: ", "bold"),
            f"planned {format_eur(line.planned)} · allocated {format_eur(line.allocated)} · "
            f"free {format_eur(line.free)}",
        )
        try:
            amount = parse_amount(str(values.get("amount") or ""))
        except AmountParseError:
            amount = None
        if amount is not None:
            free_after = line.planned - others - amount
            text.append("\nAfter this link: ", style="bold")
            text.append(f"allocated {format_eur(others + amount)} · free {format_eur(free_after)}")
            if free_after < 0:
                text.append(
                    f"\n⚠ this goes {format_eur(-free_after)} over the line", style="bold red"
                )
        self.query_one("#line-figures", Static).update(text)

    def submit(self, values: Mapping[str, object]) -> LinkRequest:
        try:
            amount = parse_amount(str(values.get("amount") or ""))
        except AmountParseError as exc:
            raise FormErrors({"amount": str(exc)}) from exc
        if amount == 0:
            raise FormErrors({"amount": "the amount must be more than zero"})
        return LinkRequest(str(values["category"]), amount)
