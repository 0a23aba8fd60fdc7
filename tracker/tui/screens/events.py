"""The plan's candidate events, one page at a time, with filters, sorting and actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Input, Static

from tracker.i18n import N_, _, current_language, ngettext
from tracker.services.dto import EVENT_SORTS, EventPage, EventQuery
from tracker.tui.format import term
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.event_actions import EventActions
from tracker.tui.widgets.event_table import EventTable
from tracker.tui.widgets.filter_bar import FilterBar, Filters
from tracker.tui.widgets.footer import TrackerFooter

PAGE_SIZE = 50


@dataclass(frozen=True)
class Loaded:
    page: EventPage
    targets: tuple[tuple[str, str], ...] | None  # (label, code) when the year changed


class EventsScreen(EventActions):
    HELP_TITLE: ClassVar[str] = N_("Events")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New")),
        Binding("e", "edit", N_("Edit")),
        Binding("x", "delete", N_("Delete")),
        Binding("delete", "delete", N_("Delete"), show=False),
        Binding("l", "link", N_("Link cost")),
        Binding("t", "status", N_("Status")),
        Binding("m", "log_meetings", N_("Log meetings"), tooltip=N_("Everyone met at the event")),
        Binding("s", "sort", N_("Sort")),
        Binding("r", "reverse", N_("Reverse")),
        Binding("slash", "search", N_("Search"), key_display="/"),
        Binding("right_square_bracket", "page(1)", N_("Next page"), key_display="]", show=False),
        Binding(
            "left_square_bracket", "page(-1)", N_("Previous page"), key_display="[", show=False
        ),
        Binding("escape", "focus_table", N_("Back to the list"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filters = Filters()
        self.sort = "date"
        self.descending = False
        self.page_offset = 0
        self.page: EventPage | None = None
        self._cursor = 0  # where the cursor goes on the next page shown
        self._focus_id: int | None = None  # or on this event, when it is there
        self._targets_year: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(id="event-filters")
        yield EventTable(id="events")
        yield Static(id="events-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one(EventTable).focus()

    def highlight(self, event_id: int, position: int | None) -> None:
        """Put the cursor on an event, the `position`-th under the current filters and
        order (the search box opens events here); None: the filters hide it."""
        if position is None:
            self.notify(_("The filters hide that event: clear them to see it."), markup=False)
            return
        self._focus_id = event_id
        self.page_offset = position // PAGE_SIZE * PAGE_SIZE
        self.sync(force=True)

    def default_country(self) -> str:
        return self.filters.country or ""

    # -- loading ----------------------------------------------------------------------

    def query_for(self, offset: int) -> EventQuery:
        return EventQuery(
            year=self.year,
            country=self.filters.country,
            statuses=self.filters.statuses,
            text=self.filters.text,
            sort=self.sort,
            descending=self.descending,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def reload(self) -> None:
        if self.year is None:
            self.table.show_rows([])
            self.query_one("#events-status", Static).update(_("There is no plan yet (y)."))
            return
        current = self.table.current
        if self._focus_id is None and current is not None:
            self._focus_id = current.id
            self._cursor = self.table.cursor_row
        self.load(self.query_for(self.page_offset), self._targets_year != self.year)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, query: EventQuery, with_targets: bool) -> None:
        page = self.svc.events.list(query)
        targets = None
        if with_targets and query.year is not None:
            lang = current_language()
            targets = tuple(
                (f"{c.code} · {c.name(lang)}", c.code) for c in self.svc.plans.targets(query.year)
            )
        if not cancelled():
            self.app.call_from_thread(self.show, Loaded(page, targets))

    def show(self, loaded: Loaded) -> None:
        page = loaded.page
        if loaded.targets is not None:
            self._targets_year = self.year
            self.query_one(FilterBar).set_countries(loaded.targets)
        if not page.rows and page.offset > 0:  # the last page emptied (e.g. a delete)
            self.page_offset = max(0, page.offset - PAGE_SIZE)
            self._cursor = PAGE_SIZE - 1
            self.load(self.query_for(self.page_offset), False)
            return
        self.page = page
        self.page_offset = page.offset
        cursor = self._cursor
        if self._focus_id is not None:
            found = next((i for i, r in enumerate(page.rows) if r.id == self._focus_id), None)
            cursor = found if found is not None else cursor
        self.table.show_rows(page.rows, cursor=cursor)
        self._focus_id, self._cursor = None, 0
        self.query_one("#events-status", Static).update(self.status_line(page))

    def status_line(self, page: EventPage) -> str:
        count = ngettext("{count} event", "{count} events", page.total).format(count=page.total)
        if page.rows:
            pages = max(1, -(-page.total // page.limit))
            number = page.offset // page.limit + 1
            first, last = page.offset + 1, page.offset + len(page.rows)
            count += " · " + _("rows {first}–{last} · page {number} of {pages}").format(
                first=first, last=last, number=number, pages=pages
            )
        arrow = "↓" if self.descending else "↑"
        parts = [count, _("sorted by {field}").format(field=_(self.sort)) + f" {arrow}"]
        shown = self.filters
        if shown.country:
            parts.append(_("country {code}").format(code=shown.country))
        if shown.statuses:
            status = (
                _("open") if len(shown.statuses) > 1 else term("event_status", shown.statuses[0])
            )
            parts.append(_("status {status}").format(status=status))
        if shown.text:
            parts.append(_("matching “{text}”").format(text=shown.text))
        return "  ·  ".join(parts)

    def restart(self) -> None:
        """Filters or order changed: back to the first page."""
        self.page_offset = 0
        self._focus_id, self._cursor = None, 0
        self.load(self.query_for(0), False)

    @on(FilterBar.Changed)
    def filters_changed(self, event: FilterBar.Changed) -> None:
        if event.filters != self.filters:
            self.filters = event.filters
            self.restart()

    @on(EventTable.PageRequested)
    def page_requested(self, event: EventTable.PageRequested) -> None:
        self.action_page(event.step)

    @on(EventTable.RowSelected)
    def row_selected(self, event: EventTable.RowSelected) -> None:
        self.action_edit()

    # -- actions ----------------------------------------------------------------------

    def action_page(self, step: int) -> None:
        page = self.page
        if page is None:
            return
        target = page.offset + step * PAGE_SIZE
        if target < 0 or target >= page.total:
            return
        self.page_offset = target
        self._focus_id, self._cursor = None, (0 if step > 0 else PAGE_SIZE - 1)
        self.load(self.query_for(target), False)

    def action_sort(self) -> None:
        self.sort = EVENT_SORTS[(EVENT_SORTS.index(self.sort) + 1) % len(EVENT_SORTS)]
        self.restart()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.restart()

    def action_search(self) -> None:
        self.query_one("#filter-text", Input).focus()

    def action_focus_table(self) -> None:
        self.table.focus()
