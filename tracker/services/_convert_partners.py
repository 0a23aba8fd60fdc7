"""ORM rows to the plain data of dto_partners: the only place that knows both shapes.

Lists are converted a page at a time, with one query per kind of related data (tags,
head counts) rather than one per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from tracker.domain.models import (
    Consortium,
    ConsortiumMember,
    FundingCall,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    OrganisationTag,
    Person,
    Tag,
)
from tracker.services._tables import table_of
from tracker.services.dto_funding import CallInfo, ConsortiumInfo, DeadlineInfo, MemberInfo
from tracker.services.dto_partners import (
    InteractionInfo,
    MembershipInfo,
    NamedRef,
    OrganisationDetail,
    OrganisationRow,
    PersonDetail,
)


def tags_by_org(session: Session, org_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = defaultdict(list)
    if org_ids:
        links, tags = table_of(OrganisationTag), table_of(Tag)  # Core: see _tables
        rows = session.execute(
            select(links.c.organisation_id, tags.c.name)
            .join(tags, tags.c.id == links.c.tag_id)
            .where(links.c.organisation_id.in_(org_ids))
            .order_by(tags.c.name)
        )
        for org_id, name in rows:
            found[org_id].append(name)
    return {org_id: tuple(names) for org_id, names in found.items()}


def org_rows(session: Session, orgs: Sequence[Any]) -> tuple[OrganisationRow, ...]:
    """Rows of the organisations: mapped objects or Core rows of the table's columns."""
    ids = [o.id for o in orgs]
    tags = tags_by_org(session, ids)
    heads: dict[int, int] = {}
    if ids:
        at = table_of(Person).c.organisation_id
        heads = {
            org_id: count
            for org_id, count in session.execute(
                select(at, func.count()).where(at.in_(ids)).group_by(at)
            )
            if org_id is not None
        }
    return tuple(
        OrganisationRow(
            id=o.id,
            name=o.name,
            kind=o.kind.value,
            stage=o.stage.value,
            country_code=o.country_code,
            city=o.city,
            tags=tags.get(o.id, ()),
            people=heads.get(o.id, 0),
            updated_at=o.updated_at,
            version=o.version,
        )
        for o in orgs
    )


def _contact_stats(
    session: Session, column: InstrumentedAttribute[int], key: int
) -> tuple[int, date | None]:
    """How many contact-log entries name the record, and the date of the latest."""
    link = column.class_  # InteractionOrganisation or InteractionPerson
    count, last = session.execute(
        select(func.count(), func.max(Interaction.occurred_on))
        .select_from(link)
        .join(Interaction, Interaction.id == link.interaction_id)
        .where(column == key)
    ).one()
    return count or 0, last


def memberships(session: Session, org_id: int) -> tuple[MembershipInfo, ...]:
    rows = session.execute(
        select(ConsortiumMember, Consortium, FundingCall)
        .join(Consortium, Consortium.id == ConsortiumMember.consortium_id)
        .join(FundingCall, FundingCall.id == Consortium.call_id)
        .where(ConsortiumMember.organisation_id == org_id)
        .order_by(Consortium.name, Consortium.id)
    )
    return tuple(
        MembershipInfo(c.id, c.name, c.status.value, m.role.value, f.id, f"{f.programme} {f.name}")
        for m, c, f in rows
    )


def org_detail(session: Session, org: Organisation) -> OrganisationDetail:
    people = session.execute(
        select(Person.id, Person.full_name)
        .where(Person.organisation_id == org.id)
        .order_by(Person.full_name, Person.id)
    )
    interactions, last = _contact_stats(session, InteractionOrganisation.organisation_id, org.id)
    return OrganisationDetail(
        id=org.id,
        name=org.name,
        kind=org.kind.value,
        stage=org.stage.value,
        country_code=org.country_code,
        country_name=org.country.name_en if org.country is not None else None,
        city=org.city,
        website=org.website,
        eccp_url=org.eccp_url,
        notes=org.notes,
        tags=tags_by_org(session, [org.id]).get(org.id, ()),
        people=tuple(NamedRef(pid, name) for pid, name in people),
        memberships=memberships(session, org.id),
        interactions=interactions,
        last_contact=last,
        created_at=org.created_at,
        updated_at=org.updated_at,
        version=org.version,
    )


def person_detail(session: Session, person: Person) -> PersonDetail:
    org = person.organisation
    interactions, last = _contact_stats(session, InteractionPerson.person_id, person.id)
    return PersonDetail(
        id=person.id,
        full_name=person.full_name,
        organisation=NamedRef(org.id, org.name) if org is not None else None,
        role=person.role,
        email=person.email,
        phone=person.phone,
        languages=person.languages,
        notes=person.notes,
        is_staff=person.is_staff,
        consent=person.consent.value,
        consent_source=person.consent_source,
        consent_date=person.consent_date,
        interactions=interactions,
        last_contact=last,
        created_at=person.created_at,
        updated_at=person.updated_at,
        version=person.version,
    )


def with_links() -> tuple[LoaderOption, ...]:
    """An interaction's organisations, people and event, loaded with it. Built when asked
    for: loader options configure every mapper, which a list read in Core never needs."""
    return (
        selectinload(Interaction.organisations),
        selectinload(Interaction.people),
        selectinload(Interaction.event),
    )


def interaction_info(i: Interaction) -> InteractionInfo:
    return InteractionInfo(
        id=i.id,
        occurred_on=i.occurred_on,
        occurred_time=i.occurred_time,
        kind=i.kind.value,
        event=NamedRef(i.event.id, i.event.name) if i.event is not None else None,
        summary=i.summary,
        follow_up=i.follow_up,
        follow_up_due=i.follow_up_due,
        follow_up_done_at=i.follow_up_done_at,
        organisations=tuple(NamedRef(o.id, o.name) for o in i.organisations),
        people=tuple(NamedRef(p.id, p.full_name) for p in i.people),
        version=i.version,
    )


def deadlines_of(call: FundingCall) -> tuple[DeadlineInfo, ...]:
    return tuple(DeadlineInfo(d.id, d.due_on, d.label) for d in call.deadlines)


def call_info(call: FundingCall) -> CallInfo:
    return CallInfo(
        id=call.id,
        programme=call.programme,
        name=call.name,
        identifier=call.identifier,
        url=call.url,
        opening_date=call.opening_date,
        budget=call.budget,
        notes=call.notes,
        status=call.status.value,
        deadlines=deadlines_of(call),
        consortia=tuple(
            NamedRef(c.id, c.name) for c in sorted(call.consortia, key=lambda c: c.name)
        ),
        version=call.version,
    )


_ROLE_ORDER = {"coordinator": 0, "partner": 1, "associated": 2}


def consortium_info(consortium: Consortium) -> ConsortiumInfo:
    members = sorted(
        consortium.members,
        key=lambda m: (_ROLE_ORDER[m.role.value], m.organisation.name.lower()),
    )
    call = consortium.call
    return ConsortiumInfo(
        id=consortium.id,
        name=consortium.name,
        status=consortium.status.value,
        notes=consortium.notes,
        call=NamedRef(call.id, f"{call.programme} {call.name}"),
        deadlines=deadlines_of(call),
        members=tuple(
            MemberInfo(
                m.organisation_id, m.organisation.name, m.organisation.country_code, m.role.value
            )
            for m in members
        ),
        version=consortium.version,
    )
