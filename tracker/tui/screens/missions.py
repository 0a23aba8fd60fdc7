"""The plan year's missions, soonest first: new, edit, status, delete; escape goes back."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from tracker.i18n import N_, _
from tracker.services.dto_calendar import MissionDetail, MissionQuery, MissionRow
from tracker.services.dto_partners import Page
from tracker.tui.format import fmt_eur, fmt_span
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.mission_actions import MissionActions
from tracker.tui.widgets.entry_table import EntryTable
from tracker.tui.widgets.footer import TrackerFooter

PAGE_SIZE = 100
# Fixed widths: a column sized by its first rows would cut "planned" after "draft".
COLUMNS = (("dates", N_("Dates"), 17), ("title", N_("Mission"), 40),
           ("country", N_("Country"), 7), ("city", N_("City"), 16),
           ("status", N_("Status"), 9), ("people", N_("People"), 6),
           ("events", N_("Events"), 6), ("money", N_("Money"), 13))  # fmt: skip


def row_cells(row: MissionRow) -> list[Text]:
    style = "dim strike" if row.status == "cancelled" else ""
    values = [
        fmt_span(row.start_date, row.end_date),
        row.title,
        row.country_code,
        row.city,
        row.status,
        str(row.participants),
        str(row.events),
        fmt_eur(row.allocated) if row.allocated else "—",
    ]
    return [Text(v, style=style) for v in values]


class MissionTable(EntryTable[MissionRow]):
    """The year's missions (one page of up to PAGE_SIZE: the edges ask for nothing)."""

    HELP_NAME = N_("the list")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Edit"), show=False),
    ]
    COLUMNS = COLUMNS

    def row_id(self, row: MissionRow) -> int:
        return row.id

    def cells(self, row: MissionRow) -> list[Text]:
        return row_cells(row)


class MissionsScreen(MissionActions):
    CSS_PATH = "../calendar.tcss"
    HELP_TITLE: ClassVar[str] = N_("Missions")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New mission"), id="mission-new"),
        Binding("e", "edit", N_("Edit"), id="mission-edit"),
        Binding("t", "status", N_("Status"), id="mission-status"),
        Binding("x", "delete", N_("Delete"), id="mission-delete"),
        Binding("escape", "back", N_("Back to the calendar"), id="mission-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: tuple[MissionRow, ...] = ()
        self._focus_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="missions-heading")
        yield MissionTable(id="missions")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.table.focus()
        self.sync()

    @property
    def table(self) -> MissionTable:
        return self.query_one(MissionTable)

    def reload(self) -> None:
        if self.year is not None:
            self.load(self.year)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, year: int) -> None:
        page = self.svc.missions.list(MissionQuery(year=year, limit=PAGE_SIZE))
        if not cancelled():
            self.app.call_from_thread(self.show, year, page)

    def show(self, year: int, page: Page[MissionRow]) -> None:
        keep = self._focus_id or (self.current.id if self.current else None)
        self.rows = page.rows
        self.table.show_rows(page.rows, focus=keep)
        self._focus_id = None
        heading = _("Missions of the {year} plan: {n}").format(year=year, n=page.total)
        if page.total > len(page.rows):
            heading += _(" (the first {n} shown)").format(n=len(page.rows))
        if not page.total:
            heading += "  ·  " + _("n adds one")
        self.query_one("#missions-heading", Static).update(heading)

    @property
    def current(self) -> MissionRow | None:
        return self.table.current

    def selected(self) -> MissionRow | None:
        row = self.current
        if row is None:
            self.notify(_("No mission selected."), severity="warning", markup=False)
        return row

    def mission_saved(self, saved: MissionDetail) -> None:
        self._focus_id = saved.id

    @on(MissionTable.RowSelected, "#missions")
    def row_selected(self, event: MissionTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # -- actions ----------------------------------------------------------------------

    def action_new(self) -> None:
        self.new_mission(None)

    def action_edit(self) -> None:
        if (row := self.selected()) is not None:
            self.open_mission_form(row.id, None)

    def action_status(self) -> None:
        if (row := self.selected()) is not None:
            self.pick_mission_status(row.id)

    def action_delete(self) -> None:
        if (row := self.selected()) is not None:
            self.confirm_delete_mission(row.id, row.title)

    def action_back(self) -> None:
        self.app.pop_screen()
