"""Conflicts read from the database: the missions in question, the missions they may
clash with, their events, call deadlines and public holidays, handed to the pure rules
of ``tracker.domain.conflict_rules``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.conflict_rules import (
    Conflict,
    DeadlineMark,
    EventSpan,
    MissionSpan,
    Traveller,
    find_conflicts,
)
from tracker.domain.enums import CallStatus, EventStatus, MissionStatus
from tracker.domain.models import (
    CallDeadline,
    FundingCall,
    Mission,
    MissionEvent,
    Plan,
    PlanCountry,
)

# Events that will not happen cannot clash.
_GONE = (EventStatus.CANCELLED, EventStatus.SKIPPED)
LOAD = (
    selectinload(Mission.plan_country).selectinload(PlanCountry.country),
    selectinload(Mission.participants),
    selectinload(Mission.events),
)


def _span(m: Mission) -> MissionSpan:
    return MissionSpan(
        id=m.id,
        title=m.title,
        country_code=m.plan_country.country_code,
        country_name=m.plan_country.country.name_en,
        start=m.start_date,
        end=m.end_date,
        participants=tuple(Traveller(p.id, p.full_name) for p in m.participants),
    )


def missions_between(session: Session, start: date, end: date) -> list[Mission]:
    """Missions not cancelled that touch any day from ``start`` to ``end``."""
    return list(
        session.scalars(
            select(Mission)
            .where(
                Mission.status != MissionStatus.CANCELLED,
                Mission.start_date <= end,
                Mission.end_date >= start,
            )
            .options(*LOAD)
            .order_by(Mission.start_date, Mission.id)
        )
    )


def deadlines_between(session: Session, start: date, end: date) -> list[DeadlineMark]:
    """Deadlines of calls not closed, from ``start`` to ``end``."""
    rows = session.execute(
        select(CallDeadline, FundingCall)
        .join(FundingCall, FundingCall.id == CallDeadline.call_id)
        .where(
            CallDeadline.due_on >= start,
            CallDeadline.due_on <= end,
            FundingCall.status != CallStatus.CLOSED,
        )
        .order_by(CallDeadline.due_on, CallDeadline.id)
    )
    return [DeadlineMark(d.id, c.id, f"{c.programme} {c.name}", d.label, d.due_on) for d, c in rows]


def conflicts_around(session: Session, focus: Iterable[Mission]) -> tuple[Conflict, ...]:
    """Every conflict involving one of the ``focus`` missions (cancelled ones have none)."""
    mine = [m for m in focus if m.status is not MissionStatus.CANCELLED]
    if not mine:
        return ()
    first = min(m.start_date for m in mine)
    last = max(m.end_date for m in mine)
    missions = {m.id: m for m in missions_between(session, first, last)}
    missions.update((m.id, m) for m in mine)
    events = [
        EventSpan(e.id, e.name, e.start_date, e.end_date or e.start_date, (m.id,))
        for m in mine
        for e in m.events
        if e.start_date is not None and e.status not in _GONE
    ]
    return find_conflicts(
        [_span(m) for m in missions.values()],
        events,
        deadlines_between(session, first, last),
        focus=[m.id for m in mine],
    )


def of_plan(session: Session, plan: Plan) -> tuple[Conflict, ...]:
    missions = session.scalars(
        select(Mission)
        .join(PlanCountry, PlanCountry.id == Mission.plan_country_id)
        .where(PlanCountry.plan_id == plan.id)
        .options(*LOAD)
    )
    return conflicts_around(session, missions)


def of_window(
    session: Session, start: date, end: date, event_ids: Iterable[int] = ()
) -> tuple[Conflict, ...]:
    """Conflicts of the missions touching these days or covering these events (an event
    shown here may belong to a mission that is not)."""
    focus = {m.id: m for m in missions_between(session, start, end)}
    ids = list(event_ids)
    if ids:
        linked = session.scalars(
            select(Mission)
            .where(
                Mission.id.in_(
                    select(MissionEvent.mission_id).where(MissionEvent.event_id.in_(ids))
                )
            )
            .options(*LOAD)
        )
        focus.update((m.id, m) for m in linked)
    return conflicts_around(session, focus.values())
