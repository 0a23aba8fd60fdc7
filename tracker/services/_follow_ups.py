"""Open follow-ups, read from the tables (Core): the list and the dashboard's next few.

Core rather than the mapped classes so that listing follow-ups configures no mappers
(see _tables); the entries' event, organisations and people come in one query each,
ordered as the relationships order them (by name), ties by id.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import ColumnElement, and_, literal_column, select
from sqlalchemy.orm import Session

from tracker.domain.models import (
    Event,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    Person,
)
from tracker.services._tables import table_of
from tracker.services.dto_partners import FollowUpRow, NamedRef

ENTRIES = table_of(Interaction)


def open_follow_up() -> ColumnElement[bool]:
    i = ENTRIES.c
    # The empty string as a literal, as in the partial index's WHERE, so SQLite uses it.
    return and_(i.follow_up != literal_column("''"), i.follow_up_done_at.is_(None))


def open_follow_ups(
    session: Session, today: date, overdue_only: bool, offset: int, limit: int, dated: int
) -> tuple[FollowUpRow, ...]:
    """A page of open follow-ups: the dated ones by due date, then the undated ones.

    Two ordered reads of the partial index on open follow-ups instead of one sort of them
    all ("undated last" is not an order an index can give).
    """
    i = ENTRIES.c
    due = i.follow_up_due
    ids: list[int] = []
    base = select(i.id).where(open_follow_up())
    if offset < dated:
        with_date = base.where(due.is_not(None))
        if overdue_only:
            with_date = with_date.where(due < today)
        ordered = with_date.order_by(due, i.occurred_on, i.id)
        ids += session.scalars(ordered.offset(offset).limit(limit))
    if not overdue_only and len(ids) < limit:
        undated = base.where(due.is_(None)).order_by(i.occurred_on, i.id)
        ids += session.scalars(undated.offset(max(0, offset - dated)).limit(limit - len(ids)))
    return follow_up_rows(session, ids, today)


def _linked(
    session: Session, link: type[InteractionOrganisation] | type[InteractionPerson], ids: list[int]
) -> dict[int, list[NamedRef]]:
    links = table_of(link)
    if link is InteractionOrganisation:
        named, key, name = table_of(Organisation), links.c.organisation_id, "name"
    else:
        named, key, name = table_of(Person), links.c.person_id, "full_name"
    found: dict[int, list[NamedRef]] = defaultdict(list)
    for entry, ref, shown in session.execute(
        select(links.c.interaction_id, named.c.id, named.c[name])
        .join(named, named.c.id == key)
        .where(links.c.interaction_id.in_(ids))
        .order_by(named.c[name], named.c.id)
    ):
        found[entry].append(NamedRef(ref, shown))
    return found


def follow_up_rows(session: Session, ids: list[int], today: date) -> tuple[FollowUpRow, ...]:
    """The entries' follow-ups, in the order of ``ids``."""
    if not ids:
        return ()
    i, events = ENTRIES.c, table_of(Event)
    found = {
        r.id: r
        for r in session.execute(
            select(*ENTRIES.columns, events.c.name.label("event_name"))
            .outerjoin(events, events.c.id == i.event_id)
            .where(i.id.in_(ids))
        )
    }
    orgs = _linked(session, InteractionOrganisation, ids)
    people = _linked(session, InteractionPerson, ids)
    rows = []
    for entry_id in ids:
        r = found[entry_id]
        days = (r.follow_up_due - today).days if r.follow_up_due is not None else None
        rows.append(
            FollowUpRow(
                interaction_id=r.id,
                what=r.follow_up,
                due=r.follow_up_due,
                overdue=days is not None and days < 0 and r.follow_up_done_at is None,
                days_left=days,
                occurred_on=r.occurred_on,
                kind=r.kind.value,
                summary=r.summary,
                event=NamedRef(r.event_id, r.event_name) if r.event_id is not None else None,
                organisations=tuple(orgs.get(entry_id, ())),
                people=tuple(people.get(entry_id, ())),
                done_at=r.follow_up_done_at,
            )
        )
    return tuple(rows)
