"""Plain data for partners, people, the contact log, calls and consortia.

What the services hand to the CLI and the TUI: frozen dataclasses, no ORM objects, no
SQLAlchemy import. ``form_fields()`` on a detail gives the raw fields its edit form
starts from; the services' ``update`` methods take those same field names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Generic, TypeVar

RowT = TypeVar("RowT")

ORGANISATION_SORTS = ("name", "stage", "country", "updated")
PERSON_SORTS = ("name", "organisation", "updated")


def _iso(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


@dataclass(frozen=True)
class Page(Generic[RowT]):
    """One window of a longer list: ``total`` counts every row the filters match, or,
    when ``capped``, at least that many (the query asked to stop counting there)."""

    rows: tuple[RowT, ...]
    total: int
    offset: int
    limit: int
    capped: bool = False

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class NamedRef:
    id: int
    name: str


# -- organisations -------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationQuery:
    """Filters, order and window for a page of organisations; all applied in SQL.

    ``text`` matches the start of the name or of any word in it, ignoring case.
    """

    text: str = ""
    country: str | None = None
    kind: str | None = None
    stage: str | None = None
    tag: str | None = None
    sort: str = "name"
    descending: bool = False
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    kind: str
    stage: str
    country_code: str | None
    city: str
    tags: tuple[str, ...]
    people: int
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class MembershipInfo:
    consortium_id: int
    consortium_name: str
    status: str
    role: str
    call_id: int
    call_name: str


@dataclass(frozen=True)
class OrganisationDetail:
    id: int
    name: str
    kind: str
    stage: str
    country_code: str | None
    country_name: str | None
    city: str
    website: str
    eccp_url: str
    notes: str
    tags: tuple[str, ...]
    people: tuple[NamedRef, ...]
    memberships: tuple[MembershipInfo, ...]
    interactions: int
    last_contact: date | None
    created_at: datetime
    updated_at: datetime
    version: int

    def form_fields(self) -> dict[str, str]:
        return {
            "name": self.name,
            "kind": self.kind,
            "country": self.country_code or "",
            "city": self.city,
            "website": self.website,
            "eccp_url": self.eccp_url,
            "notes": self.notes,
            "stage": self.stage,
            "tags": ", ".join(self.tags),
        }


@dataclass(frozen=True)
class BoardColumn:
    """One kanban column: the first organisations of a stage, and how many there are."""

    stage: str
    total: int
    rows: tuple[OrganisationRow, ...]

    @property
    def has_more(self) -> bool:
        return len(self.rows) < self.total


@dataclass(frozen=True)
class Board:
    columns: tuple[BoardColumn, ...]

    def column(self, stage: str) -> BoardColumn:
        return next(c for c in self.columns if c.stage == stage)


@dataclass(frozen=True)
class StageChange:
    """What a board move did; ``previous`` lets the UI offer an undo."""

    organisation_id: int
    name: str
    previous: str
    stage: str
    version: int


@dataclass(frozen=True)
class TagCount:
    name: str
    organisations: int


@dataclass(frozen=True)
class SimilarName:
    """A record whose name looks like what is being typed; score 0-100."""

    id: int
    name: str
    score: float
    detail: str  # e.g. the person's organisation, the organisation's country and city


# -- people --------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonQuery:
    text: str = ""
    organisation_id: int | None = None
    staff: bool | None = None
    consent: str | None = None
    sort: str = "name"
    descending: bool = False
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class PersonRow:
    id: int
    full_name: str
    organisation_id: int | None
    organisation_name: str | None
    role: str
    email: str
    phone: str
    is_staff: bool
    consent: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class PersonDetail:
    id: int
    full_name: str
    organisation: NamedRef | None
    role: str
    email: str
    phone: str
    languages: str
    notes: str
    is_staff: bool
    consent: str
    consent_source: str
    consent_date: date | None
    interactions: int
    last_contact: date | None
    created_at: datetime
    updated_at: datetime
    version: int

    def form_fields(self) -> dict[str, str]:
        return {
            "name": self.full_name,
            "organisation": str(self.organisation.id) if self.organisation else "",
            "role": self.role,
            "email": self.email,
            "phone": self.phone,
            "languages": self.languages,
            "notes": self.notes,
            "staff": "yes" if self.is_staff else "no",
            "consent": self.consent,
            "consent_source": self.consent_source,
            "consent_date": _iso(self.consent_date),
        }


# -- contact log ---------------------------------------------------------------------


@dataclass(frozen=True)
class InteractionQuery:
    """``text`` matches the summary, the follow-up or a linked organisation's or
    person's name (anywhere, case ignored)."""

    text: str = ""
    organisation_id: int | None = None
    person_id: int | None = None
    event_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    offset: int = 0
    limit: int = 50
    # Stop counting the text's matches here (the page says "at least"): a keystroke's
    # first letter can match most of the log. None: count them all.
    count_at_most: int | None = None


@dataclass(frozen=True)
class InteractionInfo:
    id: int
    occurred_on: date
    occurred_time: time | None
    kind: str
    event: NamedRef | None
    summary: str
    follow_up: str
    follow_up_due: date | None
    follow_up_done_at: datetime | None
    organisations: tuple[NamedRef, ...]
    people: tuple[NamedRef, ...]
    version: int

    @property
    def follow_up_open(self) -> bool:
        return bool(self.follow_up) and self.follow_up_done_at is None

    def form_fields(self) -> dict[str, str]:
        return {
            "date": self.occurred_on.isoformat(),
            "time": self.occurred_time.strftime("%H:%M") if self.occurred_time else "",
            "kind": self.kind,
            "summary": self.summary,
            "follow_up": self.follow_up,
            "due": _iso(self.follow_up_due),
        }


@dataclass(frozen=True)
class MeetingEntry:
    """One person met at an event, for ``ContactLogService.log_meeting_batch``.

    Name the person by ``person`` (id or name) or give ``new_person`` fields (name,
    role, email, phone...) to create them; likewise ``organisation`` or
    ``new_organisation`` (name, kind, country...). A new person joins the entry's
    organisation. The interaction's own fields (date, time, kind, summary, follow_up,
    due) go in ``fields``; a blank date is the event's first day.
    """

    person: int | str | None = None
    new_person: Mapping[str, object] | None = None
    organisation: int | str | None = None
    new_organisation: Mapping[str, object] | None = None
    fields: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchResult:
    interactions: tuple[InteractionInfo, ...]
    people_created: tuple[NamedRef, ...]
    organisations_created: tuple[NamedRef, ...]


@dataclass(frozen=True)
class FollowUpRow:
    interaction_id: int
    what: str
    due: date | None
    overdue: bool
    days_left: int | None  # negative when overdue; None when undated
    occurred_on: date
    kind: str
    summary: str
    event: NamedRef | None
    organisations: tuple[NamedRef, ...]
    people: tuple[NamedRef, ...]
    done_at: datetime | None = None


@dataclass(frozen=True)
class FollowUpSummary:
    """The dashboard's follow-up box."""

    today: date
    open: int
    overdue: int
    due_today: int
    due_this_week: int  # today and the 6 days after, overdue excluded
    undated: int
    next: tuple[FollowUpRow, ...]


@dataclass(frozen=True)
class TimelineItem:
    """One dated line of a timeline; undated items (a call without deadlines) close it."""

    on: date | None
    at: time | None
    kind: str  # interaction | event | membership | deadline
    title: str
    detail: str
    ref_id: int  # the interaction, event, consortium or deadline it stands for
    via: str = ""  # e.g. "through Anna Rossi" on an organisation's timeline


@dataclass(frozen=True)
class Timeline:
    subject_kind: str  # organisation | person
    subject: NamedRef
    items: tuple[TimelineItem, ...]
    truncated: bool = False


# -- calls and consortia -------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateSide:
    id: int
    name: str
    detail: str  # email and organisation of a person; country and city of an organisation


@dataclass(frozen=True)
class DuplicatePair:
    kind: str  # person | organisation
    a: DuplicateSide
    b: DuplicateSide
    score: float  # 100 for the same email or the same normalised name
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MergeReport:
    kind: str
    kept: NamedRef
    dropped: NamedRef
    moved: tuple[tuple[str, int], ...]  # ("interactions", 3), ("tags", 1)...
    shared: tuple[tuple[str, int], ...]  # links both had: kept once
    filled: tuple[str, ...]  # fields of the kept record filled from the dropped one
