"""`tracker missions`: trips to a target country, who goes, what they cover and cost."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import click

from tracker.cli import params, refs
from tracker.cli import serialize_calendar as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import (
    TABULAR,
    day,
    echo_csv,
    echo_json,
    echo_table,
    eur,
    format_option,
    warn,
)
from tracker.cli.partner_text import cut, echo_field, echo_footer, limit_option, offset_option
from tracker.cli.serialize_partners import page
from tracker.i18n import _
from tracker.services.dto_calendar import MISSION_STATUSES, MissionQuery

if TYPE_CHECKING:
    from tracker.services.dto_calendar import MissionDetail

mission_argument = click.argument("mission", metavar="MISSION")
ref_year = click.option("--year", type=int, help="Plan year, to narrow a match by title.")
DATE_HELP = "25/10/2018, 2018-10-25, 25 Oct 2018..."
CSV_FIELDS = (
    "id", "year", "title", "country", "city", "start", "end", "status",
    "participants", "events", "allocated",
)  # fmt: skip


def span(start: date, end: date) -> str:
    return day(start) if start == end else f"{day(start)} → {day(end)}"


def find(cli: CliContext, ref: str, year: int | None) -> MissionDetail:
    """MISSION: an id ("12", "#12") or an unambiguous part of the title."""
    return cli.services.missions.find(ref, year)


def parse_line(text: str) -> tuple[str, Decimal]:
    """``travel=1.200,00`` or ``Travel = 1200``: a cost item and an amount."""
    from tracker.domain.errors import RuleViolation
    from tracker.domain.money import AmountParseError

    category, sep, amount = text.partition("=")
    if not sep or not category.strip() or not amount.strip():
        message = _("{text!r}: write a cost item and an amount, e.g. travel=1200")
        raise RuleViolation(message.format(text=text))
    try:
        return category.strip(), params.amount(amount.strip())
    except AmountParseError as exc:
        raise RuleViolation(f"{text!r}: {exc}") from exc


def echo_mission(m: MissionDetail) -> None:
    click.echo(f"#{m.id} {m.title}  (plan {m.year})")
    echo_field(_("country"), f"{m.country_name} ({m.country_code})")
    echo_field(_("city"), m.city)
    days = _("{n} day(s)").format(n=m.days)
    echo_field(_("dates"), f"{span(m.start_date, m.end_date)}  ({days})")
    echo_field(_("status"), m.status + (f"  (next: {', '.join(m.next_statuses)})"))
    echo_field(_("purpose"), m.purpose)
    echo_field(_("notes"), m.notes)
    people = [p.name + ("" if p.is_staff else _(" (not staff)")) for p in m.participants]
    echo_field(_("people"), ", ".join(people) or _("nobody yet"))
    covered = [f"#{e.id} {e.name}" + (f" ({day(e.start_date)})" if e.start_date else "")
               for e in m.events]  # fmt: skip
    echo_field(_("events"), "\n".join(covered) or _("none"))
    money = [
        f"{a.category_code} {eur(a.amount)}  "
        + _("(the line: planned {p} · allocated {a} · free {f})").format(
            p=eur(a.line.planned), a=eur(a.line.allocated), f=eur(a.line.free)
        )
        for a in m.allocations
    ]
    echo_field(_("money"), "\n".join(money) or _("none earmarked"))
    for warning in m.warnings:
        warn(warning)


def done(m: MissionDetail, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(js.mission_detail(m))
    else:
        click.echo(message)
        for warning in m.warnings:
            warn(warning)


@click.group()
def missions() -> None:
    """Missions: trips to a target country, with people, events and money.

    MISSION is an id (12 or #12) or an unambiguous part of its title.
    """


@missions.command()
@click.option("--year", type=int, required=True, help="Plan year.")
@click.option("--country", required=True, help="A target country of the plan, e.g. BE.")
@click.option("--title", required=True, help="e.g. 'Brussels, cluster partnering'.")
@click.option("--from", "start", required=True, help=f"First day: {DATE_HELP}")
@click.option("--to", "end", default="", help="Last day (default: a one-day mission).")
@click.option("--city", default="", help="Destination city.")
@click.option("--purpose", default="", help="Why we go.")
@click.option("--notes", default="", help="Free notes.")
@click.option(
    "--status",
    type=click.Choice(MISSION_STATUSES, case_sensitive=False),
    default="draft",
    show_default=True,
    help="Where it starts in draft → planned → booked → done.",
)
@click.option("--event", "events", multiple=True, help="An event it covers (repeatable).")
@click.option("--participant", "participants", multiple=True, help="Who goes (repeatable).")
@click.option(
    "--line", "lines", multiple=True, help="Money on a cost line: 'travel=1200' (repeatable)."
)
@format_option()
@pass_cli
def add(
    cli: CliContext,
    year: int,
    country: str,
    title: str,
    start: str,
    end: str,
    city: str,
    purpose: str,
    notes: str,
    status: str,
    events: tuple[str, ...],
    participants: tuple[str, ...],
    lines: tuple[str, ...],
    fmt: str,
) -> None:
    """Add a mission, with its events, people and money, all at once or not at all.

    \b
    e.g. tracker missions add --year 2018 --country BE --title "Brussels week" \\
           --from 24/10/2018 --to 26/10/2018 --event partnering \\
           --participant "Anna Rossi" --line travel=1200
    """
    errors: dict[str, str] = {}
    event_ids = [
        e.id for e in refs.every("event", events, lambda t: refs.event(cli, t, year), errors)
    ]
    people = [
        p.id for p in refs.every("participant", participants, lambda t: refs.person(cli, t), errors)
    ]
    money = refs.every("line", lines, parse_line, errors)
    refs.check(errors)
    created = cli.services.missions.create(
        year,
        country,
        {"title": title, "city": city, "start": start, "end": end, "purpose": purpose,
         "notes": notes},
        event_ids,
        people,
        lines=money,
        status=status.lower(),
    )  # fmt: skip
    message = _("added mission #{id} {title} ({country}, {span}, {status})").format(
        id=created.id,
        title=created.title,
        country=created.country_code,
        span=span(created.start_date, created.end_date),
        status=created.status,
    )
    done(created, fmt, message)


@missions.command("list")
@click.option("--year", type=int, help="Only this plan year.")
@click.option("--country", help="Only missions to this country, e.g. BE.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(MISSION_STATUSES, case_sensitive=False),
    help="Only these statuses (repeatable).",
)
@click.option("--search", default="", help="Text in the title or city.")
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def list_missions(
    cli: CliContext,
    year: int | None,
    country: str | None,
    statuses: tuple[str, ...],
    search: str,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List missions, soonest first.

    json prints one page as {"total": N, "offset": O, "limit": L, "rows": [...]}.
    """
    query = MissionQuery(
        year=year,
        country=country,
        statuses=tuple(s.lower() for s in statuses),
        text=search,
        offset=offset,
        limit=limit,
    )
    found = cli.services.missions.list(query)
    if fmt == "json":
        echo_json(page(found, js.mission_row))
        return
    if fmt == "csv":
        echo_csv(CSV_FIELDS, [[js.mission_row(r)[f] for f in CSV_FIELDS] for r in found.rows])
        return
    if found.rows:
        echo_table(
            ("id", "dates", "mission", "country", "city", "status", "people", "events", "money"),
            [
                (
                    str(r.id),
                    span(r.start_date, r.end_date),
                    cut(r.title, 40),
                    r.country_code,
                    r.city,
                    r.status,
                    str(r.participants),
                    str(r.events),
                    eur(r.allocated, blank_zero=True),
                )
                for r in found.rows
            ],
            right=(0, 6, 7, 8),
        )
    echo_footer(found, "missions")


@missions.command()
@mission_argument
@ref_year
@format_option()
@pass_cli
def show(cli: CliContext, mission: str, year: int | None, fmt: str) -> None:
    """Everything about one mission, with its warnings."""
    found = find(cli, mission, year)
    if fmt == "json":
        echo_json(js.mission_detail(found))
    else:
        echo_mission(found)


@missions.command("status")
@mission_argument
@click.argument("status", type=click.Choice(MISSION_STATUSES, case_sensitive=False))
@ref_year
@format_option()
@pass_cli
def set_status(cli: CliContext, mission: str, status: str, year: int | None, fmt: str) -> None:
    """Move a mission along draft → planned → booked → done (or cancelled)."""
    found = find(cli, mission, year)
    updated = cli.services.missions.set_status(found.id, status.lower())
    done(updated, fmt, f"#{updated.id} {updated.title}: {found.status} → {updated.status}")


@missions.command()
@mission_argument
@click.option("--line", "lines", multiple=True, required=True, help="'travel=1200' (repeatable).")
@ref_year
@format_option()
@pass_cli
def link(cli: CliContext, mission: str, lines: tuple[str, ...], year: int | None, fmt: str) -> None:
    """Earmark money of the mission country's cost lines (replaces an earlier amount)."""
    errors: dict[str, str] = {}
    money = refs.every("line", lines, parse_line, errors)
    refs.check(errors)
    found = find(cli, mission, year)
    for category, amount in money:
        cli.services.missions.link(found.id, category, amount)  # over the line: a warning below
    updated = cli.services.missions.get(found.id)
    listed = ", ".join(f"{a.category_code} {eur(a.amount)}" for a in updated.allocations)
    done(updated, fmt, f"#{updated.id} {updated.title}: {listed}")


@missions.command()
@mission_argument
@ref_year
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@format_option()
@pass_cli
def delete(cli: CliContext, mission: str, year: int | None, yes: bool, fmt: str) -> None:
    """Delete a mission and its earmarks; its events and people stay."""
    found = find(cli, mission, year)
    if not yes:
        click.confirm(_("Delete mission #{id} {title!r}?").format(id=found.id, title=found.title),
                      abort=True, err=True)  # fmt: skip
    title = cli.services.missions.delete(found.id)
    if fmt == "json":
        echo_json({"deleted": found.id, "title": title})
    else:
        click.echo(_("deleted mission #{id} {title}").format(id=found.id, title=title))


def _changed_set(
    current: list[int], added: list[int], removed: list[int], what: str, errors: dict[str, str]
) -> list[int] | None:
    """The whole set after the additions and removals; None when nothing changes."""
    if not added and not removed:
        return None
    for gone in removed:
        if gone not in current:
            errors[f"remove {what}"] = _("#{id} is not on this mission").format(id=gone)
    return [i for i in current if i not in removed] + [i for i in added if i not in current]


@missions.command()
@mission_argument
@ref_year
@click.option("--title", help="A new title.")
@click.option("--from", "start", help=f"First day: {DATE_HELP}")
@click.option("--to", "end", help="Last day.")
@click.option("--city", help="Destination city.")
@click.option("--purpose", help="Why we go.")
@click.option("--notes", help="Free notes.")
@click.option("--add-event", "add_events", multiple=True, help="Cover another event.")
@click.option("--remove-event", "remove_events", multiple=True, help="No longer cover it.")
@click.option("--add-participant", "add_people", multiple=True, help="Someone else goes.")
@click.option("--remove-participant", "remove_people", multiple=True, help="They stay home.")
@format_option()
@pass_cli
def edit(
    cli: CliContext,
    mission: str,
    year: int | None,
    title: str | None,
    start: str | None,
    end: str | None,
    city: str | None,
    purpose: str | None,
    notes: str | None,
    add_events: tuple[str, ...],
    remove_events: tuple[str, ...],
    add_people: tuple[str, ...],
    remove_people: tuple[str, ...],
    fmt: str,
) -> None:
    """Change a mission's fields, events and people, all in one go (or nothing)."""
    found = find(cli, mission, year)
    changes = {
        key: value
        for key, value in (("title", title), ("start", start), ("end", end), ("city", city),
                           ("purpose", purpose), ("notes", notes))
        if value is not None
    }  # fmt: skip
    errors: dict[str, str] = {}
    in_year = found.year

    def event_id(text: str) -> int:
        return refs.event(cli, text, in_year).id

    def person_id(text: str) -> int:
        return refs.person(cli, text).id

    events = _changed_set(
        [e.id for e in found.events],
        refs.every("add event", add_events, event_id, errors),
        refs.every("remove event", remove_events, event_id, errors),
        "event",
        errors,
    )
    people = _changed_set(
        [p.id for p in found.participants],
        refs.every("add participant", add_people, person_id, errors),
        refs.every("remove participant", remove_people, person_id, errors),
        "participant",
        errors,
    )
    refs.check(errors)
    updated = cli.services.missions.update(
        found.id, changes, found.version, events=events, participants=people
    )
    done(updated, fmt, _("saved mission #{id} {title}").format(id=updated.id, title=updated.title))
