"""What the calendar shows between two days: missions, dated events, call deadlines and
open follow-ups, each with the conflicts that touch it, in agenda order."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date

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
    Mission,
    Plan,
    PlanCountry,
)
from tracker.i18n import _
from tracker.services import conflicts
from tracker.services._convert_partners import with_links
from tracker.services.dto_calendar import ITEM_KINDS, CalendarItem

_RANK = {kind: i for i, kind in enumerate(ITEM_KINDS)}


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


def _follow_ups(session: Session, start: date, end: date) -> list[CalendarItem]:
    due = Interaction.follow_up_due
    stmt = (
        select(Interaction)
        .where(
            and_(Interaction.follow_up != "", Interaction.follow_up_done_at.is_(None)),
            due >= start,
            due <= end,
        )
        .options(*with_links())
    )
    items = []
    for i in session.scalars(stmt):
        assert i.follow_up_due is not None
        who = [p.full_name for p in i.people] + [o.name for o in i.organisations]
        items.append(
            CalendarItem(
                kind="follow_up",
                id=i.id,
                title=(i.follow_up.strip().splitlines() or [""])[0],
                start=i.follow_up_due,
                end=i.follow_up_due,
                status="open",
                country_code=i.event.country_code if i.event is not None else None,
                event_id=i.event_id,
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
    flagged = [
        replace(item, conflicts=tuple(c for c in found if c.concerns(item.kind, item.id)))
        for item in items
    ]
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
