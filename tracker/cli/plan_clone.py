"""`tracker plans clone FROM TO`: next year's plan from this year's."""

from __future__ import annotations

import click

from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import echo_json, echo_table, eur, format_option, iso, plain
from tracker.i18n import N_, _
from tracker.services.dto_clone import BudgetStart, ClonedEvent, PlanCloneReport

HOW = {
    "recurring": N_("date proposed by its rule"),
    "recurring-undated": N_("recurring, no date this year"),
    "open": N_("still open, no date yet"),
    "dated": N_("still open, dated"),
}


def clone_json(report: PlanCloneReport) -> dict[str, object]:
    return {
        "from": report.from_year,
        "year": report.year,
        "title": report.title,
        "budget": report.budget.value,
        "targets": list(report.targets),
        "watch": list(report.watch),
        "categories": list(report.categories),
        "objectives": report.objectives,
        "cost_lines": report.cost_lines,
        "planned": plain(report.planned),
        "events": [_event_json(e) for e in report.events],
        "left_behind": report.left_behind,
    }


def _event_json(event: ClonedEvent) -> dict[str, object]:
    return {
        "id": event.event_id,
        "from_id": event.source_id,
        "name": event.name,
        "country": event.country_code,
        "status": event.status,
        "start": iso(event.start_date),
        "end": iso(event.end_date),
        "how": event.how,
        "note": event.note,
    }


def _when(event: ClonedEvent) -> str:
    if event.start_date is None:
        return "—"
    if event.end_date is None or event.end_date == event.start_date:
        return f"{event.start_date:%d/%m/%Y}"
    return f"{event.start_date:%d/%m/%Y}–{event.end_date:%d/%m/%Y}"


def _echo_report(report: PlanCloneReport) -> None:
    budget = (
        _("copied from {year}").format(year=report.from_year)
        if report.budget is BudgetStart.COPY
        else _("at zero")
    )
    click.echo(
        _("created plan {year} from {old}: {title}").format(
            year=report.year, old=report.from_year, title=report.title
        )
    )
    click.echo(
        _("  targets: {targets}; watch list: {watch}").format(
            targets=", ".join(report.targets) or "—", watch=", ".join(report.watch) or "—"
        )
    )
    click.echo(
        _("  {objectives} objective(s), {categories} cost item(s), caps as in {old}").format(
            objectives=report.objectives, categories=len(report.categories), old=report.from_year
        )
    )
    click.echo(
        _("  {lines} budget line(s) {budget}: {planned} planned").format(
            lines=report.cost_lines, budget=budget, planned=eur(report.planned)
        )
    )
    click.echo(
        _(
            "  {events} event(s) carried over ({proposed} with a date proposed by their rule); "
            "{left} closed one(s) left in {old}"
        ).format(
            events=len(report.events),
            proposed=report.proposed,
            left=report.left_behind,
            old=report.from_year,
        )
    )
    if report.events:
        click.echo("")
        echo_table(
            ("id", "event", "country", "status", "dates", "how"),
            [
                (
                    str(e.event_id),
                    e.name,
                    e.country_code or "",
                    e.status,
                    _when(e),
                    _(HOW.get(e.how, e.how)),
                )
                for e in report.events
            ],
        )


@click.command("clone")
@click.argument("from_year", metavar="FROM", type=int)
@click.argument("year", metavar="TO", type=int)
@click.option(
    "--budget",
    type=click.Choice([b.value for b in BudgetStart], case_sensitive=False),
    default=BudgetStart.ZERO.value,
    show_default=True,
    help="Budget lines start at zero, or as a copy of FROM's planned amounts.",
)
@format_option()
@pass_cli
def clone(cli: CliContext, from_year: int, year: int, budget: str, fmt: str) -> None:
    """Start TO's plan as a copy of FROM's.

    Copies the countries (targets keep their positions, rationale and watch list), cost
    items, caps, objectives and a budget line per target and cost item (at zero unless
    --budget copy). Recurring events come over as candidates on the date their rule
    gives in TO; events still open in FROM come over without a date. Allocations,
    expenses, missions and closed events stay in FROM. Refused if TO already has a plan.
    """
    report = cli.services.plan_clone.clone(from_year, year, budget=budget.lower())
    if fmt == "json":
        echo_json(clone_json(report))
    else:
        _echo_report(report)
