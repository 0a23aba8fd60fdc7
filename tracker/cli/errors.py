"""The one place where errors meant for people become ``error: ...`` lines and exit code 1.

Anything not listed here is a bug and keeps its traceback; click's usage errors keep
their exit code 2.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from tracker.i18n import N_, _

# (module, class) pairs: a module that is not loaded cannot have raised its error, so the
# check never imports anything heavy.
_PLAIN_ERRORS = (
    ("tracker.domain.errors", "TrackerError"),
    ("tracker.domain.money", "AmountParseError"),
    ("tracker.domain.dates", "DateParseError"),
    ("tracker.db.backup", "BackupError"),
    ("tracker.db.migrate", "MigrationError"),
    ("builtins", "OSError"),  # a folder that cannot be created, a file that cannot be read
)
_DATABASE_ERRORS = (
    ("sqlalchemy.exc", "OperationalError", N_("cannot use the database")),
    ("sqlalchemy.exc", "IntegrityError", N_("the database refused the change")),
    ("sqlalchemy.exc", "ArgumentError", N_("bad database URL")),
    ("sqlite3", "Error", N_("cannot use the database file")),  # raised outside SQLAlchemy
)


def _loaded(module: str, name: str) -> type[BaseException] | None:
    loaded = sys.modules.get(module)
    found = getattr(loaded, name, None) if loaded is not None else None
    return found if isinstance(found, type) and issubclass(found, BaseException) else None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def user_error_lines(exc: BaseException) -> list[str] | None:
    """The lines to print for an error a user can act on; None for a bug."""
    validation = _loaded("tracker.domain.errors", "ValidationError")
    if validation is not None and isinstance(exc, validation):
        errors: dict[str, str] = getattr(exc, "errors", {})
        return [f"{field}: {message}" for field, message in errors.items()] or [str(exc)]
    for module, name in _PLAIN_ERRORS:
        cls = _loaded(module, name)
        if cls is not None and isinstance(exc, cls):
            return [str(exc)]
    for module, name, what in _DATABASE_ERRORS:
        cls = _loaded(module, name)
        if cls is not None and isinstance(exc, cls):
            cause = getattr(exc, "orig", None) or exc
            return [f"{_(what)}: {_first_line(str(cause))}"]
    return None


def report(exc: BaseException) -> bool:
    """Print a user error on stderr; False when ``exc`` is not one (a bug: re-raise it)."""
    lines = user_error_lines(exc)
    if lines is None:
        return False
    for line in lines:
        click.echo(_("error: {message}").format(message=line), err=True)
    return True


class TrackerGroup(click.Group):
    """The root group: runs every sub-command inside the single error handler."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # The language first: help texts and messages all read in it.
        from tracker.cli.language import apply_language, chosen_language

        apply_language(self, chosen_language(args))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, BrokenPipeError):
            raise  # click reports these itself (a closed pipe exits quietly)
        except Exception as exc:
            if not report(exc):
                raise
            ctx.exit(1)
