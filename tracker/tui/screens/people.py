"""People at partner organisations (and our staff): a paged list, filtered as you type."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Input, Static

from tracker.i18n import N_, _
from tracker.services.dto_partners import PERSON_SORTS, Page, PersonDetail, PersonQuery, PersonRow
from tracker.tui.modals.person_form import PersonForm, edit_person_form, new_person_form
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.partner_base import PartnerScreen
from tracker.tui.widgets.entry_table import EntryTable
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.partner_tables import PersonTable

if TYPE_CHECKING:
    from tracker.services.context import Services

PAGE_SIZE = 50


class PeopleScreen(PartnerScreen[PersonRow, PersonDetail]):
    CSS_PATH = "../partners.tcss"
    # The list has the focus from the start: focusing the filter box first (Textual's
    # default, the first focusable widget) built the footer twice.
    AUTO_FOCUS = "#people"
    HELP_TITLE: ClassVar[str] = N_("People")
    KIND: ClassVar[str] = "person"
    SORTS: ClassVar[tuple[str, ...]] = PERSON_SORTS
    DELETE_NOTE: ClassVar[str] = N_("Their contact-log entries stay, without them.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "page(1)", N_("Next page"), key_display="]", show=False),
        Binding(
            "left_square_bracket", "page(-1)", N_("Previous page"), key_display="[", show=False
        ),
    ]

    def __init__(self) -> None:
        super().__init__(PAGE_SIZE)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="partner-filter"):
            yield Input(placeholder=_("Filter by name or email…"), id="people-filter", compact=True)
            yield Static(_("enter timeline · n new · e edit"), classes="filter-hint")
        yield PersonTable(id="people")
        yield Static(id="people-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.table.focus()

    @property
    def table(self) -> PersonTable:
        return self.query_one(PersonTable)

    # -- the record -------------------------------------------------------------------

    def current_row(self) -> PersonRow | None:
        return self.table.current

    def name_of(self, record: PersonRow | PersonDetail) -> str:
        return record.full_name

    def get_detail(self, svc: Services, record_id: int) -> PersonDetail:
        return svc.people.get(record_id)

    def delete_record(self, svc: Services, record_id: int) -> str:
        return svc.people.delete(record_id)

    def new_form(self, values: Mapping[str, object] | None = None) -> PersonForm:
        return new_person_form(self.svc, values)

    def edit_form(
        self,
        detail: PersonDetail,
        values: Mapping[str, object] | None = None,
        version: int | None = None,
    ) -> PersonForm:
        return edit_person_form(self.svc, detail, values, version)

    # -- loading ----------------------------------------------------------------------

    def query_for(self, offset: int) -> PersonQuery:
        return PersonQuery(
            text=self.text,
            sort=self.sort,
            descending=self.descending,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def reload(self) -> None:
        current = self.table.current
        if self.focus_id is not None:
            self.paging.focus, self.focus_id = self.focus_id, None
        self.paging.keep(current.id if current else None, self.table.cursor_row)
        self.load(self.query_for(self.paging.offset))

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, query: PersonQuery) -> None:
        page = self.svc.people.list(query)
        if not cancelled():
            self.app.call_from_thread(self.show, page)

    def show(self, page: Page[PersonRow]) -> None:
        if not self.paging.arrived(page.total, page.offset, len(page.rows)):
            self.load(self.query_for(self.paging.offset))
            return
        cursor, focus = self.paging.landed()
        self.table.show_rows(page.rows, cursor=cursor, focus=focus)
        parts = [self.paging.describe(_("person"), _("people")), self.order_text()]
        if self.text:
            parts.append(_("matching “{text}”").format(text=self.text))
        parts.append(_("s sort · r reverse · D duplicates"))
        if not page.total and not self.text:
            parts = [_("No people yet: n adds one.")]
        self.query_one("#people-status", Static).update("  ·  ".join(parts))

    @on(EntryTable.PageRequested)
    def page_requested(self, event: EntryTable.PageRequested) -> None:
        self.action_page(event.step)

    def action_page(self, step: int) -> None:
        if self.paging.turn(step):
            self.load(self.query_for(self.paging.offset))

    @on(EntryTable.RowSelected)
    def row_selected(self, event: EntryTable.RowSelected) -> None:
        event.stop()
        self.action_timeline()

    def action_focus_table(self) -> None:
        self.table.focus()
