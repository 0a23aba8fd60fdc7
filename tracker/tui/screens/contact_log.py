"""The contact log: whom we met or heard from, newest first, one page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Input, Static

from tracker.domain.errors import TrackerError
from tracker.i18n import N_, _
from tracker.services.dto import EventRow
from tracker.services.dto_partners import InteractionInfo, InteractionQuery, Page
from tracker.tui.errors import describe
from tracker.tui.format import fmt_date, fmt_span
from tracker.tui.modals.pick import PickModal
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.contact_log_actions import (
    InteractionActions,
    open_meeting_batch,
    plan_events,
)
from tracker.tui.widgets.entry_table import EntryTable, PageState
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.log_filters import LogFilterBar, LogFilters
from tracker.tui.widgets.log_table import LogTable

PAGE_SIZE = 50
# A filter's first letter can match most of a big log: past this many, the status line
# says "10000+" and the service stops counting (the pages themselves are exact).
COUNT_AT_MOST = 10_000


@dataclass(frozen=True)
class Loaded:
    page: Page[InteractionInfo]
    shown: tuple[str, ...]  # what the filters resolved to, for the status line
    problems: tuple[str, ...]  # filters that could not be read: nothing is listed


def read_date(text: str, label: str, problems: list[str]) -> date | None:
    from tracker.domain.dates import DateParseError, parse_user_date

    if not text:
        return None
    try:
        return parse_user_date(text)
    except DateParseError as exc:
        problems.append(f"{label}: {exc}")
        return None


class ContactLogScreen(InteractionActions):
    CSS_PATH = "../partners.tcss"
    # The list has the focus from the start: focusing the filter box first (Textual's
    # default, the first focusable widget) built the footer twice.
    AUTO_FOCUS = "#log"
    HELP_TITLE: ClassVar[str] = N_("Contact log")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New entry")),
        Binding("m", "log_meetings", N_("Log meetings"), tooltip=N_("Everyone met at an event")),
        Binding("enter", "edit", N_("Edit"), show=False),
        Binding("d", "toggle_done", N_("Follow-up done/reopen")),
        Binding("x", "delete", N_("Delete")),
        Binding("delete", "delete", N_("Delete"), show=False),
        Binding("slash", "search", N_("Search"), key_display="/"),
        Binding("right_square_bracket", "page(1)", N_("Next page"), key_display="]", show=False),
        Binding(
            "left_square_bracket", "page(-1)", N_("Previous page"), key_display="[", show=False
        ),
        Binding("escape", "focus_table", N_("Back to the list"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filters = LogFilters()
        self.paging = PageState(PAGE_SIZE)
        self.events: tuple[EventRow, ...] = ()
        self._events_year: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield LogFilterBar(id="log-filters")
        yield LogTable(self.tracker.today, id="log")
        yield Static(id="log-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.table.focus()

    @property
    def table(self) -> LogTable:
        return self.query_one(LogTable)

    def selected_id(self) -> int | None:
        row = self.table.current
        if row is None:
            self.notify(_("No entry selected."), severity="warning", markup=False)
            return None
        return row.id

    def preset_event(self) -> int | None:
        return self.filters.event_id

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        current = self.table.current
        if self._focus_id is not None:
            self.paging.focus, self._focus_id = self._focus_id, None
        self.paging.keep(current.id if current else None, self.table.cursor_row)
        self.load(self.filters, self.paging.offset)
        if self._events_year != self.year:
            self.load_events(self.year)

    @work(thread=True, exclusive=True, exit_on_error=False, group="events")
    def load_events(self, year: int | None) -> None:
        """The event filter's choices: loaded beside the first page, not before it."""
        events = plan_events(self.svc, year)
        if not cancelled():
            self.app.call_from_thread(self.show_events, year, events)

    def show_events(self, year: int | None, events: tuple[EventRow, ...]) -> None:
        self._events_year = year
        self.events = events
        self.query_one(LogFilterBar).set_events(
            [(f"{e.name} · {fmt_span(e.start_date, e.end_date)}", e.id) for e in self.events]
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, filters: LogFilters, offset: int) -> None:
        problems: list[str] = []
        shown: list[str] = []
        organisation_id = person_id = None
        try:
            if filters.organisation:
                organisation = self.svc.organisations.find(filters.organisation)
                organisation_id = organisation.id
                shown.append(f"organisation {organisation.name}")
            if filters.person:
                person = self.svc.people.find(filters.person)
                person_id = person.id
                shown.append(f"person {person.full_name}")
        except TrackerError as exc:
            problems.append(describe(exc))
        date_from = read_date(filters.date_from, "From", problems)
        date_to = read_date(filters.date_to, "To", problems)
        if date_from:
            shown.append(f"from {fmt_date(date_from)}")
        if date_to:
            shown.append(f"to {fmt_date(date_to)}")
        query = InteractionQuery(
            text=filters.text,
            organisation_id=organisation_id,
            person_id=person_id,
            event_id=filters.event_id,
            date_from=date_from,
            date_to=date_to,
            offset=offset,
            limit=PAGE_SIZE,
            count_at_most=COUNT_AT_MOST,
        )
        page = Page((), 0, 0, PAGE_SIZE) if problems else self.svc.contact_log.list(query)
        if not cancelled():
            self.app.call_from_thread(self.show, Loaded(page, tuple(shown), tuple(problems)))

    def show(self, loaded: Loaded) -> None:
        page = loaded.page
        if not self.paging.arrived(page.total, page.offset, len(page.rows)):
            self.load(self.filters, self.paging.offset)
            return
        cursor, focus = self.paging.landed()
        self.table.show_rows(page.rows, cursor=cursor, focus=focus)
        status = self.query_one("#log-status", Static)
        if loaded.problems:
            status.update(Text("  ·  ".join(loaded.problems), style="bold red"))
            return
        if not page.total and not self.filtered:
            status.update(_("No entries yet: n logs one, m logs everyone met at an event."))
            return
        parts = [self.counted(page), _("newest first"), *loaded.shown]
        if self.filters.event_id is not None:
            name = next((e.name for e in self.events if e.id == self.filters.event_id), "")
            parts.append(f"event {name}")
        if self.filters.text:
            parts.append(f"matching “{self.filters.text}”")
        status.update(Text("  ·  ".join(parts)))

    def counted(self, page: Page[InteractionInfo]) -> str:
        """57 entries · rows 1–50 · page 1 of 2; or, counting stopped, 10000+ entries."""
        if not page.capped:
            return self.paging.describe(N_("entry"), N_("entries"))
        first, last = page.offset + 1, page.offset + len(page.rows)
        return _("{count}+ entries · rows {first}–{last}").format(
            count=page.total, first=first, last=last
        )

    @property
    def filtered(self) -> bool:
        return self.filters != LogFilters()

    def restart(self) -> None:
        self.paging.restart()
        self.load(self.filters, 0)

    @on(LogFilterBar.Changed)
    def filters_changed(self, event: LogFilterBar.Changed) -> None:
        if event.filters != self.filters:
            self.filters = event.filters
            self.restart()

    @on(EntryTable.PageRequested)
    def page_requested(self, event: EntryTable.PageRequested) -> None:
        self.action_page(event.step)

    @on(EntryTable.RowSelected)
    def row_selected(self, event: EntryTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # -- actions ----------------------------------------------------------------------

    def action_page(self, step: int) -> None:
        if self.paging.turn(step):
            self.load(self.filters, self.paging.offset)

    def action_toggle_done(self) -> None:
        row = self.table.current
        if row is None:
            return
        if not row.follow_up:
            self.notify(_("This entry has no follow-up."), severity="warning", markup=False)
            return
        self.set_done(row.id, row.follow_up_open)

    def action_log_meetings(self) -> None:
        """Pick the event (the latest one already begun comes first), then log."""
        events = self.events
        if not events:
            self.notify(_("The plan year has no events to log meetings at."), markup=False)
            return
        today = self.tracker.today
        begun = [e for e in events if e.start_date is not None and e.start_date <= today]
        latest = max(begun, key=lambda e: e.start_date or today) if begun else events[0]
        options = [
            (f"{e.name} · {fmt_span(e.start_date, e.end_date)} · {e.city or '—'}", e.id)
            for e in events
        ]

        def picked(event_id: int | None) -> None:
            event = next((e for e in events if e.id == event_id), None)
            if event is not None:
                open_meeting_batch(self, event)

        self.app.push_screen(
            PickModal(_("Log meetings at which event?"), options, current=latest.id), picked
        )

    def action_search(self) -> None:
        self.query_one("#log-text", Input).focus()

    def action_focus_table(self) -> None:
        self.table.focus()
