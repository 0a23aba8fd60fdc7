"""The budget table (cost items × target countries), its caps, and changing one cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tracker.cli import params, serialize
from tracker.cli.context import CliContext, plan_year, year_option
from tracker.cli.output import (
    TABULAR,
    echo_csv,
    echo_json,
    echo_table,
    eur,
    format_option,
    lang_option,
    plain,
    warn,
)
from tracker.i18n import N_, _

if TYPE_CHECKING:
    from decimal import Decimal

    from tracker.services.dto import BudgetTable, CapStatus, LineFigures

VIEWS = ("planned", "allocated", "free", "actual")
LINE_FIGURES = ("planned", "allocated", "free", "actual", "remaining")
HEADINGS = {
    "it": ("Voce di costo", "Paese", "Totale"),
    "en": ("Cost item", "Country", "Total"),
}
BASIS_TEXT = {
    "europe": N_("European vs extra-European countries"),
    "eu": N_("EU vs extra-EU countries"),
}
SCOPE_TEXT = {"together": N_("all together"), "per_country": N_("per country")}
# The cap groups as the services name them (domain.caps.GROUP_LABELS), for the catalog.
CAP_LABELS = (
    N_("European countries"),
    N_("extra-European countries"),
    N_("EU countries"),
    N_("extra-EU countries"),
)


def figure(line: LineFigures, view: str) -> Decimal:
    value: Decimal = getattr(line, view)
    return value


def cap_line(cap: CapStatus) -> str:
    """One cap check, e.g. ``European countries (all together): 5.000,00 € of 5.000,00 € — ok``."""
    if cap.group == "total":
        who = _("Whole plan")
    elif cap.scope == "per_country":
        who = f"{_(cap.label)} ({_('per country')}) {', '.join(cap.countries)}"
    else:
        who = f"{_(cap.label)} ({_(SCOPE_TEXT.get(cap.scope, cap.scope))})"
    if cap.cap is None:
        return _("{who}: {total} — no cap").format(who=who, total=eur(cap.total))
    verdict = _("OVER by {amount}").format(amount=eur(cap.total - cap.cap)) if cap.over else "ok"
    return _("{who}: {total} of {cap} — {verdict}").format(
        who=who, total=eur(cap.total), cap=eur(cap.cap), verdict=verdict
    )


def echo_budget_table(table: BudgetTable, view: str, lang: str) -> None:
    item, country, total = HEADINGS[lang]
    what = (
        _("planned")
        if view == "planned"
        else _("{view} (of the planned amounts)").format(view=_(view))
    )
    click.echo(
        _("Budget {year} — {what}, {currency}").format(
            year=table.year, what=what, currency=table.currency
        )
    )
    click.echo("")
    headers = [item]
    headers += [f"{country} {c.position} · {c.country.name(lang)}" for c in table.columns]
    headers.append(total)
    rows = []
    for category in table.categories:
        cells = [figure(col.cells[category.code], view) for col in table.columns]
        row_total = figure(table.row_totals[category.code], view)
        rows.append(
            [category.name(lang)]
            + [eur(v, blank_zero=True) for v in cells]
            + [eur(row_total, blank_zero=True)]
        )
    rows.append(
        [total]
        + [eur(figure(col.figures, view)) for col in table.columns]
        + [eur(figure(table.figures, view))]
    )
    right = range(1, len(headers))
    echo_table(headers, rows, right=right, rule_before_last=True)
    click.echo("")
    basis = _(BASIS_TEXT.get(table.basis, table.basis))
    click.echo(_("Caps on the planned amounts ({basis}):").format(basis=basis))
    for cap in table.caps:
        click.echo(f"  {cap_line(cap)}")


def echo_lines(table: BudgetTable, lang: str, fmt: str) -> None:
    """Every cell of the table with all its figures, one line each."""
    lines = [
        (col.country.code, category, col.cells[category.code])
        for col in table.columns
        for category in table.categories
    ]
    if fmt == "json":
        echo_json(
            [
                {
                    "country": code,
                    "category": category.code,
                    "name_it": category.name_it,
                    "name_en": category.name_en,
                    **serialize.figures(line),
                }
                for code, category, line in lines
            ]
        )
    elif fmt == "csv":
        echo_csv(
            ("country", "category", *LINE_FIGURES),
            [
                (code, category.code, *(plain(getattr(line, f)) for f in LINE_FIGURES))
                for code, category, line in lines
            ],
        )
    else:
        echo_table(
            (HEADINGS[lang][1], HEADINGS[lang][0], *LINE_FIGURES),
            [
                (code, category.name(lang), *(eur(getattr(line, f)) for f in LINE_FIGURES))
                for code, category, line in lines
            ]
            + [("", HEADINGS[lang][2], *(eur(getattr(table.figures, f)) for f in LINE_FIGURES))],
            right=range(2, 2 + len(LINE_FIGURES)),
            rule_before_last=True,
        )
        for col in table.columns:
            for category in table.categories:
                line = col.cells[category.code]
                if line.over_allocated:
                    warn(
                        _("{code} {code2}: events take more than planned").format(
                            code=col.country.code, code2=category.code
                        )
                    )


@click.group(invoke_without_command=True)
@year_option()
@click.option(
    "--view",
    type=click.Choice(VIEWS),
    default="planned",
    show_default=True,
    help=(
        "Which figure fills the table: planned, earmarked (events and missions), "
        "not yet earmarked, spent."
    ),
)
@click.option("--lines", is_flag=True, help="One row per cost line with every figure.")
@lang_option()
@format_option(TABULAR)
@click.pass_context
def budget(
    ctx: click.Context, year: int | None, view: str, lines: bool, lang: str, fmt: str
) -> None:
    """The budget table: cost items × target countries, and caps.

    With no command, shows the table of a plan year (the newest by default).
    """
    if ctx.invoked_subcommand is not None:
        return
    cli = ctx.ensure_object(CliContext)
    table = cli.services.budget.table(plan_year(cli, year))
    if lines:
        echo_lines(table, lang, fmt)
    elif fmt == "json":
        echo_json(serialize.budget(table))
    elif fmt == "csv":
        codes = [c.country.code for c in table.columns]
        rows = [
            [category.code]
            + [plain(figure(col.cells[category.code], view)) for col in table.columns]
            + [plain(figure(table.row_totals[category.code], view))]
            for category in table.categories
        ]
        rows.append(
            ["total"]
            + [plain(figure(col.figures, view)) for col in table.columns]
            + [plain(figure(table.figures, view))]
        )
        echo_csv(["category", *codes, "total"], rows)
    else:
        echo_budget_table(table, view, lang)


@budget.command("set")
@click.option("--year", type=int, required=True, help="Plan year.")
@click.option("--country", required=True, help="Target country code, e.g. BE.")
@click.option("--category", required=True, help="Cost item code, e.g. travel.")
@click.option("--amount", required=True, help="Planned amount: 1500, 1.500,00 or 1,500.00.")
@click.option("--note", default=None, help="A note on the line.")
@format_option()
@click.pass_context
def set_planned(
    ctx: click.Context,
    year: int,
    country: str,
    category: str,
    amount: str,
    note: str | None,
    fmt: str,
) -> None:
    """Change the planned amount of one cell.

    Going over a cap is allowed while drafting, but every cap exceeded is flagged.
    """
    cli = ctx.ensure_object(CliContext)
    result = cli.services.budget.set_planned(year, country, category, params.amount(amount), note)
    line = result.line
    if fmt == "json":
        echo_json(
            {
                "year": year,
                "country": result.country_code,
                "category": result.category_code,
                **serialize.figures(line),
                "warnings": list(result.warnings),
            }
        )
    else:
        click.echo(
            _(
                "{country_code} {category_code}: planned {planned} · allocated "
                "{allocated} · free {free} · spent {actual}"
            ).format(
                country_code=result.country_code,
                category_code=result.category_code,
                planned=eur(line.planned),
                allocated=eur(line.allocated),
                free=eur(line.free),
                actual=eur(line.actual),
            )
        )
    for warning in result.warnings:
        warn(warning)
