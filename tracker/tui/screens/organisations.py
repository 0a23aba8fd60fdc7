"""Partner organisations: a board by relationship stage, or a sortable list; both paged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Header, Input, Static

from tracker.domain.enums import Stage
from tracker.i18n import N_, _
from tracker.services.dto_partners import (
    OrganisationQuery,
    OrganisationRow,
    Page,
    StageChange,
)
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.organisations_actions import OrganisationActions
from tracker.tui.widgets.entry_table import EntryTable, PageState
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.partner_tables import BoardColumn, OrganisationTable

STAGES = tuple(s.value for s in Stage)
BOARD_PAGE = 30
LIST_PAGE = 50


@dataclass(frozen=True)
class Column:
    stage: str
    page: Page[OrganisationRow]


class OrganisationsScreen(OrganisationActions):
    CSS_PATH = "../partners.tcss"
    # The list has the focus from the start: focusing the filter box first (Textual's
    # default, the first focusable widget) built the footer twice.
    AUTO_FOCUS = f"#stage-{STAGES[0]}"
    HELP_TITLE: ClassVar[str] = N_("Organisations")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "move(1)", N_("Next stage"), key_display="]"),
        Binding("left_square_bracket", "move(-1)", N_("Previous stage"), key_display="["),
        Binding("u", "undo", N_("Undo move")),
        Binding("v", "toggle_view", N_("Board/list")),
        Binding("greater_than_sign", "page(1)", N_("Next page"), key_display=">", show=False),
        Binding("less_than_sign", "page(-1)", N_("Previous page"), key_display="<", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(LIST_PAGE)
        self.view = "board"
        self.columns = {stage: PageState(BOARD_PAGE) for stage in STAGES}
        self.active = STAGES[0]  # the board column last focused

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="partner-filter"):
            yield Input(placeholder=_("Filter by name…"), id="orgs-filter", compact=True)
            yield Static(_("v board/list · ] [ move stage · enter timeline"), classes="filter-hint")
        with ContentSwitcher(initial="board", id="orgs-views"):
            with Horizontal(id="board"):
                for stage in STAGES:
                    yield BoardColumn(stage)
            yield OrganisationTable(id="org-list")
        yield Static(id="orgs-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.column(self.active).focus()

    def column(self, stage: str) -> BoardColumn:
        return self.query_one(f"#stage-{stage}", BoardColumn)

    @property
    def table(self) -> OrganisationTable:
        return self.query_one(OrganisationTable)

    def current_row(self) -> OrganisationRow | None:
        if self.view == "list":
            return self.table.current
        return self.column(self.active).current

    # -- loading ----------------------------------------------------------------------

    def query_for(self, offset: int, limit: int, stage: str | None = None) -> OrganisationQuery:
        sort, descending = (self.sort, self.descending) if stage is None else ("name", False)
        return OrganisationQuery(
            text=self.text,
            stage=stage,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
        )

    def reload(self) -> None:
        current = self.current_row()
        if self.focus_id is None and current is not None:
            self.focus_id = current.id
        if self.view == "list":
            self.paging.keep(self.focus_id, self.table.cursor_row)
            self.load_list(self.query_for(self.paging.offset, LIST_PAGE))
        else:
            for stage in STAGES:
                column = self.column(stage)
                shown = column.current.id if column.current else None
                keep = self.focus_id if stage == self.active else shown
                self.columns[stage].keep(keep, column.cursor_row)
            queries = [self.query_for(self.columns[s].offset, BOARD_PAGE, s) for s in STAGES]
            self.load_board(queries)
        self.focus_id = None

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_board(self, queries: list[OrganisationQuery]) -> None:
        organisations = self.svc.organisations
        columns = []
        for query in queries:
            columns.append(Column(query.stage or "", organisations.list(query)))
            if cancelled():
                return
        self.app.call_from_thread(self.show_board, columns)

    def show_board(self, columns: list[Column]) -> None:
        for loaded in columns:
            self.show_column(loaded)
        total = sum(c.page.total for c in columns)
        hint = _("←/→ columns · ]/[ move to the next/previous stage · u undo · v list")
        noun = _("organisation") if total == 1 else _("organisations")
        matching = _(" matching “{text}”").format(text=self.text) if self.text else ""
        self.status(f"{total} {noun}{matching}  ·  {hint}")

    def show_column(self, loaded: Column) -> None:
        paging, column, page = self.columns[loaded.stage], self.column(loaded.stage), loaded.page
        if not paging.arrived(page.total, page.offset, len(page.rows)):
            self.load_column(self.query_for(paging.offset, BOARD_PAGE, loaded.stage))
            return
        cursor, focus = paging.landed()
        column.show_rows(page.rows, cursor=cursor, focus=focus)
        column.heading(page.total, page.offset, len(page.rows))

    @work(thread=True, exit_on_error=False, group="column")
    def load_column(self, query: OrganisationQuery) -> None:
        page = self.svc.organisations.list(query)
        self.app.call_from_thread(self.show_column, Column(query.stage or "", page))

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_list(self, query: OrganisationQuery) -> None:
        page = self.svc.organisations.list(query)
        if not cancelled():
            self.app.call_from_thread(self.show_list, page)

    def show_list(self, page: Page[OrganisationRow]) -> None:
        if not self.paging.arrived(page.total, page.offset, len(page.rows)):
            self.load_list(self.query_for(self.paging.offset, LIST_PAGE))
            return
        cursor, focus = self.paging.landed()
        self.table.show_rows(page.rows, cursor=cursor, focus=focus)
        parts = [self.paging.describe(_("organisation"), _("organisations")), self.order_text()]
        if self.text:
            parts.append(_("matching “{text}”").format(text=self.text))
        parts.append(_("s sort · r reverse · v board"))
        self.status("  ·  ".join(parts))

    def status(self, text: str) -> None:
        self.query_one("#orgs-status", Static).update(text)

    def follow(self, change: StageChange) -> None:
        if self.view == "board":
            self.active = change.stage
            self.column(change.stage).focus()
            self.locate(change.organisation_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="locate")
    def locate(self, org_id: int) -> None:
        """Turn the card's new column to the page that shows it."""
        where = None if self.text else self.svc.organisations.board_position(org_id)
        if where is not None:
            stage, index = where
            self.app.call_from_thread(self.turn_to, stage, index)

    def turn_to(self, stage: str, index: int) -> None:
        paging = self.columns[stage]
        offset = index // BOARD_PAGE * BOARD_PAGE
        if offset != paging.offset:
            paging.offset = offset
            paging.focus = self.focus_id
            self.sync(force=True)

    # -- events -----------------------------------------------------------------------

    @on(EntryTable.PageRequested)
    def page_requested(self, event: EntryTable.PageRequested) -> None:
        if isinstance(event.table, BoardColumn):
            self.turn_column(event.table.stage, event.step)
        else:
            self.action_page(event.step)

    def action_page(self, step: int) -> None:
        """The list's next or previous page; on the board, the focused column's."""
        if self.view == "board":
            self.turn_column(self.active, step)
        elif self.paging.turn(step):
            self.load_list(self.query_for(self.paging.offset, LIST_PAGE))

    def turn_column(self, stage: str, step: int) -> None:
        paging = self.columns[stage]
        if paging.turn(step):
            self.load_column(self.query_for(paging.offset, BOARD_PAGE, stage))

    @on(EntryTable.Command)
    def column_command(self, event: EntryTable.Command) -> None:
        if isinstance(event.table, BoardColumn):
            index = STAGES.index(event.table.stage) + (1 if event.action == "right" else -1)
            if 0 <= index < len(STAGES):
                target = self.column(STAGES[index])
                target.focus()
                if target.row_count:
                    row = min(event.table.cursor_row, target.row_count - 1)
                    target.move_cursor(row=row, animate=False)

    @on(EntryTable.RowSelected)
    def row_selected(self, event: EntryTable.RowSelected) -> None:
        event.stop()
        self.action_timeline()

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, BoardColumn):
            self.active = focused.stage

    # -- actions ----------------------------------------------------------------------

    def action_toggle_view(self) -> None:
        self.view = "list" if self.view == "board" else "board"
        self.query_one(ContentSwitcher).current = "org-list" if self.view == "list" else "board"
        self.action_focus_table()
        self.sync(force=True)

    def action_sort(self) -> None:
        if self.view != "list":  # the board is by name: sorting shows the list
            self.action_toggle_view()
        else:
            super().action_sort()

    def restart(self) -> None:
        for paging in self.columns.values():
            paging.restart()
        super().restart()

    def action_focus_table(self) -> None:
        if self.view == "list":
            self.table.focus()
        else:
            self.column(self.active).focus()
