"""The shape every form shares: a dialog of fields, ctrl+s to save, escape to cancel."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Select, Static, Switch, TextArea
from textual.widgets.select import InvalidSelectValueError

from tracker.domain.errors import TrackerError, ValidationError
from tracker.i18n import N_, _
from tracker.tui.drafts import DRAFT_DELAY, DraftStore, draft_key
from tracker.tui.errors import describe
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.footer import TrackerFooter

T = TypeVar("T")


def read_control(field: Field) -> object:
    """The value a field's control holds, as plain data (text, bool, or the choice)."""
    control = field.control
    if isinstance(control, Input):
        return control.value
    if isinstance(control, TextArea):
        return control.text
    if isinstance(control, Switch):
        return control.value
    if isinstance(control, Select):
        return None if control.value is Select.NULL else control.value
    raise TypeError(_("no value for {name__}").format(name__=type(control).__name__))


def write_control(field: Field, value: object) -> None:
    """Show ``value`` in a field's control (the reverse of `read_control`)."""
    control = field.control
    if isinstance(control, Input):
        control.value = "" if value is None else str(value)
    elif isinstance(control, TextArea):
        control.load_text("" if value is None else str(value))
    elif isinstance(control, Switch):
        control.value = bool(value)
    elif isinstance(control, Select):
        with contextlib.suppress(InvalidSelectValueError):  # no longer offered: left as is
            if value is None:
                control.clear()
            else:
                control.value = value


class FormModal(ModalScreen[T | None]):
    """Subclasses yield their fields from `fields()` and turn values into a result in `submit()`.

    `submit()` returns the result, or raises FormErrors naming each bad field; nothing is
    returned (and so nothing saved) while any field is invalid.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]
    TITLE_TEXT: ClassVar[str] = N_("Form")
    SAVE_LABEL: ClassVar[str] = N_("Save")
    ENTER_SAVES: ClassVar[bool] = True  # else enter in a text box moves to the next field
    FIRST_FIELD: ClassVar[str | None] = None  # the control's id to focus, else the first

    def __init__(
        self,
        *,
        title: str | None = None,
        banner: str | None = None,
        error: TrackerError | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title or _(self.TITLE_TEXT)
        self.banner = describe(error) if error is not None else banner
        self._initial: dict[str, object] = {}
        # Reopened after a refusal: its fields show their errors at once.
        self.start_errors: Mapping[str, str] = (
            error.errors if isinstance(error, ValidationError) else {}
        )
        # Set by the opener to keep a draft on disk while typing (see tracker.tui.drafts).
        self.draft_key: str | None = None
        self.draft_version: int | None = None
        self._draft_timer: Timer | None = None
        self.restored = False  # holds a draft brought back after a crash: unsaved work
        # Reopened after a refusal or a conflict: it holds what the user typed, which is
        # not saved anywhere, so closing it asks first and a crash keeps it as a draft.
        self.reopened = error is not None

    def fields(self) -> Iterable[Field]:
        raise NotImplementedError

    def submit(self, values: Mapping[str, object]) -> T:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(self.title_text, classes="dialog--title")
            yield Static(self.banner or "", classes="dialog--banner", id="banner")
            with VerticalScroll(classes="form--fields"):
                yield from self.compose_body()
            with Horizontal(classes="dialog--buttons"):
                yield Button(_(self.SAVE_LABEL), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")
        yield TrackerFooter()

    def compose_body(self) -> ComposeResult:
        yield from self.fields()

    def on_mount(self) -> None:
        self.query_one("#banner").display = bool(self.banner)
        self._initial = self.values()
        self.ready()
        if self.dirty and self.draft_key is not None:  # unsaved from the start
            self._draft_timer = self.set_timer(DRAFT_DELAY, self._write_draft)

    def ready(self) -> None:
        """The form is on screen: show the errors it was reopened with, or focus the
        first field (subclasses may do more)."""
        if self.start_errors:
            self.show_errors(self.start_errors)
            return
        if self.FIRST_FIELD:
            self.query_one(f"#{self.FIRST_FIELD}").focus()
            return
        fields = self.query(Field)
        if fields:
            fields.first().control.focus()

    def values(self) -> dict[str, object]:
        return {field.key: read_control(field) for field in self.query(Field)}

    def draft_values(self) -> dict[str, object]:
        """What the draft on disk holds: `values()` as JSON can write it (subclasses
        holding richer values turn them into plain data)."""
        return self.values()

    def fill(self, values: Mapping[str, object]) -> None:
        """Show ``values`` in the fields they name (the others keep what they hold); the
        form is clean again (e.g. after reloading someone else's version)."""
        for field in self.query(Field):
            if field.key in values:
                write_control(field, values[field.key])
            field.set_error(None)
        self._initial = self.values()
        self.restored = self.reopened = False

    def keep_drafts(
        self, kind: str, record_id: int | None, version: int | None, *, restored: bool = False
    ) -> None:
        """Keep a draft on disk while typing, under ``kind:id`` (``kind:new`` for a new
        record) with the version the user started from; ``restored``: it holds one."""
        self.draft_key = draft_key(kind, record_id)
        self.draft_version = version
        self.restored = restored

    @property
    def dirty(self) -> bool:
        return self.restored or self.reopened or self.values() != self._initial

    def show_errors(self, errors: Mapping[str, str]) -> None:
        first: Field | None = None
        for field in self.query(Field):
            message = errors.get(field.key)
            field.set_error(message)
            if message and first is None:
                first = field
        unplaced = [msg for key, msg in errors.items() if not self.query(f"#field-{key}")]
        banner = self.query_one("#banner", Static)
        banner.update("\n".join(unplaced) or self.banner or "")
        banner.display = bool(unplaced or self.banner)
        banner.set_class(bool(unplaced), "-error")
        if first is not None:
            first.control.focus()

    def action_save(self) -> None:
        try:
            result = self.submit(self.values())
        except FormErrors as errors:
            self.show_errors(errors.errors)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def discard(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmModal(_("Discard your changes?"), yes=_("Discard"), no=_("Keep editing")),
            discard,
        )

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Switch.Changed)
    @on(Select.Changed)
    def _schedule_draft(self) -> None:
        if self.draft_key is None or not self.is_mounted:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._write_draft)

    def _write_draft(self) -> None:
        store: DraftStore | None = getattr(self.app, "drafts", None)
        if store is None or self.draft_key is None:
            return
        if self.dirty:
            values = self.draft_values()
            store.save(self.draft_key, self.title_text, values, self.draft_version)
        else:
            store.discard(self.draft_key)

    def on_unmount(self) -> None:
        """Closed (saved or discarded): its draft has served."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
        store: DraftStore | None = getattr(self.app, "drafts", None)
        if store is not None and self.draft_key is not None:
            store.discard(self.draft_key)
            if getattr(self.app, "drafts_waiting", None):
                from tracker.tui.unsaved import offer_next_draft

                self.app.call_later(offer_next_draft, self.app)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.ENTER_SAVES:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()


class FormErrors(Exception):
    """Field name → message, raised by `FormModal.submit`."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)
