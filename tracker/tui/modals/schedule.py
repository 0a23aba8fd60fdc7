"""Give an event from the "to schedule" tray its dates: a first day, maybe a last one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.widgets import Input

from tracker.domain.dates import DateParseError, parse_optional_date, parse_user_date
from tracker.domain.errors import TrackerError
from tracker.i18n import N_, _
from tracker.tui.format import fmt_date
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.widgets.field import Field

DATE_HINT = "25/10/2018, 2018-10-25, 25 ottobre 2018"


@dataclass(frozen=True)
class ScheduleRequest:
    start: date
    end: date | None


class ScheduleForm(FormModal[ScheduleRequest]):
    TITLE_TEXT: ClassVar[str] = N_("Schedule")
    SAVE_LABEL: ClassVar[str] = N_("Schedule")

    def __init__(
        self,
        name: str,
        suggested: date | None,
        *,
        note: str = "",
        end: date | None = None,
        error: TrackerError | None = None,
    ) -> None:
        super().__init__(
            title=_("Schedule “{name}”").format(name=name), banner=note or None, error=error
        )
        self.suggested = suggested
        self.end = end

    def fields(self) -> Iterable[Field]:
        start = fmt_date(self.suggested) if self.suggested else ""
        yield Field(
            _("First day — e.g. {hint}").format(hint=DATE_HINT),
            Input(start, placeholder="dd/mm/yyyy", id="start"),
            key="start",
        )
        yield Field(
            _("Last day (blank: a one-day event)"),
            Input(fmt_date(self.end) if self.end else "", placeholder="dd/mm/yyyy", id="end"),
            key="end",
        )

    def submit(self, values: Mapping[str, object]) -> ScheduleRequest:
        errors: dict[str, str] = {}
        start = end = None
        try:
            start = parse_user_date(str(values.get("start") or ""))
        except DateParseError as exc:
            errors["start"] = str(exc)
        try:
            end = parse_optional_date(str(values.get("end") or ""))
        except DateParseError as exc:
            errors["end"] = str(exc)
        if start is not None and end is not None and end < start:
            errors["end"] = _("the last day comes before the first")
        if errors or start is None:
            raise FormErrors(errors)
        return ScheduleRequest(start, end)
