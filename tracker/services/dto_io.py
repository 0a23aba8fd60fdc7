"""Plain data about imports and exports, for the CLI and the TUI (no SQLAlchemy here).

An import is checked as a whole before anything is written: its :class:`ImportReport`
says per record whether it is new, a duplicate (skipped) or invalid, and lists every
problem with its line. Any problem refuses the import (:class:`ImportRefused`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from tracker.domain.errors import TrackerError
from tracker.io.csv_problems import Problem

# (records done, records in all): called every few thousand records and at the end.
Progress = Callable[[int, int], None]

NEW, DUPLICATE, INVALID = "new", "duplicate", "invalid"
EXPORT_KINDS = ("orgs", "people", "events", "log")
IMPORT_KINDS = ("orgs", "people", "events")


class RowOutcome(NamedTuple):
    """What the import does with one record (a NamedTuple: 100k of them stay cheap)."""

    line: int
    status: str  # new | duplicate | invalid
    label: str  # the record's name as the file gives it
    duplicate_of: int | None = None  # the record already in the database
    same_as_line: int | None = None  # or an earlier record of the same file
    problems: tuple[Problem, ...] = ()

    def describe(self) -> str:
        if self.status == DUPLICATE:
            if self.duplicate_of is not None:
                return f"duplicate of #{self.duplicate_of} (skipped)"
            return f"duplicate of line {self.same_as_line} (skipped)"
        if self.status == INVALID:
            return "invalid: " + "; ".join(
                f"{p.field}: {p.message}" if p.field else p.message for p in self.problems
            )
        return NEW


@dataclass(frozen=True)
class ColumnUse:
    header: str
    field: str | None  # None: not imported
    how: str  # "known header", "--map", "not imported"


@dataclass(frozen=True)
class ImportReport:
    kind: str  # orgs | people | events
    source: str  # the file's name
    file_format: str  # "csv" | "vcard"
    encoding: str
    encoding_note: str  # said when the encoding was a guess (cp1252)
    delimiter: str  # "" for vCard
    columns: tuple[ColumnUse, ...]
    rows: tuple[RowOutcome, ...]
    problems: tuple[Problem, ...]  # every one, in line order
    dry_run: bool
    written: int = 0
    organisations_created: tuple[str, ...] = ()  # people's organisations new to the database
    version: str = ""  # vCard versions found, e.g. "2.1, 3.0"

    def _count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def new(self) -> int:
        return self._count(NEW)

    @property
    def duplicates(self) -> int:
        return self._count(DUPLICATE)

    @property
    def invalid(self) -> int:
        return self._count(INVALID)

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportRefused(TrackerError):
    """The file has problems: nothing was imported; ``report.problems`` lists them all."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        count = len(report.problems)
        super().__init__(
            f"nothing was imported from {report.source}: "
            f"{count} problem{'s' if count != 1 else ''} "
            f"(first: {report.problems[0] if report.problems else '?'})"
        )


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    rows: int
