"""The ``tracker`` command: the TUI by default, sub-commands that call the services only.

Sub-command modules are imported when their command runs (``tracker.cli.lazy``) and
import click and plain data only; the services, SQLAlchemy and Textual are imported when
a command runs, so ``tracker --help`` answers at once and ``tracker`` paints at once.
"""

from __future__ import annotations

import click

from tracker.cli import collector
from tracker.cli.context import CliContext
from tracker.cli.language import ENV_VAR
from tracker.cli.lazy import LazyGroup
from tracker.i18n import LANGUAGES

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
  tracker missions add --year 2018 --country BE --title "Brussels" --from 24/10/2018 --to 26/10/2018
  tracker calendar agenda --from 22/10/2018 --days 14
  tracker calendar export --year 2018 -o plan-2018.ics
  tracker search "cosme"
  tracker --db postgresql+psycopg://user@host/tracker plans show
"""


@click.group(cls=LazyGroup, invoke_without_command=True, epilog=EXAMPLES)
@click.option(
    "--db",
    "db_location",
    envvar="TRACKER_DATABASE_URL",
    metavar="PATH|URL",
    help="SQLite file or database URL (default: the user data folder). Also TRACKER_DATABASE_URL.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES, case_sensitive=False),
    envvar=ENV_VAR,
    expose_value=False,
    is_eager=True,
    help="Language: it or en (default: TRACKER_LANG, else Italian when the locale is it_*).",
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
        collector.resume()  # the app manages its own (it freezes after its first paint)
        from tracker.tui.app import run

        run(state.settings)


def main() -> None:
    collector.pause()
    cli(prog_name="tracker")
