"""Reading the values of calendar properties: text, dates, time zones, durations, rules.

Each reader returns the value or a ``Problem`` on the property's line that says, for a
person, what is wrong; none of them raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import cast
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from icalendar import Timezone, vDuration, vRecur
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from tracker.io.ics_scan import Component, Prop, Scan
from tracker.io.ics_types import Note, Problem

_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_DATETIME = re.compile(
    r"([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})(Z?)", re.IGNORECASE
)
_ESCAPED = re.compile(r"\\(.)")
_SPACES = re.compile(r"\s+")
_HOW_DATES_LOOK = "dates read 20181025, or 20181025T093000 with a time"


def text(raw: str) -> str:
    r"""A TEXT value unescaped: ``\n`` is a new line, ``\,`` ``\;`` ``\\`` the character."""
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)


def one_line(raw: str) -> str:
    return _SPACES.sub(" ", text(raw)).strip()


def text_list(raw: str) -> list[str]:
    """A comma-separated TEXT list (CATEGORIES), where ``\\,`` is a comma inside a value."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(raw)
    for ch in chars:
        if ch == "\\":
            current.append(ch + next(chars, ""))
        elif ch == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [one_line(item) for item in items if one_line(item)]


def web_address(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and "." in parsed.netloc


def _zoneinfo(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name.lstrip("/"))
    except Exception:  # not a key, not on this system, not even a path: not an IANA zone
        return None


def _globally_unique(tzid: str) -> str | None:
    """The zone in a vendor's "globally unique" TZID (RFC 5545 3.2.19), as Evolution and
    Thunderbird write them: "/freeassociation.sourceforge.net/Europe/Berlin"."""
    if not tzid.startswith("/"):
        return None
    parts = tzid.strip("/").split("/")
    for i in range(1, len(parts)):
        name = "/".join(parts[i:])
        if _zoneinfo(name) is not None:
            return name
    return None


@dataclass
class Zones:
    """The time zones one calendar can name: IANA, its own VTIMEZONEs, Windows names."""

    scan: Scan
    calendar: Component
    warnings: list[Note]
    _found: dict[str, tzinfo | str] = field(default_factory=dict)  # a zone, or why not

    def _defined(self, tzid: str) -> Component | None:
        for child in self.calendar.children:
            prop = child.first("TZID") if child.name == "VTIMEZONE" else None
            if prop is not None and text(prop.value).strip() == tzid:
                return child
        return None

    def _look_up(self, tzid: str, line: int) -> tzinfo | str:
        zone = _zoneinfo(tzid)
        if zone is not None:
            return zone
        component = self._defined(tzid)
        if component is not None:
            try:
                definition = cast("Timezone", Timezone.from_ical(self.scan.text_of(component)))
                found: tzinfo = definition.to_tz()
            except Exception as exc:  # icalendar's reading of the definition, whatever it raises
                where = f"VTIMEZONE at line {component.line}"
                return f"time zone {tzid!r} ({where}) cannot be read: {exc}"
            return found
        olson = WINDOWS_TO_OLSON.get(tzid)
        zone = _zoneinfo(olson) if olson else None
        if zone is not None:
            self.warnings.append(Note(line, f"Windows time zone {tzid!r} read as {olson}"))
            return zone
        guess = _globally_unique(tzid)
        if guess is not None:
            self.warnings.append(Note(line, f"time zone {tzid!r} read as {guess}"))
            return ZoneInfo(guess)
        return (
            f"unknown time zone {tzid!r}: not a zone name like Europe/Rome, not a Windows "
            "zone name, and not defined in the file (VTIMEZONE)"
        )

    def get(self, tzid: str, line: int) -> tzinfo | Problem:
        """The zone a TZID names, or what stops it being read, said on the line using it."""
        tzid = tzid.strip()
        if tzid not in self._found:
            self._found[tzid] = self._look_up(tzid, line)
        found = self._found[tzid]
        return Problem(line, found) if isinstance(found, str) else found

    def calendar_zone(self, fallback: str | None) -> tzinfo | None:
        """Where a UTC time becomes a local day: X-WR-TIMEZONE, else the caller's zone."""
        prop = self.calendar.first("X-WR-TIMEZONE")
        name = text(prop.value).strip() if prop is not None else ""
        if prop is not None and name:
            zone = _zoneinfo(name) or _zoneinfo(WINDOWS_TO_OLSON.get(name, ""))
            if zone is not None:
                return zone
            self.warnings.append(
                Note(prop.line, f"unknown calendar time zone {name!r}: UTC times kept in UTC")
            )
        return _zoneinfo(fallback) if fallback else None


def when(prop: Prop, zones: Zones) -> date | datetime | Problem:
    """A DATE or DATE-TIME: a date, an aware date-time (UTC or zoned) or a floating one."""
    value = prop.value.strip()
    kind = prop.params.get("VALUE", "").upper()
    shown = f"{prop.name} {value!r}"
    if kind not in ("", "DATE", "DATE-TIME"):
        return Problem(prop.line, f"{prop.name} must be a date or a date-time, not a {kind}")
    found_date = _DATE.fullmatch(value) if kind != "DATE-TIME" else None
    found_time = _DATETIME.fullmatch(value) if kind != "DATE" else None
    try:
        if found_date:
            year, month, day = (int(g) for g in found_date.groups())
            return date(year, month, day)
        if found_time:
            parts = [int(g) for g in found_time.groups()[:6]]
            parts[5] = min(parts[5], 59)  # a leap second is the last second of its minute
            moment = datetime(*parts)  # type: ignore[arg-type]
        else:
            return Problem(prop.line, f"{shown} is not a date ({_HOW_DATES_LOOK})")
    except ValueError as exc:
        return Problem(prop.line, f"{shown} is not a real date: {exc}")
    if found_time.group(7):
        return moment.replace(tzinfo=UTC)
    tzid = prop.params.get("TZID", "").strip()
    if not tzid:
        return moment  # floating: the same wall-clock time wherever one is
    zone = zones.get(tzid, prop.line)
    return zone if isinstance(zone, Problem) else moment.replace(tzinfo=zone)


def duration(prop: Prop) -> timedelta | Problem:
    try:
        value = vDuration.from_ical(prop.value.strip())  # type: ignore[no-untyped-call]
    except Exception as exc:  # icalendar's reading, whatever it raises
        return Problem(prop.line, f"DURATION {prop.value.strip()!r} is not a duration: {exc}")
    if not isinstance(value, timedelta) or value < timedelta(0):
        return Problem(prop.line, f"DURATION {prop.value.strip()!r} is not a length of time")
    return value


def recurrence(prop: Prop) -> str | Problem:
    """The RRULE, if icalendar reads it, without whitespace (Exchange writes "MO, TU")."""
    rule = _SPACES.sub("", prop.value).upper()
    try:
        parsed = vRecur.from_ical(rule)
    except Exception as exc:  # icalendar's reading, whatever it raises
        return Problem(prop.line, f"RRULE {rule!r} is not a recurrence rule: {exc}")
    if "FREQ" not in parsed:
        return Problem(prop.line, f"RRULE {rule!r} is not a recurrence rule: it has no FREQ")
    return rule
