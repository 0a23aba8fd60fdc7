"""Field checks for bulk imports: the domain's rules, at a speed 100k records can afford.

``validate_person`` spends most of its time in email-validator and phonenumbers (about
70 µs each per record). Here a plain ASCII address is checked by the same rules in two
steps: its local part by the dot-atom pattern email-validator itself tries first, its
domain by email-validator once per distinct domain (cached). Anything else, and every
failure, goes through ``normalise_email`` so the message is the one the forms show.
Phone numbers go through ``normalise_phone``, remembered per (text, region): a company's
switchboard repeated on every colleague's row is parsed once. A record with nothing but
a name, role and notes (most of a contact list) skips the rules for the fields it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

from tracker.domain.contact_fields import normalise_email, normalise_phone, text_of
from tracker.domain.contact_rules import validate_person
from tracker.domain.enums import ConsentStatus

EMAIL_MAX = 254  # email-validator's limit on the whole address, in UTF-8 bytes
_ATEXT = r"[a-zA-Z0-9_!#$%&'*+\-/=?^`{|}~]"
_LOCAL = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*")
_DOMAIN = re.compile(r"[A-Za-z0-9.\-]+")
_MAILBOXES = frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)


@lru_cache(maxsize=8192)
def _domain(domain: str) -> tuple[str, str] | None:
    """The domain as email-validator normalises it (and its ASCII form); None if refused."""
    try:
        checked = validate_email("x@" + domain, check_deliverability=False)
    except EmailNotValidError:
        return None
    return checked.domain, checked.ascii_domain


def quick_email(text: str) -> str:
    """Exactly ``normalise_email(text)``, without its per-address cost for plain addresses."""
    shown = text.strip()
    local, at, domain = shown.partition("@")
    if (
        at
        and _LOCAL.fullmatch(local)
        and _DOMAIN.fullmatch(domain)
        and local.lower() not in _MAILBOXES
    ):
        found = _domain(domain)
        if found is not None:
            normal, ascii_domain = found
            longest = max(len(domain), len(normal.encode("utf-8")), len(ascii_domain))
            if len(local) + 1 + longest <= EMAIL_MAX:
                return f"{local}@{normal}"
    return normalise_email(text)


@lru_cache(maxsize=65536)
def _phone(text: str, region: str | None) -> tuple[str, str]:
    try:
        return normalise_phone(text, region), ""
    except ValueError as exc:
        return "", str(exc)


def quick_phone(text: str, region: str | None) -> str:
    """Exactly ``normalise_phone(text, region)``, remembered for numbers seen before."""
    value, error = _phone(text, region)
    if error:
        raise ValueError(error)
    return value


_PLAIN_PERSON = frozenset({"name", "role", "notes"})
NAME_MAX = ROLE_MAX = 200  # validate_person's limits
# What validate_person gives the fields a plain record leaves out.
_LEFT_OUT: dict[str, Any] = {
    "languages": "",
    "is_staff": False,
    "consent": ConsentStatus.UNKNOWN,
    "consent_source": "",
    "consent_date": None,
}


def person_fields(raw: Mapping[str, object], region: str | None) -> dict[str, Any]:
    """The person's columns (all but email and phone) exactly as ``validate_person(raw,
    region=region)`` gives them, or its ValidationError. A record with only a name, a
    role and notes, all fine, is read here without the rule's dataclass; anything else,
    and every refusal, by the rule."""
    if raw.keys() <= _PLAIN_PERSON:
        name, role = text_of(raw, "name"), text_of(raw, "role")
        if name and len(name) <= NAME_MAX and len(role) <= ROLE_MAX:
            return {"full_name": name, "role": role, "notes": text_of(raw, "notes"), **_LEFT_OUT}
    data = validate_person(raw, region=region)
    return {
        "full_name": data.full_name,
        "role": data.role,
        "notes": data.notes,
        "languages": data.languages,
        "is_staff": data.is_staff,
        "consent": data.consent,
        "consent_source": data.consent_source,
        "consent_date": data.consent_date,
    }
