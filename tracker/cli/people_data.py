"""GDPR on the command line: `people export-data` and `people erase`."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli import refs
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import echo_json, format_option, note
from tracker.i18n import _


@click.command("export-data")
@click.argument("person", metavar="PERSON")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON file to write (replaced whole, or not at all; readable by you only).",
)
@format_option()
@pass_cli
def export_data(cli: CliContext, person: str, output: Path, fmt: str) -> None:
    """Write everything held about a person to a JSON file (GDPR access request).

    The person's record, their organisation, every contact-log entry and mission they
    are linked to, and any note that mentions their name or e-mail.
    """
    found = refs.person(cli, person)
    result = cli.services.personal_data.export(found.id, output)
    if fmt == "json":
        echo_json(
            {"person": result.person_id, "path": str(result.path), "bytes": result.size,
             "rows": dict(result.rows)}
        )  # fmt: skip
        return
    total = sum(result.rows.values())
    click.echo(
        _("wrote {rows} records about #{id} to {path}").format(
            rows=total, id=result.person_id, path=result.path
        )
    )


@click.command()
@click.argument("person", metavar="PERSON")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@format_option()
@pass_cli
def erase(cli: CliContext, person: str, yes: bool, fmt: str) -> None:
    """Erase a person's personal data everywhere (GDPR right to erasure).

    Their record becomes "Erased person #ID": name, e-mail, phone, role, notes and
    consent go, and so do mentions of their name or e-mail in notes and summaries.
    Contact-log entries keep their dates and organisations; budgets do not change.
    Only the id and the time of the erasure are recorded. Backups taken earlier are
    separate files and still hold the data: delete them yourself if needed.
    """
    found = refs.person(cli, person)
    if not yes:
        click.confirm(
            _("Erase #{id} {name!r} for good? This cannot be undone.").format(
                id=found.id, name=found.full_name
            ),
            abort=True,
            err=True,
        )
    report = cli.services.personal_data.erase(found.id)
    backups = _older_backups(cli)
    if fmt == "json":
        echo_json(
            {"erased": report.person_id, "label": report.label, "mentions": report.mentions,
             "files_rewritten": report.scrubbed, "wal_emptied": report.checkpointed,
             "backups_with_old_data": [str(p) for p in backups]}
        )  # fmt: skip
        return
    click.echo(
        _("erased person #{id}: now “{label}”; {n} mentions removed elsewhere").format(
            id=report.person_id, label=report.label, n=report.mentions
        )
    )
    if cli.sqlite_path is not None and not (report.scrubbed and report.checkpointed):
        note(
            _("another program has the database open, so the old bytes are not overwritten "
              "yet: close it and run this erase again")
        )  # fmt: skip
    if backups:
        note(
            _(
                "{n} earlier backups in {folder} still hold their data: delete them if needed"
            ).format(n=len(backups), folder=cli.settings.backup_dir)
        )


def _older_backups(cli: CliContext) -> list[Path]:
    if cli.sqlite_path is None:
        return []
    from tracker.db.backup import list_backups

    return list_backups(cli.settings.backup_dir)


COMMANDS = (export_data, erase)
