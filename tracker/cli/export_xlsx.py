"""`tracker export xlsx`: a plan year as a spreadsheet workbook.

``export`` is the group for files other programs open; other formats join it with
``export.add_command(...)``.
"""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import CliContext, pass_cli, plan_year, year_option
from tracker.cli.output import echo_json, format_option, lang_option, warn
from tracker.cli.report import default_name
from tracker.i18n import _


@click.group()
def export() -> None:
    """Write plan data and records to files that other programs open."""


@export.command("xlsx")
@year_option()
@lang_option()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: plan-YEAR-LANG.xlsx in the current folder).",
)
@format_option()
@pass_cli
def xlsx(cli: CliContext, year: int | None, lang: str, output: Path | None, fmt: str) -> None:
    """Write a plan year as an .xlsx workbook for LibreOffice and Excel.

    Sheets: budget (planned, earmarked, free, spent, remaining per line and country),
    caps, events and missions of the year, organisations, people, and the contact log
    of the plan's calendar year. Amounts are numbers in euro, dates are dates.
    """
    chosen = plan_year(cli, year)
    lang = lang.lower()
    target = output if output is not None else default_name(chosen, lang, "xlsx")
    if target.suffix.lower() != ".xlsx":
        warn(
            _("{name} does not end in .xlsx: Excel may refuse to open it").format(name=target.name)
        )
    summary = cli.services.reports.write_workbook(chosen, target, lang=lang)
    if fmt == "json":
        echo_json(
            {
                "path": str(summary.path.resolve()),
                "year": chosen,
                "lang": lang,
                "bytes": summary.size,
                "sheets": [{"name": s.name, "rows": s.rows} for s in summary.sheets],
            }
        )
        return
    click.echo(
        _("wrote {path}: the {chosen} plan workbook, {size:,} bytes").format(
            path=summary.path, chosen=chosen, size=summary.size
        )
    )
    width = max(len(s.name) for s in summary.sheets)
    digits = max(len(f"{s.rows:,}") for s in summary.sheets)
    for sheet in summary.sheets:
        rows = f"{sheet.rows:,}".rjust(digits) + (" row" if sheet.rows == 1 else " rows")
        click.echo(f"  {sheet.name.ljust(width)}  {rows}")
