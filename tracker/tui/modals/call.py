"""A funding call and its deadlines; a single deadline; the same rules as the CLI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Select, TextArea

from tracker.domain.enums import CallStatus
from tracker.domain.errors import TrackerError, ValidationError
from tracker.i18n import N_, _
from tracker.services.dto_funding import CallInfo
from tracker.tui.format import fmt_date
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.widgets.field import Field

CALL_FIELDS = ("programme", "name", "identifier", "url", "opening", "budget", "status", "notes")
Deadline = tuple[date, str]


@dataclass(frozen=True)
class CallRequest:
    fields: dict[str, str]
    deadlines: tuple[Deadline, ...]


def call_values(call: CallInfo | None) -> dict[str, object]:
    if call is None:
        return {"status": CallStatus.WATCHING.value}
    values: dict[str, object] = dict(call.form_fields())
    values["opening"] = fmt_date(call.opening_date) if call.opening_date else ""
    values["deadlines"] = "\n".join(
        f"{fmt_date(d.due_on)} {d.label}".strip() for d in call.deadlines
    )
    return values


def request_values(request: CallRequest) -> dict[str, object]:
    lines = (f"{fmt_date(due)} {label}".strip() for due, label in request.deadlines)
    return {**request.fields, "deadlines": "\n".join(lines)}


def parse_deadlines(text: str) -> tuple[Deadline, ...]:
    """One deadline a line: a date, then an optional label ("15/03/2019 first stage")."""
    from tracker.domain.dates import DateParseError, parse_user_date

    found: dict[date, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        words = line.split(" ")
        due, label, error = None, "", None
        for size in range(min(len(words), 4), 0, -1):  # "30 settembre 2019 final" too
            try:
                due = parse_user_date(" ".join(words[:size]))
            except DateParseError as exc:
                error = exc
                continue
            label = " ".join(words[size:])
            break
        if due is None:
            raise ValueError(_("line {number}: {error}").format(number=number, error=error))
        if due in found:
            raise ValueError(
                _("line {number}: {due} is there twice").format(number=number, due=fmt_date(due))
            )
        found[due] = label[:100]
    return tuple(sorted(found.items()))


def deadline_changes(
    call: CallInfo | None, wanted: tuple[Deadline, ...]
) -> tuple[list[date], list[Deadline]]:
    """(dates to remove, deadlines to add) to go from the call's deadlines to `wanted`."""
    have = {d.due_on: d.label for d in call.deadlines} if call is not None else {}
    want = dict(wanted)
    remove = [due for due, label in have.items() if want.get(due) != label]
    add = [(due, label) for due, label in wanted if have.get(due) != label]
    return remove, add


class CallForm(FormModal[CallRequest]):
    CSS_PATH = "../partners.tcss"
    TITLE_TEXT: ClassVar[str] = N_("Funding call")
    ENTER_SAVES: ClassVar[bool] = False

    def __init__(
        self,
        values: Mapping[str, object],
        *,
        title: str | None = None,
        error: TrackerError | None = None,
    ) -> None:
        super().__init__(title=title, error=error)
        self.start = dict(values)
        self.start_errors = error.errors if isinstance(error, ValidationError) else {}

    def _text(self, key: str, placeholder: str = "") -> Input:
        value = str(self.start.get(key) or "")
        return Input(value, placeholder=placeholder, id=f"call-{key}", compact=True)

    def compose_body(self) -> ComposeResult:
        statuses = [(s.value, s.value) for s in CallStatus]
        status = str(self.start.get("status") or CallStatus.WATCHING.value)
        with Grid(classes="call-form"):
            yield Field(_("Programme"), self._text("programme", "COSME, INNOSUP…"), key="programme")
            yield Field(
                _("Name"), self._text("name", "Go International"), key="name", classes="two"
            )
            yield Field(_("Identifier"), self._text("identifier", "if known"), key="identifier")
            yield Field(_("Web address"), self._text("url", "https://…"), key="url", classes="two")
            yield Field(_("Opens"), self._text("opening", "dd/mm/yyyy, if known"), key="opening")
            yield Field(_("Budget"), self._text("budget", "amount in €, if known"), key="budget")
            yield Field(
                _("Status"),
                Select(statuses, value=status, allow_blank=False, id="call-status", compact=True),
                key="status",
            )
            yield Field(
                _("Deadlines — one a line: date, then a label (optional)"),
                TextArea(str(self.start.get("deadlines") or ""), id="call-deadlines", compact=True),
                key="deadlines",
                classes="wide",
            )
            yield Field(
                _("Notes"),
                TextArea(str(self.start.get("notes") or ""), id="call-notes", compact=True),
                key="notes",
                classes="wide",
            )

    def fields(self) -> Iterable[Field]:
        return ()

    def ready(self) -> None:
        if self.start_errors:
            self.show_errors(self.start_errors)
        else:
            self.query_one("#call-programme", Input).focus()

    def submit(self, values: Mapping[str, object]) -> CallRequest:
        from tracker.domain.contact_rules import validate_call

        fields = {key: str(values.get(key) or "").strip() for key in CALL_FIELDS}
        errors: dict[str, str] = {}
        try:
            validate_call(fields)
        except ValidationError as exc:
            errors.update(exc.errors)
        deadlines: tuple[Deadline, ...] = ()
        try:
            deadlines = parse_deadlines(str(values.get("deadlines") or ""))
        except ValueError as exc:
            errors["deadlines"] = str(exc)
        if errors:
            raise FormErrors(errors)
        return CallRequest(fields, deadlines)


class DeadlineForm(FormModal[Deadline]):
    """One more deadline for the selected call."""

    TITLE_TEXT: ClassVar[str] = N_("Add a deadline")

    def fields(self) -> Iterable[Field]:
        yield Field(
            _("Date"), Input(placeholder=_("dd/mm/yyyy"), id="due", compact=True), key="due"
        )
        yield Field(
            _("Label (optional)"),
            Input(placeholder=_("e.g. first stage"), id="label", compact=True),
            key="label",
        )

    def submit(self, values: Mapping[str, object]) -> Deadline:
        from tracker.domain.dates import DateParseError, parse_user_date

        try:
            due = parse_user_date(str(values.get("due") or "").strip())
        except DateParseError as exc:
            raise FormErrors({"due": str(exc)}) from exc
        return due, " ".join(str(values.get("label") or "").split())[:100]
