"""Plain data for funding calls, their deadlines and consortia (no SQLAlchemy import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tracker.services.dto_partners import NamedRef


def _iso(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


@dataclass(frozen=True)
class DeadlineInfo:
    id: int
    due_on: date
    label: str


@dataclass(frozen=True)
class CallQuery:
    text: str = ""
    programme: str | None = None
    status: str | None = None
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class CallInfo:
    id: int
    programme: str
    name: str
    identifier: str
    url: str
    opening_date: date | None
    budget: Decimal | None
    notes: str
    status: str
    deadlines: tuple[DeadlineInfo, ...]
    consortia: tuple[NamedRef, ...]
    version: int

    @property
    def title(self) -> str:
        return (
            self.name if self.name.startswith(self.programme) else f"{self.programme} {self.name}"
        )

    def next_deadline(self, today: date) -> DeadlineInfo | None:
        return next((d for d in self.deadlines if d.due_on >= today), None)

    def form_fields(self) -> dict[str, str]:
        return {
            "programme": self.programme,
            "name": self.name,
            "identifier": self.identifier,
            "url": self.url,
            "opening": _iso(self.opening_date),
            "budget": f"{self.budget:f}" if self.budget is not None else "",
            "notes": self.notes,
            "status": self.status,
        }


@dataclass(frozen=True)
class UpcomingDeadline:
    deadline_id: int
    call_id: int
    call_title: str
    due_on: date
    label: str
    days_left: int
    consortia: tuple[NamedRef, ...]


@dataclass(frozen=True)
class MemberInfo:
    organisation_id: int
    organisation_name: str
    country_code: str | None
    role: str


@dataclass(frozen=True)
class ConsortiumInfo:
    id: int
    name: str
    status: str
    notes: str
    call: NamedRef
    deadlines: tuple[DeadlineInfo, ...]
    members: tuple[MemberInfo, ...]
    version: int

    @property
    def coordinator(self) -> MemberInfo | None:
        return next((m for m in self.members if m.role == "coordinator"), None)


# -- duplicates ----------------------------------------------------------------------
