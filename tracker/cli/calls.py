"""`tracker calls`: funding calls (COSME, INNOSUP...) and their deadlines."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from tracker.cli import refs
from tracker.cli import serialize_partners as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import (
    TABULAR,
    day,
    echo_csv,
    echo_json,
    echo_table,
    eur,
    format_option,
    plain,
)
from tracker.cli.partner_text import cut, echo_field, echo_footer, limit_option, offset_option
from tracker.domain.enums import CallStatus
from tracker.i18n import N_, _
from tracker.io.report.labels import term
from tracker.services.dto_funding import CallQuery

if TYPE_CHECKING:
    from tracker.services.dto_funding import CallInfo, DeadlineInfo

STATUSES = [s.value for s in CallStatus]
CSV_FIELDS = (
    "id",
    "programme",
    "name",
    "identifier",
    "status",
    "opening",
    "next_deadline",
    "budget",
)
call_argument = click.argument("call", metavar="CALL")
DATE_HELP = "25/10/2018, 2018-10-25, 25 Oct 2018..."


def next_deadline(deadlines: tuple[DeadlineInfo, ...], today: date) -> str:
    """The first deadline from today on, "passed" when all are behind, "—" when none."""
    upcoming = next((d for d in deadlines if d.due_on >= today), None)
    if upcoming is None:
        return "passed" if deadlines else "—"
    return day(upcoming.due_on) + (f" ({upcoming.label})" if upcoming.label else "")


def echo_call(call: CallInfo) -> None:
    click.echo(f"#{call.id} {call.title}")
    echo_field(N_("status"), call.status)
    echo_field(N_("id"), call.identifier)
    echo_field(N_("url"), call.url)
    echo_field(N_("opens"), day(call.opening_date))
    echo_field(N_("budget"), eur(call.budget) if call.budget is not None else "")
    echo_field(N_("notes"), call.notes)
    click.echo("  deadlines:" + ("" if call.deadlines else " none yet"))
    for d in call.deadlines:
        click.echo(f"    {day(d.due_on)}" + (f"  {d.label}" if d.label else ""))
    consortia = ", ".join(f"#{c.id} {c.name}" for c in call.consortia)
    click.echo(_("  consortia: {value}").format(value=consortia or "none yet"))


def done(call: CallInfo, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(js.call(call))
    else:
        click.echo(message)


@click.group()
def calls() -> None:
    """Funding calls and their deadlines.

    CALL is an id (12 or #12) or its programme and name ("COSME Go International").
    """


@calls.command("list")
@click.option("--search", default="", help="Start of a word of the programme or name.")
@click.option("--programme", help="Only this programme, e.g. COSME.")
@click.option("--status", type=click.Choice(STATUSES, case_sensitive=False))
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def list_calls(
    cli: CliContext,
    search: str,
    programme: str | None,
    status: str | None,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List funding calls, by programme and name.

    Text shows an aligned table; json prints one page as
    {"total": N, "offset": O, "limit": L, "rows": [...]}; csv the same rows.
    """
    query = CallQuery(text=search, programme=programme, status=status, offset=offset, limit=limit)
    found = cli.services.funding.calls(query)
    today = date.today()
    if fmt == "json":
        echo_json(js.page(found, js.call))
        return
    if fmt == "csv":
        echo_csv(
            CSV_FIELDS,
            [
                (
                    c.id,
                    c.programme,
                    c.name,
                    c.identifier,
                    c.status,
                    c.opening_date.isoformat() if c.opening_date else "",
                    d.due_on.isoformat() if (d := c.next_deadline(today)) else "",
                    plain(c.budget) if c.budget is not None else "",
                )
                for c in found.rows
            ],
        )
        return
    if found.rows:
        echo_table(
            (
                _("id"),
                _("call"),
                _("status"),
                _("opens"),
                _("next deadline"),
                _("budget"),
                _("consortia"),
            ),
            [
                (
                    str(c.id),
                    cut(c.title, 44),
                    term("call_status", c.status),
                    day(c.opening_date),
                    next_deadline(c.deadlines, today),
                    eur(c.budget) if c.budget is not None else "",
                    str(len(c.consortia)),
                )
                for c in found.rows
            ],
            right=(0, 5, 6),
        )
    echo_footer(found, "calls")


@calls.command()
@click.argument("name")
@click.option("--programme", required=True, help="COSME, INNOSUP, Horizon Europe...")
@click.option("--identifier", default="", help="The call's official code.")
@click.option("--url", default="", help="Its web page.")
@click.option("--opening", default="", help=f"When it opens: {DATE_HELP}")
@click.option("--budget", default="", help="Its total budget: 1.000.000,00 or 1000000.")
@click.option("--notes", default="", help="Free notes.")
@click.option("--status", type=click.Choice(STATUSES, case_sensitive=False), default="watching")
@format_option()
@pass_cli
def add(
    cli: CliContext,
    name: str,
    programme: str,
    identifier: str,
    url: str,
    opening: str,
    budget: str,
    notes: str,
    status: str,
    fmt: str,
) -> None:
    """Add a funding call.

    \b
    e.g. tracker calls add "Go International" --programme COSME --budget 1.000.000
    """
    call = cli.services.funding.add_call(
        {
            "programme": programme,
            "name": name,
            "identifier": identifier,
            "url": url,
            "opening": opening,
            "budget": budget,
            "notes": notes,
            "status": status.lower(),
        }
    )
    done(call, fmt, f"added call #{call.id} {call.title} ({call.status})")


@calls.command()
@call_argument
@format_option()
@pass_cli
def show(cli: CliContext, call: str, fmt: str) -> None:
    """One call: its details, deadlines and the consortia answering it."""
    found = refs.call(cli, call)
    if fmt == "json":
        echo_json(js.call(found))
    else:
        echo_call(found)


def _deadlines(call: CallInfo) -> str:
    listed = ", ".join(day(d.due_on) + (f" ({d.label})" if d.label else "") for d in call.deadlines)
    return f"#{call.id} {call.title}: deadlines {listed or 'none'}"


@calls.command("deadline-add")
@call_argument
@click.argument("due", metavar="DATE")
@click.option("--label", default="", help="e.g. 'first stage', 'full proposal'.")
@format_option()
@pass_cli
def deadline_add(cli: CliContext, call: str, due: str, label: str, fmt: str) -> None:
    """Add a deadline to a call."""
    found = refs.call(cli, call)
    updated = cli.services.funding.add_deadline(found.id, due, label)
    done(updated, fmt, _deadlines(updated))


@calls.command("deadline-remove")
@call_argument
@click.argument("due", metavar="DATE")
@format_option()
@pass_cli
def deadline_remove(cli: CliContext, call: str, due: str, fmt: str) -> None:
    """Remove the deadline of a call on DATE."""
    found = refs.call(cli, call)
    updated = cli.services.funding.remove_deadline(found.id, due)
    done(updated, fmt, _deadlines(updated))
