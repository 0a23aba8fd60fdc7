"""Funding calls; for the selected call, its consortia; for the selected consortium, its members.

tab moves between the three tables; each table's own keys show in the footer when it
has the focus. The writes are in `calls_actions.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Static

from tracker.i18n import N_, _
from tracker.i18n_format import money
from tracker.io.report.labels import term
from tracker.services.dto_funding import CallInfo, CallQuery, ConsortiumInfo
from tracker.services.dto_partners import Page
from tracker.tui.format import DASH, fmt_date
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.calls_consortia import ConsortiumActions
from tracker.tui.widgets.call_tables import CallTable, ConsortiumTable, MemberTable, pipeline
from tracker.tui.widgets.entry_table import EntryTable, PageState
from tracker.tui.widgets.footer import TrackerFooter

PAGE_SIZE = 50


@dataclass(frozen=True)
class Loaded:
    calls: Page[CallInfo]
    consortia: tuple[ConsortiumInfo, ...]  # of the call the cursor lands on
    call_id: int | None


def call_detail(call: CallInfo | None) -> Text:
    if call is None:
        return Text(_("No funding call yet: n adds one."), style="dim")
    text = Text(call.title, style="bold")
    budget = money(call.budget) if call.budget is not None else DASH
    opening = fmt_date(call.opening_date) if call.opening_date else DASH
    text.append(
        "  ·  "
        + _("{status}  ·  opens {opening}  ·  budget {budget}").format(
            status=term("call_status", call.status), opening=opening, budget=budget
        )
    )
    deadlines = ", ".join(
        f"{fmt_date(d.due_on)}{f' {d.label}' if d.label else ''}" for d in call.deadlines
    )
    where = call.url or _("no web address")
    text.append(
        "\n" + _("Deadlines: {deadlines}").format(deadlines=deadlines or DASH) + f"  ·  {where}"
    )
    if call.notes:
        note = " ".join(call.notes.split())
        text.append(f"\n{note[:300]}{'…' if len(note) > 300 else ''}", style="dim italic")
    return text


class CallsScreen(ConsortiumActions):
    HELP_TITLE: ClassVar[str] = N_("Calls & consortia")
    CSS_PATH = "../partners.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_call", N_("New call")),
        Binding("c", "new_consortium", N_("New consortium")),
        Binding("a", "add_member", N_("Add member")),
        Binding("right_square_bracket", "page(1)", N_("Next page"), key_display="]", show=False),
        Binding(
            "left_square_bracket", "page(-1)", N_("Previous page"), key_display="[", show=False
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paging = PageState(PAGE_SIZE)
        self.consortia: tuple[ConsortiumInfo, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield CallTable(self.tracker.today, id="calls")
        yield Static(id="call-detail")
        with Horizontal(id="call-lower"):
            with Vertical(classes="call-pane"):
                yield Static(_("Consortia"), id="consortia-title", classes="pane-title")
                yield ConsortiumTable(id="consortia")
            with Vertical(classes="call-pane", id="members-pane"):
                yield Static(_("Members"), id="members-title", classes="pane-title")
                yield MemberTable(id="members")
        yield Static(id="consortium-pipeline")
        yield Static(id="calls-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.calls_table.focus()

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        call = self.calls_table.current
        if self.focus_call is None and call is not None:
            self.focus_call = call.id
        consortium = self.consortia_table.current
        if self.focus_consortium is None and consortium is not None:
            self.focus_consortium = consortium.id
        member = self.members_table.current
        if self.focus_member is None and member is not None:
            self.focus_member = member.organisation_id
        self.paging.keep(self.focus_call, self.calls_table.cursor_row)
        self.load(self.paging.offset, self.focus_call)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, offset: int, call_id: int | None) -> None:
        funding = self.svc.funding
        calls = funding.calls(CallQuery(offset=offset, limit=PAGE_SIZE))
        ids = [c.id for c in calls.rows]
        shown = call_id if call_id in ids else (ids[0] if ids else None)
        consortia = funding.consortia(call_id=shown, limit=500).rows if shown else ()
        if not cancelled():
            self.app.call_from_thread(self.show, Loaded(calls, consortia, shown))

    def show(self, loaded: Loaded) -> None:
        page = loaded.calls
        if not self.paging.arrived(page.total, page.offset, len(page.rows)):
            self.load(self.paging.offset, None)
            return
        cursor, focus = self.paging.landed()
        self.showing_call = loaded.call_id
        self.calls_table.show_rows(page.rows, cursor=cursor, focus=focus)
        self.show_consortia(loaded.call_id, loaded.consortia)
        self.focus_call = None
        parts = [
            self.paging.describe(N_("funding call"), N_("funding calls")),
            _("by programme and name"),
        ]
        self.query_one("#calls-status", Static).update("  ·  ".join(parts))

    def show_consortia(self, call_id: int | None, consortia: tuple[ConsortiumInfo, ...]) -> None:
        self.showing_call = call_id
        self.consortia = consortia
        call = self.calls_table.current
        self.query_one("#call-detail", Static).update(call_detail(call))
        title = _("Consortia for {title}").format(title=call.title) if call else _("Consortia")
        self.query_one("#consortia-title", Static).update(
            f"{title}  ({len(consortia)})"
            if consortia
            else _("{title}: none yet (c adds one)").format(title=title)
        )
        focus, self.focus_consortium = self.focus_consortium, None
        self.consortia_table.show_rows(consortia, focus=focus)
        self.show_members()

    def show_members(self) -> None:
        consortium = self.consortia_table.current
        members = consortium.members if consortium else ()
        focus, self.focus_member = self.focus_member, None
        self.members_table.show_rows(members, focus=focus)
        if consortium is None:
            title = _("Members: add a consortium first (c)")
        elif members:
            title = _("Members of {name}").format(name=consortium.name) + f"  ({len(members)})"
        else:
            title = _("Members of {name}: none yet (a adds one)").format(name=consortium.name)
        self.query_one("#members-title", Static).update(title)
        self.query_one("#consortium-pipeline", Static).update(
            pipeline(consortium.status) if consortium else Text("")
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="consortia")
    def load_consortia(self, call_id: int) -> None:
        consortia = self.svc.funding.consortia(call_id=call_id, limit=500).rows
        if not cancelled():
            self.app.call_from_thread(self.show_consortia, call_id, consortia)

    @on(EntryTable.RowHighlighted, "#calls")
    def call_highlighted(self, event: EntryTable.RowHighlighted) -> None:
        call = self.calls_table.current
        if call is not None and call.id != self.showing_call:
            self.showing_call = call.id
            self.query_one("#call-detail", Static).update(call_detail(call))
            self.load_consortia(call.id)

    @on(EntryTable.RowHighlighted, "#consortia")
    def consortium_highlighted(self, event: EntryTable.RowHighlighted) -> None:
        self.show_members()

    @on(EntryTable.PageRequested)
    def page_requested(self, event: EntryTable.PageRequested) -> None:
        if event.table is self.calls_table:
            self.action_page(event.step)

    @on(EntryTable.RowSelected, "#calls")
    def call_selected(self, event: EntryTable.RowSelected) -> None:
        event.stop()
        self.action_edit_call()

    def action_focus_members(self) -> None:
        self.members_table.focus()

    def action_page(self, step: int) -> None:
        if self.paging.turn(step):
            self.load(self.paging.offset, None)
