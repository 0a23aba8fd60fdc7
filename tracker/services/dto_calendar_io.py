"""What calendar export and import hand back: plain data, no SQLAlchemy, no icalendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tracker.io.ics_types import Note, Problem


@dataclass(frozen=True)
class ExportCounts:
    events: int = 0
    missions: int = 0
    deadlines: int = 0

    @property
    def total(self) -> int:
        return self.events + self.missions + self.deadlines


@dataclass(frozen=True)
class ExportResult:
    ics_bytes: bytes
    counts: ExportCounts
    skipped_undated: int  # events without dates: a calendar cannot show them
    warnings: tuple[str, ...] = ()


class ImportAction(StrEnum):
    NEW = "new"  # becomes a candidate event of the plan
    UPDATE = "update"  # same UID as an event of the plan: its name, dates or URL change
    UNCHANGED = "unchanged"  # same UID, nothing to change
    DUPLICATE = "duplicate"  # same name and start day as an event of the plan (or file)
    CANCELLED = "cancelled"  # the organiser cancelled it: not brought in

    @property
    def writes(self) -> bool:
        return self in (ImportAction.NEW, ImportAction.UPDATE)


@dataclass(frozen=True)
class PlannedImport:
    """One event of the file and what importing it would do."""

    line: int
    action: ImportAction
    name: str
    start: date
    end: date  # the last day (the start for a one-day event)
    kind: str
    city: str
    uid: str
    existing_id: int | None = None  # the plan's event it matches, if any
    changes: tuple[str, ...] = ()  # for an update: "dates 01/10/2018 → 02/10/2018"...
    outside_year: bool = False


@dataclass(frozen=True)
class ImportPlan:
    """The preview: nothing is written while ``problems`` holds anything."""

    year: int
    country: str | None
    events: tuple[PlannedImport, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Note, ...] = ()
    ignored: tuple[Note, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: ImportAction) -> int:
        return sum(1 for e in self.events if e.action is action)

    @property
    def writes(self) -> int:
        return sum(1 for e in self.events if e.action.writes)


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote, in one transaction."""

    year: int
    country: str | None
    created: tuple[int, ...]  # ids of the new events
    updated: tuple[int, ...]  # ids of the events whose name, dates or URL changed
    skipped: int  # unchanged, duplicates and cancelled ones
    warnings: tuple[Note, ...] = ()
    ignored: tuple[Note, ...] = ()
