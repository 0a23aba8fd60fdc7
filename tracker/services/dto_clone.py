"""What cloning a plan year into the next one did (plain data for the CLI and the TUI)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class BudgetStart(StrEnum):
    """How the new year's budget lines start."""

    ZERO = "zero"  # every line at 0: the plan is budgeted afresh
    COPY = "copy"  # every line at last year's planned amount


@dataclass(frozen=True)
class ClonedEvent:
    """An event of the new year and where it came from.

    ``how`` is ``recurring`` (a date proposed by its rule), ``recurring-undated`` (its rule
    gives no date in the new year), ``open`` (still open last year, carried over without
    a date) or ``dated`` (open, and already dated in the new year).
    """

    event_id: int
    source_id: int
    name: str
    country_code: str | None
    status: str
    start_date: date | None
    end_date: date | None
    how: str
    note: str = ""


@dataclass(frozen=True)
class PlanCloneReport:
    from_year: int
    year: int
    title: str
    budget: BudgetStart
    targets: tuple[str, ...]
    watch: tuple[str, ...]
    categories: tuple[str, ...]
    objectives: int
    cost_lines: int
    planned: Decimal
    events: tuple[ClonedEvent, ...]
    left_behind: int  # events closed last year and not recurring: not carried over

    @property
    def proposed(self) -> int:
        return sum(1 for e in self.events if e.how == "recurring")
