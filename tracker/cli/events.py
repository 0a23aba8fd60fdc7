"""Candidate events: listing (paged in SQL), the record itself, and its status."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import click

from tracker.cli import serialize
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import (
    TABULAR,
    csv_writer,
    day,
    echo_json,
    echo_table,
    eur,
    format_option,
    iso,
    plain,
    stream_json_list,
)
from tracker.domain.enums import EventStatus
from tracker.i18n import _
from tracker.io.report.labels import term
from tracker.services.dto import EVENT_SORTS, EventQuery

if TYPE_CHECKING:
    from tracker.services.dto import EventDetail, EventRow
    from tracker.services.events import EventService

PAGE = 500  # rows per query when streaming json/csv
TABLE_LIMIT = 50
NAME_WIDTH = 48
STATUSES = [s.value for s in EventStatus]
CSV_FIELDS = (
    "id", "name", "kind", "country", "city", "start", "end",
    "status", "priority", "placeholder", "allocated",
)  # fmt: skip

event_argument = click.argument("event", metavar="EVENT")
ref_year = click.option("--year", type=int, help="Plan year, to narrow a match by name.")


def shown_name(name: str, placeholder: bool, width: int | None = None) -> str:
    text = f"… {name} (to be identified)" if placeholder else name
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def when(start: date | None, end: date | None) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return day(start)
    return f"{day(start)} → {day(end)}"


def find(cli: CliContext, ref: str, year: int | None) -> EventDetail:
    """EVENT: an id ("12", "#12") or an unambiguous part of the name."""
    return cli.services.events.find(ref, year)


class Pages:
    """The query's rows, fetched page by page so a long list never sits in memory."""

    def __init__(self, service: EventService, query: EventQuery, limit: int | None) -> None:
        self.service, self.query, self.limit = service, query, limit
        self.total = 0  # how many match, known once the first page is read

    def __iter__(self) -> Iterator[EventRow]:
        offset, left = self.query.offset, self.limit
        while left is None or left > 0:
            size = PAGE if left is None else min(PAGE, left)
            page = self.service.list(replace(self.query, offset=offset, limit=size))
            self.total = page.total
            yield from page.rows
            offset += len(page.rows)
            if left is not None:
                left -= len(page.rows)
            if not page.rows or not page.has_more:
                return


def echo_event(event: EventDetail) -> None:
    name = shown_name(event.name, event.is_placeholder)
    click.echo(_("#{id} {name}  (plan {year})").format(id=event.id, name=name, year=event.year))
    fields = [
        (_("kind"), term("event_kind", event.kind)),
        (_("country"), event.country_code or "not set"),
        (_("city"), event.city),
        (_("dates"), when(event.start_date, event.end_date) or _("not known yet")),
        (_("organiser"), event.organiser),
        (_("url"), event.url),
        (_("status"), term("event_status", event.status)),
        (_("priority"), term("priority", event.priority)),
        (_("why"), event.why),
        (_("notes"), event.notes),
    ]
    for label, value in fields:
        if value:  # empty optional fields are left out
            click.echo(f"  {label + ':':<11}{value}")
    if not event.allocations:
        nothing = _("none earmarked")
        if event.is_placeholder:
            nothing = _("none (a placeholder takes no money)")
        click.echo(_("  money:     {nothing}").format(nothing=nothing))
    for a in event.allocations:
        line = a.line
        click.echo(
            _("  money:     {country_code} {category_code} {amount}").format(
                country_code=a.country_code, category_code=a.category_code, amount=eur(a.amount)
            )
        )
        click.echo(
            _(
                "             (the line: planned {planned} · allocated {allocated} · free {free})"
            ).format(planned=eur(line.planned), allocated=eur(line.allocated), free=eur(line.free))
        )


def done(event: EventDetail, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(serialize.event_detail(event))
    else:
        click.echo(message)


@click.group()
def events() -> None:
    """Candidate events and the money earmarked for them."""


@events.command("list")
@click.option("--year", type=int, help="Only this plan year (default: every year).")
@click.option("--country", help="Only events in this country, e.g. BE.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(STATUSES, case_sensitive=False),
    help="Only these statuses (repeatable).",
)
@click.option("--search", default="", help="Text in the name, city or organiser.")
@click.option("--sort", type=click.Choice(EVENT_SORTS), default="date", show_default=True)
@click.option("--desc", is_flag=True, help="Reverse the order (placeholders stay last).")
@click.option("--limit", type=click.IntRange(min=1), help="At most N events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip the first N.")
@format_option(TABULAR)
@pass_cli
def list_events(
    cli: CliContext,
    year: int | None,
    country: str | None,
    statuses: tuple[str, ...],
    search: str,
    sort: str,
    desc: bool,
    limit: int | None,
    offset: int,
    fmt: str,
) -> None:
    """List events, filtered and sorted.

    A table shows 50 by default; json and csv stream every match.
    """
    query = EventQuery(
        year=year,
        country=country,
        statuses=tuple(s.lower() for s in statuses),
        text=search,
        sort=sort,
        descending=desc,
        offset=offset,
    )
    service = cli.services.events
    if fmt == "json":
        stream_json_list(serialize.event_row(r, year) for r in Pages(service, query, limit))
        return
    if fmt == "csv":
        writer = csv_writer()
        writer.writerow(CSV_FIELDS)
        for r in Pages(service, query, limit):
            writer.writerow(
                (
                    r.id,
                    r.name,
                    r.kind,
                    r.country_code or "",
                    r.city,
                    iso(r.start_date) or "",
                    iso(r.end_date) or "",
                    r.status,
                    r.priority,
                    int(r.is_placeholder),
                    plain(r.allocated),
                )
            )
        return
    pages = Pages(service, query, limit or TABLE_LIMIT)
    rows = list(pages)
    if not rows:
        past = f"only {pages.total} events match, none after --offset {offset}"
        click.echo(past if pages.total else _("no events match"))
        return
    echo_table(
        (
            _("id"),
            _("when"),
            _("event"),
            _("kind"),
            _("country"),
            _("city"),
            _("status"),
            _("priority"),
            _("earmarked"),
        ),
        [
            (
                str(r.id),
                when(r.start_date, r.end_date),
                shown_name(r.name, r.is_placeholder, NAME_WIDTH),
                term("event_kind", r.kind),
                r.country_code or "",
                r.city,
                term("event_status", r.status),
                term("priority", r.priority),
                eur(r.allocated, blank_zero=True),
            )
            for r in rows
        ],
        right=(0, 8),
    )
    shown_to = offset + len(rows)
    if offset or shown_to < pages.total:
        click.echo(
            _("\n{value}–{shown_to} of {total} (use --offset/--limit for more)").format(
                value=offset + 1, shown_to=shown_to, total=pages.total
            )
        )


@events.command()
@event_argument
@ref_year
@format_option()
@pass_cli
def show(cli: CliContext, event: str, year: int | None, fmt: str) -> None:
    """Everything about one event.

    EVENT is an id (12 or #12) or an unambiguous part of the name.
    """
    detail = find(cli, event, year)
    if fmt == "json":
        echo_json(serialize.event_detail(detail))
    else:
        echo_event(detail)


@events.command()
@event_argument
@ref_year
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@format_option()
@pass_cli
def delete(cli: CliContext, event: str, year: int | None, yes: bool, fmt: str) -> None:
    """Delete an event and its earmarks.

    Its expenses stay on their cost lines, no longer tied to it.
    """
    detail = find(cli, event, year)
    if not yes:
        money = f" and its {len(detail.allocations)} earmark(s)" if detail.allocations else ""
        click.confirm(
            _("Delete event #{id} {name!r}{money}?").format(
                id=detail.id, name=detail.name, money=money
            ),
            abort=True,
            err=True,
        )
    name = cli.services.events.delete(detail.id)
    if fmt == "json":
        echo_json({"deleted": detail.id, "name": name})
    else:
        click.echo(_("deleted event #{id} {name}").format(id=detail.id, name=name))


@events.command("status")
@event_argument
@click.argument("status", type=click.Choice(STATUSES, case_sensitive=False))
@ref_year
@format_option()
@pass_cli
def set_status(cli: CliContext, event: str, status: str, year: int | None, fmt: str) -> None:
    """Move an event to another status."""
    detail = find(cli, event, year)
    updated = cli.services.events.set_status(detail.id, status.lower())
    done(updated, fmt, f"#{updated.id} {updated.name}: {detail.status} → {updated.status}")
