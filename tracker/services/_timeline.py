"""Everything about one organisation or person, in date order.

An organisation's timeline holds its contact-log entries and those of its people, the
events where they happened, and its consortia with their calls' deadlines. A person's
holds their entries, those events, and the consortia of their organisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from tracker.domain.models import (
    Consortium,
    ConsortiumMember,
    Event,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    Person,
)
from tracker.services._convert_partners import with_links
from tracker.services.dto_partners import NamedRef, Timeline, TimelineItem

MAX_INTERACTIONS = 500  # the latest ones; older ones are reported as truncated
_KIND_ORDER = {"event": 0, "interaction": 1, "deadline": 2, "membership": 3}
_KIND_LABEL = {
    "meeting": "Meeting",
    "call": "Call",
    "email": "Email",
    "video_call": "Video call",
    "visit": "Visit",
}


def _sort_key(item: TimelineItem) -> tuple[bool, date, int, time, int]:
    return (
        item.on is None,
        item.on or date.min,
        _KIND_ORDER[item.kind],
        item.at or time.min,
        item.ref_id,
    )


def _interactions(
    session: Session, condition: ColumnElement[bool], limit: int
) -> tuple[list[Interaction], bool]:
    stmt = (
        select(Interaction)
        .where(condition)
        .options(*with_links())
        .order_by(Interaction.occurred_on.desc(), Interaction.id.desc())
        .limit(limit + 1)
    )
    found = list(session.scalars(stmt))
    return found[:limit], len(found) > limit


def _interaction_items(
    interactions: Sequence[Interaction], via: dict[int, str]
) -> list[TimelineItem]:
    items = []
    for i in interactions:
        summary = i.summary.strip().splitlines()[0] if i.summary.strip() else ""
        title = _KIND_LABEL[i.kind.value] + (f": {summary}" if summary else "")
        who = ", ".join([p.full_name for p in i.people] + [o.name for o in i.organisations])
        follow = ""
        if i.follow_up:
            state = "done" if i.follow_up_done_at else "open"
            due = f", due {i.follow_up_due:%d/%m/%Y}" if i.follow_up_due else ""
            follow = f" · follow-up ({state}{due}): {i.follow_up}"
        items.append(
            TimelineItem(
                on=i.occurred_on,
                at=i.occurred_time,
                kind="interaction",
                title=title,
                detail=who + follow,
                ref_id=i.id,
                via=via.get(i.id, ""),
            )
        )
    return items


def _event_items(interactions: Sequence[Interaction]) -> list[TimelineItem]:
    first_met: dict[int, date] = {}
    events: dict[int, Event] = {}
    for i in interactions:
        if i.event is not None:
            events[i.event.id] = i.event
            first_met[i.event.id] = min(first_met.get(i.event.id, i.occurred_on), i.occurred_on)
    return [
        TimelineItem(
            on=e.start_date or first_met[e.id],
            at=None,
            kind="event",
            title=e.name,
            detail=", ".join(p for p in (e.city, e.country_code or "") if p),
            ref_id=e.id,
        )
        for e in events.values()
    ]


def _membership_items(session: Session, org: Organisation, via: str) -> list[TimelineItem]:
    items = []
    memberships = session.scalars(
        select(ConsortiumMember).where(ConsortiumMember.organisation_id == org.id)
    )
    for member in memberships:
        consortium: Consortium = member.consortium
        call = consortium.call
        what = f"{consortium.name}: {member.role.value}, {consortium.status.value}"
        for deadline in call.deadlines:
            label = f" ({deadline.label})" if deadline.label else ""
            items.append(
                TimelineItem(
                    on=deadline.due_on,
                    at=None,
                    kind="deadline",
                    title=f"Deadline of {call.programme} {call.name}{label}",
                    detail=what,
                    ref_id=deadline.id,
                    via=via,
                )
            )
        if not call.deadlines:
            items.append(
                TimelineItem(
                    on=None,
                    at=None,
                    kind="membership",
                    title=f"Consortium for {call.programme} {call.name} (no deadline yet)",
                    detail=what,
                    ref_id=consortium.id,
                    via=via,
                )
            )
    return items


def _timeline(kind: str, subject: NamedRef, items: list[TimelineItem], truncated: bool) -> Timeline:
    return Timeline(kind, subject, tuple(sorted(items, key=_sort_key)), truncated)


def of_organisation(session: Session, org: Organisation, limit: int = MAX_INTERACTIONS) -> Timeline:
    staff_rows = session.execute(
        select(Person.id, Person.full_name).where(Person.organisation_id == org.id)
    )
    people = {person_id: name for person_id, name in staff_rows}
    direct = select(InteractionOrganisation.interaction_id).where(
        InteractionOrganisation.organisation_id == org.id
    )
    staff = select(Person.id).where(Person.organisation_id == org.id)
    through = select(InteractionPerson.interaction_id).where(InteractionPerson.person_id.in_(staff))
    interactions, truncated = _interactions(
        session, Interaction.id.in_(direct) | Interaction.id.in_(through), limit
    )
    via: dict[int, str] = {}
    for i in interactions:
        if all(o.id != org.id for o in i.organisations):
            names = [p.full_name for p in i.people if p.id in people]
            via[i.id] = "through " + ", ".join(names)
    items = [
        *_interaction_items(interactions, via),
        *_event_items(interactions),
        *_membership_items(session, org, ""),
    ]
    return _timeline("organisation", NamedRef(org.id, org.name), items, truncated)


def of_person(session: Session, person: Person, limit: int = MAX_INTERACTIONS) -> Timeline:
    mine = select(InteractionPerson.interaction_id).where(InteractionPerson.person_id == person.id)
    interactions, truncated = _interactions(session, Interaction.id.in_(mine), limit)
    items = [*_interaction_items(interactions, {}), *_event_items(interactions)]
    if person.organisation is not None:
        org = person.organisation
        items += _membership_items(session, org, f"through {org.name}")
    return _timeline("person", NamedRef(person.id, person.full_name), items, truncated)
