"""Likely duplicate organisations or people, best first; m merges a pair into one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from tracker.i18n import N_, _, ngettext
from tracker.services.dto_partners import (
    DuplicatePair,
    DuplicateSide,
    MergeReport,
    OrganisationDetail,
    Page,
    PersonDetail,
)
from tracker.tui.format import DASH
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.screens.base import TrackerScreen, cancelled
from tracker.tui.widgets.entry_table import EntryTable, PageState, cell
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.partner_tables import PartnerTable

PAGE_SIZE = 50
KINDS = {"organisation": N_("organisations"), "person": N_("people")}


@dataclass(frozen=True)
class PairRow:
    index: int
    pair: DuplicatePair


class PairTable(PartnerTable[PairRow]):
    COLUMNS = (
        ("score", N_("Score"), 5),
        ("a", N_("Record A (kept by m)"), 28),
        ("a_detail", "", 24),
        ("b", N_("Record B (kept by M)"), 28),
        ("b_detail", "", 24),
        ("why", N_("Why"), 36),
    )

    def row_id(self, row: PairRow) -> int:
        return row.index

    def cells(self, row: PairRow) -> Sequence[Text]:
        pair = row.pair
        return [
            cell(f"{pair.score:.0f}", style="bold red" if pair.score >= 100 else "yellow"),
            cell(f"{pair.a.name} #{pair.a.id}", style="bold"),
            cell(pair.a.detail or DASH, style="dim"),
            cell(f"{pair.b.name} #{pair.b.id}", style="bold"),
            cell(pair.b.detail or DASH, style="dim"),
            cell(", ".join(pair.reasons)),
        ]


def what_moves(dropped: OrganisationDetail | PersonDetail) -> str:
    """The dropped record's links, in words, for the confirmation ("" when it has none)."""
    counts = [(N_("{n} contact-log entry"), N_("{n} contact-log entries"), dropped.interactions)]
    if isinstance(dropped, OrganisationDetail):
        counts += [
            (N_("{n} person"), N_("{n} people"), len(dropped.people)),
            (
                N_("{n} consortium membership"),
                N_("{n} consortium memberships"),
                len(dropped.memberships),
            ),
            (N_("{n} tag"), N_("{n} tags"), len(dropped.tags)),
        ]
    return " · ".join(ngettext(one, many, n).format(n=n) for one, many, n in counts if n)


def merged_text(report: MergeReport) -> str:
    names = {"dropped": report.dropped.name, "kept": report.kept.name}
    moved = ", ".join(f"{n} {what}" for what, n in report.moved if n)
    if moved:
        text = _("Merged {dropped} into {kept}: moved {moved}.").format(**names, moved=moved)
    else:
        text = _("Merged {dropped} into {kept}.").format(**names)
    if report.filled:
        text += " " + _("Filled in: {fields}.").format(fields=", ".join(report.filled))
    return text


class DuplicatesScreen(TrackerScreen):
    """Pushed from the organisations or people screen; escape goes back."""

    CSS_PATH = "../partners.tcss"
    HELP_TITLE: ClassVar[str] = N_("Duplicates")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "merge(0)", N_("Merge, keep A"), id="merge-keep-a"),
        Binding("M", "merge(1)", N_("Merge, keep B"), id="merge-keep-b"),
        Binding("t", "switch", N_("Organisations/people"), id="duplicates-kind"),
        Binding("escape", "back", N_("Back"), id="duplicates-back"),
    ]

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.paging = PageState(PAGE_SIZE)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="duplicates-heading")
        yield PairTable(id="duplicates")
        yield Static(id="duplicates-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.table.focus()
        self.sync()

    @property
    def table(self) -> PairTable:
        return self.query_one(PairTable)

    def reload(self) -> None:
        self.paging.keep(None, self.table.cursor_row)
        self.load(self.kind, self.paging.offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, kind: str, offset: int) -> None:
        duplicates = self.svc.duplicates
        pairs = duplicates.organisation_pairs if kind == "organisation" else duplicates.people_pairs
        page = pairs(offset=offset, limit=PAGE_SIZE)
        if not cancelled():
            self.app.call_from_thread(self.show, page)

    def show(self, page: Page[DuplicatePair]) -> None:
        if not self.paging.arrived(page.total, page.offset, len(page.rows)):
            self.load(self.kind, self.paging.offset)
            return
        cursor, focus = self.paging.landed()
        rows = [PairRow(page.offset + i, pair) for i, pair in enumerate(page.rows)]
        self.table.show_rows(rows, cursor=cursor, focus=focus)
        self.query_one("#duplicates-heading", Static).update(
            Text(_("Likely duplicate {kind}").format(kind=_(KINDS[self.kind])), style="bold")
        )
        if page.total:
            noun = (_("pair"), _("pairs"))
            status = f"{self.paging.describe(*noun)}  ·  " + _(
                "m merges B into A · M merges A into B · t organisations/people"
            )
        else:
            status = _("No likely duplicates.  t shows the {other}.").format(
                other=_(KINDS["person" if self.kind == "organisation" else "organisation"])
            )
        self.query_one("#duplicates-status", Static).update(status)

    @on(EntryTable.PageRequested)
    def page_requested(self, event: EntryTable.PageRequested) -> None:
        if self.paging.turn(event.step):
            self.load(self.kind, self.paging.offset)

    @on(EntryTable.RowSelected)
    def row_selected(self, event: EntryTable.RowSelected) -> None:
        event.stop()
        self.action_merge(0)

    # -- actions ----------------------------------------------------------------------

    def action_switch(self) -> None:
        self.kind = "person" if self.kind == "organisation" else "organisation"
        self.paging.restart()
        self.sync(force=True)

    def action_back(self) -> None:
        self.dismiss()

    def action_merge(self, keep_b: int) -> None:
        row = self.table.current
        if row is None:
            self.notify(_("No pair selected."), severity="warning", markup=False)
            return
        pair = row.pair
        keep, drop = (pair.b, pair.a) if keep_b else (pair.a, pair.b)
        self.prepare_merge(keep, drop)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def prepare_merge(self, keep: DuplicateSide, drop: DuplicateSide) -> None:
        svc = self.svc
        dropped = (
            svc.organisations.get(drop.id)
            if self.kind == "organisation"
            else svc.people.get(drop.id)
        )
        self.app.call_from_thread(self.confirm_merge, keep, drop, what_moves(dropped))

    def confirm_merge(self, keep: DuplicateSide, drop: DuplicateSide, moves: str) -> None:
        names = {"kept": keep.name, "kept_id": keep.id, "dropped": drop.name, "dropped_id": drop.id}
        question = _("Keep {kept} (#{kept_id}) and merge {dropped} (#{dropped_id}) into it?")
        lines = [
            _("Kept: {kept} (#{kept_id}).").format(**names),
            _("Deleted: {dropped} (#{dropped_id}).").format(**names),
            _("Moving to {kept}: {moves}.").format(kept=keep.name, moves=moves)
            if moves
            else _("{dropped} has no links to move.").format(**names),
            _("Links both had are kept once; blank fields of {kept} are filled from {dropped}, "
              "notes are joined.").format(**names),
        ]  # fmt: skip

        def answered(yes: bool | None) -> None:
            if yes:
                self.merge(keep.id, drop.id)

        modal = ConfirmModal(question.format(**names), "\n".join(lines), yes=_("Merge"))
        self.app.push_screen(modal, answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def merge(self, keep_id: int, drop_id: int) -> None:
        duplicates = self.svc.duplicates
        merge = (
            duplicates.merge_organisations
            if self.kind == "organisation"
            else duplicates.merge_people
        )
        report = merge(keep_id, drop_id)
        self.app.call_from_thread(self.written, merged_text(report))
