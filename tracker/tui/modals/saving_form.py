"""A form that saves through the services itself: their messages land under the fields.

The dialog stays open until the service accepted the fields; a refusal (a bad email, an
unknown organisation) shows beside the field it names, nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import work
from textual.widgets import Static
from textual.worker import Worker

from tracker.domain.errors import TrackerError, ValidationError
from tracker.i18n import _
from tracker.tui.errors import describe, report_worker_failure
from tracker.tui.modals.form import FormModal

R = TypeVar("R")
Save = Callable[[dict[str, object]], R]


class SavingForm(FormModal[R]):
    """Subclasses compose their fields (keys named as the service's fields)."""

    ENTER_SAVES: ClassVar[bool] = False

    def __init__(self, save: Save[R], *, title: str | None = None) -> None:
        super().__init__(title=title)
        self.save = save
        self.saving = False

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

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def save_fields(self, fields: dict[str, object]) -> None:
        try:
            result = self.save(fields)
        except ValidationError as exc:
            self.app.call_from_thread(self.refused, exc.errors)
            return
        except TrackerError as exc:
            self.app.call_from_thread(self.refused, {"": describe(exc)})
            return
        finally:
            self.saving = False
        self.app.call_from_thread(self.dismiss, result)

    def refused(self, errors: Mapping[str, str]) -> None:
        self.show_errors({key or "form": message for key, message in errors.items()})
        banner = self.query_one("#banner", Static)
        if not banner.display:
            banner.update(Text(_("Nothing was saved: fix the fields in red.")))
            banner.display = True
            banner.set_class(True, "-error")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)
