"""The event form: every field, validated by the same rules as the CLI, errors inline."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Grid
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Switch, TextArea

from tracker.domain.enums import EventKind, EventStatus, Priority
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.event_rules import EventData, validate_event
from tracker.i18n import N_, _
from tracker.services.dto import CountryInfo, EventDetail
from tracker.tui.format import fmt_date, term
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.widgets.field import Field

DATE_HINT = N_("dd/mm/yyyy")


def new_values(*, country: str = "") -> dict[str, object]:
    return {
        "name": "",
        "kind": EventKind.OTHER.value,
        "country": country,
        "city": "",
        "start": "",
        "end": "",
        "organiser": "",
        "url": "",
        "status": EventStatus.CANDIDATE.value,
        "priority": Priority.NORMAL.value,
        "why": "",
        "notes": "",
        "placeholder": False,
    }


def _date_text(value: object) -> str:
    return fmt_date(value) if isinstance(value, date) else ""


def detail_values(detail: EventDetail) -> dict[str, object]:
    return {
        "name": detail.name,
        "kind": detail.kind,
        "country": detail.country_code or "",
        "city": detail.city,
        "start": _date_text(detail.start_date),
        "end": _date_text(detail.end_date),
        "organiser": detail.organiser,
        "url": detail.url,
        "status": detail.status,
        "priority": detail.priority,
        "why": detail.why,
        "notes": detail.notes,
        "placeholder": detail.is_placeholder,
    }


def data_values(data: EventData) -> dict[str, object]:
    return {
        "name": data.name,
        "kind": data.kind.value,
        "country": data.country_code or "",
        "city": data.city,
        "start": _date_text(data.start_date),
        "end": _date_text(data.end_date),
        "organiser": data.organiser,
        "url": data.url,
        "status": data.status.value,
        "priority": data.priority.value,
        "why": data.why,
        "notes": data.notes,
        "placeholder": data.is_placeholder,
    }


def _choices(values: Iterable[str], vocabulary: str) -> list[tuple[str, str]]:
    return [(term(vocabulary, value), value) for value in values]


class EventForm(FormModal[EventData]):
    """Returns the validated EventData; the screen that opened it saves it."""

    TITLE_TEXT: ClassVar[str] = N_("Event")
    ENTER_SAVES: ClassVar[bool] = False

    def __init__(
        self,
        values: Mapping[str, object],
        countries: Sequence[CountryInfo],
        *,
        title: str | None = None,
        error: TrackerError | None = None,
    ) -> None:
        super().__init__(title=title, error=error)
        self.start_values = dict(values)
        self.countries = {c.code: c for c in countries}
        self.start_errors = error.errors if isinstance(error, ValidationError) else {}

    def _text(self, key: str, placeholder: str = "") -> Input:
        return Input(
            str(self.start_values.get(key) or ""), placeholder=placeholder, id=key, compact=True
        )

    def _select(self, key: str, options: list[tuple[str, str]]) -> Select[str]:
        value = str(self.start_values.get(key) or options[0][1])
        return Select(options, value=value, allow_blank=False, id=key, compact=True)

    def compose_body(self) -> ComposeResult:
        codes = sorted(self.countries)
        country = Input(
            str(self.start_values.get("country") or ""),
            placeholder=_("BE, US… (ISO code)"),
            suggester=SuggestFromList(codes, case_sensitive=False),
            id="country",
            compact=True,
        )
        with Grid(classes="event-form"):
            yield Field(
                _("Name"),
                self._text("name", _("e.g. MedTech Partnership Meeting")),
                key="name",
                classes="wide",
            )
            yield Field(
                _("Kind"),
                self._select("kind", _choices((k.value for k in EventKind), "event_kind")),
                key="kind",
            )
            yield Field(
                _("Status"),
                self._select("status", _choices((s.value for s in EventStatus), "event_status")),
                key="status",
            )
            yield Field(
                _("Priority"),
                self._select("priority", _choices((p.value for p in Priority), "priority")),
                key="priority",
            )
            yield Field(_("Country"), country, key="country")
            yield Field(_("City"), self._text("city"), key="city")
            yield Field(
                _("Placeholder (to be identified)"),
                Switch(bool(self.start_values.get("placeholder")), id="placeholder"),
                key="placeholder",
            )
            yield Field(_("Start"), self._text("start", _(DATE_HINT)), key="start")
            yield Field(_("End"), self._text("end", _(DATE_HINT) + _(" (optional)")), key="end")
            yield Field(_("Organiser"), self._text("organiser"), key="organiser")
            yield Field(_("Web address"), self._text("url", "https://…"), key="url", classes="wide")
            yield Field(
                _("Why it matters to the plan"), self._text("why"), key="why", classes="wide"
            )
            yield Field(
                _("Notes"),
                TextArea(str(self.start_values.get("notes") or ""), id="notes", compact=True),
                key="notes",
                classes="wide",
            )

    def fields(self) -> Iterable[Field]:
        return ()

    def ready(self) -> None:
        if self.start_errors:
            self.show_errors(self.start_errors)
        else:
            self.query_one("#name", Input).focus()

    def submit(self, values: Mapping[str, object]) -> EventData:
        raw = dict(values)
        try:
            data = validate_event(raw)
        except ValidationError as exc:
            errors = dict(exc.errors)
            self._check_country(raw, errors)
            raise FormErrors(errors) from exc
        errors = {}
        self._check_country(raw, errors)
        if errors:
            raise FormErrors(errors)
        return data

    def _check_country(self, raw: Mapping[str, object], errors: dict[str, str]) -> None:
        code = str(raw.get("country") or "").strip().upper()
        if code and "country" not in errors and code not in self.countries:
            errors["country"] = _(
                "{code!r} is not a country on the list: use an ISO code (BE, US…)"
            ).format(code=code)
