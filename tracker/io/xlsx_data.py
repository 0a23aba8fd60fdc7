"""What a plan-year workbook holds: plain rows handed from the services to the writer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from pathlib import Path

from tracker.io.report.model import ZERO, Bilingual, PlanBudget


@dataclass(frozen=True)
class EventLine:
    name: str
    kind: str
    country_code: str | None
    city: str
    start: date | None
    end: date | None
    status: str
    priority: str
    is_placeholder: bool
    allocated: Decimal
    organiser: str = ""
    url: str = ""
    why: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MissionLine:
    title: str
    country_code: str
    city: str
    start: date
    end: date
    status: str
    purpose: str = ""
    participants: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    allocated: Decimal = ZERO
    notes: str = ""


@dataclass(frozen=True)
class OrganisationLine:
    name: str
    kind: str
    stage: str
    country_code: str | None
    city: str = ""
    website: str = ""
    eccp_url: str = ""
    tags: tuple[str, ...] = ()
    people: int = 0
    notes: str = ""


@dataclass(frozen=True)
class PersonLine:
    full_name: str
    organisation: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    languages: str = ""
    is_staff: bool = False
    consent: str = "unknown"
    consent_source: str = ""
    consent_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class InteractionLine:
    occurred_on: date
    occurred_time: time | None
    kind: str
    event: str = ""
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    summary: str = ""
    follow_up: str = ""
    follow_up_due: date | None = None
    follow_up_done_on: date | None = None


@dataclass(frozen=True)
class WorkbookData:
    """A plan year's data; the lists may be generators, read once while writing."""

    year: int
    title: Bilingual
    currency: str
    budget: PlanBudget
    country_names: Mapping[str, Bilingual]
    events: Iterable[EventLine] = ()
    missions: Iterable[MissionLine] = ()
    organisations: Iterable[OrganisationLine] = ()
    people: Iterable[PersonLine] = ()
    interactions: Iterable[InteractionLine] = ()


@dataclass(frozen=True)
class SheetCount:
    name: str
    rows: int  # rows below the heading


@dataclass(frozen=True)
class WorkbookSummary:
    path: Path
    size: int  # bytes
    sheets: tuple[SheetCount, ...]
