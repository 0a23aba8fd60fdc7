"""Writing events: add, edit, and earmarking cost-line money for them (link, unlink)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from tracker.cli import params, serialize
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.events import STATUSES, done, event_argument, find, ref_year, shown_name, when
from tracker.cli.output import echo_json, eur, format_option, iso, warn
from tracker.domain.enums import EventKind, Priority
from tracker.i18n import _

if TYPE_CHECKING:
    from tracker.domain.event_rules import EventData
    from tracker.services.dto import EventDetail

F = TypeVar("F", bound=Callable[..., Any])

DATE_HELP = "25/10/2018, 2018-10-25, 25 Oct 2018 or 25 ottobre 2018"
TEXT_FIELDS = ("name", "country", "city", "start", "end", "organiser", "url", "why", "notes")


def event_options(*, editing: bool) -> Callable[[F], F]:
    """The event form as options; when editing, only the options given change anything."""
    keep = " (empty to clear)" if editing else ""
    options = [
        click.option("--name", required=not editing, help="Event name."),
        click.option("--kind", type=click.Choice([k.value for k in EventKind])),
        click.option("--country", help=f"Country code, e.g. BE{keep}."),
        click.option("--city", help=f"City{keep}."),
        click.option("--start", help=f"Start date: {DATE_HELP}{keep}."),
        click.option("--end", help=f"End date (same forms){keep}."),
        click.option("--organiser", help="Who runs it."),
        click.option("--url", help="Web page (https://...)."),
        click.option("--status", type=click.Choice(STATUSES, case_sensitive=False)),
        click.option("--priority", type=click.Choice([p.value for p in Priority])),
        click.option("--why", help="Why it matters to the plan."),
        click.option("--notes", help="Free notes."),
        click.option(
            "--placeholder/--no-placeholder",
            default=None if editing else False,
            help="A stand-in for events still to be identified (no dates, no money).",
        ),
    ]

    def decorate(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def validated(fields: dict[str, Any]) -> EventData:
    from tracker.domain.event_rules import validate_event

    return validate_event(fields)


def current_fields(event: EventDetail) -> dict[str, Any]:
    return {
        "name": event.name,
        "kind": event.kind,
        "country": event.country_code or "",
        "city": event.city,
        "start": iso(event.start_date) or "",
        "end": iso(event.end_date) or "",
        "organiser": event.organiser,
        "url": event.url,
        "status": event.status,
        "priority": event.priority,
        "why": event.why,
        "notes": event.notes,
        "placeholder": event.is_placeholder,
    }


def summary(event: EventDetail) -> str:
    parts = (event.city, event.country_code or "", when(event.start_date, event.end_date))
    where = ", ".join(p for p in parts if p)
    name = shown_name(event.name, event.is_placeholder)
    return f"#{event.id} {name}" + (f" ({where})" if where else "") + f", {event.status}"


@click.command()
@click.option("--year", type=int, required=True, help="Plan year.")
@event_options(editing=False)
@format_option()
@pass_cli
def add(cli: CliContext, /, year: int, fmt: str, **fields: Any) -> None:
    """Add a candidate event to a plan year."""
    data = validated(fields)  # nothing touches the database before the form is valid
    event = cli.services.events.create(year, data)
    done(event, fmt, f"added event {summary(event)}")


@click.command()
@event_argument
@ref_year
@event_options(editing=True)
@format_option()
@pass_cli
def edit(cli: CliContext, /, event: str, year: int | None, fmt: str, **fields: Any) -> None:
    """Change an event: only the options given change."""
    given = {k: v for k, v in fields.items() if v is not None}
    if not given:
        raise click.UsageError(_("nothing to change: give at least one option, e.g. --status"))
    current = find(cli, event, year)
    data = validated({**current_fields(current), **given})
    updated = cli.services.events.update(current.id, data, expected_version=current.version)
    done(updated, fmt, f"updated event {summary(updated)}")


@click.command()
@event_argument
@ref_year
@click.option("--country", help="Country of the cost line (default: the event's).")
@click.option("--category", required=True, help="Cost item code, e.g. travel.")
@click.option("--amount", required=True, help="Amount to earmark: 1200, 1.200,00...")
@click.option("--note", default="", help="A note on the earmark.")
@format_option()
@pass_cli
def link(
    cli: CliContext,
    event: str,
    year: int | None,
    country: str | None,
    category: str,
    amount: str,
    note: str,
    fmt: str,
) -> None:
    """Earmark money of a cost line for an event.

    The line is the event's country × --category; linking again replaces the amount.
    """
    value = params.amount(amount)
    detail = find(cli, event, year)
    result = cli.services.events.link(detail.id, category, value, country=country, note=note)
    info, line = result.allocation, result.allocation.line
    if fmt == "json":
        echo_json({**serialize.allocation(info), "warning": result.warning})
    else:
        click.echo(
            _(
                "#{event_id} {event_name}: {amount} earmarked on {country_code} {category_code}"
            ).format(
                event_id=info.event_id,
                event_name=info.event_name,
                amount=eur(info.amount),
                country_code=info.country_code,
                category_code=info.category_code,
            )
        )
        click.echo(
            _(
                "{country_code} {category_code} ({category_name_it}): planned "
                "{planned} · allocated {allocated} · free {free}"
            ).format(
                country_code=info.country_code,
                category_code=info.category_code,
                category_name_it=info.category_name_it,
                planned=eur(line.planned),
                allocated=eur(line.allocated),
                free=eur(line.free),
            )
        )
    if result.warning:
        warn(result.warning)


@click.command()
@event_argument
@ref_year
@click.option("--category", required=True, help="Cost item code, e.g. travel.")
@format_option()
@pass_cli
def unlink(cli: CliContext, event: str, year: int | None, category: str, fmt: str) -> None:
    """Release the money an event had on a cost line."""
    detail = find(cli, event, year)
    cli.services.events.unlink(detail.id, category)
    after = cli.services.events.get(detail.id)
    done(after, fmt, f"#{detail.id} {detail.name}: nothing earmarked on {category.lower()} now")


COMMANDS = (add, edit, link, unlink)
