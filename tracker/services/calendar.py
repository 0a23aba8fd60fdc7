"""The calendar: a month grid and an agenda of missions, events, call deadlines and
follow-ups, the tray of events still without dates, and the conflicts among them."""

from __future__ import annotations

import calendar as stdlib_calendar
from collections.abc import Collection, Iterable
from datetime import date, timedelta

from sqlalchemy import case, select
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain import recurrence
from tracker.domain.dates import parse_optional_date
from tracker.domain.enums import Priority
from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.domain.event_rules import validate_event
from tracker.domain.models import Event
from tracker.i18n import _
from tracker.services import _calendar_items as items
from tracker.services import _lookup, conflicts
from tracker.services import _missions as missions
from tracker.services.dto import EventDetail
from tracker.services.dto_calendar import (
    CalendarDay,
    CalendarItem,
    CalendarWeek,
    Conflict,
    MonthGrid,
    ScheduleTray,
    TrayEvent,
)
from tracker.services.events import detail as event_detail

MAX_AGENDA_DAYS = 366
_PRIORITY = {p.value: p.rank for p in Priority}
ONE_DAY = timedelta(days=1)


def _form_of(event: Event) -> dict[str, object]:
    """The event's fields as its form holds them, so scheduling validates like the form."""
    return {
        "name": event.name,
        "kind": event.kind.value,
        "country": event.country_code or "",
        "city": event.city,
        "organiser": event.organiser,
        "url": event.url,
        "status": event.status.value,
        "priority": event.priority.value,
        "why": event.why,
        "notes": event.notes,
        "placeholder": event.is_placeholder,
    }


def _as_text(value: date | str | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else value


def _tray_event(event: Event, year: int) -> TrayEvent:
    described, suggested = "", None
    if event.recurrence:
        try:
            described = recurrence.describe(event.recurrence)
            suggested = recurrence.first_in_year(event.recurrence, None, year, year=year)
        except recurrence.RecurrenceError:
            described = event.recurrence  # a rule from elsewhere we cannot read: shown as is
    return TrayEvent(
        id=event.id,
        name=event.name,
        kind=event.kind.value,
        country_code=event.country_code,
        city=event.city,
        status=event.status.value,
        priority=event.priority.value,
        is_placeholder=event.is_placeholder,
        recurrence=described,
        suggested_start=suggested,
        version=event.version,
    )


def _by_day(
    shown: Iterable[CalendarItem], first: date, last: date
) -> dict[date, list[CalendarItem]]:
    """Each day's items, in the order given: an item goes to each day of its span that
    falls between ``first`` and ``last`` (one pass over the items, not one per day)."""
    found: dict[date, list[CalendarItem]] = {}
    for item in shown:
        day, end = max(item.start, first), min(item.end, last)
        while day <= end:
            found.setdefault(day, []).append(item)
            day += ONE_DAY
    return found


class CalendarService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def month(
        self,
        year: int,
        month: int,
        *,
        plan_year: int | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
    ) -> MonthGrid:
        """The month as full weeks (Monday first), each day with the items on it.

        A multi-day event or a mission appears on every day of its span. ``plan_year`` and
        ``country`` filter missions and events; ``kinds`` picks among "mission", "event",
        "deadline", "follow_up". Days carry the public holidays of the target countries
        in view.
        """
        if not 1 <= month <= 12:
            raise ValidationError(
                {"month": _("{month} is not a month: use 1 to 12").format(month=month)}
            )
        if not date.min.year < year < date.max.year:  # the grid's first and last weeks
            raise ValidationError({"year": _("{year} is beyond the calendar").format(year=year)})
        chosen = items.checked_kinds(kinds)
        grid = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        first, last = grid[0][0], grid[-1][-1]
        with self._db.read() as session:
            shown = items.items_between(
                session, first, last, plan_year=plan_year, country=country, kinds=chosen
            )
            codes = items.holiday_countries(session, {first.year, last.year}, plan_year, country)
        holidays = items.holidays_by_day(codes, first, last)
        on_day = _by_day(shown, first, last)
        weeks = tuple(
            CalendarWeek(
                number=week[0].isocalendar().week,
                days=tuple(
                    CalendarDay(
                        day=d,
                        in_month=d.month == month,
                        items=tuple(on_day.get(d, ())),
                        holidays=holidays.get(d, ()),
                    )
                    for d in week
                ),
            )
            for week in grid
        )
        return MonthGrid(year, month, weeks, shown, plan_year, country and country.upper())

    def agenda(
        self,
        start: date,
        days: int = 14,
        *,
        plan_year: int | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
    ) -> tuple[CalendarItem, ...]:
        """Items touching ``start`` and the ``days - 1`` days after it, ordered by first
        day (a span that began earlier comes first), missions before events, deadlines
        and follow-ups, then by title. Filters as for ``month``."""
        if not 1 <= days <= MAX_AGENDA_DAYS:
            raise ValidationError(
                {
                    "days": _("show 1 to {MAX_AGENDA_DAYS} days").format(
                        MAX_AGENDA_DAYS=MAX_AGENDA_DAYS
                    )
                }
            )
        chosen = items.checked_kinds(kinds)
        try:
            end = start + timedelta(days=days - 1)
        except OverflowError as exc:
            raise ValidationError(
                {"days": f"{days} days from {start:%d/%m/%Y} is beyond the calendar"}
            ) from exc
        with self._db.read() as session:
            return items.items_between(
                session,
                start,
                end,
                plan_year=plan_year,
                country=country,
                kinds=chosen,
            )

    def to_schedule(self, plan_year: int) -> ScheduleTray:
        """The plan's events without dates, high priority first; placeholders apart."""
        with self._db.read() as session:
            plan = _lookup.plan_by_year(session, plan_year)
            undated = session.scalars(
                select(Event)
                .where(Event.plan_id == plan.id, Event.start_date.is_(None))
                .order_by(case(_PRIORITY, value=Event.priority, else_=9), Event.name, Event.id)
            ).all()
            tray = [_tray_event(e, plan_year) for e in undated]
        return ScheduleTray(
            year=plan_year,
            events=tuple(t for t in tray if not t.is_placeholder),
            placeholders=tuple(t for t in tray if t.is_placeholder),
        )

    def schedule(
        self,
        event_id: int,
        start: date | str,
        end: date | str | None = None,
        *,
        expected_version: int | None = None,
    ) -> EventDetail:
        """Give an event its dates (checked like the event form: real dates, end not before
        start). No ``end`` means a one-day event. Placeholders cannot get dates."""
        try:
            with self._db.write() as session:
                event = _lookup.event(session, event_id)
                if expected_version is not None and event.version != expected_version:
                    raise ConflictError(
                        _("{name!r} was changed by someone else since you opened it").format(
                            name=event.name
                        )
                    )
                if event.is_placeholder:
                    raise RuleViolation(
                        _(
                            "{name!r} stands for events still to be found and cannot get dates: "
                            "add the real event, then schedule it"
                        ).format(name=event.name)
                    )
                raw = {**_form_of(event), "start": _as_text(start), "end": _as_text(end)}
                if not str(raw["start"]).strip():
                    raise ValidationError({"start": _("give the day the event starts")})
                try:
                    data = validate_event(raw)
                    first, last = data.start_date, data.end_date
                except ValidationError as exc:
                    mine = {k: v for k, v in exc.errors.items() if k in ("start", "end")}
                    if mine:
                        raise ValidationError(mine) from exc
                    # Other fields (say, an imported web address) are not this action's job.
                    first = parse_optional_date(str(raw["start"]))
                    last = parse_optional_date(str(raw["end"]) or None)
                event.start_date, event.end_date = first, last
                session.flush()
                return event_detail(session, event)
        except StaleDataError as exc:
            raise ConflictError(
                _("event #{event_id} was changed by someone else").format(event_id=event_id)
            ) from exc

    def unschedule(self, event_id: int) -> EventDetail:
        """Take an event's dates away: back to the tray."""
        with self._db.write() as session:
            event = _lookup.event(session, event_id)
            event.start_date = event.end_date = None
            session.flush()
            return event_detail(session, event)

    def conflicts(self, plan_year: int) -> tuple[Conflict, ...]:
        """Every conflict of the plan's missions, by date, warnings before hints."""
        with self._db.read() as session:
            return conflicts.of_plan(session, _lookup.plan_by_year(session, plan_year))

    def mission_conflicts(self, mission_id: int) -> tuple[Conflict, ...]:
        with self._db.read() as session:
            mission = missions.mission(session, mission_id)
            return conflicts.conflicts_around(session, [mission])
