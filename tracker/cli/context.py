"""What a command gets on ``click.Context.obj``: the settings, and services opened on demand.

The services (SQLAlchemy, Alembic) are imported only when a command first needs them,
so ``tracker --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import click

from tracker.config import Settings, sqlite_path_of
from tracker.domain.errors import NotFoundError
from tracker.i18n import _

if TYPE_CHECKING:
    from pathlib import Path

    from tracker.services.context import Services

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class CliContext:
    db: str | None = None
    _settings: Settings | None = field(default=None, repr=False)
    _services: Services | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.load(db=self.db)
        return self._settings

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path_of(self.settings.database_url)

    @property
    def where(self) -> str:
        """The database as a person should see it: a file, or a URL without its password."""
        path = self.sqlite_path
        if path is not None:
            return str(path)
        from sqlalchemy.engine import make_url

        return make_url(self.settings.database_url).render_as_string(hide_password=True)

    def open(self, *, seed_if_new: bool = True, quiet: bool = False) -> Services:
        """Services on a database brought to the newest schema (a new one gets the seed)."""
        if self._services is None:
            from tracker.services.context import Services

            services = Services.open(self.settings, seed_if_new=seed_if_new)
            self._services = services
            if not quiet:
                self._report_open(services)
        return self._services

    @property
    def services(self) -> Services:
        return self.open()

    def _report_open(self, services: Services) -> None:
        # Imported here: the output module (Babel, csv, json) is not needed to open the TUI.
        from tracker.cli.output import note

        upgrade = services.upgrade
        if upgrade is None or not upgrade.changed:
            return
        if upgrade.before is None:
            seeded = services.seeded
            what = (
                f", seeded with the {', '.join(map(str, seeded.plans_added))} plan"
                if seeded is not None and seeded.plans_added
                else ""
            )
            note(_("created a new database at {where}{what}").format(where=self.where, what=what))
            return
        message = f"upgraded the database schema from {upgrade.before} to {upgrade.after}"
        if upgrade.backup is not None:
            message += f" (backup first: {upgrade.backup.path})"
        note(message)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None


pass_cli = click.make_pass_decorator(CliContext, ensure=True)


def plan_year(cli: CliContext, year: int | None) -> int:
    """The year asked for, or the newest plan's when none is given."""
    if year is not None:
        return year
    latest = cli.services.plans.latest_year()
    if latest is None:
        raise NotFoundError(_("there is no plan yet: run `tracker seed` or `tracker plans create`"))
    return latest


def year_option(help_text: str = "Plan year (default: the newest plan).") -> Callable[[F], F]:
    return click.option("--year", type=int, default=None, help=help_text)
