"""Errors a user can read: every one carries a message fit for the screen or stderr."""

from __future__ import annotations

from collections.abc import Mapping


class TrackerError(Exception):
    """Base of every error we raise on purpose; anything else is a bug."""


class NotFoundError(TrackerError):
    pass


class RuleViolation(TrackerError):
    """The input is well formed but breaks a rule of the plan (e.g. wrong country)."""


class ConflictError(TrackerError):
    """Someone else changed the record since it was read."""


class ValidationError(TrackerError):
    """One or more fields are invalid; ``errors`` maps field name to message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))


class StorageError(TrackerError):
    """The database could not be written or read: disk full, I/O error, read-only file."""
