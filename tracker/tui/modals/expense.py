"""Record money actually spent on a cost line, optionally for one of its events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from textual.widgets import Input, Select

from tracker.domain.dates import DateParseError, parse_user_date
from tracker.domain.money import AmountParseError, parse_amount
from tracker.i18n import N_, _
from tracker.tui.format import fmt_date
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.widgets.field import Field


@dataclass(frozen=True)
class ExpenseRequest:
    amount: Decimal
    spent_on: date
    description: str
    supplier: str
    event_id: int | None


class ExpenseForm(FormModal[ExpenseRequest]):
    TITLE_TEXT: ClassVar[str] = N_("Add an expense")
    SAVE_LABEL: ClassVar[str] = N_("Add")

    def __init__(
        self,
        category: str,
        country: str,
        events: Sequence[tuple[int, str]],
        today: date,
    ) -> None:
        super().__init__(
            title=_("Add an expense to {category} — {country}").format(
                category=category, country=country
            )
        )
        self.events = list(events)
        self.today = today

    def fields(self) -> Iterable[Field]:
        yield Field(
            _("Amount (€)"), Input(placeholder=_("e.g. 350 or 1.250,50"), id="amount"), key="amount"
        )
        yield Field(
            _("Date"),
            Input(fmt_date(self.today), placeholder=_("dd/mm/yyyy"), id="spent_on"),
            key="spent_on",
        )
        yield Field(
            _("Description"),
            Input(placeholder=_("e.g. flight Bologna–Brussels"), id="description"),
            key="description",
        )
        yield Field(_("Supplier"), Input(id="supplier"), key="supplier")
        options = [(name, str(event_id)) for event_id, name in self.events]
        yield Field(
            _("For the event (optional)"),
            Select(options, prompt=_("No event"), id="event"),
            key="event",
        )

    def submit(self, values: Mapping[str, object]) -> ExpenseRequest:
        errors: dict[str, str] = {}
        amount = spent_on = None
        try:
            amount = parse_amount(str(values.get("amount") or ""))
            if amount == 0:
                errors["amount"] = _("the amount must be more than zero")
        except AmountParseError as exc:
            errors["amount"] = str(exc)
        try:
            spent_on = parse_user_date(str(values.get("spent_on") or ""))
        except DateParseError as exc:
            errors["spent_on"] = str(exc)
        if errors or amount is None or spent_on is None:
            raise FormErrors(errors)
        event = values.get("event")
        return ExpenseRequest(
            amount=amount,
            spent_on=spent_on,
            description=str(values.get("description") or "").strip(),
            supplier=str(values.get("supplier") or "").strip(),
            event_id=int(str(event)) if event else None,
        )
