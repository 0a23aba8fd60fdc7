"""The country reference list: ISO code, names, EU membership and geography."""

from __future__ import annotations

import click

from tracker.cli import serialize
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import TABULAR, echo_csv, echo_json, echo_table, format_option, yes_no
from tracker.i18n import _


@click.group()
def countries() -> None:
    """The countries the plans can name."""


@countries.command("list")
@click.option("--europe/--no-europe", default=None, help="Only European / extra-European ones.")
@click.option("--eu/--no-eu", default=None, help="Only EU members / non-members.")
@format_option(TABULAR)
@pass_cli
def list_countries(cli: CliContext, europe: bool | None, eu: bool | None, fmt: str) -> None:
    """List the countries (filter by Europe, EU)."""
    found = cli.services.countries.list(europe=europe, eu=eu)
    if fmt == "json":
        echo_json([serialize.country(c) for c in found])
    elif fmt == "csv":
        echo_csv(
            ("code", "name_en", "name_it", "eu", "in_europe"),
            [(c.code, c.name_en, c.name_it, int(c.eu_member), int(c.in_europe)) for c in found],
        )
    elif not found:
        click.echo(_("no countries match (an empty database? `tracker seed` loads the list)"))
    else:
        echo_table(
            (_("code"), _("name"), _("nome"), _("EU"), _("Europe")),
            [
                (c.code, c.name_en, c.name_it, yes_no(c.eu_member), yes_no(c.in_europe))
                for c in found
            ],
        )
        click.echo(_("\n{count} countries").format(count=len(found)))


@countries.command()
@click.argument("code")
@click.option("--name-en", required=True, help="English name.")
@click.option("--name-it", default="", help="Italian name (default: the English one).")
@click.option("--eu", is_flag=True, help="An EU member (implies --europe).")
@click.option("--europe/--no-europe", default=None, help="In Europe (geographically).")
@format_option()
@pass_cli
def add(
    cli: CliContext,
    code: str,
    name_en: str,
    name_it: str,
    eu: bool,
    europe: bool | None,
    fmt: str,
) -> None:
    """Add a country (CODE: two letters, ISO 3166)."""
    in_europe = eu if europe is None else europe
    info = cli.services.countries.add(code, name_en, name_it, eu_member=eu, in_europe=in_europe)
    if fmt == "json":
        echo_json(serialize.country(info))
    else:
        where = (
            "EU member" if info.eu_member else "European" if info.in_europe else "extra-European"
        )
        click.echo(
            _("added {code} {name_en} ({name_it}), {where}").format(
                code=info.code, name_en=info.name_en, name_it=info.name_it, where=where
            )
        )
