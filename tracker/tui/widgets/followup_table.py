"""Open follow-ups, soonest due first: overdue ones in red, those just done ticked."""

from __future__ import annotations

from rich.text import Text

from tracker.i18n import N_, _, ngettext
from tracker.services.dto_partners import FollowUpRow
from tracker.tui.format import DASH, fmt_date
from tracker.tui.widgets.entry_table import Column, EntryTable, cell
from tracker.tui.widgets.log_table import DONE, LATE, first_line, kind_label, names


def span(days: int) -> str:
    """3 days, 5 weeks, 4 months, 2 years: rounded down, as people say it."""
    for size, units in ((365, N_("{n} years")), (30, N_("{n} months")), (7, N_("{n} weeks"))):
        if days >= 2 * size:
            return _(units).format(n=days // size)
    return ngettext("{days} day", "{days} days", days).format(days=days)


def when(row: FollowUpRow) -> str:
    """How far the due date is: "3 days late", "today", "in 5 weeks", "no date"."""
    if row.done_at is not None:
        return _("done")
    days = row.days_left
    if days is None:
        return _("no date")
    if days < 0:
        return _("{span} late").format(span=span(-days))
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return _("in {span}").format(span=span(days))


FOLLOWUP_COLUMNS: tuple[Column, ...] = (
    ("mark", "", 1),
    ("due", N_("Due"), 10),
    ("when", N_("When"), 14),
    ("what", N_("Follow-up"), 32),
    ("organisations", N_("Organisations"), 22),
    ("people", N_("People"), 22),
    ("event", N_("Event"), 16),
    ("logged", N_("Logged"), 21),
)


class FollowUpTable(EntryTable[FollowUpRow]):
    COLUMNS = FOLLOWUP_COLUMNS

    def row_id(self, row: FollowUpRow) -> int:
        return row.interaction_id

    def cells(self, row: FollowUpRow) -> list[Text]:
        done = row.done_at is not None
        style = "dim strike" if done else ("bold red" if row.overdue else "")
        mark = DONE if done else (LATE if row.overdue else "")
        logged = f"{fmt_date(row.occurred_on)} {kind_label(row.kind)}"
        return [
            cell(mark, style="green" if done else "bold red"),
            cell(fmt_date(row.due) if row.due else "—", style=style),
            cell(when(row), style="dim" if done else style),
            cell(first_line(row.what), style=style),
            cell(names(row.organisations), style="dim" if done else ""),
            cell(names(row.people), style="dim" if done else ""),
            cell(row.event.name if row.event else DASH, style="dim"),
            cell(logged, style="dim"),
        ]
