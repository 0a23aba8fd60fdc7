"""What a year's calendar export holds: events, missions and deadlines as plain entries."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from tracker.domain.enums import EventStatus, MissionStatus
from tracker.domain.models import CallDeadline, Country, Event, FundingCall, Mission, PlanCountry
from tracker.io.ics_export import CalendarEntry, rrule_problem

EVENT_STATUS = {
    EventStatus.IDEA: "TENTATIVE",
    EventStatus.CANDIDATE: "TENTATIVE",
    EventStatus.SHORTLISTED: "TENTATIVE",
    EventStatus.REGISTERED: "CONFIRMED",
    EventStatus.ATTENDED: "CONFIRMED",
    EventStatus.SKIPPED: "CANCELLED",  # we will not be there: apps drop it from the team's view
    EventStatus.CANCELLED: "CANCELLED",
}
MISSION_STATUS = {
    MissionStatus.DRAFT: "TENTATIVE",
    MissionStatus.PLANNED: "TENTATIVE",
    MissionStatus.BOOKED: "CONFIRMED",
    MissionStatus.DONE: "CONFIRMED",
    MissionStatus.CANCELLED: "CANCELLED",
}


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def span(start: date, end: date | None) -> str:
    return _day(start) if end is None or end == start else f"{_day(start)}–{_day(end)}"


def _place(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)


def _version(version: int | None) -> int:
    return max(0, (version or 1) - 1)  # a row starts at version 1, an entry at SEQUENCE 0


def event_entries(
    session: Session, plan_id: int, code: str | None, warnings: list[str]
) -> tuple[list[CalendarEntry], int]:
    where: list[Any] = [Event.plan_id == plan_id]
    if code:
        where.append(Event.country_code == code)
    undated = session.scalar(
        select(func.count()).select_from(Event).where(*where, Event.start_date.is_(None))
    )
    rows = session.execute(
        select(
            Event.uid,
            Event.name,
            Event.kind,
            Event.city,
            Event.start_date,
            Event.end_date,
            Event.organiser,
            Event.url,
            Event.status,
            Event.priority,
            Event.why,
            Event.recurrence,
            Event.version,
            Event.updated_at,
            Country.name_en,
        )
        .outerjoin(Country, Country.code == Event.country_code)
        .where(*where, Event.start_date.is_not(None))
    ).all()
    entries = []
    for row in rows:
        rule = row.recurrence.strip()
        why_not = rrule_problem(rule) if rule else None
        if why_not:
            warnings.append(f"{row.name}: repeats by {why_not}: exported without it")
            rule = ""
        lines = [f"Status: {row.status.value} (priority {row.priority.value})"]
        lines += [f"Organiser: {row.organiser}"] if row.organiser else []
        lines += [f"Why: {row.why}"] if row.why else []
        lines += [row.url] if row.url else []
        entries.append(
            CalendarEntry(
                uid=row.uid,
                summary=row.name,
                start=row.start_date,
                end=row.end_date or row.start_date,
                kind="event",
                location=_place(row.city, row.name_en),
                description="\n".join(lines),
                url=row.url,
                categories=(row.kind.value,),
                status=EVENT_STATUS[row.status],
                sequence=_version(row.version),
                recurrence=rule,
                last_modified=row.updated_at,
            )
        )
    return entries, undated or 0


def mission_entries(session: Session, plan_id: int, code: str | None) -> list[CalendarEntry]:
    stmt = (
        select(Mission)
        .join(PlanCountry, PlanCountry.id == Mission.plan_country_id)
        .where(PlanCountry.plan_id == plan_id)
        .options(
            joinedload(Mission.plan_country).joinedload(PlanCountry.country),
            selectinload(Mission.participants),
            selectinload(Mission.events),
        )
    )
    if code:
        stmt = stmt.where(PlanCountry.country_code == code)
    entries = []
    for mission in session.scalars(stmt):
        lines = [f"Status: {mission.status.value}"]
        lines += [mission.purpose] if mission.purpose else []
        if mission.participants:  # names only: e-mails and phones stay in tracker
            lines.append("Participants: " + ", ".join(p.full_name for p in mission.participants))
        if mission.events:
            covered = (f"{e.name} ({span(e.start_date, e.end_date)})" if e.start_date
                       else e.name for e in mission.events)  # fmt: skip
            lines.append("Events: " + "; ".join(covered))
        entries.append(
            CalendarEntry(
                uid=mission.uid,
                summary=f"Mission: {mission.title}",
                start=mission.start_date,
                end=mission.end_date,
                kind="mission",
                location=_place(mission.city, mission.plan_country.country.name_en),
                description="\n".join(lines),
                categories=("Clust-ER mission",),
                status=MISSION_STATUS[mission.status],
                sequence=_version(mission.version),
                last_modified=mission.updated_at,
                busy=True,
            )
        )
    return entries


def deadline_entries(session: Session, year: int) -> list[CalendarEntry]:
    rows = session.execute(
        select(CallDeadline, FundingCall)
        .join(FundingCall, FundingCall.id == CallDeadline.call_id)
        .where(CallDeadline.due_on.between(date(year, 1, 1), date(year, 12, 31)))
    ).all()
    entries = []
    for deadline, call in rows:
        said_twice = call.name.casefold().startswith(call.programme.casefold())
        title = call.name if said_twice else f"{call.programme} {call.name}".strip()
        label = f" ({deadline.label})" if deadline.label else ""
        lines = [f"Call: {title}", f"Status: {call.status.value}"]
        lines += [f"Topic: {call.identifier}"] if call.identifier else []
        lines += [call.url] if call.url else []
        entries.append(
            CalendarEntry(
                uid=deadline.uid,
                summary=f"Deadline: {title}{label}",
                start=deadline.due_on,
                end=deadline.due_on,
                kind="deadline",
                description="\n".join(lines),
                url=call.url,
                categories=("Funding deadline",),
                sequence=_version(call.version),
                last_modified=call.updated_at,
            )
        )
    return entries
