"""Country, status and free text filters of the events list, answered as you type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, Select

from tracker.domain.enums import EventStatus
from tracker.i18n import _
from tracker.tui.format import term
from tracker.tui.widgets.filter_row import FilterRow

OPEN = "open"  # every status that is not closed


@dataclass(frozen=True)
class Filters:
    country: str | None = None
    statuses: tuple[str, ...] = ()
    text: str = ""


class FilterBar(FilterRow):
    RESULTS: ClassVar[str] = "EventTable"
    DEFAULT_CSS = """
    FilterBar {
        height: auto;
    }
    FilterBar > Select {
        width: 32;
    }
    FilterBar > Input {
        width: 1fr;
    }
    """

    @dataclass
    class Changed(Message):
        """The filters changed; the screen loads the first page again."""

        bar: FilterBar
        filters: Filters

    def compose(self) -> ComposeResult:
        yield Select[str]([], prompt=_("All countries"), id="filter-country")
        statuses = [(_("Open (not closed)"), OPEN)] + [
            (term("event_status", s.value), s.value) for s in EventStatus
        ]
        yield Select[str](statuses, prompt=_("All statuses"), id="filter-status")
        yield Input(placeholder=_("Search name, city, organiser…  (/)"), id="filter-text")

    def set_countries(self, options: Sequence[tuple[str, str]]) -> None:
        select = self.query_one("#filter-country", Select)
        current = select.value
        select.set_options(options)
        if current is not Select.NULL and current in {code for _label, code in options}:
            select.value = current

    @property
    def filters(self) -> Filters:
        country = self.query_one("#filter-country", Select).value
        status = self.query_one("#filter-status", Select).value
        if status is Select.NULL:
            statuses: tuple[str, ...] = ()
        elif status == OPEN:
            statuses = tuple(s.value for s in EventStatus if s.is_open)
        else:
            statuses = (str(status),)
        return Filters(
            country=None if country is Select.NULL else str(country),
            statuses=statuses,
            text=self.query_one("#filter-text", Input).value.strip(),
        )

    def _post(self) -> None:
        self.post_message(self.Changed(self, self.filters))
