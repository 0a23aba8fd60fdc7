"""Clashes in the calendar, found on plain data: who is in two places at once, events
outside their mission, missions on public holidays, call deadlines while people travel.

Every Conflict carries its reason in words, for the dashboard, the CLI and the calendar.
Cancelled missions and events are the caller's to leave out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from itertools import combinations

__all__ = [
    "Conflict",
    "ConflictKind",
    "DeadlineMark",
    "EventSpan",
    "MissionSpan",
    "Severity",
    "Traveller",
    "find_conflicts",
    "public_holidays",
    "span_text",
]


from tracker.domain.holiday_lib import holidays_library
from tracker.i18n import _


class ConflictKind(StrEnum):
    PARTICIPANT_OVERLAP = "participant_overlap"
    EVENT_OUTSIDE_MISSION = "event_outside_mission"
    MISSION_ON_HOLIDAY = "mission_on_holiday"
    DEADLINE_DURING_MISSION = "deadline_during_mission"


class Severity(StrEnum):
    WARNING = "warning"  # something will go wrong unless a date moves
    HINT = "hint"  # worth knowing when planning: closed offices, someone away


_SEVERITY_RANK = {Severity.WARNING: 0, Severity.HINT: 1}
# Not strftime's %A, which follows the process locale.
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Conflict:
    """One clash, with the mission it concerns, the other records involved and the days.

    ``start``..``end`` are the days in question: the overlap of two missions, the
    event's dates, the holiday, the deadline.
    """

    kind: str
    severity: str
    message: str
    mission_id: int
    start: date
    end: date
    other_mission_id: int | None = None
    event_id: int | None = None
    deadline_id: int | None = None
    call_id: int | None = None
    person_id: int | None = None

    def concerns(self, kind: str, record_id: int) -> bool:
        """Whether a calendar item ("mission", "event", "deadline" + its id) is involved."""
        if kind == "mission":
            return record_id in (self.mission_id, self.other_mission_id)
        if kind == "event":
            return self.event_id == record_id
        if kind == "deadline":
            return self.deadline_id == record_id
        return False


@dataclass(frozen=True)
class Traveller:
    id: int
    name: str


@dataclass(frozen=True)
class MissionSpan:
    id: int
    title: str
    country_code: str
    country_name: str
    start: date
    end: date
    participants: tuple[Traveller, ...] = ()

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class EventSpan:
    id: int
    name: str
    start: date
    end: date
    mission_ids: tuple[int, ...]


@dataclass(frozen=True)
class DeadlineMark:
    id: int
    call_id: int
    title: str  # "COSME Go International"
    label: str  # "stage 1", or ""
    due: date


def span_text(start: date, end: date) -> str:
    """24/10/2018, 24–26/10/2018 or 30/10/2018–02/11/2018."""
    if start == end:
        return f"{start:%d/%m/%Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%d}–{end:%d/%m/%Y}"
    return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _named(m: MissionSpan) -> str:
    return f"{m.title!r} ({span_text(m.start, m.end)})"


def participant_overlaps(missions: Sequence[MissionSpan]) -> list[Conflict]:
    found = []
    for a, b in combinations(sorted(missions, key=lambda m: (m.start, m.id)), 2):
        first, last = max(a.start, b.start), min(a.end, b.end)
        if first > last:
            continue
        b_people = {p.id for p in b.participants}
        for person in a.participants:
            if person.id in b_people:
                found.append(
                    Conflict(
                        kind=ConflictKind.PARTICIPANT_OVERLAP.value,
                        severity=Severity.WARNING.value,
                        message=(
                            _(
                                "{name} would be on two missions at once on {span_text}: "
                                "{named} and {named2}"
                            ).format(
                                name=person.name,
                                span_text=span_text(first, last),
                                named=_named(a),
                                named2=_named(b),
                            )
                        ),
                        mission_id=a.id,
                        other_mission_id=b.id,
                        person_id=person.id,
                        start=first,
                        end=last,
                    )
                )
    return found


def events_outside(missions: Sequence[MissionSpan], events: Iterable[EventSpan]) -> list[Conflict]:
    by_id = {m.id: m for m in missions}
    found = []
    for event in events:
        for mission in (by_id[i] for i in event.mission_ids if i in by_id):
            if mission.start <= event.start and event.end <= mission.end:
                continue
            found.append(
                Conflict(
                    kind=ConflictKind.EVENT_OUTSIDE_MISSION.value,
                    severity=Severity.WARNING.value,
                    message=(
                        _(
                            "{name!r} ({span_text}) is not within its mission {named}: move the "
                            "event or the mission's dates"
                        ).format(
                            name=event.name,
                            span_text=span_text(event.start, event.end),
                            named=_named(mission),
                        )
                    ),
                    mission_id=mission.id,
                    event_id=event.id,
                    start=event.start,
                    end=event.end,
                )
            )
    return found


def holidays_during(mission: MissionSpan, holidays: Mapping[date, str]) -> list[Conflict]:
    return [
        Conflict(
            kind=ConflictKind.MISSION_ON_HOLIDAY.value,
            severity=Severity.HINT.value,
            message=(
                _(
                    "{title!r} is in {country_name} on {value} {day:%d/%m/%Y}, a public "
                    "holiday there ({name}): offices and partners may be closed"
                ).format(
                    title=mission.title,
                    country_name=mission.country_name,
                    value=_DAY_NAMES[day.weekday()],
                    day=day,
                    name=name,
                )
            ),
            mission_id=mission.id,
            start=day,
            end=day,
        )
        for day, name in sorted(holidays.items())
        if mission.covers(day)
    ]


def deadlines_during(
    missions: Sequence[MissionSpan], deadlines: Iterable[DeadlineMark]
) -> list[Conflict]:
    found = []
    for deadline in deadlines:
        for mission in missions:
            if not mission.covers(deadline.due):
                continue
            names = [p.name for p in mission.participants]
            away = f"{_and(names)} will be away" if names else "the team will be travelling"
            label = f" ({deadline.label})" if deadline.label else ""
            found.append(
                Conflict(
                    kind=ConflictKind.DEADLINE_DURING_MISSION.value,
                    severity=Severity.HINT.value,
                    message=(
                        _(
                            "{title}{label} is due on {due:%d/%m/%Y}, during {named}: {away}, so "
                            "get the proposal in before leaving"
                        ).format(
                            title=deadline.title,
                            label=label,
                            due=deadline.due,
                            named=_named(mission),
                            away=away,
                        )
                    ),
                    mission_id=mission.id,
                    deadline_id=deadline.id,
                    call_id=deadline.call_id,
                    start=deadline.due,
                    end=deadline.due,
                )
            )
    return found


HolidayLookup = Callable[[str, date, date], Mapping[date, str]]


@lru_cache(maxsize=512)
def _year_holidays(code: str, year: int) -> tuple[tuple[date, str], ...]:
    holidays = holidays_library()

    try:
        found = holidays.country_holidays(code, years=year)
    except NotImplementedError:  # a country the library does not know: no holidays known
        return ()
    if "en_US" in found.supported_languages:
        found = holidays.country_holidays(code, years=year, language="en_US")
    return tuple(sorted(found.items()))


def public_holidays(code: str, start: date, end: date) -> dict[date, str]:
    """The country's public holidays from ``start`` to ``end``, in English where known.

    A country the ``holidays`` library does not know simply has none.
    """
    return {
        day: name
        for year in range(start.year, end.year + 1)
        for day, name in _year_holidays(code.upper(), year)
        if start <= day <= end
    }


def _order(c: Conflict) -> tuple[date, int, str, int]:
    return (c.start, _SEVERITY_RANK[Severity(c.severity)], c.kind, c.mission_id)


def find_conflicts(
    missions: Sequence[MissionSpan],
    events: Iterable[EventSpan] = (),
    deadlines: Iterable[DeadlineMark] = (),
    *,
    holidays_of: HolidayLookup = public_holidays,
    focus: Iterable[int] | None = None,
) -> tuple[Conflict, ...]:
    """Every clash among these, by date, warnings before hints.

    ``focus`` (mission ids) keeps only the clashes that involve those missions: the
    other missions are there to be clashed with.
    """
    keep = set(focus) if focus is not None else {m.id for m in missions}
    mine = [m for m in missions if m.id in keep]
    found = [
        c
        for c in participant_overlaps(missions)
        if c.mission_id in keep or c.other_mission_id in keep
    ]
    found += events_outside(mine, events)
    for mission in mine:
        found += holidays_during(
            mission, holidays_of(mission.country_code, mission.start, mission.end)
        )
    found += deadlines_during(mine, deadlines)
    return tuple(sorted(found, key=_order))
