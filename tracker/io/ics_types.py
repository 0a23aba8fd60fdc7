"""What reading a calendar file gives back: candidate events and line-numbered notes.

Plain data only (no icalendar, no SQLAlchemy), so screens and DTOs can use these types
without loading the parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, order=True)
class Note:
    """Something said about one line of the file, e.g. what was left out and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class Problem(Note):
    """A reason to refuse the whole file: nothing is imported while one is left."""


@dataclass(frozen=True)
class CandidateEvent:
    """One VEVENT read from an organiser's calendar, in the plain terms of an event.

    ``start`` and ``end`` are calendar days in the event's own time zone; ``end`` is the
    last day (inclusive), never RFC 5545's exclusive DTEND.
    """

    line: int  # where its BEGIN:VEVENT is
    uid: str  # the organiser's UID, "" when the file gives none
    name: str
    start: date
    end: date
    city: str = ""
    location: str = ""  # LOCATION as written, when it says more than a city
    url: str = ""
    description: str = ""
    recurrence: str = ""  # the RRULE text, e.g. "FREQ=YEARLY;BYMONTH=10"
    categories: tuple[str, ...] = ()
    status: str = ""  # the organiser's STATUS, upper case: TENTATIVE, CONFIRMED, CANCELLED


@dataclass(frozen=True)
class ImportPreview:
    """Everything a calendar file holds for us, and everything that stops its import."""

    candidates: tuple[CandidateEvent, ...]
    problems: tuple[Problem, ...]  # any one refuses the whole file
    ignored: tuple[Note, ...] = ()  # parts of the file left out on purpose (to-dos...)
    warnings: tuple[Note, ...] = ()  # read, but with a guess worth knowing about

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem_lines(self) -> list[str]:
        return [str(p) for p in self.problems]
