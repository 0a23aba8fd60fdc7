"""The contact log's filters: organisation, person, event, dates and text, as you type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, Select

from tracker.i18n import _
from tracker.tui.widgets.filter_row import FilterRow


@dataclass(frozen=True)
class LogFilters:
    """As typed: the screen's worker resolves names and reads dates."""

    organisation: str = ""
    person: str = ""
    event_id: int | None = None
    date_from: str = ""
    date_to: str = ""
    text: str = ""


class LogFilterBar(FilterRow):
    RESULTS: ClassVar[str] = "LogTable"
    DEFAULT_CSS = """
    LogFilterBar {
        height: auto;
    }
    LogFilterBar > #log-organisation, LogFilterBar > #log-person {
        width: 24;
    }
    LogFilterBar > Select {
        width: 36;
    }
    LogFilterBar > #log-from, LogFilterBar > #log-to {
        width: 15;
    }
    LogFilterBar > #log-text {
        width: 1fr;
    }
    """

    @dataclass
    class Changed(Message):
        """The filters changed; the screen loads the first page again."""

        bar: LogFilterBar
        filters: LogFilters

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_("Organisation"), id="log-organisation")
        yield Input(placeholder=_("Person"), id="log-person")
        yield Select[int]([], prompt=_("All events"), id="log-event")
        yield Input(placeholder=_("From dd/mm/yyyy"), id="log-from")
        yield Input(placeholder=_("To dd/mm/yyyy"), id="log-to")
        yield Input(placeholder=_("Search what was said or agreed…  (/)"), id="log-text")

    def set_events(self, options: Sequence[tuple[str, int]]) -> None:
        select = self.query_one("#log-event", Select)
        current = select.value
        select.set_options(options)
        if current is not Select.NULL and current in {value for _label, value in options}:
            select.value = current

    def _text(self, key: str) -> str:
        return " ".join(self.query_one(f"#log-{key}", Input).value.split())

    @property
    def filters(self) -> LogFilters:
        event = self.query_one("#log-event", Select).value
        return LogFilters(
            organisation=self._text("organisation"),
            person=self._text("person"),
            event_id=None if event is Select.NULL else int(str(event)),
            date_from=self._text("from"),
            date_to=self._text("to"),
            text=self._text("text"),
        )

    def _post(self) -> None:
        self.post_message(self.Changed(self, self.filters))
