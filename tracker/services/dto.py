"""Plain data the services hand to the CLI and the TUI. No ORM objects cross this line.

Kept free of SQLAlchemy on purpose: the TUI imports these before its first paint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

ZERO = Decimal("0.00")


class Keep(Enum):
    """Marks a field that a partial update leaves as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name_en: str
    name_it: str
    eu_member: bool
    in_europe: bool

    def name(self, lang: str = "it") -> str:
        return self.name_it if lang == "it" else self.name_en


@dataclass(frozen=True)
class PlanSummary:
    year: int
    title: str
    targets: tuple[str, ...]
    events: int
    planned: Decimal


@dataclass(frozen=True)
class ObjectiveInfo:
    position: int
    text: str
    text_en: str


@dataclass(frozen=True)
class PlanCountryInfo:
    country: CountryInfo
    role: str
    position: int | None
    rationale: str
    rationale_en: str
    priority_note: str
    priority_note_en: str

    @property
    def code(self) -> str:
        return self.country.code

    @property
    def label(self) -> str:
        """How the plan document names a target: "Paese 1", "Paese 2"..."""
        return f"Paese {self.position}" if self.position is not None else "watch list"


@dataclass(frozen=True)
class CapsInfo:
    basis: str
    scope: str
    inside: Decimal | None
    outside: Decimal | None
    total: Decimal | None


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    code: str
    name_it: str
    name_en: str

    def name(self, lang: str = "it") -> str:
        return self.name_it if lang == "it" else self.name_en


@dataclass(frozen=True)
class PlanOverview:
    year: int
    title: str
    title_en: str
    intro: str
    intro_en: str
    strategy_note: str
    strategy_note_en: str
    funding_note: str
    currency: str
    objectives: tuple[ObjectiveInfo, ...]
    targets: tuple[PlanCountryInfo, ...]
    watch: tuple[PlanCountryInfo, ...]
    categories: tuple[CategoryInfo, ...]
    caps: CapsInfo


@dataclass(frozen=True)
class LineFigures:
    """Planned, earmarked for events and missions, and actually spent: a cell or a total.

    ``allocated`` counts events' and missions' earmarks together; ``missions`` is the
    missions' part of it.
    """

    planned: Decimal = ZERO
    allocated: Decimal = ZERO
    actual: Decimal = ZERO
    missions: Decimal = ZERO

    @property
    def events(self) -> Decimal:
        """The events' part of ``allocated``."""
        return self.allocated - self.missions

    @property
    def free(self) -> Decimal:
        """What is planned but not yet earmarked for an event or a mission."""
        return self.planned - self.allocated

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.actual

    @property
    def over_allocated(self) -> bool:
        return self.allocated > self.planned

    @property
    def overspent(self) -> bool:
        return self.actual > self.planned

    def __add__(self, other: LineFigures) -> LineFigures:
        return LineFigures(
            self.planned + other.planned,
            self.allocated + other.allocated,
            self.actual + other.actual,
            self.missions + other.missions,
        )


@dataclass(frozen=True)
class CapStatus:
    group: str  # inside | outside | total
    label: str  # e.g. "European countries"
    scope: str  # together | per_country
    countries: tuple[str, ...]
    cap: Decimal | None
    total: Decimal
    over: bool


@dataclass(frozen=True)
class BudgetColumn:
    country: CountryInfo
    position: int
    cells: dict[str, LineFigures]  # by category code
    figures: LineFigures  # the column's total
    cap: CapStatus | None  # the kind-level cap this country falls under

    @property
    def over_cap(self) -> bool:
        return self.cap is not None and self.cap.over


@dataclass(frozen=True)
class BudgetTable:
    year: int
    currency: str
    basis: str
    scope: str
    categories: tuple[CategoryInfo, ...]
    columns: tuple[BudgetColumn, ...]
    row_totals: dict[str, LineFigures]  # by category code
    figures: LineFigures  # the whole plan
    caps: tuple[CapStatus, ...]

    @property
    def total_cap(self) -> CapStatus:
        return next(c for c in self.caps if c.group == "total")

    @property
    def over_cap(self) -> bool:
        return any(c.over for c in self.caps)

    def column(self, code: str) -> BudgetColumn:
        return next(c for c in self.columns if c.country.code == code)


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    kind: str
    country_code: str | None
    city: str
    start_date: date | None
    end_date: date | None
    status: str
    priority: str
    is_placeholder: bool
    allocated: Decimal


@dataclass(frozen=True)
class EventPage:
    rows: tuple[EventRow, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class AllocationInfo:
    id: int
    event_id: int
    event_name: str
    country_code: str
    category_code: str
    category_name_it: str
    category_name_en: str
    amount: Decimal
    line: LineFigures


@dataclass(frozen=True)
class EventDetail:
    id: int
    year: int
    name: str
    kind: str
    country_code: str | None
    city: str
    start_date: date | None
    end_date: date | None
    organiser: str
    url: str
    status: str
    priority: str
    why: str
    notes: str
    is_placeholder: bool
    version: int
    allocations: tuple[AllocationInfo, ...] = ()


@dataclass(frozen=True)
class LinkResult:
    allocation: AllocationInfo
    warning: str | None


@dataclass(frozen=True)
class ExpenseInfo:
    id: int
    country_code: str
    category_code: str
    spent_on: date
    amount: Decimal
    description: str
    supplier: str
    event_id: int | None
    event_name: str | None


@dataclass(frozen=True)
class ExpenseResult:
    expense: ExpenseInfo
    line: LineFigures
    warning: str | None


@dataclass(frozen=True)
class SetPlannedResult:
    country_code: str
    category_code: str
    line: LineFigures
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class SeedReport:
    countries_added: int = 0
    categories_added: int = 0
    plans_added: tuple[int, ...] = ()
    plans_skipped: tuple[int, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    organisations_added: int = 0
    calls_added: int = 0


EVENT_SORTS = ("date", "name", "country", "status", "priority")


@dataclass(frozen=True)
class EventQuery:
    """A page of a plan's events: filters, order and window, all applied in SQL."""

    year: int | None = None
    country: str | None = None
    statuses: tuple[str, ...] = ()
    text: str = ""
    sort: str = "date"
    descending: bool = False
    offset: int = 0
    limit: int = 50
