"""Loading the organisations and funding calls a seed plan names.

Matched by name (case ignored; calls by programme and name), so seeding a database
again adds only what is missing and never touches what users have since edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.contact_rules import validate_call, validate_organisation
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.models import Country, FundingCall, Organisation, Tag
from tracker.i18n import _


class PartnerSeedError(TrackerError):
    pass


def _checked(source: str, what: str, validate: Any, entry: Mapping[str, Any]) -> Any:
    try:
        return validate(entry)
    except ValidationError as exc:
        raise PartnerSeedError(f"{source}: {what} {entry.get('name')!r}: {exc}") from exc


def load_organisations(session: Session, entries: Iterable[Mapping[str, Any]], source: str) -> int:
    added = 0
    for entry in entries:
        data = _checked(source, "organisation", validate_organisation, entry)
        exists = session.scalar(
            select(Organisation.id).where(func.lower(Organisation.name) == data.name.lower())
        )
        if exists is not None:
            continue
        if data.country_code and session.get(Country, data.country_code) is None:
            raise PartnerSeedError(
                _("{source}: unknown country {country_code!r}").format(
                    source=source, country_code=data.country_code
                )
            )
        tags = [
            session.scalar(select(Tag).where(Tag.name == name)) or Tag(name=name)
            for name in data.tags
        ]
        session.add(
            Organisation(
                name=data.name,
                kind=data.kind,
                country_code=data.country_code,
                city=data.city,
                website=data.website,
                eccp_url=data.eccp_url,
                notes=data.notes,
                stage=data.stage,
                tags=tags,
            )
        )
        session.flush()
        added += 1
    return added


def load_calls(session: Session, entries: Iterable[Mapping[str, Any]], source: str) -> int:
    added = 0
    for entry in entries:
        data = _checked(source, "call", validate_call, entry)
        exists = session.scalar(
            select(FundingCall.id).where(
                func.lower(FundingCall.programme) == data.programme.lower(),
                func.lower(FundingCall.name) == data.name.lower(),
            )
        )
        if exists is not None:
            continue
        session.add(
            FundingCall(
                programme=data.programme,
                name=data.name,
                identifier=data.identifier,
                url=data.url,
                opening_date=data.opening_date,
                budget=data.budget,
                notes=data.notes,
                status=data.status,
            )
        )
        session.flush()
        added += 1
    return added
