"""Readers for single user-typed fields: choices, web addresses, emails, phones, times, tags.

Pure functions over the standard library, email-validator and phonenumbers: no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, time
from enum import StrEnum
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlparse

from tracker.domain.dates import DateParseError, parse_optional_date
from tracker.i18n import _

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

E = TypeVar("E", bound=StrEnum)

DEFAULT_REGION = "IT"
TAG_MAX = 80

# Words people type for the same choice; the stored value is the enum's.
_ALIASES: dict[str, str] = {
    "research_center": "research_centre",
    "research": "research_centre",
    "network": "agency",
    "agency/network": "agency",
    "agency_network": "agency",
    "public": "public_body",
    "talks": "in_talks",
    "video": "video_call",
    "videocall": "video_call",
    "phone": "call",
}


_FREE_TEXT = frozenset({"notes", "summary", "follow_up"})


# C0 controls other than tab, newline and carriage return, and DEL: never meant in a form
# (a NUL is refused outright by PostgreSQL), so they go before anything is checked.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def text_of(raw: Mapping[str, object], field: str) -> str:
    """The field as text: trimmed, and on one line unless it is free text like notes."""
    value = raw.get(field)
    if value is None:
        return ""
    text = str(value)
    if not text.isprintable():  # printable text has no control characters to take out
        text = without_controls(text)
    return text.strip() if field in _FREE_TEXT else " ".join(text.split())


def flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in {"1", "true", "yes", "y", "si", "sì"}


def choice(enum_cls: type[E], raw: object, default: E, errors: dict[str, str], field: str) -> E:
    """An enum member from what was typed ("in talks", "In-Talks", "in_talks")."""
    if raw is None or raw == "":
        return default  # left blank (most records of a bulk import): nothing to read
    text = re.sub(r"[\s-]+", "_", str(raw or "").strip().lower())
    if not text:
        return default
    try:
        return enum_cls(_ALIASES.get(text, text))
    except ValueError:
        options = ", ".join(member.value for member in enum_cls)
        errors[field] = _("{raw!r} is not one of: {options}").format(raw=raw, options=options)
        return default


def limited(value: str, field: str, limit: int, errors: dict[str, str]) -> str:
    if len(value) > limit:
        errors[field] = _("keep it under {limit} characters").format(limit=limit)
    return value


def date_field(raw: Mapping[str, object], field: str, errors: dict[str, str]) -> date | None:
    value = raw.get(field)
    if isinstance(value, date):
        return value
    try:
        return parse_optional_date(text_of(raw, field) or None)
    except DateParseError as exc:
        errors[field] = str(exc)
        return None


URL_MAX = 500  # every web-address column


def web_address(text: str, field: str, errors: dict[str, str]) -> str:
    """A http(s) address; a bare "www.example.eu" gets https:// in front."""
    if not text:
        return ""
    if len(text) > URL_MAX:
        return limited(text, field, URL_MAX, errors)
    if "://" not in text and re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/\S*)?", text, re.IGNORECASE):
        text = "https://" + text
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in text:
        errors[field] = _("{text!r} is not a web address (it should start with https://)").format(
            text=text
        )
    return text


def country_code(text: str, errors: dict[str, str], field: str = "country") -> str | None:
    code = text.strip().upper() or None
    if code is not None and (len(code) != 2 or not code.isalpha()):
        errors[field] = _("{code!r} is not a two-letter ISO country code (e.g. BE, US)").format(
            code=code
        )
    return code


def normalise_email(text: str) -> str:
    """The normalised address, or ValueError with a message fit for the user."""
    # Imported on first use: reading lists (the CLI, the TUI's start) never needs them.
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(
            _("{strip!r} is not a valid email address: {exc}").format(strip=text.strip(), exc=exc)
        ) from exc


def normalise_phone(text: str, region: str | None = None) -> str:
    """E.164 ("+39051123456"); numbers without +prefix are read in ``region`` (else IT)."""
    import phonenumbers  # on first use, as email_validator

    _keep_patterns(phonenumbers)
    shown = text.strip()
    region = (region or DEFAULT_REGION).upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        region = DEFAULT_REGION
    try:
        number = phonenumbers.parse(shown, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(_("{shown!r} is not a valid phone number").format(shown=shown)) from exc
    if not is_valid_number(number):
        hint = "" if shown.startswith("+") else f" in {region} (add +country code if foreign)"
        raise ValueError(
            _("{shown!r} is not a valid phone number{hint}").format(shown=shown, hint=hint)
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _keep_patterns(phonenumbers: ModuleType) -> None:
    """phonenumbers' own cache of its compiled patterns (from 9.0), which a number checks
    a dozen of: cheaper than the re module's cache, and never evicted by other regexes."""
    enable = getattr(phonenumbers, "enable_pattern_cache", None)
    if enable is not None:
        enable()


def is_valid_number(number: PhoneNumber) -> bool:
    """``phonenumbers.is_valid_number``, without checking the number's type twice.

    For a calling code shared by several regions (+39: Italy, the Vatican) the library
    finds the region by checking the number's type there, then checks it again to say
    whether the number is valid. Here the region is found the same way (its leading
    digits, else a known type) and that first check is the answer.
    """
    import phonenumbers

    code = number.country_code
    regions = () if code is None else phonenumbers.region_codes_for_country_code(code)
    if len(regions) < 2:
        return bool(phonenumbers.is_valid_number(number))
    national = phonenumbers.national_significant_number(number)
    for region in regions:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
        if metadata is None:
            continue
        if metadata.leading_digits is not None:
            if re.match(metadata.leading_digits, national):
                return bool(phonenumbers.is_valid_number_for_region(number, region))
        elif phonenumbers.is_valid_number_for_region(number, region):
            return True
    return False


def parse_optional_time(text: str | None) -> time | None:
    """ "14:30", "14.30", "14h30" or "9" → a time of day; blank → None."""
    shown = (text or "").strip()
    if not shown:
        return None
    match = re.fullmatch(r"(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?", shown, re.IGNORECASE)
    if match is None:
        raise ValueError(_('"{shown}" is not a time: write it like 14:30').format(shown=shown))
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(
            _('"{shown}" is not a time of day: hours 0-23, minutes 0-59').format(shown=shown)
        )
    return time(hour, minute)


def normalise_tag(text: str) -> str:
    return " ".join(without_controls(text).lower().split())


def tags_of(value: object, errors: dict[str, str]) -> tuple[str, ...]:
    """Tags from "medtech, Pharma" or a list; lower case, without repeats."""
    items: list[str]
    if value is None:
        items = []
    elif isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, Iterable):
        items = [str(v) for v in value]
    else:
        items = [str(value)]
    tags: list[str] = []
    for item in items:
        tag = normalise_tag(item)
        if len(tag) > TAG_MAX:
            errors["tags"] = _("keep each tag under {TAG_MAX} characters").format(TAG_MAX=TAG_MAX)
        elif tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)
