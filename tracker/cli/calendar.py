"""`tracker calendar`: the agenda, conflicts, events to schedule, ICS export and import."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli import params, refs
from tracker.cli import serialize_calendar as js
from tracker.cli.context import CliContext, pass_cli, plan_year, year_option
from tracker.cli.output import (
    TABULAR,
    day,
    echo_csv,
    echo_json,
    echo_table,
    format_option,
    note,
    warn,
)
from tracker.cli.partner_text import cut
from tracker.i18n import _
from tracker.services.dto_calendar import ITEM_KINDS

if TYPE_CHECKING:
    from tracker.services.dto_calendar import CalendarItem
    from tracker.services.dto_calendar_io import ImportPlan

KIND_LABEL = {"mission": "mission", "event": "event", "deadline": "deadline",
              "follow_up": "follow-up"}  # fmt: skip
CONFLICT_MARK = "!"


def span(start: date, end: date) -> str:
    return day(start) if start == end else f"{day(start)} → {day(end)}"


def item_row(i: CalendarItem) -> tuple[str, ...]:
    flag = CONFLICT_MARK if i.conflicts else ""
    where = ", ".join(p for p in (i.city, i.country_code or "") if p)
    return (span(i.start, i.end), KIND_LABEL[i.kind], flag, cut(i.title, 44), where, i.status)


@click.group()
def calendar() -> None:
    """The calendar: agenda, conflicts, events to schedule, .ics export and import."""


@calendar.command()
@click.option("--from", "start", help="First day (default: today).")
@click.option("--days", type=click.IntRange(1, 366), default=14, show_default=True)
@click.option("--year", type=int, help="Only missions and events of this plan year.")
@click.option("--country", help="Only missions and events of this country.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(ITEM_KINDS, case_sensitive=False),
    help="Only these kinds (repeatable).",
)
@format_option(TABULAR)
@pass_cli
def agenda(
    cli: CliContext,
    start: str | None,
    days: int,
    year: int | None,
    country: str | None,
    kinds: tuple[str, ...],
    fmt: str,
) -> None:
    """Missions, events, call deadlines and follow-ups due, day by day.

    A "!" marks an item with a conflict; its reason follows on the next line.
    """
    first = params.option_date(start, "from") or date.today()
    found = cli.services.calendar.agenda(
        first, days, plan_year=year, country=country, kinds=kinds or None
    )
    if fmt == "json":
        echo_json([js.item(i) for i in found])
        return
    if fmt == "csv":
        echo_csv(
            ("kind", "id", "title", "start", "end", "status", "country", "city", "conflicts"),
            [
                (i.kind, i.id, i.title, i.start.isoformat(), i.end.isoformat(), i.status,
                 i.country_code or "", i.city, " | ".join(c.message for c in i.conflicts))
                for i in found
            ],
        )  # fmt: skip
        return
    last = date.fromordinal(first.toordinal() + days - 1)
    if not found:
        click.echo(_("nothing on the calendar from {a} to {b}").format(a=day(first), b=day(last)))
        return
    echo_table(("when", "kind", "", "what", "where", "status"), [item_row(i) for i in found])
    reasons = dict.fromkeys(c.message for i in found for c in i.conflicts)
    if reasons:
        click.echo("")
    for reason in reasons:
        click.echo(f"{CONFLICT_MARK} {reason}")


@calendar.command()
@year_option()
@format_option(TABULAR)
@pass_cli
def conflicts(cli: CliContext, year: int | None, fmt: str) -> None:
    """Every conflict of the plan's missions, with its reason: people in two places at
    once, events outside their mission, public holidays, call deadlines while away."""
    found = cli.services.calendar.conflicts(plan_year(cli, year))
    if fmt == "json":
        echo_json([js.conflict(c) for c in found])
        return
    if fmt == "csv":
        echo_csv(
            ("kind", "severity", "mission_id", "start", "end", "reason"),
            [(c.kind, c.severity, c.mission_id, c.start.isoformat(), c.end.isoformat(),
              c.message) for c in found],
        )  # fmt: skip
        return
    if not found:
        click.echo(_("no conflicts"))
        return
    echo_table(
        ("when", "severity", "kind", "mission", "reason"),
        [
            (span(c.start, c.end), c.severity, c.kind.replace("_", " "), f"#{c.mission_id}",
             c.message)
            for c in found
        ],
    )  # fmt: skip


@calendar.command("to-schedule")
@year_option()
@format_option()
@pass_cli
def to_schedule(cli: CliContext, year: int | None, fmt: str) -> None:
    """The plan's events without dates (what its rule suggests, if it repeats)."""
    tray = cli.services.calendar.to_schedule(plan_year(cli, year))
    if fmt == "json":
        echo_json(js.tray(tray))
        return
    if not tray.events:
        click.echo(_("every event of {year} has its dates").format(year=tray.year))
    for e in tray.events:
        hint = f"  ({e.recurrence}: {day(e.suggested_start)})" if e.suggested_start else ""
        click.echo(f"#{e.id} {e.name}  [{e.country_code or '—'} · {e.priority}]{hint}")
    if tray.placeholders:
        names = ", ".join(e.name for e in tray.placeholders)
        note(_("placeholders get no dates: {names}").format(names=names))


@calendar.command()
@click.argument("event", metavar="EVENT")
@click.argument("start", metavar="DATE")
@click.option("--to", "end", help="Last day (default: a one-day event).")
@click.option("--year", type=int, help="Plan year, to narrow a match by name.")
@format_option()
@pass_cli
def schedule(
    cli: CliContext, event: str, start: str, end: str | None, year: int | None, fmt: str
) -> None:
    """Give an event its dates: tracker calendar schedule "EUREGA" 12/11/2018."""
    from tracker.cli import serialize

    found = refs.event(cli, event, year)
    detail = cli.services.calendar.schedule(found.id, start, end, expected_version=found.version)
    if fmt == "json":
        echo_json(serialize.event_detail(detail))
        return
    assert detail.start_date is not None
    dates = span(detail.start_date, detail.end_date or detail.start_date)
    click.echo(_("#{id} {name}: {dates}").format(id=detail.id, name=detail.name, dates=dates))


@calendar.command()
@click.option("--year", type=int, required=True, help="Plan year.")
@click.option("--country", help="Only this country's events and missions (deadlines stay).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File (default: stdout).",
)
@format_option(("ics", "json"))
@pass_cli
def export(cli: CliContext, year: int, country: str | None, output: Path | None, fmt: str) -> None:
    """Events, missions and call deadlines as an .ics file (RFC 5545).

    UIDs are stable: importing a newer export into a calendar app updates its entries.
    With --format json, a summary (and the calendar's text, without -o) goes to stdout.
    """
    result = cli.services.calendar_io.export(year, country=country)
    if output is not None:
        output.write_bytes(result.ics_bytes)
    if fmt == "json":
        counts = result.counts
        echo_json(
            {
                "path": str(output.resolve()) if output else None,
                "year": year,
                "country": country.upper() if country else None,
                "events": counts.events,
                "missions": counts.missions,
                "deadlines": counts.deadlines,
                "skipped_undated": result.skipped_undated,
                "warnings": list(result.warnings),
                "ics": None if output else result.ics_bytes.decode("utf-8"),
            }
        )
        return
    if output is None:
        click.echo(result.ics_bytes, nl=False)  # bytes go to the binary stream as they are
    counts = result.counts
    note(
        _("{e} events, {m} missions, {d} deadlines").format(
            e=counts.events, m=counts.missions, d=counts.deadlines
        )
        + (f" → {output}" if output else "")
    )
    if result.skipped_undated:
        note(_("{n} events without dates left out").format(n=result.skipped_undated))
    for warning in result.warnings:
        note(warning)


def echo_preview(plan: ImportPlan) -> None:
    if plan.events:
        echo_table(
            ("line", "action", "dates", "event", "kind", "city"),
            [
                (str(e.line), e.action.value, span(e.start, e.end), cut(e.name, 48), e.kind,
                 e.city)
                for e in plan.events
            ],
            right=(0,),
        )  # fmt: skip
        for e in plan.events:
            for change in e.changes:
                click.echo(f"  line {e.line}: {change}")
    else:
        click.echo(_("no events in the file"))
    for n in (*plan.warnings, *plan.ignored):
        note(str(n))


@calendar.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=int, required=True, help="The plan the events go into.")
@click.option("--country", help="Their country, e.g. BE.")
@click.option("--zone", help="Time zone for UTC times when the file names none.")
@click.option("--dry-run", is_flag=True, help="Show what would happen, write nothing.")
@format_option()
@pass_cli
def import_(
    cli: CliContext,
    file: Path,
    year: int,
    country: str | None,
    zone: str | None,
    dry_run: bool,
    fmt: str,
) -> None:
    """Bring candidate events in from an organiser's calendar: all or nothing.

    Events already in the plan (same UID, or same name and day) are not added twice.
    Any line that cannot be read is listed as `line N: …` and nothing is written.
    """
    data = file.read_bytes()
    service = cli.services.calendar_io
    plan = service.preview_import(data, year, country, zone=zone)
    if fmt == "json":
        if plan.ok and not dry_run:
            echo_json(js.import_report(plan, service.apply_import(data, year, country, zone=zone)))
        else:
            echo_json(js.import_plan(plan, dry_run=dry_run))
    else:
        echo_preview(plan)
    if not plan.ok:
        for problem in plan.problems:
            click.echo(str(problem), err=True)
        click.echo(_("error: the calendar was not imported, nothing was written"), err=True)
        sys.exit(1)
    if fmt == "json":
        return
    writes = plan.writes
    if dry_run:
        click.echo(_("dry run: {n} event(s) would be written, nothing was").format(n=writes))
        return
    report = service.apply_import(data, year, country, zone=zone)
    click.echo(
        _("imported: {c} new, {u} updated, {s} skipped").format(
            c=len(report.created), u=len(report.updated), s=report.skipped
        )
    )


@calendar.command()
@click.argument("event", metavar="EVENT")
@click.argument("rule", metavar="RULE")
@click.option("--year", type=int, help="Plan year, to narrow a match by name.")
@format_option()
@pass_cli
def repeat(cli: CliContext, event: str, rule: str, year: int | None, fmt: str) -> None:
    """Make an event recur, so next year's plan can propose its date.

    RULE is a preset that repeats the event's own date (yearly, yearly-weekday,
    yearly-last-weekday, monthly, monthly-weekday, weekly; none stops it) or an
    RRULE such as "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH" (the last Thursday of October).
    """
    found = refs.event(cli, event, year)
    info = cli.services.recurrence.set_recurrence(found.id, rule, expected_version=found.version)
    if fmt == "json":
        echo_json(js.recurrence(info))
        return
    click.echo(f"#{info.event_id} {info.event_name}: {info.description}")
    if info.next_date:
        click.echo(_("  next: {day}").format(day=day(info.next_date)))
    if info.warning:
        warn(info.warning)


@calendar.command()
@year_option()
@format_option(TABULAR)
@pass_cli
def propose(cli: CliContext, year: int | None, fmt: str) -> None:
    """Where the plan's recurring events fall in the year after it."""
    chosen = plan_year(cli, year)
    found = cli.services.recurrence.propose_next_year(chosen)
    if fmt == "json":
        echo_json([js.proposal(p) for p in found])
        return
    if fmt == "csv":
        echo_csv(
            ("id", "name", "rule", "start", "proposed_start", "proposed_end", "note"),
            [(p.event_id, p.name, p.rule, p.start_date.isoformat(),
              p.proposed_start.isoformat() if p.proposed_start else "",
              p.proposed_end.isoformat() if p.proposed_end else "", p.note) for p in found],
        )  # fmt: skip
        return
    if not found:
        click.echo(_("no event of {year} repeats (tracker calendar repeat sets a rule)").format(
            year=chosen))  # fmt: skip
        return
    echo_table(
        ("event", "repeats", str(chosen), str(chosen + 1)),
        [
            (cut(p.name, 40), p.description, span(p.start_date, p.end_date or p.start_date),
             span(p.proposed_start, p.proposed_end or p.proposed_start) if p.proposed_start
             else p.note)
            for p in found
        ],
    )  # fmt: skip
