"""`tracker export csv orgs|people|events|log -o FILE`: every record, safe for spreadsheets."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import echo_json, format_option
from tracker.i18n import _
from tracker.services.dto_io import EXPORT_KINDS

SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}
WHAT = {"orgs": "organisations", "people": "people", "events": "events", "log": "log entries"}


@click.command("csv")
@click.argument("kind", type=click.Choice(EXPORT_KINDS, case_sensitive=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (replaced whole, or not at all).",
)
@click.option(
    "--separator",
    type=click.Choice(tuple(SEPARATORS), case_sensitive=False),
    default="comma",
    show_default=True,
    help="Between values.",
)
@click.option("--bom", is_flag=True, help="Start with a UTF-8 BOM, so Excel reads accents right.")
@click.option(
    "--excel",
    is_flag=True,
    help="For Excel in Italy: a BOM and semicolons (--bom --separator semicolon).",
)
@format_option()
@pass_cli
def export_csv(
    cli: CliContext, kind: str, output: Path, separator: str, bom: bool, excel: bool, fmt: str
) -> None:
    """Write every organisation, person, event or contact-log entry to a CSV file.

    Cells that a spreadsheet could run as a formula (starting with = + - @, a tab or
    NUL) get a leading ' so they show as text. The header uses the field names
    `tracker import csv` reads, so an exported file imports back as it is.
    """
    kind = kind.lower()
    delimiter = ";" if excel else SEPARATORS[separator.lower()]
    result = cli.services.csv.export(kind, output, bom=bom or excel, delimiter=delimiter)
    if fmt == "json":
        echo_json({"kind": kind, "path": str(result.path.resolve()), "rows": result.rows})
        return
    click.echo(
        _("wrote {rows} {value} to {path}").format(
            rows=result.rows, value=WHAT[kind], path=result.path
        )
    )
