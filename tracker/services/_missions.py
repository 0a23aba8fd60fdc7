"""Missions found by what users type, and turned into plain data with their warnings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from tracker import i18n_format
from tracker.domain.enums import MissionStatus
from tracker.domain.errors import NotFoundError, RuleViolation
from tracker.domain.mission_rules import MOVES
from tracker.domain.models import (
    Event,
    Mission,
    MissionAllocation,
    MissionEvent,
    MissionParticipant,
    Person,
    Plan,
    PlanCountry,
)
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services._lookup_partners import SHOWN, Ref
from tracker.services.budget import line_figures, over_line_warning
from tracker.services.dto import ZERO
from tracker.services.dto_calendar import (
    MissionAllocationInfo,
    MissionDetail,
    MissionEventInfo,
    MissionRow,
    ParticipantInfo,
)

MISSION_LOAD = (
    selectinload(Mission.plan_country).selectinload(PlanCountry.plan),
    selectinload(Mission.plan_country).selectinload(PlanCountry.country),
    selectinload(Mission.participants).selectinload(Person.organisation),
    selectinload(Mission.events),
)


def _line(m: Mission) -> str:
    return f"#{m.id} {m.title} ({m.start_date:%d/%m/%Y})"


def mission(session: Session, mission_id: int) -> Mission:
    found = session.get(Mission, mission_id)
    if found is None:
        raise NotFoundError(_("there is no mission #{mission_id}").format(mission_id=mission_id))
    return found


def mission_by_ref(session: Session, ref: Ref, year: int | None = None) -> Mission:
    """A mission by id (12, "#12") or by its title: exact, then any case, then a part."""
    text = ref.strip().lstrip("#") if isinstance(ref, str) else ref
    if isinstance(text, int) or text.isdigit():
        return mission(session, int(text))
    name = " ".join(text.split())
    if not name:
        raise NotFoundError(_("name the mission by its id or its title"))
    query = select(Mission).order_by(Mission.start_date, Mission.id).limit(SHOWN + 1)
    if year is not None:
        query = (
            query.join(PlanCountry, PlanCountry.id == Mission.plan_country_id)
            .join(Plan, Plan.id == PlanCountry.plan_id)
            .where(Plan.year == year)
        )
    matches: list[Mission] = []
    for condition in (
        Mission.title == name,
        func.lower(Mission.title) == name.lower(),
        Mission.title.icontains(name, autoescape=True),
    ):
        matches = list(session.scalars(query.where(condition)))
        if matches:
            break
    if not matches:
        raise NotFoundError(_("no mission matches {name!r}").format(name=name))
    if len(matches) > 1:
        listed = "; ".join(_line(m) for m in matches[:SHOWN])
        raise RuleViolation(
            _("{name!r} matches several missions, name one by its id: {listed}").format(
                name=name, listed=listed
            )
        )
    return matches[0]


def event_of_plan(session: Session, ref: Ref, year: int) -> Event:
    if isinstance(ref, int):
        return _lookup.event(session, ref)
    return _lookup.event_by_ref(session, ref, year)


def year_of(m: Mission) -> int:
    return m.plan_country.plan.year


def _allocations(session: Session, m: Mission) -> tuple[MissionAllocationInfo, ...]:
    rows = session.scalars(
        select(MissionAllocation)
        .where(MissionAllocation.mission_id == m.id)
        .options(selectinload(MissionAllocation.cost_line))
        .order_by(MissionAllocation.cost_line_id)
    ).all()
    figures = line_figures(session, [a.cost_line_id for a in rows])
    return tuple(
        MissionAllocationInfo(
            id=a.id,
            category_code=a.cost_line.category.code,
            category_name_it=a.cost_line.category.name_it,
            category_name_en=a.cost_line.category.name_en,
            amount=a.amount,
            note=a.note,
            line=figures[a.cost_line_id],
        )
        for a in rows
    )


def _warnings(
    m: Mission, participants: tuple[ParticipantInfo, ...], money: tuple[MissionAllocationInfo, ...]
) -> tuple[str, ...]:
    code = m.plan_country.country_code
    found = [
        f"{p.name} is not on our cluster's staff"
        + (f" ({p.organisation})" if p.organisation else "")
        + ": travelling with us, but check who pays"
        for p in participants
        if not p.is_staff
    ]
    found += [
        f"{e.name!r} is in {e.country_code or 'no country'} now, not {code}: "
        "take it off this mission"
        for e in m.events
        if e.country_code != code
    ]
    for a in money:
        warning = over_line_warning(code, a.category_name_en, a.line)
        if warning is not None:
            found.append(warning)
    total = sum((a.amount for a in money), ZERO)
    if m.status is MissionStatus.CANCELLED and total:
        found.append(
            f"cancelled, yet it still holds {i18n_format.money(total)} on cost lines: "
            "unlink them to free the money"
        )
    return tuple(found)


def _event_order(e: Event) -> tuple[bool, date, str, int]:
    return (e.start_date is None, e.start_date or date.min, e.name.lower(), e.id)


def detail(session: Session, m: Mission) -> MissionDetail:
    participants = tuple(
        ParticipantInfo(
            id=p.id,
            name=p.full_name,
            organisation=p.organisation.name if p.organisation is not None else None,
            is_staff=p.is_staff,
        )
        for p in m.participants
    )
    money = _allocations(session, m)
    return MissionDetail(
        id=m.id,
        year=year_of(m),
        title=m.title,
        country_code=m.plan_country.country_code,
        country_name=m.plan_country.country.name_en,
        city=m.city,
        start_date=m.start_date,
        end_date=m.end_date,
        purpose=m.purpose,
        status=m.status.value,
        notes=m.notes,
        uid=m.uid,
        version=m.version,
        participants=participants,
        events=tuple(
            MissionEventInfo(e.id, e.name, e.kind.value, e.start_date, e.end_date, e.status.value)
            for e in sorted(m.events, key=_event_order)
        ),
        allocations=money,
        next_statuses=tuple(s.value for s in MOVES[m.status]),
        warnings=_warnings(m, participants, money),
    )


def rows_query() -> Select[Mission, int, str, int, int, Decimal]:
    """Missions with their year, country and counts; filters and order come on top."""
    people = (
        select(func.count())
        .where(MissionParticipant.mission_id == Mission.id)
        .correlate(Mission)
        .scalar_subquery()
    )
    events = (
        select(func.count())
        .where(MissionEvent.mission_id == Mission.id)
        .correlate(Mission)
        .scalar_subquery()
    )
    money = (
        select(func.coalesce(func.sum(MissionAllocation.amount), 0))
        .where(MissionAllocation.mission_id == Mission.id)
        .correlate(Mission)
        .scalar_subquery()
    )
    return (
        select(Mission, Plan.year, PlanCountry.country_code, people, events, money)
        .join(PlanCountry, PlanCountry.id == Mission.plan_country_id)
        .join(Plan, Plan.id == PlanCountry.plan_id)
    )


def row(m: Mission, year: int, code: str, people: int, events: int, money: Decimal) -> MissionRow:
    return MissionRow(
        id=m.id,
        year=year,
        title=m.title,
        country_code=code,
        city=m.city,
        start_date=m.start_date,
        end_date=m.end_date,
        status=m.status.value,
        participants=people,
        events=events,
        allocated=Decimal(money).quantize(ZERO),
    )
