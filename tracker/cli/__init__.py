"""The ``tracker`` command: the TUI by default, sub-commands that call the services only.

Sub-command modules import click and plain data only; the services, SQLAlchemy and
Textual are imported when a command runs, so ``tracker --help`` answers at once.
"""

from __future__ import annotations

import click

# Modules, not their commands: `tracker.cli.events` must stay the module (tests patch it).
from tracker.cli import (
    budget,
    calls,
    consortia,
    contact_log,
    countries,
    db,
    duplicates,
    event_edit,
    events,
    expenses,
    export_xlsx,
    followups,
    org_edit,
    orgs,
    people,
    people_data,
    plans,
    report,
    search,
)
from tracker.cli.context import CliContext
from tracker.cli.errors import TrackerGroup
from tracker.cli.import_ import register as register_file_commands

__all__ = ["cli", "main"]


EXAMPLES = """\b
Examples:
  tracker budget --year 2018
  tracker budget set --year 2018 --country BE --category travel --amount 1.500,00
  tracker events list --status candidate --sort date
  tracker events link "partnering event" --category travel --amount 1200
  tracker orgs add "BioWin" --kind cluster --country BE
  tracker people add "Anna Rossi" --org BioWin --email anna@biowin.be
  tracker log add --person "Anna Rossi" --event "partnering" --follow-up "send MoU" --due 15/11/2018
  tracker followups --overdue
  tracker search "cosme"
  tracker --db postgresql+psycopg://user@host/tracker plans show
"""


@click.group(cls=TrackerGroup, invoke_without_command=True, epilog=EXAMPLES)
@click.option(
    "--db",
    "db_location",
    envvar="TRACKER_DATABASE_URL",
    metavar="PATH|URL",
    help="SQLite file or database URL (default: the user data folder). Also TRACKER_DATABASE_URL.",
)
@click.version_option(package_name="tracker")
@click.pass_context
def cli(ctx: click.Context, db_location: str | None) -> None:
    """Plan, run and account for a cluster's international promotion.

    With no command, opens the full-screen app.
    """
    state = ctx.ensure_object(CliContext)
    state.db = db_location or None
    ctx.call_on_close(state.close)
    if ctx.invoked_subcommand is None:
        from tracker.tui.app import run

        run(state.settings)


for command in (
    db.init,
    db.seed,
    db.db,
    plans.plans,
    budget.budget,
    events.events,
    expenses.expenses,
    countries.countries,
    orgs.orgs,
    people.people,
    contact_log.log,
    followups.followups,
    calls.calls,
    consortia.consortia,
    search.search,
    duplicates.duplicates,
    report.report,
    export_xlsx.export,
):
    cli.add_command(command)
for command in event_edit.COMMANDS:
    events.events.add_command(command)
for command in org_edit.COMMANDS:
    orgs.orgs.add_command(command)
for command in people_data.COMMANDS:
    people.people.add_command(command)


register_file_commands(cli)  # import csv|vcard, export csv|vcard


def main() -> None:
    cli(prog_name="tracker")
