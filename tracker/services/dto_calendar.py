"""Plain data for missions, the calendar, its conflicts and recurring events.

Frozen dataclasses, no ORM objects and no SQLAlchemy import, like the other DTO modules.
Dates are ``date``; amounts are ``Decimal``; statuses and kinds are their string values.
``Conflict`` comes from ``tracker.domain.conflict_rules`` (with its kinds and severities).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tracker.domain.conflict_rules import Conflict as Conflict  # re-exported for front ends
from tracker.services.dto import ZERO, LineFigures

MISSION_STATUSES = ("draft", "planned", "booked", "done", "cancelled")
# The calendar's item kinds, in the order a day lists them.
ITEM_KINDS = ("mission", "event", "deadline", "follow_up")


# -- missions -------------------------------------------------------------------------


@dataclass(frozen=True)
class MissionQuery:
    """A page of missions, soonest first. ``statuses`` empty means all of them."""

    year: int | None = None
    country: str | None = None
    statuses: tuple[str, ...] = ()
    person_id: int | None = None  # missions this person travels on
    text: str = ""  # in the title or the city
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class MissionRow:
    id: int
    year: int
    title: str
    country_code: str
    city: str
    start_date: date
    end_date: date
    status: str
    participants: int
    events: int
    allocated: Decimal  # earmarked on cost lines, all categories

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1


@dataclass(frozen=True)
class ParticipantInfo:
    id: int
    name: str
    organisation: str | None
    is_staff: bool  # one of our own cluster's team


@dataclass(frozen=True)
class MissionEventInfo:
    id: int
    name: str
    kind: str
    start_date: date | None
    end_date: date | None
    status: str


@dataclass(frozen=True)
class MissionAllocationInfo:
    id: int
    category_code: str
    category_name_it: str
    category_name_en: str
    amount: Decimal
    note: str
    line: LineFigures  # the whole cost line, events' and missions' money together


@dataclass(frozen=True)
class MissionDetail:
    id: int
    year: int
    title: str
    country_code: str
    country_name: str
    city: str
    start_date: date
    end_date: date
    purpose: str
    status: str
    notes: str
    uid: str
    version: int
    participants: tuple[ParticipantInfo, ...]
    events: tuple[MissionEventInfo, ...]
    allocations: tuple[MissionAllocationInfo, ...]
    next_statuses: tuple[str, ...]  # where set_status may take it from here
    warnings: tuple[str, ...] = ()  # people not on our staff, lines over their plan...

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    @property
    def allocated(self) -> Decimal:
        return sum((a.amount for a in self.allocations), ZERO)

    def form_fields(self) -> dict[str, str]:
        """The raw fields the edit form starts from; ``update`` takes the same names."""
        return {
            "title": self.title,
            "country": self.country_code,
            "city": self.city,
            "start": self.start_date.isoformat(),
            "end": self.end_date.isoformat(),
            "purpose": self.purpose,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class MissionLinkResult:
    """A mission's money on one cost line after link/unlink, and the line's figures."""

    mission_id: int
    country_code: str
    category_code: str
    amount: Decimal  # ZERO after unlink
    line: LineFigures
    warning: str | None  # set when the line's allocations exceed what it plans


# -- calendar -------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarItem:
    """Something on the calendar; ``id`` is the record's within its ``kind``: a "mission"
    (a span), a dated "event" (maybe multi-day), a call "deadline" (``call_id`` its call,
    status the call's) or an open "follow_up" (the log entry; ``event_id`` where it came
    from, if any; status "open")."""

    kind: str
    id: int
    title: str
    start: date
    end: date
    status: str
    country_code: str | None = None
    city: str = ""
    plan_year: int | None = None
    call_id: int | None = None
    event_id: int | None = None
    detail: str = ""  # a second line: the call's label, the follow-up's summary...
    conflicts: tuple[Conflict, ...] = ()

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def flags(self) -> tuple[str, ...]:
        """The kinds of conflict touching this item, e.g. ("participant_overlap",)."""
        return tuple(dict.fromkeys(c.kind for c in self.conflicts))

    def on(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool  # False for the grid's days from the months before and after
    items: tuple[CalendarItem, ...]
    holidays: tuple[str, ...] = ()  # "BE: All Saints' Day", for the plan's target countries


@dataclass(frozen=True)
class CalendarWeek:
    number: int  # ISO week number
    days: tuple[CalendarDay, ...]  # Monday to Sunday


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[CalendarWeek, ...]  # 4 to 6 full weeks, Monday first
    items: tuple[CalendarItem, ...]  # every item shown in the grid, once, in agenda order
    plan_year: int | None = None
    country: str | None = None

    @property
    def first_day(self) -> date:
        return self.weeks[0].days[0].day

    @property
    def last_day(self) -> date:
        return self.weeks[-1].days[-1].day

    def days(self) -> Iterator[CalendarDay]:
        return (d for week in self.weeks for d in week.days)

    def day(self, day: date) -> CalendarDay:
        """The grid's cell for ``day``; KeyError when the grid does not show it."""
        if not self.first_day <= day <= self.last_day:
            raise KeyError(day)
        index = (day - self.first_day).days
        return self.weeks[index // 7].days[index % 7]

    def next_month(self) -> tuple[int, int]:
        following = date(self.year, self.month, 28) + timedelta(days=4)
        return following.year, following.month

    def previous_month(self) -> tuple[int, int]:
        before = date(self.year, self.month, 1) - timedelta(days=1)
        return before.year, before.month


@dataclass(frozen=True)
class TrayEvent:
    """An event waiting for its dates, with what its recurrence suggests (if any)."""

    id: int
    name: str
    kind: str
    country_code: str | None
    city: str
    status: str
    priority: str
    is_placeholder: bool
    recurrence: str  # in words, "" if it does not repeat
    suggested_start: date | None  # the recurrence's date in the plan year
    version: int  # scheduling it checks nobody changed it since the tray was read


@dataclass(frozen=True)
class ScheduleTray:
    """A plan's undated events. Placeholders ("others to be identified") come apart:
    they stand for events still to be found and cannot get dates."""

    year: int
    events: tuple[TrayEvent, ...]
    placeholders: tuple[TrayEvent, ...]


# -- recurrence -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecurrenceInfo:
    event_id: int
    event_name: str
    year: int  # the event's plan year
    start_date: date | None
    end_date: date | None
    rule: str  # RRULE text, "" when the event does not repeat
    description: str  # "every year, last Thursday of October"
    next_date: date | None  # the first date after the event's own (or after 1 January)
    version: int
    warning: str | None = None  # e.g. the event's own date is not one of the rule's


@dataclass(frozen=True)
class PresetOption:
    """A preset as it would apply to one event: for a picker."""

    name: str  # "yearly-weekday"
    summary: str  # "every year on the same weekday of the same week of the month"
    rule: str  # what it makes of this event's date
    description: str  # "every year, last Thursday of October"


@dataclass(frozen=True)
class ProposedDate:
    """Where a recurring event of one plan year falls in the next (for "clone plan")."""

    event_id: int
    name: str
    country_code: str | None
    rule: str
    description: str
    start_date: date
    end_date: date | None
    proposed_start: date | None  # None when the rule skips the year or has ended
    proposed_end: date | None  # keeps the event's length
    note: str = ""  # why there is no proposal
