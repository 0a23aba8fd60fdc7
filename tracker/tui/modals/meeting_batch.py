"""After the event: everyone met there, one row each, saved together or not at all.

ctrl+n (or enter on a row's last box) adds a row, ctrl+s saves every row in one
transaction. When the services refuse an entry ("2.person.email"), the message goes
under that row and nothing is saved; the rows stay as typed, to fix and save again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker

from tracker.domain.errors import TrackerError, ValidationError
from tracker.i18n import N_, _, ngettext
from tracker.services.dto import EventRow
from tracker.services.dto_partners import BatchResult, MeetingEntry
from tracker.tui.errors import describe, report_worker_failure
from tracker.tui.format import fmt_date, fmt_span
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.meeting_row import MeetingRow, RowValues
from tracker.tui.widgets.name_picker import Directory, exact

SaveBatch = Callable[[Sequence[MeetingEntry]], BatchResult]
WHOLE_BATCH = ("date", "time", "kind")  # entry fields set once for every row


def to_entry(row: RowValues, day: str, directory: Directory) -> MeetingEntry:
    """A row as the services take it. Off the UI thread: a name typed too fast to have
    been looked up yet is looked up here, by the same rule as on screen."""
    person_id, org_id = row.person_id, row.organisation_id
    if person_id is None and row.person and not row.person_fresh:
        found = exact(directory.people(row.person))
        person_id = found.id if found is not None else None
    if org_id is None and row.organisation and not row.organisation_fresh:
        found = exact(directory.organisations(row.organisation))
        org_id = found.id if found is not None else None
    new_org = {"name": row.organisation} if org_id is None and row.organisation else None
    new_person: dict[str, object] | None = None
    if person_id is None and (row.person or row.role or row.email):
        new_person = {"name": row.person, "role": row.role, "email": row.email}
    return MeetingEntry(
        person=person_id,
        new_person=new_person,
        organisation=org_id,
        new_organisation=new_org,
        fields={
            "date": day,
            "kind": "meeting",
            "summary": row.summary,
            "follow_up": row.follow_up,
            "due": row.due,
        },
    )


def split_errors(errors: Mapping[str, str]) -> tuple[dict[int, dict[str, str]], dict[str, str]]:
    """ "2.person.email" → {2: {"person.email": ...}}; what is not about one row apart."""
    by_entry: dict[int, dict[str, str]] = {}
    other: dict[str, str] = {}
    for key, message in errors.items():
        head, _, rest = key.partition(".")
        if head.isdigit() and rest and rest not in WHOLE_BATCH:
            by_entry.setdefault(int(head), {})[rest] = message
        else:
            other[rest if head.isdigit() else key] = message
    return by_entry, other


class MeetingBatchModal(ModalScreen[BatchResult | None]):
    """Returns what was saved; the screen underneath only reloads and says so."""

    CSS_PATH = "../partners.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save all"), priority=True),
        Binding("ctrl+n", "add_row", N_("Next person"), priority=True),
        Binding("ctrl+r", "drop_row", N_("Remove row"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, event: EventRow, directory: Directory, save: SaveBatch) -> None:
        super().__init__()
        self.event = event
        self.directory = directory
        self.save = save
        self.saving = False

    def compose(self) -> ComposeResult:
        event = self.event
        where = ", ".join(p for p in (event.city, event.country_code or "") if p)
        heading = _("Log meetings — {event}").format(event=event.name)
        heading += f" · {fmt_span(event.start_date, event.end_date)}"
        with Vertical(classes="dialog form batch"):
            yield Static(heading + (f" · {where}" if where else ""), classes="dialog--title")
            yield Static(
                _(
                    "One box per person met. Names on file show as you type: tab takes the "
                    "suggestion, anything else is created. ctrl+n or enter on “Due” adds a "
                    "person; ctrl+s saves everyone at once."
                ),
                classes="dialog--text",
            )
            with Horizontal(classes="batch--date"):
                yield Label(_("Date of the meetings "))
                first = fmt_date(event.start_date) if event.start_date else ""
                yield Input(first, placeholder=_("dd/mm/yyyy"), compact=True, id="batch-date")
                yield Static("", id="batch-date-error")
            yield Static("", classes="dialog--banner", id="banner")
            with VerticalScroll(id="batch-rows"):
                yield MeetingRow(1, self.directory)
            with Horizontal(classes="dialog--buttons"):
                yield Button(_("Save all"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one("#banner").display = False
        self.rows[0].focus_first()

    @property
    def rows(self) -> list[MeetingRow]:
        return list(self.query(MeetingRow))

    def row_values(self) -> list[tuple[int, RowValues]]:
        """The rows that hold something, numbered as on screen."""
        return [(row.number, v) for row in self.rows if not (v := row.values()).blank]

    @property
    def dirty(self) -> bool:
        return bool(self.row_values())

    # -- rows ------------------------------------------------------------------------

    async def action_add_row(self) -> None:
        row = MeetingRow(len(self.rows) + 1, self.directory)
        await self.query_one("#batch-rows", VerticalScroll).mount(row)
        row.focus_first()

    def current_row(self) -> MeetingRow | None:
        node: DOMNode | None = self.focused
        while node is not None and not isinstance(node, MeetingRow):
            node = node.parent
        return node

    async def action_drop_row(self) -> None:
        row = self.current_row()
        rows = self.rows
        if row is None or len(rows) == 1:
            return
        index = rows.index(row)
        await row.remove()
        rest = [r for r in rows if r is not row]
        for number, kept in enumerate(rest, start=1):
            kept.renumber(number)
        rest[min(index, len(rest) - 1)].focus_first()
        self.mark_repeats()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.mark_repeats()

    def mark_repeats(self) -> None:
        """A new name typed in two rows: say so under each (the same person met twice is
        one row too many, or two spellings of one name)."""
        from tracker.domain.contact_rules import normalise_person_name

        names = [
            (row, normalise_person_name(row.person.value)) for row in self.rows if row.person.value
        ]
        for row in self.rows:
            mine = next((key for r, key in names if r is row), None)
            others = [
                _("row {number}").format(number=r.number)
                for r, key in names
                if key == mine and r is not row
            ]
            row.person.set_repeats(" and ".join(others))

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        rows = self.rows
        if rows and event.input is rows[-1].last_box:
            await self.action_add_row()
        else:
            self.focus_next()

    # -- saving ----------------------------------------------------------------------

    def action_save(self) -> None:
        if self.saving:
            return
        numbered = self.row_values()
        if not numbered:
            self.show_banner("Nobody to log yet: type the name of someone you met.")
            return
        self.saving = True
        day = self.query_one("#batch-date", Input).value.strip()
        self.save_rows(day, numbered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def save_rows(self, day: str, numbered: list[tuple[int, RowValues]]) -> None:
        try:
            entries = [to_entry(values, day, self.directory) for _n, values in numbered]
            result = self.save(entries)
        except ValidationError as exc:
            numbers = [n for n, _values in numbered]
            self.app.call_from_thread(self.show_errors, exc.errors, numbers)
            return
        except TrackerError as exc:
            self.app.call_from_thread(self.show_banner, describe(exc))
            return
        finally:
            self.saving = False
        self.app.call_from_thread(self.dismiss, result)

    def show_errors(self, errors: Mapping[str, str], numbers: Sequence[int]) -> None:
        """Each entry's errors under its row (entries are the non-blank rows, in order)."""
        by_entry, other = split_errors(errors)
        rows = {row.number: row for row in self.rows}
        first: Widget | None = None
        for row in rows.values():
            row.set_errors({})
        for index, row_errors in sorted(by_entry.items()):
            found = rows.get(numbers[index - 1]) if 0 < index <= len(numbers) else None
            if found is None:
                other.update(row_errors)
                continue
            box = found.set_errors(row_errors)
            first = first or box
        date_error = other.pop("date", "") or other.pop("time", "")
        self.query_one("#batch-date-error", Static).update(Text(date_error))
        bad = len(by_entry)
        lines = [
            ngettext(
                "Nothing was saved: {count} row needs a fix.",
                "Nothing was saved: {count} rows need a fix.",
                bad,
            ).format(count=bad)
            if bad
            else "Nothing was saved."
        ]
        if date_error:
            lines.append(_("Date: {error}").format(error=date_error))
        self.show_banner("\n".join([*lines, *other.values()]))
        if first is not None:
            first.focus()
        elif date_error:
            self.query_one("#batch-date", Input).focus()

    def show_banner(self, message: str) -> None:
        banner = self.query_one("#banner", Static)
        banner.update(Text(message))
        banner.display = bool(message)
        banner.set_class(bool(message), "-error")

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def discard(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmModal(_("Discard everyone typed here?"), yes=_("Discard"), no=_("Keep editing")),
            discard,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)
