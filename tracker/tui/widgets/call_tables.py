"""Funding calls, the consortia answering one, and a consortium's members, as tables.

What is not known yet (a deadline, a budget, an identifier) is a dash: never a guess.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from tracker.i18n import N_
from tracker.i18n_format import money
from tracker.io.report.labels import term
from tracker.services.dto_funding import CallInfo, ConsortiumInfo, MemberInfo
from tracker.tui.format import DASH, fmt_date
from tracker.tui.widgets.entry_table import Column, EntryTable, cell

PIPELINE = ("exploring", "forming", "submitted")
OUTCOMES = ("funded", "rejected", "withdrawn")
STATUS_STYLES = {
    "funded": "bold green",
    "rejected": "red",
    "withdrawn": "dim",
    "submitted": "bold",
    "open": "bold green",
    "closed": "dim",
}
ROLE_ORDER = {"coordinator": 0, "partner": 1, "associated": 2}


def deadline_cell(call: CallInfo, today: date) -> Text:
    """The next deadline; the last one, dimmed, when all have passed; else a dash."""
    upcoming = call.next_deadline(today)
    if upcoming is not None:
        days = (upcoming.due_on - today).days
        return cell(f"{fmt_date(upcoming.due_on)} ({days} d)", style="bold" if days <= 30 else "")
    if call.deadlines:
        return cell(f"passed {fmt_date(call.deadlines[-1].due_on)}", style="dim")
    return cell(DASH, style="dim")


def pipeline(status: str) -> Text:
    """exploring → forming → submitted → funded | rejected | withdrawn, the current one lit."""
    text = Text()
    for i, step in enumerate((*PIPELINE, *OUTCOMES)):
        if i:
            text.append(" → " if i < len(PIPELINE) + 1 else " | ", style="dim")
        style = "reverse bold" if step == status else "dim"
        text.append(f" {step} " if step == status else step, style=style)
    return text


def _text(value: str | None) -> Text:
    return cell(value, style="") if value else cell(DASH, style="dim")


CALL_COLUMNS: tuple[Column, ...] = (
    ("programme", N_("Programme"), 12),
    ("name", N_("Name"), 34),
    ("identifier", N_("Identifier"), 22),
    ("status", N_("Status"), 10),
    ("deadline", N_("Next deadline"), 18),
    ("opening", N_("Opens"), 10),
    ("budget", N_("Budget"), 16),
    ("consortia", N_("Consortia"), 9),
)


class CallTable(EntryTable[CallInfo]):
    HELP_NAME = N_("the calls")
    COLUMNS = CALL_COLUMNS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Edit call"), show=False),
        Binding("plus", "command('add_deadline')", N_("Add deadline"), key_display="+"),
        Binding("minus", "command('remove_deadline')", N_("Remove deadline"), key_display="-"),
        Binding("x", "command('delete_call')", N_("Delete call")),
    ]

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today

    def row_id(self, row: CallInfo) -> int:
        return row.id

    def cells(self, row: CallInfo) -> list[Text]:
        budget = money(row.budget) if row.budget is not None else ""
        return [
            cell(row.programme),
            cell(row.name),
            _text(row.identifier),
            cell(term("call_status", row.status), style=STATUS_STYLES.get(row.status, "")),
            deadline_cell(row, self.today),
            _text(fmt_date(row.opening_date) if row.opening_date else ""),
            _text(budget),
            _text(str(len(row.consortia)) if row.consortia else ""),
        ]


CONSORTIUM_COLUMNS: tuple[Column, ...] = (
    ("name", N_("Consortium"), 30),
    ("status", N_("Status"), 10),
    ("coordinator", N_("Coordinator"), 24),
    ("members", N_("Members"), 7),
)


class ConsortiumTable(EntryTable[ConsortiumInfo]):
    HELP_NAME = N_("the consortia")
    COLUMNS = CONSORTIUM_COLUMNS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "command('focus_members')", N_("Its members"), show=False),
        Binding("s", "command('consortium_status')", N_("Status")),
        Binding("x", "command('delete_consortium')", N_("Delete consortium")),
    ]

    def row_id(self, row: ConsortiumInfo) -> int:
        return row.id

    def cells(self, row: ConsortiumInfo) -> list[Text]:
        coordinator = row.coordinator
        return [
            cell(row.name),
            cell(term("consortium_status", row.status), style=STATUS_STYLES.get(row.status, "")),
            _text(coordinator.organisation_name if coordinator else ""),
            cell(str(len(row.members)).rjust(7)),
        ]


MEMBER_COLUMNS: tuple[Column, ...] = (
    ("organisation", N_("Member"), 36),
    ("country", N_("Country"), 7),
    ("role", N_("Role"), 12),
)


class MemberTable(EntryTable[MemberInfo]):
    HELP_NAME = N_("the members")
    COLUMNS = MEMBER_COLUMNS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "command('member_role')", N_("Role"), show=False),
        Binding("r", "command('member_role')", N_("Role")),
        Binding("x", "command('remove_member')", N_("Remove member")),
    ]

    def row_id(self, row: MemberInfo) -> int:
        return row.organisation_id

    def cells(self, row: MemberInfo) -> list[Text]:
        return [
            cell(row.organisation_name),
            _text(row.country_code),
            cell(term("member_role", row.role), style="bold" if row.role == "coordinator" else ""),
        ]
