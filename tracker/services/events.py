"""Candidate events: paged lists, the form's create/update/delete, and their money."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain.enums import EventStatus, Priority
from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.domain.models import Allocation, CostLine, Event, Plan, PlanCountry
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services._tables import table_of
from tracker.services.convert import checked_amount
from tracker.services.dto import (
    EVENT_SORTS,
    ZERO,
    AllocationInfo,
    EventDetail,
    EventPage,
    EventQuery,
    EventRow,
    LinkResult,
)

if TYPE_CHECKING:
    from tracker.domain.event_rules import EventData

MAX_PAGE = 500
_STATUS_ORDER = {status.value: i for i, status in enumerate(EventStatus)}
_PRIORITY_ORDER = {p.value: p.rank for p in Priority}


# The list reads the tables, not the mapped classes: see _tables.
EVENTS = table_of(Event)
PLANS = table_of(Plan)
ALLOCATIONS = table_of(Allocation)


def _allocated_by_event() -> Select[int, Decimal]:
    a = ALLOCATIONS.c
    return select(a.event_id, func.sum(a.amount).label("allocated")).group_by(a.event_id)


def _filtered(query: EventQuery) -> Select[Any]:
    e = EVENTS.c
    stmt = select(*EVENTS.columns)
    if query.year is not None:
        stmt = stmt.join(PLANS, PLANS.c.id == e.plan_id).where(PLANS.c.year == query.year)
    if query.country:
        stmt = stmt.where(e.country_code == query.country.strip().upper())
    if query.statuses:
        stmt = stmt.where(e.status.in_([EventStatus(s) for s in query.statuses]))
    text = query.text.strip()
    if text:
        stmt = stmt.where(
            e.name.icontains(text, autoescape=True)
            | e.city.icontains(text, autoescape=True)
            | e.organiser.icontains(text, autoescape=True)
        )
    return stmt


def _order(query: EventQuery) -> list[Any]:
    if query.sort not in EVENT_SORTS:
        raise ValidationError(
            {"sort": _("sort by one of: {EVENT_SORTS}").format(EVENT_SORTS=", ".join(EVENT_SORTS))}
        )
    e = EVENTS.c
    date_key = [e.start_date.is_(None), e.start_date]
    keys: dict[str, list[Any]] = {
        "date": [*date_key, func.lower(e.name)],
        "name": [func.lower(e.name)],
        "country": [e.country_code.is_(None), e.country_code, *date_key],
        "status": [case(_STATUS_ORDER, value=e.status, else_=99), *date_key],
        "priority": [case(_PRIORITY_ORDER, value=e.priority, else_=9), *date_key],
    }
    chosen = keys[query.sort]
    if query.descending:
        chosen = [k.desc() for k in chosen]
    # Placeholders ("others to be identified") always close the list, whatever the order.
    return [e.is_placeholder, *chosen, e.id]


def list_page(session: Session, query: EventQuery) -> EventPage:
    limit = max(1, min(query.limit, MAX_PAGE))
    offset = max(0, query.offset)
    filtered = _filtered(query)
    total = session.scalar(select(func.count()).select_from(filtered.subquery())) or 0
    money = _allocated_by_event().subquery()
    stmt = (
        filtered.add_columns(money.c.allocated)
        .outerjoin(money, money.c.event_id == EVENTS.c.id)
        .order_by(*_order(query))
        .offset(offset)
        .limit(limit)
    )
    rows = tuple(
        EventRow(
            id=e.id,
            name=e.name,
            kind=e.kind.value,
            country_code=e.country_code,
            city=e.city,
            start_date=e.start_date,
            end_date=e.end_date,
            status=e.status.value,
            priority=e.priority.value,
            is_placeholder=e.is_placeholder,
            allocated=e.allocated or ZERO,
        )
        for e in session.execute(stmt)
    )
    return EventPage(rows=rows, total=total, offset=offset, limit=limit)


def _allocation_infos(
    session: Session, allocations: list[Allocation]
) -> tuple[AllocationInfo, ...]:
    from tracker.services.budget import line_figures  # the budget rules: not for lists

    figures = line_figures(session, [a.cost_line_id for a in allocations])
    return tuple(
        AllocationInfo(
            id=a.id,
            event_id=a.event_id,
            event_name=a.event.name,
            country_code=a.cost_line.plan_country.country_code,
            category_code=a.cost_line.category.code,
            category_name_it=a.cost_line.category.name_it,
            category_name_en=a.cost_line.category.name_en,
            amount=a.amount,
            line=figures[a.cost_line_id],
        )
        for a in allocations
    )


def detail(session: Session, event: Event) -> EventDetail:
    allocations = session.scalars(
        select(Allocation).where(Allocation.event_id == event.id).order_by(Allocation.id)
    ).all()
    return EventDetail(
        id=event.id,
        year=event.plan.year,
        name=event.name,
        kind=event.kind.value,
        country_code=event.country_code,
        city=event.city,
        start_date=event.start_date,
        end_date=event.end_date,
        organiser=event.organiser,
        url=event.url,
        status=event.status.value,
        priority=event.priority.value,
        why=event.why,
        notes=event.notes,
        is_placeholder=event.is_placeholder,
        version=event.version,
        allocations=_allocation_infos(session, list(allocations)),
    )


def _apply(event: Event, data: EventData) -> None:
    event.name = data.name
    event.kind = data.kind
    event.country_code = data.country_code
    event.city = data.city
    event.start_date = data.start_date
    event.end_date = data.end_date
    event.organiser = data.organiser
    event.url = data.url
    event.status = data.status
    event.priority = data.priority
    event.why = data.why
    event.notes = data.notes
    event.is_placeholder = data.is_placeholder


class EventService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, query: EventQuery) -> EventPage:
        with self._db.read() as session:
            return list_page(session, query)

    def upcoming(self, year: int, limit: int = 5) -> tuple[EventRow, ...]:
        """The plan's open events, soonest first; undated ones after the dated."""
        open_statuses = tuple(s.value for s in EventStatus if s.is_open)
        query = EventQuery(year=year, statuses=open_statuses, sort="date", limit=limit)
        return self.list(query).rows

    def get(self, event_id: int) -> EventDetail:
        with self._db.read() as session:
            return detail(session, _lookup.event(session, event_id))

    def find(self, ref: str, year: int | None = None) -> EventDetail:
        with self._db.read() as session:
            return detail(session, _lookup.event_by_ref(session, ref, year))

    def create(self, year: int, data: EventData) -> EventDetail:
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            if data.country_code:
                _lookup.country(session, data.country_code)
            event = Event(plan=plan)
            _apply(event, data)
            session.add(event)
            session.flush()
            return detail(session, event)

    def update(
        self, event_id: int, data: EventData, expected_version: int | None = None
    ) -> EventDetail:
        try:
            with self._db.write() as session:
                event = _lookup.event(session, event_id)
                if expected_version is not None and event.version != expected_version:
                    raise ConflictError(
                        _(
                            "event #{event_id} was changed by someone else since you opened it"
                        ).format(event_id=event_id)
                    )
                if data.country_code:
                    _lookup.country(session, data.country_code)
                if event.allocations and data.is_placeholder:
                    raise RuleViolation(
                        _("a placeholder takes no money: unlink its cost lines first")
                    )
                if event.allocations and data.country_code != event.country_code:
                    raise RuleViolation(
                        _(
                            "this event has money on cost lines of {country_code}: unlink them "
                            "before moving it to another country"
                        ).format(country_code=event.country_code)
                    )
                _apply(event, data)
                session.flush()
                return detail(session, event)
        except StaleDataError as exc:
            raise ConflictError(
                _("event #{event_id} was changed by someone else").format(event_id=event_id)
            ) from exc

    def set_status(self, event_id: int, status: str) -> EventDetail:
        try:
            new_status = EventStatus(status)
        except ValueError as exc:
            options = ", ".join(s.value for s in EventStatus)
            raise ValidationError(
                {
                    "status": _("{status!r} is not one of: {options}").format(
                        status=status, options=options
                    )
                }
            ) from exc
        with self._db.write() as session:
            event = _lookup.event(session, event_id)
            event.status = new_status
            session.flush()
            return detail(session, event)

    def delete(self, event_id: int) -> str:
        """Delete an event and its earmarks; expenses stay on their lines, unlinked."""
        with self._db.write() as session:
            event = _lookup.event(session, event_id)
            name = event.name
            session.delete(event)
            return name

    def link(
        self,
        event_id: int,
        category: str,
        amount: Decimal,
        *,
        country: str | None = None,
        note: str = "",
    ) -> LinkResult:
        """Earmark part of a cost line of the event's country for it (replacing any earlier)."""
        amount = checked_amount(amount)
        with self._db.write() as session:
            event = _lookup.event(session, event_id)
            if event.is_placeholder:
                raise RuleViolation(
                    _(
                        "{name!r} is a placeholder for events still to be found: it takes no money"
                    ).format(name=event.name)
                )
            if event.country_code is None:
                raise RuleViolation(
                    _("{name!r} has no country: set one to link cost lines").format(name=event.name)
                )
            code = (country or event.country_code).strip().upper()
            if code != event.country_code:
                raise RuleViolation(
                    _(
                        "{name!r} is in {country_code}: it can only use {country_code}'s cost "
                        "lines, not {code}'s"
                    ).format(name=event.name, country_code=event.country_code, code=code)
                )
            line = _lookup.cost_line(session, event.plan, code, category)
            allocation = session.scalar(
                select(Allocation).where(
                    Allocation.event_id == event.id, Allocation.cost_line_id == line.id
                )
            )
            if allocation is None:
                allocation = Allocation(event=event, cost_line=line, amount=amount, note=note)
                session.add(allocation)
            else:
                allocation.amount = amount
                allocation.note = note or allocation.note
            session.flush()
            info = _allocation_infos(session, [allocation])[0]
        from tracker.services.budget import over_line_warning

        return LinkResult(info, over_line_warning(code, info.category_name_en, info.line))

    def unlink(self, event_id: int, category: str) -> None:
        with self._db.write() as session:
            event = _lookup.event(session, event_id)
            line_ids = (
                select(CostLine.id).join(PlanCountry).where(PlanCountry.plan_id == event.plan_id)
            )
            allocation = session.scalar(
                select(Allocation)
                .join(CostLine, CostLine.id == Allocation.cost_line_id)
                .where(
                    Allocation.event_id == event.id,
                    Allocation.cost_line_id.in_(line_ids),
                    CostLine.category_id == _lookup.plan_category(session, event.plan, category).id,
                )
            )
            if allocation is None:
                raise RuleViolation(
                    _("{name!r} has no money on the {category} line").format(
                        name=event.name, category=category
                    )
                )
            session.delete(allocation)

    def allocations(self, year: int, country: str | None = None) -> tuple[AllocationInfo, ...]:
        with self._db.read() as session:
            plan = _lookup.plan_by_year(session, year)
            stmt = (
                select(Allocation)
                .join(CostLine, CostLine.id == Allocation.cost_line_id)
                .join(PlanCountry, PlanCountry.id == CostLine.plan_country_id)
                .where(PlanCountry.plan_id == plan.id)
                .order_by(PlanCountry.position, CostLine.category_id, Allocation.id)
            )
            if country:
                stmt = stmt.where(PlanCountry.country_code == country.strip().upper())
            return _allocation_infos(session, list(session.scalars(stmt).all()))
