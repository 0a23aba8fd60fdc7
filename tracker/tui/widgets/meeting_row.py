"""One person met at an event, as a row of the "after the event" form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from tracker.i18n import N_, _
from tracker.tui.widgets.name_picker import Directory, NamePicker

# The box that shows a service error, by the error's key within its entry.
_TARGETS = {
    "person.email": "email",
    "person.role": "role",
    "summary": "summary",
    "follow_up": "follow-up",
    "due": "due",
}
_LABELS = {
    "person": "Person",
    "person.name": "Person",
    "person.email": "Email",
    "person.role": "Role",
    "person.phone": "Phone",
    "organisation": "Organisation",
    "organisation.name": "Organisation",
    "summary": "Summary",
    "follow_up": "Follow-up",
    "due": "Due",
}


def target_of(key: str) -> str | None:
    """Which box of the row an error belongs to ("person.email" → the email box)."""
    if key in _TARGETS:
        return _TARGETS[key]
    head = key.split(".", 1)[0]
    return head if head in ("person", "organisation") else None


def label_of(key: str) -> str:
    return _LABELS.get(key) or key.replace(".", " ").replace("_", " ").capitalize()


@dataclass(frozen=True)
class RowValues:
    """What a row holds; `*_fresh` says the name was looked up as it now reads."""

    person: str = ""
    person_id: int | None = None
    person_fresh: bool = True
    organisation: str = ""
    organisation_id: int | None = None
    organisation_fresh: bool = True
    role: str = ""
    email: str = ""
    summary: str = ""
    follow_up: str = ""
    due: str = ""

    @property
    def blank(self) -> bool:
        return not any(
            getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), str)
        )


class MeetingRow(Vertical):
    """Person and organisation (on file or new), role, email, what was said, what follows."""

    DEFAULT_CSS = """
    MeetingRow {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-muted;
        padding: 0 1;
        margin-bottom: 1;
    }
    MeetingRow:focus-within {
        border: round $accent;
        border-title-color: $text-accent;
    }
    MeetingRow > Horizontal {
        height: auto;
    }
    MeetingRow .row--organisation {
        margin-left: 2;
    }
    MeetingRow .row--role {
        width: 24;
    }
    MeetingRow .row--email {
        width: 34;
        margin-left: 1;
    }
    MeetingRow .row--summary {
        width: 1fr;
        margin-left: 1;
    }
    MeetingRow .row--follow-up {
        width: 1fr;
    }
    MeetingRow .row--due {
        width: 16;
        margin-left: 1;
    }
    MeetingRow .row--errors {
        display: none;
        color: $text-error;
        margin-top: 1;
    }
    MeetingRow.-invalid {
        border: round $error;
    }
    MeetingRow.-invalid .row--errors {
        display: block;
    }
    MeetingRow Input.-invalid {
        background: $error 35%;
    }
    """

    def __init__(self, number: int, directory: Directory) -> None:
        super().__init__()
        self.number = number
        self.person = NamePicker(
            directory.people,
            noun=N_("person"),
            placeholder=_("Person met: name"),
            classes="row--person",
        )
        self.organisation = NamePicker(
            directory.organisations,
            noun=N_("organisation"),
            placeholder=_("Organisation"),
            classes="row--organisation",
        )
        self.boxes = {
            "role": Input(placeholder=_("Role (optional)"), compact=True, classes="row--role"),
            "email": Input(placeholder=_("Email (optional)"), compact=True, classes="row--email"),
            "summary": Input(placeholder=_("What was said"), compact=True, classes="row--summary"),
            "follow-up": Input(
                placeholder=_("Follow-up (optional)"), compact=True, classes="row--follow-up"
            ),
            "due": Input(placeholder=_("Due dd/mm/yyyy"), compact=True, classes="row--due"),
        }

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row--names"):
            yield self.person
            yield self.organisation
        with Horizontal(classes="row--talk"):
            yield self.boxes["role"]
            yield self.boxes["email"]
            yield self.boxes["summary"]
        with Horizontal(classes="row--next"):
            yield self.boxes["follow-up"]
            yield self.boxes["due"]
        yield Static("", classes="row--errors")

    def on_mount(self) -> None:
        self.renumber(self.number)

    def renumber(self, number: int) -> None:
        self.number = number
        self.border_title = f"Person {number}"

    @property
    def last_box(self) -> Input:
        return self.boxes["due"]

    def focus_first(self) -> None:
        self.person.focus()

    def values(self) -> RowValues:
        def text(key: str) -> str:
            return self.boxes[key].value.strip()

        return RowValues(
            person=self.person.value,
            person_id=self.person.chosen_id,
            person_fresh=self.person.fresh,
            organisation=self.organisation.value,
            organisation_id=self.organisation.chosen_id,
            organisation_fresh=self.organisation.fresh,
            role=text("role"),
            email=text("email"),
            summary=text("summary"),
            follow_up=text("follow-up"),
            due=text("due"),
        )

    def on_name_picker_resolved(self, event: NamePicker.Resolved) -> None:
        """A person on file keeps their role and email: those boxes are for new people."""
        if event.picker is not self.person:
            return
        on_file = event.chosen is not None
        for key in ("role", "email"):
            box = self.boxes[key]
            if on_file and box.has_focus:
                self.screen.focus_next()
            box.disabled = on_file

    def box_for(self, target: str) -> Widget:
        if target == "person":
            return self.person.box
        if target == "organisation":
            return self.organisation.box
        return self.boxes[target]

    def set_errors(self, errors: Mapping[str, str]) -> Widget | None:
        """Show the service's errors for this row (keys like "person.email"); returns the
        first box to fix."""
        targets = {target_of(key) for key in errors} - {None}
        first: Widget | None = None
        for target in ("person", "organisation", "role", "email", "summary", "follow-up", "due"):
            box = self.box_for(target)
            box.set_class(target in targets, "-invalid")
            if target in targets and first is None:
                first = box
        lines = [f"{label_of(key)}: {message}" for key, message in errors.items()]
        self.query_one(".row--errors", Static).update(Text("\n".join(lines)))
        self.set_class(bool(errors), "-invalid")
        return first
