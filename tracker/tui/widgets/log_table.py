"""The contact log as a table, newest first, and how its cells are written."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text

from tracker.i18n import N_, current_language
from tracker.io.report.labels import term
from tracker.services.dto_partners import InteractionInfo, NamedRef
from tracker.tui.format import DASH, fmt_date
from tracker.tui.widgets.entry_table import Column, EntryTable, cell

KIND_LABELS = {
    "meeting": "meeting",
    "call": "call",
    "email": "email",
    "video_call": "video call",
    "visit": "visit",
}
KIND_HELP = {
    "meeting": "meeting at an event",
    "call": "call",
    "email": "email",
    "video_call": "video call",
    "visit": "visit",
}
DONE, OPEN, LATE = "✓", "○", "!"


def kind_help(kind: str) -> str:
    """The kind as the form offers it: "meeting at an event" (the Italian word in Italian)."""
    if current_language() == "it":
        return term("interaction_kind", kind)
    return KIND_HELP.get(kind, kind.replace("_", " "))


def kind_label(kind: str) -> str:
    if current_language() == "it":
        return term("interaction_kind", kind)
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def names(refs: Sequence[NamedRef]) -> str:
    return ", ".join(r.name for r in refs) or DASH


def first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    return lines[0] + (" …" if len(lines) > 1 else "")


def follow_up_cell(entry: InteractionInfo, today: date) -> Text:
    """ "○ 05/11/2018 send the deck", "✓ send the deck" once done, red when overdue."""
    if not entry.follow_up:
        return cell(DASH, style="dim")
    what = first_line(entry.follow_up)
    if not entry.follow_up_open:
        return cell(f"{DONE} {what}", style="dim")
    due = entry.follow_up_due
    if due is None:
        return cell(f"{OPEN} {what}")
    if due < today:
        return cell(f"{LATE} {fmt_date(due)} {what}", style="bold red")
    return cell(f"{OPEN} {fmt_date(due)} {what}")


LOG_COLUMNS: tuple[Column, ...] = (
    ("date", N_("Date"), 10),
    ("time", N_("Time"), 5),
    ("kind", N_("Kind"), 10),
    ("organisations", N_("Organisations"), 22),
    ("people", N_("People"), 22),
    ("event", N_("Event"), 20),
    ("summary", N_("Summary"), 26),
    ("follow_up", N_("Follow-up"), 26),
)


class LogTable(EntryTable[InteractionInfo]):
    """One page of the contact log; `today` decides what is overdue."""

    COLUMNS = LOG_COLUMNS

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today

    def row_id(self, row: InteractionInfo) -> int:
        return row.id

    def cells(self, row: InteractionInfo) -> list[Text]:
        return [
            cell(fmt_date(row.occurred_on)),
            cell(row.occurred_time.strftime("%H:%M") if row.occurred_time else ""),
            cell(kind_label(row.kind)),
            cell(names(row.organisations)),
            cell(names(row.people)),
            cell(row.event.name if row.event else DASH, style="" if row.event else "dim"),
            cell(first_line(row.summary) or DASH, style="" if row.summary else "dim"),
            follow_up_cell(row, self.today),
        ]
