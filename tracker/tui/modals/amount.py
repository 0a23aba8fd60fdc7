"""One amount in euro, typed Italian or English style, refused when ambiguous."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import ClassVar

from textual.widgets import Input

from tracker.domain.money import AmountParseError, parse_amount
from tracker.i18n import N_, _
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.modals.link import amount_text
from tracker.tui.widgets.field import Field


class AmountForm(FormModal[Decimal]):
    TITLE_TEXT: ClassVar[str] = N_("Amount")

    def __init__(self, title: str, initial: Decimal | None, *, note: str = "") -> None:
        super().__init__(title=title, banner=note or None)
        self.initial = initial

    def fields(self) -> Iterable[Field]:
        start = amount_text(self.initial) if self.initial is not None else ""
        yield Field(
            _("Amount (€) — e.g. 5000, 5.000,00 or 5000.00"),
            Input(start, placeholder="0,00", id="amount"),
            key="amount",
        )

    def submit(self, values: Mapping[str, object]) -> Decimal:
        try:
            return parse_amount(str(values.get("amount") or ""))
        except AmountParseError as exc:
            raise FormErrors({"amount": str(exc)}) from exc
