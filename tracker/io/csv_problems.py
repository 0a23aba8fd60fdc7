"""What goes wrong in an imported file, said with the line it happened on.

Shared by the CSV and vCard readers and by the services that check the records: every
problem names the physical line of the file (the first line of a record that spans
several), and the field when there is one, so a person can open the file and fix it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.domain.errors import TrackerError


@dataclass(frozen=True, order=True)
class Problem:
    """``line N: field: message``; line 0 means the file as a whole."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        what = f"{self.field}: " if self.field else ""
        return f"{where}{what}{self.message}"


def problem(line: int, message: str, field: str = "") -> Problem:
    return Problem(line, field, message)


class UnreadableFile(TrackerError):
    """The file cannot be read as records at all (not text, no header, not a vCard...)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))
