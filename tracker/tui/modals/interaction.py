"""One contact-log entry: when, how, with whom (names on file, or created here), what follows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Select, TextArea
from textual.worker import Worker

from tracker.domain.errors import TrackerError, ValidationError
from tracker.i18n import N_, _
from tracker.services.dto_partners import InteractionInfo, NamedRef
from tracker.tui.errors import report_worker_failure
from tracker.tui.format import fmt_date, fmt_span
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.form import FormErrors, FormModal, read_control
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.log_table import KIND_HELP, kind_help
from tracker.tui.widgets.name_list import NameListPicker
from tracker.tui.widgets.name_picker import Directory

TEXT_FIELDS = ("date", "time", "kind", "summary", "follow_up", "due")


@dataclass(frozen=True)
class EventOption:
    id: int
    name: str
    start_date: date | None
    end_date: date | None = None

    @property
    def label(self) -> str:
        return f"{self.name} · {fmt_span(self.start_date, self.end_date)}"


@dataclass(frozen=True)
class InteractionRequest:
    """What the form collected; the screen hands it to the contact-log service."""

    fields: dict[str, str]
    organisations: tuple[NamedRef, ...]
    people: tuple[NamedRef, ...]
    event_id: int | None


def new_values(today: date, event: EventOption | None = None) -> dict[str, object]:
    day = event.start_date if event is not None and event.start_date else today
    kind = "meeting" if event is not None else "call"
    return {
        "date": fmt_date(day),
        "kind": kind,
        "event": event.id if event is not None else None,
    }


def info_values(info: InteractionInfo) -> dict[str, object]:
    fields = info.form_fields()
    return {
        **fields,
        "date": fmt_date(info.occurred_on),
        "due": fmt_date(info.follow_up_due) if info.follow_up_due else "",
        "organisations": info.organisations,
        "people": info.people,
        "event": info.event.id if info.event else None,
    }


def request_values(request: InteractionRequest) -> dict[str, object]:
    return {
        **request.fields,
        "organisations": request.organisations,
        "people": request.people,
        "event": request.event_id,
    }


def draft_to_values(values: Mapping[str, object]) -> dict[str, object]:
    """A draft's values back as the form takes them: ``[id, name]`` pairs become refs."""
    found = dict(values)
    for key in ("organisations", "people"):
        pairs = found.get(key)
        found[key] = tuple(
            NamedRef(int(pair[0]), str(pair[1]))
            for pair in (pairs if isinstance(pairs, list) else ())
            if isinstance(pair, list) and len(pair) == 2
        )
    return found


class InteractionForm(FormModal[InteractionRequest]):
    CSS_PATH = "../partners.tcss"
    TITLE_TEXT: ClassVar[str] = N_("Contact log entry")
    ENTER_SAVES: ClassVar[bool] = False

    def __init__(
        self,
        values: Mapping[str, object],
        events: Sequence[EventOption],
        directory: Directory,
        *,
        today: date,
        title: str | None = None,
        error: TrackerError | None = None,
    ) -> None:
        super().__init__(title=title, error=error)
        self.start = dict(values)
        self.events = {e.id: e for e in events}
        self.directory = directory
        self.today = today
        self.start_errors = error.errors if isinstance(error, ValidationError) else {}
        self._default_date = str(values.get("date") or "")

    def _text(self, key: str, placeholder: str = "") -> Input:
        value = str(self.start.get(key) or "")
        return Input(value, placeholder=placeholder, id=key, compact=True)

    def _refs(self, key: str) -> tuple[NamedRef, ...]:
        refs = self.start.get(key) or ()
        return tuple(r for r in refs if isinstance(r, NamedRef)) if isinstance(refs, tuple) else ()

    def compose_body(self) -> ComposeResult:
        kinds = [(kind_help(kind), kind) for kind in KIND_HELP]
        kind = str(self.start.get("kind") or "meeting")
        event = self.start.get("event")
        events = [(e.label, e.id) for e in self.events.values()]
        with Grid(classes="interaction-form"):
            yield Field(_("Date"), self._text("date", _("dd/mm/yyyy")), key="date")
            yield Field(_("Time"), self._text("time", _("hh:mm (optional)")), key="time")
            yield Field(
                _("Kind"),
                Select(kinds, value=kind, allow_blank=False, id="kind", compact=True),
                key="kind",
            )
            yield Field(
                _("Organisations"),
                NameListPicker(
                    self.directory.organisations,
                    noun=N_("organisation"),
                    refs=self._refs("organisations"),
                    placeholder=_("Type a name; enter adds it, tab takes the suggestion"),
                    id="entry-organisations",
                ),
                key="organisations",
                classes="wide",
            )
            yield Field(
                _("People"),
                NameListPicker(
                    self.directory.people,
                    noun=N_("person"),
                    refs=self._refs("people"),
                    placeholder=_("Type a name; enter adds it, tab takes the suggestion"),
                    id="entry-people",
                ),
                key="people",
                classes="wide",
            )
            yield Field(
                _("Event (optional)"),
                Select(
                    events,
                    value=event if event in self.events else Select.NULL,
                    prompt=_("No event"),
                    id="event",
                    compact=True,
                ),
                key="event",
                classes="wide",
            )
            yield Field(
                _("Summary"),
                TextArea(str(self.start.get("summary") or ""), id="summary", compact=True),
                key="summary",
                classes="wide",
            )
            yield Field(
                _("Follow-up (optional)"),
                self._text("follow_up", _("what to do next")),
                key="follow_up",
                classes="two",
            )
            yield Field(_("Due"), self._text("due", _("dd/mm/yyyy")), key="due")

    def fields(self) -> Iterable[Field]:
        return ()

    def ready(self) -> None:
        if self.start_errors:
            self.show_errors(self.start_errors)
        else:
            self.query_one("#date", Input).focus()

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for field in self.query(Field):
            control = field.control
            if isinstance(control, NameListPicker):
                values[field.key] = tuple(control.refs)
            else:
                values[field.key] = read_control(field)
        return values

    def draft_values(self) -> dict[str, object]:
        values = self.values()
        for key in ("organisations", "people"):
            refs = values.get(key)
            if isinstance(refs, tuple):
                values[key] = [[r.id, r.name] for r in refs if isinstance(r, NamedRef)]
        return values

    def on_name_list_picker_changed(self) -> None:
        self._schedule_draft()  # a name added or taken off is typing too

    def picker(self, key: str) -> NameListPicker:
        return self.query_one(f"#entry-{key}", NameListPicker)

    def submit(self, values: Mapping[str, object]) -> InteractionRequest:
        from tracker.domain.contact_rules import validate_interaction

        fields = {key: str(values.get(key) or "").strip() for key in TEXT_FIELDS}
        errors: dict[str, str] = {}
        try:
            validate_interaction(fields)
        except ValidationError as exc:
            errors.update(exc.errors)
        for key in ("organisations", "people"):
            typed = self.picker(key).value
            if typed:
                errors[key] = _("press enter to add “{typed}”, or clear it").format(typed=typed)
        organisations = self.picker("organisations").refs
        people = self.picker("people").refs
        if not organisations and not people and "people" not in errors:
            errors["people"] = _("whom did you meet? add a person or an organisation")
        if errors:
            raise FormErrors(errors)
        event = values.get("event")
        return InteractionRequest(
            fields, tuple(organisations), tuple(people), event if isinstance(event, int) else None
        )

    # -- the event sets the date, until the date is typed -------------------------------

    @on(Select.Changed, "#event")
    def event_changed(self, event: Select.Changed) -> None:
        box = self.query_one("#date", Input)
        if box.value.strip() != self._default_date:
            return
        chosen = self.events.get(event.value) if isinstance(event.value, int) else None
        day = chosen.start_date if chosen is not None and chosen.start_date else self.today
        self._default_date = fmt_date(day)
        box.value = self._default_date

    # -- names not on file: created on the spot, when the user says so ------------------

    def on_name_list_picker_new_name(self, event: NameListPicker.NewName) -> None:
        picker, name = event.picker, event.name
        organisations = self.picker("organisations").refs
        joins = organisations[0] if picker.noun == "person" and len(organisations) == 1 else None
        if joins is not None:
            detail = _("{name} is added to the people of {organisation}.").format(
                name=name, organisation=joins.name
            )
        else:
            detail = "Only the name for now: fill in the rest later from the list."

        def answered(yes: bool | None) -> None:
            if yes:
                self.create(picker, name, joins.id if joins is not None else None)
            else:
                picker.focus()

        self.app.push_screen(
            ConfirmModal(
                _("Create the {noun} “{name}”?").format(noun=_(picker.noun), name=name),
                detail,
                yes=_("Create"),
                no=_("No"),
            ),
            answered,
        )

    @work(thread=True, exit_on_error=False, group="create")
    def create(self, picker: NameListPicker, name: str, organisation: int | None) -> None:
        if picker.noun == "person":
            ref = self.directory.new_person(name, organisation)
        else:
            ref = self.directory.new_organisation(name)
        self.app.call_from_thread(self.created, picker, ref)

    def created(self, picker: NameListPicker, ref: NamedRef) -> None:
        picker.add(ref)
        picker.focus()
        self.notify(
            _("Created the {noun} “{name}”.").format(noun=_(picker.noun), name=ref.name),
            markup=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)
