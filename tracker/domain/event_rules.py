"""What makes an event's fields valid, checked before anything touches the database.

The same function serves the CLI flags and the TUI form, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar
from urllib.parse import urlparse

from tracker.domain.contact_fields import URL_MAX, limited, without_controls
from tracker.domain.dates import DateParseError, parse_optional_date
from tracker.domain.enums import EventKind, EventStatus, Priority
from tracker.domain.errors import ValidationError
from tracker.i18n import _

NAME_MAX = 300
CITY_MAX = 120  # the columns events.city and events.organiser
ORGANISER_MAX = 200
FIELDS = (
    "name", "kind", "country", "city", "start", "end", "organiser", "url",
    "status", "priority", "why", "notes", "placeholder",
)  # fmt: skip


E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class EventData:
    name: str
    kind: EventKind = EventKind.OTHER
    country_code: str | None = None
    city: str = ""
    start_date: date | None = None
    end_date: date | None = None
    organiser: str = ""
    url: str = ""
    status: EventStatus = EventStatus.CANDIDATE
    priority: Priority = Priority.NORMAL
    why: str = ""
    notes: str = ""
    is_placeholder: bool = False


def _choice(enum_cls: type[E], raw: object, default: E, errors: dict[str, str], field: str) -> E:
    text = str(raw or "").strip().lower()
    if not text:
        return default
    try:
        return enum_cls(text)
    except ValueError:
        options = ", ".join(member.value for member in enum_cls)
        errors[field] = _("{raw!r} is not one of: {options}").format(raw=raw, options=options)
        return default


def _text(raw: Mapping[str, object], field: str) -> str:
    value = raw.get(field)
    return "" if value is None else without_controls(str(value)).strip()


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in {"1", "true", "yes", "y", "si", "sì"}


def validate_event(raw: Mapping[str, object]) -> EventData:
    """Turn user-typed fields into an EventData, or raise ValidationError naming each field."""
    errors: dict[str, str] = {}
    name = _text(raw, "name")
    if not name:
        errors["name"] = _("an event needs a name")
    elif len(name) > NAME_MAX:
        errors["name"] = _("keep the name under {NAME_MAX} characters").format(NAME_MAX=NAME_MAX)

    country = _text(raw, "country").upper() or None
    if country is not None and (len(country) != 2 or not country.isalpha()):
        errors["country"] = _(
            "{country!r} is not a two-letter ISO country code (e.g. BE, US)"
        ).format(country=country)

    dates: dict[str, date | None] = {}
    for field in ("start", "end"):
        try:
            dates[field] = parse_optional_date(_text(raw, field) or None)
        except DateParseError as exc:
            errors[field] = str(exc)
            dates[field] = None
    start, end = dates["start"], dates["end"]
    if end is not None and start is None and "start" not in errors:
        errors["end"] = _("an end date needs a start date")
    if start is not None and end is not None and end < start:
        errors["end"] = _(
            "the event cannot end ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y})"
        ).format(end=end, start=start)

    placeholder = _flag(raw.get("placeholder"))
    if placeholder and (start is not None or end is not None):
        errors["start"] = _("a placeholder for events still to be found has no dates")

    url = _text(raw, "url")
    if len(url) > URL_MAX:
        errors["url"] = f"keep the web address under {URL_MAX} characters"
    elif url:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or "." not in parsed.netloc:
            errors["url"] = _(
                "{url!r} is not a web address (it should start with https://)"
            ).format(url=url)

    data = EventData(
        name=name,
        kind=_choice(EventKind, raw.get("kind"), EventKind.OTHER, errors, "kind"),
        country_code=country,
        city=limited(_text(raw, "city"), "city", CITY_MAX, errors),
        start_date=start,
        end_date=end,
        organiser=limited(_text(raw, "organiser"), "organiser", ORGANISER_MAX, errors),
        url=url,
        status=_choice(
            EventStatus,
            raw.get("status"),
            EventStatus.IDEA if placeholder else EventStatus.CANDIDATE,
            errors,
            "status",
        ),
        priority=_choice(Priority, raw.get("priority"), Priority.NORMAL, errors, "priority"),
        why=_text(raw, "why"),
        notes=_text(raw, "notes"),
        is_placeholder=placeholder,
    )
    if errors:
        raise ValidationError(errors)
    return data
