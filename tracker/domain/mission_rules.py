"""What makes a mission's fields valid, and how its status may move.

Pure functions: the CLI flags and the TUI form hand over what the user typed (strings,
or dates a widget already parsed) and get typed data back, or a ValidationError naming
every bad field at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from tracker.domain.contact_fields import choice, date_field, limited, without_controls
from tracker.domain.enums import MissionStatus
from tracker.domain.errors import RuleViolation, ValidationError
from tracker.i18n import _

__all__ = [
    "FIELDS",
    "MAX_DAYS",
    "MOVES",
    "MissionData",
    "check_move",
    "mission_status",
    "validate_mission",
]

TITLE_MAX = 300
CITY_MAX = 120
# Longer than a quarter is almost always a mistyped year (24/10/2018 – 26/10/2019).
MAX_DAYS = 92
FIELDS = ("title", "city", "start", "end", "purpose", "notes")

# draft → planned → booked → done, cancelled from anywhere but done. One step back is
# allowed to undo a slip; a cancelled mission can be revived as a draft, and a mission
# marked done by mistake can be reopened as booked.
MOVES: Mapping[MissionStatus, tuple[MissionStatus, ...]] = {
    MissionStatus.DRAFT: (MissionStatus.PLANNED, MissionStatus.CANCELLED),
    MissionStatus.PLANNED: (MissionStatus.BOOKED, MissionStatus.DRAFT, MissionStatus.CANCELLED),
    MissionStatus.BOOKED: (MissionStatus.DONE, MissionStatus.PLANNED, MissionStatus.CANCELLED),
    MissionStatus.DONE: (MissionStatus.BOOKED,),
    MissionStatus.CANCELLED: (MissionStatus.DRAFT,),
}


@dataclass(frozen=True)
class MissionData:
    title: str
    start_date: date
    end_date: date
    city: str = ""
    purpose: str = ""
    notes: str = ""

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1


def _line(raw: Mapping[str, object], field: str) -> str:
    value = raw.get(field)
    return "" if value is None else " ".join(without_controls(str(value)).split())


def _free(raw: Mapping[str, object], field: str) -> str:
    value = raw.get(field)
    return "" if value is None else without_controls(str(value)).strip()


def validate_mission(raw: Mapping[str, object]) -> MissionData:
    """Turn the form's fields into MissionData, or raise ValidationError per field.

    Fields: title (required), city, start (required), end (blank means a one-day
    mission), purpose, notes. Dates are read like every date here (25/10/2018,
    2018-10-25, 25 ottobre 2018) or may be ``date`` objects already.
    """
    errors: dict[str, str] = {}
    if raw.get("status") not in (None, ""):
        errors["status"] = _(
            "a mission's status moves on its own (draft → planned → booked → done)"
        )
    title = limited(_line(raw, "title"), "title", TITLE_MAX, errors)
    if not title:
        errors["title"] = _("a mission needs a title, e.g. 'Brussels, cluster partnering'")
    city = limited(_line(raw, "city"), "city", CITY_MAX, errors)

    start = date_field(raw, "start", errors)
    end = date_field(raw, "end", errors)
    if start is None and "start" not in errors:
        errors["start"] = _("when does the mission start? e.g. 24/10/2018")
    if end is None and "end" not in errors:
        end = start
    if start is not None and end is not None:
        if end < start:
            errors["end"] = _(
                "the mission cannot end ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y})"
            ).format(end=end, start=start)
        elif (end - start).days + 1 > MAX_DAYS:
            errors["end"] = _(
                "{value} days is longer than a mission can be ({MAX_DAYS} at most): check the year"
            ).format(value=(end - start).days + 1, MAX_DAYS=MAX_DAYS)
    if errors:
        raise ValidationError(errors)
    assert start is not None and end is not None
    return MissionData(
        title=title,
        start_date=start,
        end_date=end,
        city=city,
        purpose=_free(raw, "purpose"),
        notes=_free(raw, "notes"),
    )


def mission_status(value: object) -> MissionStatus:
    """A status from what was typed ("Booked", " done "), or ValidationError listing them."""
    errors: dict[str, str] = {}
    status = choice(MissionStatus, value, MissionStatus.DRAFT, errors, "status")
    if errors or not str(value or "").strip():
        options = ", ".join(s.value for s in MissionStatus)
        raise ValidationError(
            {"status": _("{value!r} is not one of: {options}").format(value=value, options=options)}
        )
    return status


def check_move(
    title: str, current: MissionStatus, new: MissionStatus, *, participants: int
) -> None:
    """Raise RuleViolation when ``current → new`` is not a move the pipeline allows.

    Staying where it is, is always allowed. Booking needs someone to travel.
    """
    if new is current:
        return
    allowed = MOVES[current]
    if new not in allowed:
        options = " or ".join(s.value for s in allowed)
        raise RuleViolation(
            _("{title!r} is {value}: it can become {options}, not {value2}").format(
                title=title, value=current.value, options=options, value2=new.value
            )
        )
    if new is MissionStatus.BOOKED and participants == 0:
        raise RuleViolation(
            _("{title!r} has nobody travelling: add participants before booking").format(
                title=title
            )
        )
