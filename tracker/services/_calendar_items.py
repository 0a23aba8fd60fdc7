"""What the calendar shows between two days: missions, dated events, call deadlines and
open follow-ups, each with the conflicts that touch it, in agenda order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from tracker.domain.conflict_rules import public_holidays
from tracker.domain.enums import CountryRole
from tracker.domain.errors import ValidationError
from tracker.domain.models import (
    CallDeadline,
    Event,
    FundingCall,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Mission,
    Organisation,
    Person,
    Plan,
    PlanCountry,
)
from tracker.i18n import _
from tracker.services import conflicts
from tracker.services.dto_calendar import ITEM_KINDS, CalendarItem

_RANK = {kind: i for i, kind in enumerate(ITEM_KINDS)}
_BATCH = 500  # interaction ids per IN (…), as selectinload batches them


def order(item: CalendarItem) -> tuple[date, int, date, str, int]:
    """Agenda order: by first day, spans before single items, then by title."""
    return (item.start, _RANK[item.kind], item.end, item.title.lower(), item.id)


def checked_kinds(kinds: Collection[str] | None) -> frozenset[str]:
    if kinds is None:
        return frozenset(ITEM_KINDS)
    chosen = frozenset(k.strip().lower().replace("-", "_") for k in kinds)
    unknown = sorted(chosen - set(ITEM_KINDS))
    if unknown:
        raise ValidationError(
            {
                "kinds": _("{unknown}: show one of {ITEM_KINDS}").format(
                    unknown=", ".join(unknown), ITEM_KINDS=", ".join(ITEM_KINDS)
                )
            }
        )
    return chosen


def _missions(
    session: Session, start: date, end: date, plan_year: int | None, country: str | None
) -> list[CalendarItem]:
    stmt = (
        select(Mission, Plan.year, PlanCountry.country_code)
        .join(PlanCountry, PlanCountry.id == Mission.plan_country_id)
        .join(Plan, Plan.id == PlanCountry.plan_id)
        .where(Mission.start_date <= end, Mission.end_date >= start)
    )
    if plan_year is not None:
        stmt = stmt.where(Plan.year == plan_year)
    if country:
        stmt = stmt.where(PlanCountry.country_code == country)
    return [
        CalendarItem(
            kind="mission",
            id=m.id,
            title=m.title,
            start=m.start_date,
            end=m.end_date,
            status=m.status.value,
            country_code=code,
            city=m.city,
            plan_year=year,
            detail=m.city,
        )
        for m, year, code in session.execute(stmt)
    ]


def _events(
    session: Session, start: date, end: date, plan_year: int | None, country: str | None
) -> list[CalendarItem]:
    last_day = func.coalesce(Event.end_date, Event.start_date)
    stmt = (
        select(Event, Plan.year)
        .join(Plan, Plan.id == Event.plan_id)
        .where(Event.start_date.is_not(None), Event.start_date <= end, last_day >= start)
    )
    if plan_year is not None:
        stmt = stmt.where(Plan.year == plan_year)
    if country:
        stmt = stmt.where(Event.country_code == country)
    items = []
    for e, year in session.execute(stmt):
        assert e.start_date is not None
        items.append(
            CalendarItem(
                kind="event",
                id=e.id,
                title=e.name,
                start=e.start_date,
                end=e.end_date or e.start_date,
                status=e.status.value,
                country_code=e.country_code,
                city=e.city,
                plan_year=year,
                detail=e.city,
            )
        )
    return items


def _deadlines(session: Session, start: date, end: date) -> list[CalendarItem]:
    stmt = (
        select(CallDeadline, FundingCall)
        .join(FundingCall, FundingCall.id == CallDeadline.call_id)
        .where(CallDeadline.due_on >= start, CallDeadline.due_on <= end)
    )
    return [
        CalendarItem(
            kind="deadline",
            id=d.id,
            title=f"{c.programme} {c.name}",
            start=d.due_on,
            end=d.due_on,
            status=c.status.value,
            call_id=c.id,
            detail=d.label,
        )
        for d, c in session.execute(stmt)
    ]


def _names(
    session: Session, link: Any, target: Any, name: Any, ids: list[int]
) -> dict[int, list[str]]:
    """Interaction id → the names of the records linked through ``link`` (its column
    ``target``), in name order as the relationships order them; ids read in batches."""
    found: dict[int, list[str]] = defaultdict(list)
    for i in range(0, len(ids), _BATCH):
        stmt = (
            select(link.interaction_id, name)
            .join(name.class_, target == name.class_.id)
            .where(link.interaction_id.in_(ids[i : i + _BATCH]))
            .order_by(name)
        )
        for interaction_id, value in session.execute(stmt):
            found[interaction_id].append(value)
    return found


def _follow_ups(session: Session, start: date, end: date) -> list[CalendarItem]:
    """Open follow-ups due in the window. Plain rows, not ORM objects with their links
    loaded: a busy month holds about a thousand."""
    due = Interaction.follow_up_due
    stmt = (
        select(
            Interaction.id,
            Interaction.follow_up,
            due,
            Interaction.event_id,
            Event.country_code,
        )
        .outerjoin(Event, Event.id == Interaction.event_id)
        .where(
            and_(Interaction.follow_up != "", Interaction.follow_up_done_at.is_(None)),
            due >= start,
            due <= end,
        )
    )
    rows = session.execute(stmt).all()
    ids = [row.id for row in rows]
    people = _names(session, InteractionPerson, InteractionPerson.person_id, Person.full_name, ids)
    organisations = _names(
        session,
        InteractionOrganisation,
        InteractionOrganisation.organisation_id,
        Organisation.name,
        ids,
    )
    items = []
    for row in rows:
        who = people.get(row.id, []) + organisations.get(row.id, [])
        items.append(
            CalendarItem(
                kind="follow_up",
                id=row.id,
                title=(row.follow_up.strip().splitlines() or [""])[0],
                start=row.follow_up_due,
                end=row.follow_up_due,
                status="open",
                country_code=row.country_code if row.event_id is not None else None,
                event_id=row.event_id,
                detail=", ".join(who[:3]),
            )
        )
    return items


def items_between(
    session: Session,
    start: date,
    end: date,
    *,
    plan_year: int | None,
    country: str | None,
    kinds: frozenset[str],
) -> tuple[CalendarItem, ...]:
    """Items touching ``start``..``end``, flagged with their conflicts, in agenda order.

    The plan year and country filter missions and events; deadlines and follow-ups
    belong to no plan and stay unless ``kinds`` leaves them out.
    """
    code = country.strip().upper() if country else None
    items: list[CalendarItem] = []
    if "mission" in kinds:
        items += _missions(session, start, end, plan_year, code)
    if "event" in kinds:
        items += _events(session, start, end, plan_year, code)
    if "deadline" in kinds:
        items += _deadlines(session, start, end)
    if "follow_up" in kinds:
        items += _follow_ups(session, start, end)
    found = conflicts.of_window(session, start, end, [i.id for i in items if i.kind == "event"])
    flagged = []
    for item in items:  # a copy only for the few items a conflict touches (not ~1000)
        mine = tuple(c for c in found if c.concerns(item.kind, item.id))
        flagged.append(replace(item, conflicts=mine) if mine else item)
    return tuple(sorted(flagged, key=order))


def holiday_countries(
    session: Session, years: Iterable[int], plan_year: int | None, country: str | None
) -> tuple[str, ...]:
    """Whose public holidays the calendar marks: the country asked for, or the targets
    of the plan in view (of the plans of the years shown, without one)."""
    if country:
        return (country.strip().upper(),)
    stmt = (
        select(PlanCountry.country_code)
        .join(Plan, Plan.id == PlanCountry.plan_id)
        .where(PlanCountry.role == CountryRole.TARGET)
        .order_by(PlanCountry.country_code)
        .distinct()
    )
    stmt = stmt.where(Plan.year == plan_year) if plan_year else stmt.where(Plan.year.in_(years))
    return tuple(session.scalars(stmt))


def holidays_by_day(codes: Iterable[str], start: date, end: date) -> dict[date, tuple[str, ...]]:
    days: dict[date, list[str]] = {}
    for code in codes:
        for day, name in public_holidays(code, start, end).items():
            days.setdefault(day, []).append(f"{code}: {name}")
    return {day: tuple(names) for day, names in days.items()}
