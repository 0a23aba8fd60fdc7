"""The database as services see it: storage failures become errors a user can read.

A full disk, a file grown past its size limit or a failing device make SQLite raise
OperationalError ("database or disk is full", "disk I/O error"). The transaction is
rolled back by then; what the user needs is a sentence saying so, in the CLI and the TUI
alike, instead of an unexpected-error line. Likewise PostgreSQL's refusal of a NUL
character in a filter typed by the user (forms drop control characters before saving).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain.errors import StorageError, ValidationError
from tracker.i18n import _

_STORAGE_FAILURES = (
    "database or disk is full",
    "disk i/o error",
    "attempt to write a readonly database",
    "unable to open database file",
    "no space left on device",
)


def storage_failure(exc: OperationalError) -> StorageError | None:
    cause = str(exc.orig if exc.orig is not None else exc).strip().splitlines()[0]
    if not any(text in cause.lower() for text in _STORAGE_FAILURES):
        return None
    return StorageError(
        _(
            "the database could not be written ({cause}): the disk may be full or "
            "failing; nothing of this action was saved"
        ).format(cause=cause)
    )


def nul_in_text(exc: DataError) -> ValidationError | None:
    """PostgreSQL refuses a NUL character in any text parameter, even in a filter."""
    if "NUL (0x00)" not in str(exc.orig if exc.orig is not None else exc):
        return None
    return ValidationError(
        {"text": _("a NUL character (\\0) cannot be stored or searched: remove it")}
    )


@contextmanager
def _guarded(unit: AbstractContextManager[Session]) -> Iterator[Session]:
    try:
        with unit as session:
            yield session
    except OperationalError as exc:
        failure = storage_failure(exc)
        if failure is None:
            raise
        raise failure from exc
    except DataError as exc:
        refused = nul_in_text(exc)
        if refused is None:
            raise
        raise refused from exc


class GuardedDatabase(Database):
    """``Database`` whose units of work turn storage failures into StorageError."""

    @contextmanager
    def write(self) -> Iterator[Session]:
        with _guarded(super().write()) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _guarded(super().read()) as session:
            yield session
