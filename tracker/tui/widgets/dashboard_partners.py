"""The dashboard's partner panels: open follow-ups (overdue in red) and call deadlines."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from tracker.i18n import _
from tracker.services.dto_funding import UpcomingDeadline
from tracker.services.dto_partners import FollowUpSummary
from tracker.tui.format import DASH, fmt_date
from tracker.tui.widgets.followup_table import when
from tracker.tui.widgets.log_table import LATE, first_line, names


def followups_panel(summary: FollowUpSummary) -> RenderableType:
    if not summary.open:
        return Text(_("No open follow-ups."), style="dim")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True)
    head = Text(_("{n} open · ").format(n=summary.open))
    head.append(
        _("{n} overdue").format(n=summary.overdue), style="bold red" if summary.overdue else ""
    )
    head.append(_(" · {n} due this week · F lists them").format(n=summary.due_this_week))
    for row in summary.next:
        style = "bold red" if row.overdue else ""
        grid.add_row(
            Text(LATE if row.overdue else " ", style="bold red"),
            Text(fmt_date(row.due) if row.due else DASH, style=style or "bold"),
            Text(first_line(row.what), style=style, overflow="ellipsis", no_wrap=True),
            Text(
                f"{names((*row.people, *row.organisations))} · {when(row)}",
                style="dim",
                overflow="ellipsis",
                no_wrap=True,
            ),
        )
    table = Table.grid()
    table.add_row(head)
    table.add_row(grid)
    return table


def deadlines_panel(deadlines: tuple[UpcomingDeadline, ...]) -> RenderableType:
    if not deadlines:
        return Text(_("No call deadlines ahead: C adds calls and their deadlines."), style="dim")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True)
    for d in deadlines:
        soon = d.days_left <= 30
        label = d.call_title + (f" ({d.label})" if d.label else "")
        grid.add_row(
            Text(fmt_date(d.due_on), style="bold yellow" if soon else "bold"),
            Text(label, overflow="ellipsis", no_wrap=True),
            Text(
                _("in {n} days").format(n=d.days_left) if d.days_left else _("today"), style="dim"
            ),
        )
    return grid
