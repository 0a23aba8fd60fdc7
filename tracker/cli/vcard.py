"""`tracker export vcard -o FILE` and `tracker import vcard FILE`: people as vCards."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import CliContext, pass_cli
from tracker.cli.import_ import run_and_report
from tracker.cli.output import echo_json, format_option
from tracker.i18n import _


@click.command("vcard")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write, e.g. people.vcf (replaced whole, or not at all).",
)
@click.option(
    "--version",
    "version",
    type=click.Choice(("4.0", "3.0")),
    default="4.0",
    show_default=True,
    help="vCard version: 3.0 for older address books.",
)
@format_option()
@pass_cli
def export_vcard(cli: CliContext, output: Path, version: str, fmt: str) -> None:
    """Write every person as a vCard (name, organisation, role, email, phone, notes)."""
    result = cli.services.vcard.export(output, version=version)
    if fmt == "json":
        echo_json({"path": str(result.path.resolve()), "people": result.rows, "version": version})
        return
    click.echo(
        _("wrote {rows} people to {path} (vCard {version})").format(
            rows=result.rows, path=result.path, version=version
        )
    )


@click.command("vcard")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check and show what would happen; write nothing.")
@format_option()
@pass_cli
def import_vcard(cli: CliContext, file: Path, dry_run: bool, fmt: str) -> None:
    """Import people from a .vcf file (vCard 2.1, 3.0 or 4.0; several cards per file).

    Duplicates (same email, or same name at the same organisation) are skipped; any
    card with a problem refuses the whole file, each problem named by its line.
    """
    service = cli.services.vcard
    run_and_report(
        lambda progress: service.import_file(file, dry_run=dry_run, progress=progress),
        dry_run=dry_run,
        fmt=fmt,
    )
