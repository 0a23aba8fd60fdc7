"""The plain data a plan document and a plan workbook are rendered from.

The services fill these in (one read transaction) and hand them down; the renderers
never see the database. Texts come in both languages (``Bilingual``) so one gathering
serves the Italian and the English document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Bilingual:
    """A text in Italian and in English; either may be empty."""

    it: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in ``lang``, or the other language's when that is all there is."""
        first, second = (self.it, self.en) if lang == "it" else (self.en, self.it)
        return first or second


@dataclass(frozen=True)
class Figures:
    """Planned, earmarked for events and missions, and actually spent: a cell or a total."""

    planned: Decimal = ZERO
    allocated: Decimal = ZERO
    actual: Decimal = ZERO

    @property
    def free(self) -> Decimal:
        return self.planned - self.allocated

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.actual


@dataclass(frozen=True)
class BudgetCategory:
    code: str
    name: Bilingual


@dataclass(frozen=True)
class BudgetColumn:
    """A target country's column of the budget table ("Paese 1")."""

    code: str
    position: int
    name: Bilingual
    cells: dict[str, Figures]  # by category code
    total: Figures


@dataclass(frozen=True)
class CapCheck:
    """One cap the plan's rule implies, checked against the planned amounts."""

    group: str  # inside | outside | total
    scope: str  # together | per_country
    countries: tuple[str, ...]  # codes
    cap: Decimal | None
    planned: Decimal
    over: bool


@dataclass(frozen=True)
class CapRule:
    basis: str  # europe | eu
    scope: str  # together | per_country
    inside: Decimal | None
    outside: Decimal | None
    total: Decimal | None


@dataclass(frozen=True)
class PlanBudget:
    categories: tuple[BudgetCategory, ...]
    columns: tuple[BudgetColumn, ...]
    row_totals: dict[str, Figures]  # by category code
    total: Figures
    rule: CapRule
    checks: tuple[CapCheck, ...] = ()


@dataclass(frozen=True)
class DocEvent:
    name: str
    start: date | None = None
    end: date | None = None
    city: str = ""
    country_code: str | None = None
    country_name: Bilingual = field(default_factory=Bilingual)
    is_placeholder: bool = False


@dataclass(frozen=True)
class DocCountry:
    """A target country's section: why it was chosen and its events of interest."""

    code: str
    position: int
    name: Bilingual
    rationale: Bilingual = field(default_factory=Bilingual)
    priority_note: Bilingual = field(default_factory=Bilingual)
    events: tuple[DocEvent, ...] = ()


@dataclass(frozen=True)
class PlanDocument:
    year: int
    title: Bilingual
    currency: str
    objectives: tuple[Bilingual, ...]
    intro: Bilingual
    strategy_note: Bilingual
    funding_note: Bilingual
    countries: tuple[DocCountry, ...]  # targets, in their order
    budget: PlanBudget
    other_events: tuple[DocEvent, ...] = ()  # events of no target country
