"""Candidate events from the calendars organisers publish (.ics, RFC 5545).

Pure: bytes in, an ``ImportPreview`` out — no database. The rule every importer keeps:
each file is either read whole or refused with line-numbered problems, never a traceback
and never half a file. Only VEVENTs are read; to-dos, journals and free/busy blocks are
left out with a note, as are changed occurrences of a recurring event (RECURRENCE-ID)
and the missions and deadlines that tracker itself exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from tracker.io import ics_values as values
from tracker.io.ics_scan import Component, Scan, scan
from tracker.io.ics_types import CandidateEvent, ImportPreview, Note, Problem

__all__ = ["read_calendar"]

NAME_MAX = 300  # the events table's limits
UID_MAX = 255
URL_MAX = 500
RULE_MAX = 500
CITY_MAX = 120
ZERO = timedelta(0)
LEFT_OUT = {
    "VTODO": "a to-do",
    "VJOURNAL": "a journal entry",
    "VFREEBUSY": "a free/busy block",
    "VAVAILABILITY": "an availability block",
}
NOT_INSIDE_AN_EVENT = frozenset({"VCALENDAR", "VEVENT", "VTODO", "VJOURNAL", "VTIMEZONE"})
OURS_NOT_EVENTS = {"mission": "a mission", "deadline": "a funding-call deadline"}


@dataclass
class _Reading:
    """What reading one file has found so far."""

    zone: str | None
    candidates: list[CandidateEvent] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored: list[Note] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    uids: dict[str, int] = field(default_factory=dict)  # UID -> line of its first event


def _city(location: str) -> str:
    """The city when LOCATION is just "City" or "City, Country"; else left to the notes."""
    parts = [p.strip() for p in location.split(",") if p.strip()]
    if len(parts) not in (1, 2):
        return ""
    city = parts[0]
    looks_like_a_place = not any(ch.isdigit() or ch in "/@:" for ch in city)
    return city if looks_like_a_place and len(city) <= CITY_MAX else ""


def _day_span(start: datetime, end: datetime) -> tuple[date, date]:
    """First and last day of a span; an end at midnight belongs to the day before."""
    last = end.date()
    if end > start and end.time() == time(0):
        last -= timedelta(days=1)
    return start.date(), max(start.date(), last)


def _in_zone(moment: datetime, zone: tzinfo | None) -> datetime:
    """A moment as the wall-clock time of ``zone`` (floating times stay as written)."""
    if moment.tzinfo is None or zone is None:
        return moment
    return moment.astimezone(zone)


def _wall_clock(
    start: date, end: date | None, length: timedelta | None, utc_zone: tzinfo
) -> tuple[datetime, datetime]:
    """Start and end as times on the event's own clock: its TZID's, ``utc_zone`` for a
    start in UTC, and as written for floating times and all-day dates (midnight)."""
    if not isinstance(start, datetime):
        first = datetime.combine(start, time(0))
        last = datetime.combine(end, time(0)) if end is not None else first + (length or ZERO)
        return first, last
    zone = utc_zone if start.tzinfo is UTC else start.tzinfo
    first = _in_zone(start, zone)
    if not isinstance(end, datetime):
        return first, first + (length or ZERO)
    if end.tzinfo is None:  # a floating end shares the start's clock
        return first, end.replace(tzinfo=first.tzinfo)
    if first.tzinfo is None:  # a floating start: the end as written on its own clock
        return first, end.replace(tzinfo=None)
    return first, _in_zone(end, zone)


class _EventReader:
    def __init__(self, event: Component, zones: values.Zones, reading: _Reading) -> None:
        self.event = event
        self.zones = zones
        self.reading = reading
        self.problems: list[Problem] = []
        self.warnings: list[Note] = []

    def _problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    def _dates(self, name: str) -> tuple[date, date] | None:
        start_prop = self.event.first("DTSTART")
        if start_prop is None:
            said = f"the event {name!r}" if name else "the event"
            self._problem(self.event.line, f"{said} has no start date (DTSTART)")
            return None
        end_prop = self.event.first("DTEND")
        length_prop = self.event.first("DURATION")
        start = values.when(start_prop, self.zones)
        end = values.when(end_prop, self.zones) if end_prop else None
        length = values.duration(length_prop) if length_prop else None
        if isinstance(start, Problem) or isinstance(end, Problem) or isinstance(length, Problem):
            self.problems.extend(v for v in (start, end, length) if isinstance(v, Problem))
            return None
        if (
            end_prop
            and end is not None
            and isinstance(start, datetime) != isinstance(end, datetime)
        ):
            kinds = (
                ("a date-time", "a date")
                if isinstance(end, datetime)
                else ("a date", "a date-time")
            )
            self._problem(
                end_prop.line,
                f"DTEND is {kinds[0]} but DTSTART (line {start_prop.line}) is {kinds[1]}: "
                "both must be dates, or both date-times",
            )
            return None
        utc_zone = self.zones.calendar_zone(self.reading.zone) or UTC
        first, last = _wall_clock(start, end, length, utc_zone)
        if last < first:
            said = end_prop.value.strip() if end_prop else "its end"
            self._problem(
                end_prop.line if end_prop else start_prop.line,
                f"DTEND {said!r} comes before DTSTART {start_prop.value.strip()!r} "
                f"(line {start_prop.line})",
            )
            return None
        return _day_span(first, last)

    def _name(self) -> str:
        prop = self.event.first("SUMMARY")
        name = values.one_line(prop.value) if prop else ""
        if not name:
            self._problem(self.event.line, "the event has no name (SUMMARY)")
        elif len(name) > NAME_MAX:
            assert prop is not None
            self.warnings.append(Note(prop.line, f"name cut to {NAME_MAX} characters"))
            name = name[: NAME_MAX - 1] + "…"
        return name

    def _uid(self) -> str:
        prop = self.event.first("UID")
        uid = values.text(prop.value).strip() if prop else ""
        if prop is not None and len(uid) > UID_MAX:
            self.warnings.append(
                Note(prop.line, f"UID longer than {UID_MAX} characters: the event gets a new one")
            )
            return ""
        return uid

    def _url(self) -> str:
        prop = self.event.first("URL")
        url = prop.value.strip() if prop else ""
        if prop is None or not url:
            return ""
        if not values.web_address(url) or len(url) > URL_MAX:
            self.warnings.append(
                Note(prop.line, f"URL {url[:80]!r} is not a web address: left out")
            )
            return ""
        return url

    def _recurrence(self) -> str:
        rules = self.event.every("RRULE")
        if not rules:
            return ""
        rule = values.recurrence(rules[0])
        if isinstance(rule, Problem):
            self.problems.append(rule)
            return ""
        if len(rules) > 1:
            self.warnings.append(Note(rules[1].line, "only the first RRULE is kept"))
        if len(rule) > RULE_MAX:
            self.warnings.append(Note(rules[0].line, "RRULE too long to keep: left out"))
            return ""
        return rule

    def _nested(self) -> None:
        for child in self.event.children:
            if child.name in NOT_INSIDE_AN_EVENT:
                self._problem(
                    child.line,
                    f"BEGIN:{child.name} inside the event of line {self.event.line}: "
                    "is an END:VEVENT missing before it?",
                )

    def read(self) -> CandidateEvent | None:
        self._nested()
        name = self._name()
        days = self._dates(name)
        uid, url, rule = self._uid(), self._url(), self._recurrence()
        location_prop = self.event.first("LOCATION")
        location = values.one_line(location_prop.value) if location_prop else ""
        description_prop = self.event.first("DESCRIPTION")
        status_prop = self.event.first("STATUS")
        categories = [c for p in self.event.every("CATEGORIES") for c in values.text_list(p.value)]
        if self.problems or days is None:
            return None
        return CandidateEvent(
            line=self.event.line,
            uid=uid,
            name=name,
            start=days[0],
            end=days[1],
            city=_city(location),
            location=location,
            url=url,
            description=values.text(description_prop.value).strip() if description_prop else "",
            recurrence=rule,
            categories=tuple(categories),
            status=status_prop.value.strip().upper() if status_prop else "",
        )


def _uid_of(event: Component) -> str:
    prop = event.first("UID")
    return values.text(prop.value).strip() if prop else ""


def _left_out(event: Component, series: set[str]) -> str | None:
    """Why an event is not a candidate though it reads fine, or None if it is one."""
    if event.first("RECURRENCE-ID") is not None and _uid_of(event) in series:
        return "a changed occurrence of a recurring event (RECURRENCE-ID): its series comes once"
    ours = event.first("X-TRACKER-ENTRY")
    kind = ours.value.strip().lower() if ours else ""
    if kind in OURS_NOT_EVENTS:
        return f"{OURS_NOT_EVENTS[kind]} exported by tracker, not an event"
    return None


def _read_event(event: Component, zones: values.Zones, reading: _Reading, series: set[str]) -> None:
    why_not = _left_out(event, series)
    if why_not:
        reading.ignored.append(Note(event.line, f"left out: {why_not}"))
        return
    reader = _EventReader(event, zones, reading)
    candidate = reader.read()
    reading.problems.extend(reader.problems)
    reading.warnings.extend(reader.warnings)
    if candidate is None:
        return
    if candidate.uid and candidate.uid in reading.uids:
        first = reading.uids[candidate.uid]
        reading.ignored.append(Note(event.line, f"left out: same UID as the event at line {first}"))
        return
    if candidate.uid:
        reading.uids[candidate.uid] = event.line
    reading.candidates.append(candidate)


def _read_calendar(calendar: Component, scanned: Scan, reading: _Reading) -> None:
    zones = values.Zones(scanned, calendar, reading.warnings)
    series = {  # the UIDs of events that are not a changed occurrence of another
        _uid_of(child)
        for child in calendar.children
        if child.name == "VEVENT" and child.first("RECURRENCE-ID") is None
    }
    for child in calendar.children:
        if not child.end_line:
            continue  # never closed: the scan has said so, and what it holds is unsure
        if child.name == "VEVENT":
            try:
                _read_event(child, zones, reading, series)
            except Exception as exc:  # never a traceback: the event is refused, with its line
                reading.problems.append(
                    Problem(
                        child.line, f"this event could not be read ({type(exc).__name__}: {exc})"
                    )
                )
        elif child.name in LEFT_OUT:
            reading.ignored.append(
                Note(child.line, f"left out: {LEFT_OUT[child.name]} ({child.name}), not an event")
            )
        elif child.name != "VTIMEZONE":
            reading.ignored.append(
                Note(child.line, f"left out: {child.name}, not a part of calendars tracker reads")
            )


def _nothing_to_import(reading: _Reading) -> Problem:
    message = "nothing to import: the calendar holds no events (VEVENT)"
    count = len(reading.ignored)
    if count:
        message += f", only {count} entr{'y' if count == 1 else 'ies'} left out (see why)"
    return Problem(1, message)


def read_calendar(data: bytes, *, zone: str | None = None) -> ImportPreview:
    """Every event of an .ics file as a candidate, or the problems that refuse the file.

    ``zone`` (e.g. "Europe/Brussels") is where times given in UTC become days when the
    file does not say (X-WR-TIMEZONE); without either, UTC days are kept.
    """
    scanned = scan(data)
    reading = _Reading(zone=zone, problems=list(scanned.problems), warnings=scanned.warnings)
    for calendar in scanned.calendars:
        if calendar.name == "VCALENDAR":  # anything else at the top is a problem already
            _read_calendar(calendar, scanned, reading)
    if not reading.problems and not reading.candidates:
        reading.problems.append(_nothing_to_import(reading))
    return ImportPreview(
        candidates=tuple(reading.candidates),
        problems=tuple(sorted(set(reading.problems))),
        ignored=tuple(reading.ignored),
        warnings=tuple(sorted(set(reading.warnings))),
    )
