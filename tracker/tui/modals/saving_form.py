"""A form that saves through the services itself: their messages land under the fields.

The dialog stays open until the service accepted the fields; a refusal (a bad email, an
unknown organisation) shows beside the field it names, nothing is written. Editing a
saved record (`Editing`), a save that meets someone else's newer version asks what to
do: reload theirs into the form, overwrite it with these fields, or keep editing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from rich.text import Text
from textual import work
from textual.widgets import Static
from textual.worker import Worker

from tracker.domain.errors import ConflictError, TrackerError, ValidationError
from tracker.i18n import _
from tracker.tui.errors import describe, report_worker_failure
from tracker.tui.modals.conflict import ask_what_to_do
from tracker.tui.modals.form import FormModal

R = TypeVar("R")
Save = Callable[[dict[str, object]], R]


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=Versioned)


@dataclass
class Editing(Generic[V]):
    """The saved record a form edits: read again, and updated over the version the user
    started from (`version`, moved on by a reload or an overwrite)."""

    get: Callable[[], V]
    update: Callable[[dict[str, object], int], V]
    version: int


class SavingForm(FormModal[R]):
    """Subclasses compose their fields (keys named as the service's fields)."""

    ENTER_SAVES: ClassVar[bool] = False

    def __init__(
        self,
        save: Save[R] | None = None,
        *,
        title: str | None = None,
        editing: Editing[Any] | None = None,
    ) -> None:
        super().__init__(title=title)
        self.save = save
        self.editing = editing  # None: a new record, created by `save`
        self.saving = False

    def refill(self, record: Any) -> None:
        """Show the record as saved now (after "reload theirs"); subclasses that keep
        more than the fields (an id behind a name) update it too."""
        raise NotImplementedError

    def fields_to_save(self, values: Mapping[str, object]) -> dict[str, object]:
        """What goes to the service; subclasses adjust (e.g. a name back to an id)."""
        return dict(values)

    def check(self, fields: Mapping[str, object]) -> dict[str, str]:
        """Field errors the form can see without the database (none by default)."""
        return {}

    def action_save(self) -> None:
        if self.saving:
            return
        fields = self.fields_to_save(self.values())
        if errors := self.check(fields):
            self.refused(errors)
            return
        self.saving = True
        self.save_fields(fields)

    def _save(self, fields: dict[str, object], *, overwrite: bool) -> R:
        editing = self.editing
        if editing is None:
            assert self.save is not None
            return self.save(fields)
        if overwrite:  # the user chose to replace what someone else saved
            editing.version = editing.get().version
        saved: R = editing.update(fields, editing.version)
        return saved

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def save_fields(self, fields: dict[str, object], overwrite: bool = False) -> None:
        try:
            result = self._save(fields, overwrite=overwrite)
        except ConflictError as exc:
            self.app.call_from_thread(self.conflicted, fields, exc)
            return
        except ValidationError as exc:
            self.app.call_from_thread(self.refused, exc.errors)
            return
        except TrackerError as exc:
            self.app.call_from_thread(self.refused, {"": describe(exc)})
            return
        finally:
            self.saving = False
        self.app.call_from_thread(self.dismiss, result)

    def conflicted(self, fields: dict[str, object], exc: ConflictError) -> None:
        """Someone else saved first: the message stays on the form, and the user chooses."""
        self.refused({"": describe(exc)})

        def overwrite() -> None:
            self.saving = True
            self.save_fields(fields, True)

        # Keep editing: the form is still open, with what was typed and the message.
        ask_what_to_do(
            self, exc, reload=self.reload, overwrite=overwrite, keep_editing=lambda: None
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def reload(self) -> None:
        assert self.editing is not None
        record = self.editing.get()
        self.app.call_from_thread(self.reloaded, record)

    def reloaded(self, record: Versioned) -> None:
        assert self.editing is not None
        self.editing.version = self.draft_version = record.version
        self.refill(record)
        banner = self.query_one("#banner", Static)
        banner.update(Text(_("Their version is shown: what you typed is gone.")))
        banner.display = True
        banner.set_class(False, "-error")

    def refused(self, errors: Mapping[str, str]) -> None:
        self.show_errors({key or "form": message for key, message in errors.items()})
        banner = self.query_one("#banner", Static)
        if not banner.display:
            banner.update(Text(_("Nothing was saved: fix the fields in red.")))
            banner.display = True
            banner.set_class(True, "-error")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)
