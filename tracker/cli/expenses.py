"""Actual spending against a cost line, optionally tied to an event."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import click

from tracker.cli import params, serialize
from tracker.cli.context import CliContext, pass_cli, plan_year, year_option
from tracker.cli.output import (
    TABULAR,
    csv_writer,
    day,
    echo_json,
    echo_table,
    eur,
    format_option,
    plain,
    stream_json_list,
    warn,
)
from tracker.i18n import _

if TYPE_CHECKING:
    from tracker.services.dto import ExpenseInfo
    from tracker.services.expenses import ExpenseService

PAGE = 500
CSV_FIELDS = (
    "id", "date", "country", "category", "amount", "description", "supplier", "event_id",
)  # fmt: skip


def all_expenses(service: ExpenseService, year: int, country: str | None) -> Iterator[ExpenseInfo]:
    """Every expense of the plan (and country), fetched page by page."""
    offset = 0
    while True:
        rows, total = service.list(year, country, offset=offset, limit=PAGE)
        yield from rows
        offset += len(rows)
        if not rows or offset >= total:
            return


@click.group()
def expenses() -> None:
    """What was actually spent."""


@expenses.command()
@click.option("--year", type=int, required=True, help="Plan year.")
@click.option("--country", required=True, help="Target country code, e.g. BE.")
@click.option("--category", required=True, help="Cost item code, e.g. travel.")
@click.option("--amount", required=True, help="Amount spent: 350,50 or 350.50.")
@click.option("--date", "spent_on", required=True, help="When: 25/10/2018, 2018-10-25...")
@click.option("--event", help="The event it was for (id or part of the name).")
@click.option("--description", default="", help="What it was.")
@click.option("--supplier", default="", help="Who was paid.")
@format_option()
@pass_cli
def add(
    cli: CliContext,
    year: int,
    country: str,
    category: str,
    amount: str,
    spent_on: str,
    event: str | None,
    description: str,
    supplier: str,
    fmt: str,
) -> None:
    """Record money spent on a cost line."""
    value, when = params.amount(amount), params.user_date(spent_on)
    result = cli.services.expenses.add(
        year,
        country,
        category,
        value,
        when,
        description=description,
        supplier=supplier,
        event_ref=event,
    )
    info, line = result.expense, result.line
    if fmt == "json":
        echo_json(
            {**serialize.expense(info), "line": serialize.figures(line), "warning": result.warning}
        )
    else:
        what = f" for #{info.event_id} {info.event_name}" if info.event_id else ""
        click.echo(
            _("expense #{id}: {amount} on {country_code} {category_code}, {spent_on}{what}").format(
                id=info.id,
                amount=eur(info.amount),
                country_code=info.country_code,
                category_code=info.category_code,
                spent_on=day(info.spent_on),
                what=what,
            )
        )
        click.echo(
            _(
                "{country_code} {category_code}: planned {planned} · spent {actual} · "
                "remaining {remaining}"
            ).format(
                country_code=info.country_code,
                category_code=info.category_code,
                planned=eur(line.planned),
                actual=eur(line.actual),
                remaining=eur(line.remaining),
            )
        )
    if result.warning:
        warn(result.warning)


@expenses.command("list")
@year_option()
@click.option("--country", help="Only this country, e.g. BE.")
@format_option(TABULAR)
@pass_cli
def list_expenses(cli: CliContext, year: int | None, country: str | None, fmt: str) -> None:
    """The expenses of a plan year, oldest first."""
    chosen = plan_year(cli, year)
    rows = all_expenses(cli.services.expenses, chosen, country)
    if fmt == "json":
        stream_json_list(serialize.expense(e) for e in rows)
        return
    if fmt == "csv":
        writer = csv_writer()
        writer.writerow(CSV_FIELDS)
        for e in rows:
            writer.writerow(
                (
                    e.id,
                    e.spent_on.isoformat(),
                    e.country_code,
                    e.category_code,
                    plain(e.amount),
                    e.description,
                    e.supplier,
                    e.event_id or "",
                )
            )
        return
    shown = list(rows)
    if not shown:
        click.echo(_("no expenses recorded for {chosen} yet").format(chosen=chosen))
        return
    total = sum((e.amount for e in shown), start=Decimal("0.00"))
    body = [
        (
            str(e.id),
            day(e.spent_on),
            e.country_code,
            e.category_code,
            eur(e.amount),
            e.description,
            e.supplier,
            f"#{e.event_id} {e.event_name}" if e.event_id else "",
        )
        for e in shown
    ]
    body.append(("", "", "", "total", eur(total), "", "", ""))
    echo_table(
        (
            _("id"),
            _("date"),
            _("country"),
            _("category"),
            _("amount"),
            _("description"),
            _("supplier"),
            _("event"),
        ),
        body,
        right=(0, 4),
        rule_before_last=True,
    )


@expenses.command()
@click.argument("expense_id", metavar="ID", type=int)
@format_option()
@pass_cli
def delete(cli: CliContext, expense_id: int, fmt: str) -> None:
    """Delete expense ID."""
    cli.services.expenses.delete(expense_id)
    if fmt == "json":
        echo_json({"deleted": expense_id})
    else:
        click.echo(_("deleted expense #{expense_id}").format(expense_id=expense_id))
