"""The rows of each export, read a page at a time (keyset paging on id), never all at once.

Headers are the import's field names, so an exported file imports back as it is. Dates
are ISO (2018-10-25), flags yes/no, lists joined with "; " (tags with ", ").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tracker.domain.models import (
    Event,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    Person,
    Plan,
)
from tracker.services._convert_partners import tags_by_org

PAGE = 1_000

ORG_HEADER = (
    "id", "name", "kind", "stage", "country", "city", "website", "eccp_url", "tags", "notes",
)  # fmt: skip
PERSON_HEADER = (
    "id", "name", "organisation", "role", "email", "phone", "languages", "staff",
    "consent", "consent_source", "consent_date", "notes",
)  # fmt: skip
EVENT_HEADER = (
    "id", "year", "name", "kind", "country", "city", "start", "end", "organiser", "url",
    "status", "priority", "placeholder", "why", "notes", "uid",
)  # fmt: skip
LOG_HEADER = (
    "id", "date", "time", "kind", "event", "organisations", "people", "summary",
    "follow_up", "due", "done_at",
)  # fmt: skip


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "value", value))  # enums as their stored value


AnySelect = Select[*tuple[Any, ...]]


def pages(session: Session, stmt: AnySelect, key: Any) -> Iterator[Sequence[Any]]:
    last = 0
    while True:
        rows = session.execute(stmt.where(key > last).order_by(key).limit(PAGE)).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def organisation_rows(session: Session) -> Iterator[list[str]]:
    org = Organisation
    stmt = select(
        org.id, org.name, org.kind, org.stage, org.country_code, org.city, org.website,
        org.eccp_url, org.notes,
    )  # fmt: skip
    for page in pages(session, stmt, org.id):
        tags = tags_by_org(session, [r.id for r in page])
        for r in page:
            cells = (r.id, r.name, r.kind, r.stage, r.country_code, r.city, r.website,
                     r.eccp_url, ", ".join(tags.get(r.id, ())), r.notes)  # fmt: skip
            yield [_text(c) for c in cells]


def person_rows(session: Session) -> Iterator[list[str]]:
    p = Person
    stmt = select(
        p.id, p.full_name, Organisation.name.label("organisation"), p.role, p.email, p.phone,
        p.languages, p.is_staff, p.consent, p.consent_source, p.consent_date, p.notes,
    ).outerjoin(Organisation, Organisation.id == p.organisation_id)  # fmt: skip
    for page in pages(session, stmt, p.id):
        for r in page:
            yield [_text(c) for c in r]


def event_rows(session: Session) -> Iterator[list[str]]:
    e = Event
    stmt = select(
        e.id, Plan.year, e.name, e.kind, e.country_code, e.city, e.start_date, e.end_date,
        e.organiser, e.url, e.status, e.priority, e.is_placeholder, e.why, e.notes, e.uid,
    ).join(Plan, Plan.id == e.plan_id)  # fmt: skip
    for page in pages(session, stmt, e.id):
        for r in page:
            yield [_text(c) for c in r]


def _joined(rows: Any) -> dict[int, str]:
    found: dict[int, list[str]] = defaultdict(list)
    for interaction_id, shown in rows:
        found[interaction_id].append(shown)
    return {key: "; ".join(names) for key, names in found.items()}


def log_rows(session: Session) -> Iterator[list[str]]:
    i, io_, ip = Interaction, InteractionOrganisation, InteractionPerson
    stmt = select(
        i.id, i.occurred_on, i.occurred_time, i.kind, Event.name.label("event"), i.summary,
        i.follow_up, i.follow_up_due, i.follow_up_done_at,
    ).outerjoin(Event, Event.id == i.event_id)  # fmt: skip
    for page in pages(session, stmt, i.id):
        ids = [r.id for r in page]
        orgs = _joined(
            session.execute(
                select(io_.interaction_id, Organisation.name)
                .join(Organisation, Organisation.id == io_.organisation_id)
                .where(io_.interaction_id.in_(ids))
                .order_by(Organisation.name)
            )
        )
        people = _joined(
            session.execute(
                select(ip.interaction_id, Person.full_name)
                .join(Person, Person.id == ip.person_id)
                .where(ip.interaction_id.in_(ids))
                .order_by(Person.full_name)
            )
        )
        for r in page:
            cells = (r.id, r.occurred_on, r.occurred_time, r.kind, r.event,
                     orgs.get(r.id, ""), people.get(r.id, ""), r.summary, r.follow_up,
                     r.follow_up_due, r.follow_up_done_at)  # fmt: skip
            yield [_text(c) for c in cells]


EXPORTS: dict[str, tuple[tuple[str, ...], Callable[[Session], Iterator[list[str]]]]] = {
    "orgs": (ORG_HEADER, organisation_rows),
    "people": (PERSON_HEADER, person_rows),
    "events": (EVENT_HEADER, event_rows),
    "log": (LOG_HEADER, log_rows),
}
