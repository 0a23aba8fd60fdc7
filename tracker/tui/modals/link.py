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
from tracker.i18n import N_, _, current_language
from tracker.i18n_format import money
from tracker.services.dto import ZERO, BudgetColumn, CategoryInfo, EventDetail, LineFigures
from tracker.tui.format import category_name
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
    return format_eur(amount, "it").removesuffix(" €")


class LinkModal(FormModal[LinkRequest]):
    TITLE_TEXT: ClassVar[str] = N_("Link to a cost line")
    SAVE_LABEL: ClassVar[str] = N_("Link")

    def __init__(self, setup: LinkSetup) -> None:
        country = setup.column.country
        super().__init__(
            title=_("Link “{event}” to a cost line of {country} ({code})").format(
                event=setup.event.name, country=country.name(current_language()), code=country.code
            )
        )
        self.setup = setup
        linked = [a.category_code for a in setup.event.allocations]
        self.start_category = linked[0] if linked else setup.categories[0].code

    def fields(self) -> Iterable[Field]:
        options = [(category_name(c.name_it, c.name_en), c.code) for c in self.setup.categories]
        yield Field(
            _("Cost item"),
            Select(options, value=self.start_category, allow_blank=False, id="category"),
            key="category",
        )
        existing = self.setup.existing(self.start_category)
        yield Field(
            _("Amount (€)"),
            Input(
                amount_text(existing) if existing else "",
                placeholder=_("e.g. 1200 or 1.200,00"),
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
            (_("This line: "), "bold"),
            _("planned {planned} · allocated {allocated} · free {free}").format(
                planned=money(line.planned), allocated=money(line.allocated), free=money(line.free)
            ),
        )
        try:
            amount = parse_amount(str(values.get("amount") or ""))
        except AmountParseError:
            amount = None
        if amount is not None:
            free_after = line.planned - others - amount
            text.append("\n" + _("After this link: "), style="bold")
            text.append(
                _("allocated {allocated} · free {free}").format(
                    allocated=money(others + amount), free=money(free_after)
                )
            )
            if free_after < 0:
                over = _("⚠ this goes {amount} over the line").format(amount=money(-free_after))
                text.append("\n" + over, style="bold red")
        self.query_one("#line-figures", Static).update(text)

    def submit(self, values: Mapping[str, object]) -> LinkRequest:
        try:
            amount = parse_amount(str(values.get("amount") or ""))
        except AmountParseError as exc:
            raise FormErrors({"amount": str(exc)}) from exc
        if amount == 0:
            raise FormErrors({"amount": _("the amount must be more than zero")})
        return LinkRequest(str(values["category"]), amount)
