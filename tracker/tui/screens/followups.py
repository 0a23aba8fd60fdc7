"""Open follow-ups, soonest due first; one key ticks one off, u brings it back."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from tracker.i18n import N_, _
from tracker.services.dto_partners import FollowUpRow, FollowUpSummary, InteractionInfo, Page
from tracker.tui.format import fmt_date
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.contact_log_actions import InteractionActions
from tracker.tui.widgets.entry_table import EntryTable, PageState
from tracker.tui.widgets.followup_table import FollowUpTable
from tracker.tui.widgets.footer import TrackerFooter

PAGE_SIZE = 50


@dataclass(frozen=True)
class Loaded:
    page: Page[FollowUpRow]
    summary: FollowUpSummary


class FollowUpsScreen(InteractionActions):
    CSS_PATH = "../partners.tcss"
    HELP_TITLE: ClassVar[str] = N_("Follow-ups")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "done", N_("Done"), key_display="space"),
        Binding("d", "done", N_("Done"), show=False),
        Binding("u", "undo", N_("Reopen")),
        Binding("o", "overdue", N_("Overdue only")),
        Binding("enter", "edit", N_("Open entry"), show=False),
        Binding("right_square_bracket", "page(1)", N_("Next page"), key_display="]", show=False),
        Binding(
            "left_square_bracket", "page(-1)", N_("Previous page"), key_display="[", show=False
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.overdue_only = False
        self.paging = PageState(PAGE_SIZE)
        self.ticked: list[int] = []  # done here, newest last: what u brings back

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="followups-heading")
        yield FollowUpTable(id="followups")
        yield Static(id="followups-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.table.focus()

    @property
    def table(self) -> FollowUpTable:
        return self.query_one(FollowUpTable)

    def selected_id(self) -> int | None:
        row = self.table.current
        if row is None:
            self.notify(_("No follow-up selected."), severity="warning", markup=False)
            return None
        return row.interaction_id

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        current = self.table.current
        if self._focus_id is not None:
            self.paging.focus, self._focus_id = self._focus_id, None
        self.paging.keep(current.interaction_id if current else None, self.table.cursor_row)
        self.ticked.clear()
        self.load(self.paging.offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, offset: int) -> None:
        log = self.svc.contact_log
        today = self.tracker.today
        page = log.followups(today, overdue_only=self.overdue_only, offset=offset, limit=PAGE_SIZE)
        summary = log.followup_summary(today, next_count=0)
        if not cancelled():
            self.app.call_from_thread(self.show, Loaded(page, summary))

    def show(self, loaded: Loaded) -> None:
        page, summary = loaded.page, loaded.summary
        if not self.paging.arrived(page.total, page.offset, len(page.rows)):
            self.load(self.paging.offset)
            return
        cursor, focus = self.paging.landed()
        self.table.show_rows(page.rows, cursor=cursor, focus=focus)
        self.show_heading(summary)
        shown = (
            _("overdue only (o shows all)")
            if self.overdue_only
            else _("all open (o: overdue only)")
        )
        noun = (N_("follow-up"), N_("follow-ups"))
        soonest = _("soonest due first")
        status = f"{self.paging.describe(*noun)}  ·  {soonest}  ·  {shown}"
        if not page.total:
            status = _("Nothing overdue.") if self.overdue_only else _("No open follow-ups.")
        self.query_one("#followups-status", Static).update(status)

    def show_heading(self, summary: FollowUpSummary) -> None:
        heading = Text(
            _("Today {today}:  {open} open  ·  ").format(
                today=fmt_date(summary.today), open=summary.open
            )
        )
        overdue = _("{count} overdue").format(count=summary.overdue)
        heading.append(overdue, style="bold red" if summary.overdue else "")
        heading.append(
            _("  ·  {today} due today  ·  {week} this week  ·  {undated} without a date").format(
                today=summary.due_today, week=summary.due_this_week, undated=summary.undated
            )
        )
        self.query_one("#followups-heading", Static).update(heading)

    @work(thread=True, exclusive=True, exit_on_error=False, group="heading")
    def refresh_heading(self) -> None:
        summary = self.svc.contact_log.followup_summary(self.tracker.today, next_count=0)
        if not cancelled():
            self.app.call_from_thread(self.show_heading, summary)

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
            self.load(self.paging.offset)

    def action_overdue(self) -> None:
        self.overdue_only = not self.overdue_only
        self.paging.restart()
        self.load(0)

    def action_done(self) -> None:
        row = self.table.current
        if row is None or row.done_at is not None:
            return
        # Ticked at once, so a run of presses goes down the list; the database follows.
        self.table.replace_row(replace(row, done_at=datetime.now(UTC), overdue=False))
        self.ticked.append(row.interaction_id)
        if self.table.cursor_row < self.table.row_count - 1:
            self.table.action_cursor_down()
        self.set_done(row.interaction_id, True)

    def action_undo(self) -> None:
        row = self.table.current
        if row is not None and row.done_at is not None:
            target = row.interaction_id
        elif self.ticked:
            target = self.ticked[-1]
        else:
            self.notify(_("Nothing to reopen here."), markup=False)
            return
        if target in self.ticked:
            self.ticked.remove(target)
        self.set_done(target, False)

    def follow_up_changed(self, info: InteractionInfo) -> None:
        """Redraw the row where it is: done rows stay (dimmed) until the list reloads."""
        today = self.tracker.today
        row = next((r for r in self.table.entries if r.interaction_id == info.id), None)
        if row is not None:
            days = (info.follow_up_due - today).days if info.follow_up_due else None
            done = info.follow_up_done_at
            overdue = done is None and days is not None and days < 0
            self.table.replace_row(replace(row, done_at=done, overdue=overdue, days_left=days))
            if done is None and (index := self.table.index_of(info.id)) is not None:
                self.table.move_cursor(row=index)
        state = "done" if not info.follow_up_open else "open again"
        self.notify(f"“{info.follow_up}” {_(state)}.", markup=False)
        self.refresh_heading()
        self.tracker.touch()  # the other screens reload when shown; this one stays put
        self._loaded = (self.year, self.tracker.revision)
