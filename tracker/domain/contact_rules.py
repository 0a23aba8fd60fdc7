"""What makes partner, person, contact-log and call fields valid, before any database work.

Each ``validate_*`` takes the raw fields a form or the CLI collected (strings, mostly) and
returns a typed dataclass, or raises ValidationError naming every bad field at once.
Names are also normalised here for duplicate detection: accents, case, punctuation and
legal suffixes ("S.p.A.", "GmbH") do not make two organisations different.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from tracker.domain.contact_fields import (
    choice,
    country_code,
    date_field,
    flag,
    limited,
    normalise_email,
    normalise_phone,
    parse_optional_time,
    tags_of,
    text_of,
    web_address,
)
from tracker.domain.enums import (
    CallStatus,
    ConsentStatus,
    InteractionKind,
    MemberRole,
    OrgKind,
    Stage,
)
from tracker.domain.errors import ValidationError
from tracker.domain.money import AmountParseError, parse_amount
from tracker.i18n import _

__all__ = [
    "CallData",
    "InteractionData",
    "OrganisationData",
    "PersonData",
    "member_role",
    "normalise_email",
    "normalise_name",
    "normalise_person_name",
    "normalise_phone",
    "validate_call",
    "validate_interaction",
    "validate_organisation",
    "validate_person",
]


@dataclass(frozen=True)
class OrganisationData:
    name: str
    kind: OrgKind = OrgKind.CLUSTER
    country_code: str | None = None
    city: str = ""
    website: str = ""
    eccp_url: str = ""
    notes: str = ""
    stage: Stage = Stage.PROSPECT
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonData:
    full_name: str
    role: str = ""
    email: str = ""  # normalised by email-validator
    phone: str = ""  # E.164
    languages: str = ""  # "it, en"
    notes: str = ""
    is_staff: bool = False
    consent: ConsentStatus = ConsentStatus.UNKNOWN
    consent_source: str = ""
    consent_date: date | None = None


@dataclass(frozen=True)
class InteractionData:
    occurred_on: date
    occurred_time: time | None = None
    kind: InteractionKind = InteractionKind.MEETING
    summary: str = ""
    follow_up: str = ""
    follow_up_due: date | None = None


@dataclass(frozen=True)
class CallData:
    programme: str
    name: str
    identifier: str = ""
    url: str = ""
    opening_date: date | None = None
    budget: Decimal | None = None
    notes: str = ""
    status: CallStatus = CallStatus.WATCHING


# -- validators ----------------------------------------------------------------------


def validate_organisation(raw: Mapping[str, object]) -> OrganisationData:
    """Fields: name, kind, country, city, website, eccp_url, notes, stage, tags."""
    errors: dict[str, str] = {}
    name = limited(text_of(raw, "name"), "name", 300, errors)
    if not name:
        errors["name"] = _("an organisation needs a name")
    data = OrganisationData(
        name=name,
        kind=choice(OrgKind, raw.get("kind"), OrgKind.CLUSTER, errors, "kind"),
        country_code=country_code(text_of(raw, "country"), errors),
        city=limited(text_of(raw, "city"), "city", 200, errors),
        website=web_address(text_of(raw, "website"), "website", errors),
        eccp_url=web_address(text_of(raw, "eccp_url"), "eccp_url", errors),
        notes=text_of(raw, "notes"),
        stage=choice(Stage, raw.get("stage"), Stage.PROSPECT, errors, "stage"),
        tags=tags_of(raw.get("tags"), errors),
    )
    if errors:
        raise ValidationError(errors)
    return data


def _languages(text: str) -> str:
    if not text:
        return ""
    parts = [p.strip().lower() for p in re.split(r"[,;/]", text)]
    return ", ".join(p for p in parts if p)


def validate_person(raw: Mapping[str, object], *, region: str | None = None) -> PersonData:
    """Fields: name, role, email, phone, languages, notes, staff, consent, consent_source,
    consent_date. Phones without +country are read in ``region`` (the organisation's
    country), else Italy."""
    errors: dict[str, str] = {}
    name = limited(text_of(raw, "name"), "name", 200, errors)
    if not name:
        errors["name"] = _("a person needs a name")
    email = text_of(raw, "email")
    if email:
        try:
            email = normalise_email(email)
        except ValueError as exc:
            errors["email"] = str(exc)
    phone = text_of(raw, "phone")
    if phone:
        try:
            phone = normalise_phone(phone, region)
        except ValueError as exc:
            errors["phone"] = str(exc)
    consent = choice(ConsentStatus, raw.get("consent"), ConsentStatus.UNKNOWN, errors, "consent")
    source = limited(text_of(raw, "consent_source"), "consent_source", 300, errors)
    when = date_field(raw, "consent_date", errors)
    if consent is ConsentStatus.GIVEN and not source and "consent" not in errors:
        errors["consent_source"] = _("say where consent was given (e.g. 'form at MedTech 2018')")
    if consent is ConsentStatus.UNKNOWN and (source or when) and "consent" not in errors:
        errors["consent"] = _("a consent source or date needs a consent: given, refused, withdrawn")
    data = PersonData(
        full_name=name,
        role=limited(text_of(raw, "role"), "role", 200, errors),
        email=email,
        phone=phone,
        languages=limited(_languages(text_of(raw, "languages")), "languages", 100, errors),
        notes=text_of(raw, "notes"),
        is_staff=flag(raw.get("staff")),
        consent=consent,
        consent_source=source,
        consent_date=when,
    )
    if errors:
        raise ValidationError(errors)
    return data


def validate_interaction(
    raw: Mapping[str, object], *, default_date: date | None = None
) -> InteractionData:
    """Fields: date, time, kind, summary, follow_up, due. A blank date takes
    ``default_date`` (the event's first day when logging from an event)."""
    errors: dict[str, str] = {}
    occurred_on = date_field(raw, "date", errors) or default_date
    if occurred_on is None and "date" not in errors:
        errors["date"] = _("when did it happen? e.g. 25/10/2018")
    try:
        at = parse_optional_time(text_of(raw, "time"))
    except ValueError as exc:
        errors["time"] = str(exc)
        at = None
    follow_up = text_of(raw, "follow_up")
    due = date_field(raw, "due", errors)
    if due is not None and not follow_up:
        errors["follow_up"] = _("a due date needs something to follow up")
    kind = choice(InteractionKind, raw.get("kind"), InteractionKind.MEETING, errors, "kind")
    if errors or occurred_on is None:
        raise ValidationError(errors)
    return InteractionData(
        occurred_on=occurred_on,
        occurred_time=at,
        kind=kind,
        summary=text_of(raw, "summary"),
        follow_up=follow_up,
        follow_up_due=due,
    )


def validate_call(raw: Mapping[str, object]) -> CallData:
    """Fields: programme, name, identifier, url, opening, budget, notes, status."""
    errors: dict[str, str] = {}
    programme = limited(text_of(raw, "programme"), "programme", 100, errors)
    if not programme:
        errors["programme"] = _("name the programme (e.g. COSME, INNOSUP, Horizon Europe)")
    name = limited(text_of(raw, "name"), "name", 300, errors)
    if not name:
        errors["name"] = _("a call needs a name")
    budget: Decimal | None = None
    raw_budget = raw.get("budget")
    if isinstance(raw_budget, Decimal):
        budget = raw_budget
    elif text_of(raw, "budget"):
        try:
            budget = parse_amount(text_of(raw, "budget"))
        except AmountParseError as exc:
            errors["budget"] = str(exc)
    data = CallData(
        programme=programme,
        name=name,
        identifier=limited(text_of(raw, "identifier"), "identifier", 100, errors),
        url=web_address(text_of(raw, "url"), "url", errors),
        opening_date=date_field(raw, "opening", errors),
        budget=budget,
        notes=text_of(raw, "notes"),
        status=choice(CallStatus, raw.get("status"), CallStatus.WATCHING, errors, "status"),
    )
    if errors:
        raise ValidationError(errors)
    return data


def member_role(raw: object) -> MemberRole:
    errors: dict[str, str] = {}
    role = choice(MemberRole, raw, MemberRole.PARTNER, errors, "role")
    if errors:
        raise ValidationError(errors)
    return role


# -- names, for duplicates -----------------------------------------------------------

# Legal forms dropped from the end of an organisation's name (dots already removed).
LEGAL_SUFFIXES = frozenset(
    {
        # Italy
        "spa", "srl", "srls", "snc", "sas", "sapa", "scarl", "scrl", "scpa", "coop",
        "onlus", "aps", "ets",
        # German-speaking countries
        "gmbh", "mbh", "ag", "kg", "ohg", "ug", "ev", "gbr",
        # English-speaking countries
        "ltd", "limited", "plc", "llc", "llp", "inc", "incorporated", "corp",
        "corporation", "co", "company",
        # France, Spain, Benelux, the Nordics
        "sa", "sarl", "sasu", "sl", "slu", "bv", "nv", "vzw", "asbl", "ab", "oy", "as",
    }
)  # fmt: skip
# Titles dropped from the front of a person's name ("Dott.ssa", "Prof.", "Mr").
_TITLES = frozenset(
    {"dr", "dott", "dottssa", "dottoressa", "prof", "profssa", "ing", "avv",
     "mr", "mrs", "ms", "sig", "sigra"}
)  # fmt: skip


def fold(text: str) -> str:
    """Lower case, no accents, abbreviation dots removed, other punctuation as spaces."""
    if text.isascii():  # NFKD leaves ASCII as it is, and it has no combining marks
        plain = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = plain.replace(".", "").replace("'", " ").replace("’", " ")
    return " ".join(re.sub(r"[^\w]+|_", " ", plain).split())


def normalise_name(text: str) -> str:
    """An organisation's name for comparison: "BioWin S.p.A." and "Biowin" → "biowin"."""
    tokens = fold(text).split()
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    return " ".join(tokens)


def normalise_person_name(text: str) -> str:
    """A person's name for comparison, word order ignored: "ROSSI, Anna" → "anna rossi"."""
    tokens = fold(text).split()
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens.pop(0)
    return " ".join(sorted(tokens))
