"""`tracker log`: who we met or heard from, when, where, and what follows from it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from tracker.cli import params, refs
from tracker.cli import serialize_partners as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import TABULAR, day, echo_csv, echo_json, echo_table, format_option
from tracker.cli.partner_text import (
    Loose,
    cut,
    echo_field,
    echo_footer,
    follow_up_text,
    label,
    limit_option,
    names,
    offset_option,
    when,
    who,
)
from tracker.domain.enums import InteractionKind
from tracker.i18n import N_, _
from tracker.services.dto_partners import InteractionQuery

if TYPE_CHECKING:
    from tracker.services.dto_partners import InteractionInfo

KINDS = [k.value for k in InteractionKind]
CSV_FIELDS = (
    "id", "date", "time", "kind", "event_id", "organisations", "people",
    "summary", "follow_up", "due", "done",
)  # fmt: skip
id_argument = click.argument("entry", metavar="ID")
DATE_HELP = "25/10/2018, 2018-10-25, 25 Oct 2018 or 25 ottobre 2018"


def entry_id(text: str) -> int:
    return params.record_id(text, "a contact-log entry")


def headline(entry: InteractionInfo) -> str:
    at = f" at {entry.event.name}" if entry.event else ""
    on = when(entry.occurred_on, entry.occurred_time)
    return f"#{entry.id} {on} {label(entry.kind)}{at}: {who(entry)}"


def echo_entry(entry: InteractionInfo) -> None:
    click.echo(headline(entry))
    echo_field(N_("people"), names(entry.people))
    echo_field(N_("orgs"), names(entry.organisations))
    echo_field(N_("event"), f"#{entry.event.id} {entry.event.name}" if entry.event else "")
    echo_field(N_("summary"), entry.summary)
    echo_field(N_("follow-up"), follow_up_text(entry))


def done(entry: InteractionInfo, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(js.interaction(entry))
    else:
        click.echo(message)


@click.group("log")
def log() -> None:
    """The contact log: meetings, calls, emails, visits."""


@log.command()
@click.option("--org", "orgs", multiple=True, help="An organisation met: id or name (repeatable).")
@click.option("--person", "persons", multiple=True, help="A person met: id or name (repeatable).")
@click.option("--event", help="The event where it happened (a blank --date is its first day).")
@click.option("--summary", default="", help="What was said.")
@click.option("--date", help=f"When: {DATE_HELP}.")
@click.option("--time", help="At what time, e.g. 14:30.")
@click.option("--kind", type=Loose(KINDS), help="Default: meeting.")
@click.option("--follow-up", default="", help="What to do next, e.g. 'send MoU'.")
@click.option("--due", help="When the follow-up is due.")
@format_option()
@pass_cli
def add(
    cli: CliContext,
    /,
    orgs: tuple[str, ...],
    persons: tuple[str, ...],
    event: str | None,
    fmt: str,
    **fields: Any,
) -> None:
    """Log a meeting, call or email.

    Names must match existing records: an unknown or ambiguous one is an error that
    lists the candidates, and nothing is written. The people's organisations are
    linked too.
    """
    from tracker.domain.contact_rules import validate_interaction
    from tracker.domain.errors import ValidationError

    errors: dict[str, str] = {}
    found_orgs = refs.every("org", orgs, lambda t: refs.organisation(cli, t), errors)
    found_people = refs.every("person", persons, lambda t: refs.person(cli, t), errors)
    found_event = refs.every(
        "event", [event] if event else [], lambda t: refs.event(cli, t), errors
    )
    if not orgs and not persons:
        errors["person"] = _("whom did you meet? give --person or --org (repeatable)")
    given = {k: v for k, v in fields.items() if v is not None}
    default_date = found_event[0].start_date if found_event else None
    try:  # every mistake at once, before anything is written
        validate_interaction(given, default_date=default_date)
    except ValidationError as exc:
        # An event that was not found has no first day to lend: no second error for that.
        unsure = bool(event) and not found_event and "date" not in given
        errors.update({k: v for k, v in exc.errors.items() if not (unsure and k == "date")})
    refs.check(errors)
    entry = cli.services.contact_log.add(
        given,
        organisations=[o.id for o in found_orgs],
        people=[p.id for p in found_people],
        event=found_event[0].id if found_event else None,
    )
    done(entry, fmt, f"logged {headline(entry)}")


@log.command("list")
@click.option("--search", default="", help="Text in the summary, follow-up or names.")
@click.option("--org", help="Only entries with this organisation (id or name).")
@click.option("--person", help="Only entries with this person (id or name).")
@click.option("--event", help="Only entries at this event (id or name).")
@click.option("--from", "date_from", help="From this date on.")
@click.option("--to", "date_to", help="Up to this date.")
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def list_entries(
    cli: CliContext,
    search: str,
    org: str | None,
    person: str | None,
    event: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """The contact log, newest first, one page at a time.

    Text shows an aligned table; json prints one page as
    {"total": N, "offset": O, "limit": L, "rows": [...]}; csv the same rows.
    """
    query = InteractionQuery(
        text=search,
        organisation_id=refs.organisation(cli, org).id if org else None,
        person_id=refs.person(cli, person).id if person else None,
        event_id=refs.event(cli, event).id if event else None,
        date_from=params.option_date(date_from, "from"),
        date_to=params.option_date(date_to, "to"),
        offset=offset,
        limit=limit,
    )
    found = cli.services.contact_log.list(query)
    if fmt == "json":
        echo_json(js.page(found, js.interaction))
        return
    if fmt == "csv":
        echo_csv(CSV_FIELDS, [_csv_row(e) for e in found.rows])
        return
    if found.rows:
        echo_table(
            (_("id"), _("when"), _("kind"), _("with"), _("event"), _("summary"), _("follow-up")),
            [
                (
                    str(e.id),
                    when(e.occurred_on, e.occurred_time),
                    label(e.kind),
                    cut(who(e), 36),
                    cut(e.event.name if e.event else "", 24),
                    cut(e.summary, 40),
                    cut(follow_up_text(e), 40),
                )
                for e in found.rows
            ],
            right=(0,),
        )
    echo_footer(found, "entries")


def _csv_row(e: InteractionInfo) -> tuple[object, ...]:
    return (
        e.id,
        e.occurred_on.isoformat(),
        js.clock(e.occurred_time) or "",
        e.kind,
        e.event.id if e.event else "",
        "; ".join(o.name for o in e.organisations),
        "; ".join(p.name for p in e.people),
        e.summary,
        e.follow_up,
        e.follow_up_due.isoformat() if e.follow_up_due else "",
        js.stamp(e.follow_up_done_at) or "",
    )


@log.command()
@id_argument
@format_option()
@pass_cli
def show(cli: CliContext, entry: str, fmt: str) -> None:
    """One contact-log entry."""
    found = cli.services.contact_log.get(entry_id(entry))
    if fmt == "json":
        echo_json(js.interaction(found))
    else:
        echo_entry(found)


@log.command()
@id_argument
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@format_option()
@pass_cli
def delete(cli: CliContext, entry: str, yes: bool, fmt: str) -> None:
    """Delete a contact-log entry (the people and organisations stay)."""
    found = cli.services.contact_log.get(entry_id(entry))
    if not yes:
        click.confirm(
            _("Delete {headline}?").format(headline=headline(found)), abort=True, err=True
        )
    cli.services.contact_log.delete(found.id)
    if fmt == "json":
        echo_json({"deleted": found.id})
    else:
        click.echo(
            _("deleted contact-log entry #{id} of {occurred_on}").format(
                id=found.id, occurred_on=day(found.occurred_on)
            )
        )
