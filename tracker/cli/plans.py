"""Plan years: listing, creating, the overview, target countries, cost items and caps."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import click

from tracker.cli import params, serialize
from tracker.cli.context import CliContext, pass_cli, plan_year, year_option
from tracker.cli.output import (
    TABULAR,
    echo_csv,
    echo_json,
    echo_table,
    eur,
    format_option,
    lang_option,
    plain,
)
from tracker.domain.enums import CapBasis, CapScope
from tracker.i18n import _

if TYPE_CHECKING:
    from decimal import Decimal

    from tracker.services.dto import CapsInfo, PlanCountryInfo, PlanOverview

WRAP = 88
BASIS_TEXT = {
    "europe": "European vs extra-European countries (geography)",
    "eu": "EU members vs the rest (membership)",
}
SCOPE_TEXT = {"together": "all together", "per_country": "per country"}
required_year = click.option("--year", type=int, required=True, help="Plan year.")


def _pick(lang: str, it: str, en: str) -> str:
    """The text in the chosen language, or the other one when that is all there is."""
    first, second = (it, en) if lang == "it" else (en, it)
    return first or second


def _para(text: str, indent: str) -> str:
    return textwrap.fill(text, WRAP, initial_indent=indent, subsequent_indent=indent)


def _country_flags(pc: PlanCountryInfo) -> str:
    eu = _("EU member") if pc.country.eu_member else _("not in the EU")
    europe = _("European") if pc.country.in_europe else _("extra-European")
    return f"{eu}, {europe}"


def caps_lines(caps: CapsInfo) -> list[str]:
    labels = ("European", "extra-European") if caps.basis == "europe" else ("EU", "extra-EU")
    scope = SCOPE_TEXT.get(caps.scope, caps.scope)
    out = [f"Caps: basis {BASIS_TEXT.get(caps.basis, caps.basis)}; scope {scope}"]
    rows: list[tuple[str, Decimal | None]] = [
        (f"{labels[0]} countries ({scope})", caps.inside),
        (f"{labels[1]} countries ({scope})", caps.outside),
        ("whole plan", caps.total),
    ]
    shown = [(label, "no cap" if value is None else eur(value)) for label, value in rows]
    width = max(len(label) for label, _ in shown)
    amount_width = max(len(text) for _, text in shown)
    for label, text in shown:
        out.append(f"  {label.ljust(width)}  {text.rjust(amount_width)}")
    return out


def echo_overview(plan: PlanOverview, lang: str) -> None:
    title = _pick(lang, plan.title, plan.title_en)
    click.echo(f"{title} — {plan.currency}")
    intro = _pick(lang, plan.intro, plan.intro_en)
    if intro:
        click.echo(_para(intro, "  "))
    click.echo(_("\nObjectives:"))
    for objective in plan.objectives:
        text = _pick(lang, objective.text, objective.text_en)
        first = f"  {objective.position}. "
        click.echo(textwrap.fill(text, WRAP, initial_indent=first, subsequent_indent="     "))
    if not plan.objectives:
        click.echo(_("  (none yet)"))
    click.echo(_("\nTarget countries:"))
    for pc in plan.targets:
        name = pc.country.name(lang)
        label = pc.label if lang == "it" else f"Country {pc.position}"
        click.echo(f"  {label}: {name} ({pc.code}) — {_country_flags(pc)}")
        rationale = _pick(lang, pc.rationale, pc.rationale_en)
        if rationale:
            click.echo(_para(rationale, "      "))
        priority = _pick(lang, pc.priority_note, pc.priority_note_en)
        if priority:
            click.echo(_para(_("Priority: ") + priority, "      "))
    if not plan.targets:
        click.echo(_("  (none yet: `tracker plans add-country`)"))
    watch = ", ".join(f"{w.country.name(lang)} ({w.code})" for w in plan.watch)
    click.echo(_("\nWatch list: {value}").format(value=watch or "(empty)"))
    strategy = _pick(lang, plan.strategy_note, plan.strategy_note_en)
    if strategy:
        click.echo(_para(strategy, "  "))
    click.echo(_("\nCost items:"))
    width = max((len(c.code) for c in plan.categories), default=0)
    for category in plan.categories:
        click.echo(f"  {category.code.ljust(width)}  {category.name(lang)}")
    if not plan.categories:
        click.echo(_("  (none yet: `tracker plans add-category`)"))
    click.echo("")
    for line in caps_lines(plan.caps):
        click.echo(line)
    if plan.funding_note:
        click.echo("\n" + _para(f"Funding: {plan.funding_note}", ""))


def _done(plan: PlanOverview, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(serialize.plan_overview(plan))
    else:
        click.echo(message)


@click.group()
def plans() -> None:
    """Plan years: overview, target countries, cost items and caps."""


@plans.command("list")
@format_option(TABULAR)
@pass_cli
def list_plans(cli: CliContext, fmt: str) -> None:
    """Every plan year, with targets and totals."""
    summaries = cli.services.plans.list()
    if fmt == "json":
        echo_json([serialize.plan_summary(p) for p in summaries])
    elif fmt == "csv":
        echo_csv(
            ("year", "title", "targets", "events", "planned"),
            [(p.year, p.title, " ".join(p.targets), p.events, plain(p.planned)) for p in summaries],
        )
    elif not summaries:
        click.echo(
            _("no plans yet: `tracker seed` loads the 2018 plan; `tracker plans create YEAR`")
        )
    else:
        echo_table(
            (_("year"), _("title"), _("targets"), _("events"), _("planned")),
            [
                (str(p.year), p.title, ", ".join(p.targets), str(p.events), eur(p.planned))
                for p in summaries
            ],
            right=(3, 4),
        )


@plans.command()
@click.argument("year", type=int)
@click.option("--title", default="", help="Title (default: Piano di promozione YEAR).")
@format_option()
@pass_cli
def create(cli: CliContext, year: int, title: str, fmt: str) -> None:
    """Start the plan of a new year.

    It takes the cost items and caps of the latest plan before it.
    """
    plan = cli.services.plans.create(year, title)
    _done(plan, fmt, f"created plan {plan.year}: {plan.title}")


@plans.command()
@year_option()
@lang_option()
@format_option()
@pass_cli
def show(cli: CliContext, year: int | None, lang: str, fmt: str) -> None:
    """A plan's overview: objectives, targets, caps."""
    plan = cli.services.plans.overview(plan_year(cli, year))
    if fmt == "json":
        echo_json(serialize.plan_overview(plan))
    else:
        echo_overview(plan, lang)


@plans.command("add-country")
@required_year
@click.argument("code")
@click.option("--watch", is_flag=True, help="Put it on the watch list, not among the targets.")
@click.option("--rationale", default="", help="Why this country (shown in the overview).")
@format_option()
@pass_cli
def add_country(
    cli: CliContext, year: int, code: str, watch: bool, rationale: str, fmt: str
) -> None:
    """Add a country: a target, or on the watch list."""
    role = "watch" if watch else "target"
    plan = cli.services.plans.add_country(year, code, role=role, rationale=rationale)
    added = next(pc for pc in (*plan.targets, *plan.watch) if pc.code == code.strip().upper())
    where = "the watch list" if watch else f"the targets as {added.label}"
    _done(plan, fmt, f"added {added.country.name_en} ({added.code}) to {where} of {year}")


@plans.command("remove-country")
@required_year
@click.argument("code")
@format_option()
@pass_cli
def remove_country(cli: CliContext, year: int, code: str, fmt: str) -> None:
    """Take a country off the plan.

    Refused while money is earmarked or spent on its cost lines.
    """
    plan = cli.services.plans.remove_country(year, code)
    _done(plan, fmt, f"removed {code.strip().upper()} from the {year} plan")


@plans.command("add-category")
@required_year
@click.argument("code")
@click.option("--name-it", default="", help="Italian name, for a new cost item.")
@click.option("--name-en", default="", help="English name, for a new cost item.")
@format_option()
@pass_cli
def add_category(
    cli: CliContext, year: int, code: str, name_it: str, name_en: str, fmt: str
) -> None:
    """Add a cost item to the budget (new ones need a name)."""
    plan = cli.services.plans.add_category(year, code, name_it=name_it, name_en=name_en)
    added = next(c for c in plan.categories if c.code == code.strip().lower())
    _done(plan, fmt, f"added cost item {added.code} ({added.name_it} / {added.name_en}) to {year}")


@plans.command("remove-category")
@required_year
@click.argument("code")
@format_option()
@pass_cli
def remove_category(cli: CliContext, year: int, code: str, fmt: str) -> None:
    """Remove a cost item from the budget.

    Refused while its lines hold earmarks or expenses.
    """
    plan = cli.services.plans.remove_category(year, code)
    _done(plan, fmt, f"removed cost item {code.strip().lower()} from the {year} plan")


@plans.command("caps")
@required_year
@click.option("--inside", metavar="AMOUNT|none", help="Cap for European (or EU) countries.")
@click.option("--outside", metavar="AMOUNT|none", help="Cap for the other countries.")
@click.option("--total", metavar="AMOUNT|none", help="Cap for the whole plan.")
@click.option("--basis", type=click.Choice([b.value for b in CapBasis]), help="Europe or EU.")
@click.option("--scope", type=click.Choice([s.value for s in CapScope]), help="How caps apply.")
@format_option()
@pass_cli
def caps(
    cli: CliContext,
    year: int,
    inside: str | None,
    outside: str | None,
    total: str | None,
    basis: str | None,
    scope: str | None,
    fmt: str,
) -> None:
    """Show or change the funding caps.

    Options not given keep their value; "none" removes a cap.
    """
    service = cli.services.plans
    if any(v is not None for v in (inside, outside, total, basis, scope)):
        plan = service.set_caps(
            year,
            inside=params.cap(inside),
            outside=params.cap(outside),
            total=params.cap(total),
            basis=basis,
            scope=scope,
        )
    else:
        plan = service.overview(year)
    if fmt == "json":
        echo_json({"year": plan.year, **serialize.caps(plan.caps)})
    else:
        click.echo(_("Plan {year}").format(year=plan.year))
        click.echo("\n".join(caps_lines(plan.caps)))
