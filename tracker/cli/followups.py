"""`tracker followups`: what we promised to do next, soonest due first."""

from __future__ import annotations

from datetime import date

import click

from tracker.cli import params
from tracker.cli import serialize_partners as js
from tracker.cli.contact_log import entry_id, id_argument
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import TABULAR, day, echo_csv, echo_json, echo_table, format_option
from tracker.cli.partner_text import (
    cut,
    days_text,
    echo_footer,
    label,
    limit_option,
    names,
    offset_option,
)
from tracker.i18n import _

CSV_FIELDS = ("id", "due", "overdue", "days_left", "what", "people", "organisations", "date")


@click.group(invoke_without_command=True)
@click.option("--overdue", is_flag=True, help="Only those past their due date.")
@click.option("--today", help="Count the days from this date (default: today).")
@limit_option()
@offset_option()
@format_option(TABULAR)
@click.pass_context
def followups(
    ctx: click.Context, overdue: bool, today: str | None, limit: int, offset: int, fmt: str
) -> None:
    """Open follow-ups, soonest due first; overdue ones marked.

    Undated ones come last. ID (of `done` and `reopen`) is the number of the
    contact-log entry that holds the follow-up. Text shows an aligned table; json
    prints one page as {"total": N, "offset": O, "limit": L, "rows": [...], "today"};
    csv the same rows.
    """
    if ctx.invoked_subcommand is not None:
        return
    cli = ctx.ensure_object(CliContext)
    on = params.option_date(today, "today") or date.today()
    found = cli.services.contact_log.followups(on, overdue_only=overdue, offset=offset, limit=limit)
    if fmt == "json":
        echo_json({**js.page(found, js.follow_up), "today": on.isoformat()})
        return
    if fmt == "csv":
        echo_csv(
            CSV_FIELDS,
            [
                (
                    r.interaction_id,
                    r.due.isoformat() if r.due else "",
                    int(r.overdue),
                    "" if r.days_left is None else r.days_left,
                    r.what,
                    "; ".join(p.name for p in r.people),
                    "; ".join(o.name for o in r.organisations),
                    r.occurred_on.isoformat(),
                )
                for r in found.rows
            ],
        )
        return
    if found.rows:
        echo_table(
            (_("id"), _("due"), _("when"), _("follow-up"), _("with"), _("logged")),
            [
                (
                    str(r.interaction_id),
                    day(r.due) or "—",
                    ("! " if r.overdue else "") + days_text(r.days_left),
                    cut(r.what, 40),
                    cut(names((*r.people, *r.organisations)), 36),
                    f"{day(r.occurred_on)} {label(r.kind)}",
                )
                for r in found.rows
            ],
            right=(0,),
        )
        click.echo(
            _("\ntoday is {on}; `tracker followups done ID` ticks one off").format(on=day(on))
        )
    echo_footer(found, "overdue follow-ups" if overdue else "open follow-ups")


@followups.command("done")
@id_argument
@format_option()
@pass_cli
def mark_done(cli: CliContext, entry: str, fmt: str) -> None:
    """Tick a follow-up off (doing it twice is harmless)."""
    result = cli.services.contact_log.mark_done(entry_id(entry))
    if fmt == "json":
        echo_json(js.interaction(result))
    else:
        click.echo(_("done: #{id} {follow_up}").format(id=result.id, follow_up=result.follow_up))


@followups.command()
@id_argument
@format_option()
@pass_cli
def reopen(cli: CliContext, entry: str, fmt: str) -> None:
    """Open a follow-up again."""
    result = cli.services.contact_log.reopen(entry_id(entry))
    if fmt == "json":
        echo_json(js.interaction(result))
    else:
        due = f", due {day(result.follow_up_due)}" if result.follow_up_due else ""
        click.echo(
            _("open again: #{id} {follow_up}{due}").format(
                id=result.id, follow_up=result.follow_up, due=due
            )
        )
