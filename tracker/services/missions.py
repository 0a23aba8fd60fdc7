"""Missions: trips to a plan's target country, with who goes, the events they cover and
the cost lines they draw on (rolled into the budget like events' allocations).

References (``Ref``) are ids (12, "12", "#12") or unambiguous names, as elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain.enums import MissionStatus
from tracker.domain.errors import ConflictError, RuleViolation
from tracker.domain.mission_rules import MissionData, check_move, mission_status, validate_mission
from tracker.domain.models import (
    Event,
    Mission,
    MissionAllocation,
    MissionParticipant,
    Plan,
    PlanCountry,
)
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services import _lookup_partners as find
from tracker.services import _missions as lookup
from tracker.services._lookup_partners import Ref
from tracker.services._query import window
from tracker.services.budget import line_figures, over_line_warning
from tracker.services.convert import checked_amount
from tracker.services.dto import ZERO
from tracker.services.dto_calendar import MissionDetail, MissionLinkResult, MissionQuery, MissionRow
from tracker.services.dto_partners import Page


def _apply(m: Mission, data: MissionData) -> None:
    m.title = data.title
    m.city = data.city
    m.start_date = data.start_date
    m.end_date = data.end_date
    m.purpose = data.purpose
    m.notes = data.notes


def _add_event(session: Session, m: Mission, ref: Ref) -> None:
    """Cover an event: one of the same plan and country, not a placeholder, not yet in."""
    year, code = lookup.year_of(m), m.plan_country.country_code
    event = lookup.event_of_plan(session, ref, year)
    if event.plan_id != m.plan_country.plan_id:
        raise RuleViolation(
            _(
                "{name!r} is an event of the {year} plan: {title!r} belongs to the {year2} plan"
            ).format(name=event.name, year=event.plan.year, title=m.title, year2=year)
        )
    if event.is_placeholder:
        raise RuleViolation(
            _("{name!r} stands for events still to be found: add the real event instead").format(
                name=event.name
            )
        )
    if event.country_code != code:
        raise RuleViolation(
            _(
                "{name!r} is in {value}, but {title!r} goes to {code}: a mission "
                "covers events of its own country only"
            ).format(
                name=event.name, value=event.country_code or "no country", title=m.title, code=code
            )
        )
    if any(e.id == event.id for e in m.events):
        raise RuleViolation(
            _("{name!r} is already part of {title!r}").format(name=event.name, title=m.title)
        )
    m.events.append(event)


def _add_participant(session: Session, m: Mission, ref: Ref) -> None:
    person = find.person_by_ref(session, ref)
    if any(p.id == person.id for p in m.participants):
        raise RuleViolation(
            _("{full_name} is already on {title!r}").format(
                full_name=person.full_name, title=m.title
            )
        )
    m.participants.append(person)


def _link(
    session: Session, m: Mission, category: str, amount: Decimal, note: str
) -> MissionLinkResult:
    """Earmark ``amount`` of the mission country's ``category`` line (replacing any
    earlier amount); the line's figures and a warning when it goes over come back."""
    amount = checked_amount(amount)
    if m.status is MissionStatus.CANCELLED:
        raise RuleViolation(_("{title!r} is cancelled: it takes no money").format(title=m.title))
    code = m.plan_country.country_code
    line = _lookup.cost_line(session, m.plan_country.plan, code, category)
    allocation = next((a for a in m.allocations if a.cost_line_id == line.id), None)
    if allocation is None:
        m.allocations.append(MissionAllocation(cost_line=line, amount=amount, note=note.strip()))
    else:
        allocation.amount = amount
        allocation.note = note.strip() or allocation.note
    session.flush()
    figures = line_figures(session, [line.id])[line.id]
    warning = over_line_warning(code, line.category.name_en, figures)
    return MissionLinkResult(m.id, code, line.category.code, amount, figures, warning)


def _move_to(m: Mission, status: str) -> None:
    """From draft, step along the pipeline to ``status`` (draft → planned → booked → done)."""
    wanted = mission_status(status)
    path = [MissionStatus.PLANNED, MissionStatus.BOOKED, MissionStatus.DONE]
    steps = [wanted] if wanted not in path else path[: path.index(wanted) + 1]
    for step in steps:
        if step is not m.status:
            check_move(m.title, m.status, step, participants=len(m.participants))
            m.status = step


def _set_links(
    session: Session,
    m: Mission,
    events: Sequence[Ref] | None,
    participants: Sequence[Ref] | None,
    lines: Sequence[tuple[str, Decimal]] | None,
) -> None:
    """Make the mission cover exactly these events, take these people and hold these
    amounts (None leaves that part as it is); what is new is checked like an addition."""
    year = lookup.year_of(m)
    if events is not None:
        wanted = [lookup.event_of_plan(session, ref, year) for ref in events]
        ids = {e.id for e in wanted}
        for dropped in [e for e in m.events if e.id not in ids]:
            m.events.remove(dropped)
        for event in dict.fromkeys(wanted):
            if event not in m.events:
                _add_event(session, m, event.id)
    if participants is not None:
        people = [find.person_by_ref(session, ref) for ref in participants]
        ids = {p.id for p in people}
        for left in [p for p in m.participants if p.id not in ids]:
            m.participants.remove(left)
        for person in dict.fromkeys(people):
            if person not in m.participants:
                m.participants.append(person)
    if lines is not None:
        plan = m.plan_country.plan
        codes = {_lookup.plan_category(session, plan, c).id for c, _amount in lines}
        for freed in [a for a in m.allocations if a.cost_line.category_id not in codes]:
            m.allocations.remove(freed)
        session.flush()
        for category, amount in lines:
            _link(session, m, category, amount, "")


def _refresh(session: Session, m: Mission) -> MissionDetail:
    session.flush()
    session.expire(m, ["participants", "events"])  # back in their declared order
    return lookup.detail(session, m)


class MissionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, query: MissionQuery | None = None) -> Page[MissionRow]:
        """A page of missions, soonest first; filters by plan year, country, statuses,
        participant and text (title or city)."""
        query = query or MissionQuery()
        offset, limit = window(query.offset, query.limit)
        stmt = lookup.rows_query()
        if query.year is not None:
            stmt = stmt.where(Plan.year == query.year)
        if query.country:
            stmt = stmt.where(PlanCountry.country_code == query.country.strip().upper())
        if query.statuses:
            stmt = stmt.where(Mission.status.in_([mission_status(s) for s in query.statuses]))
        if query.person_id is not None:
            stmt = stmt.where(
                Mission.id.in_(
                    select(MissionParticipant.mission_id).where(
                        MissionParticipant.person_id == query.person_id
                    )
                )
            )
        text = " ".join(query.text.split())
        if text:
            stmt = stmt.where(
                Mission.title.icontains(text, autoescape=True)
                | Mission.city.icontains(text, autoescape=True)
            )
        with self._db.read() as session:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            page = stmt.order_by(
                Mission.start_date, Mission.end_date, Mission.title, Mission.id
            ).offset(offset)
            rows = tuple(
                lookup.row(m, year, code, people, events, money)
                for m, year, code, people, events, money in session.execute(page.limit(limit))
            )
            return Page(rows, total, offset, limit)

    def get(self, mission_id: int) -> MissionDetail:
        with self._db.read() as session:
            return lookup.detail(session, lookup.mission(session, mission_id))

    def find(self, ref: Ref, year: int | None = None) -> MissionDetail:
        """A mission by id or (part of) its title, within a plan year if given."""
        with self._db.read() as session:
            return lookup.detail(session, lookup.mission_by_ref(session, ref, year))

    def create(
        self,
        year: int,
        country: str,
        fields: Mapping[str, object],
        events: Sequence[Ref] = (),
        participants: Sequence[Ref] = (),
        *,
        lines: Sequence[tuple[str, Decimal]] = (),
        status: str | None = None,
    ) -> MissionDetail:
        """A new mission to one of the plan's target countries, in one transaction.

        Fields: title, city, start, end (blank: one day), purpose, notes. Events must be
        of the same plan and country; participants may be anyone, and the detail's
        ``warnings`` name those who are not on our staff. ``lines`` earmark amounts of
        the country's cost lines by category; ``status`` (default draft) is reached
        step by step along the pipeline, so "booked" needs participants.
        """
        data = validate_mission(fields)
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            m = Mission(plan_country=_lookup.target(session, plan, country))
            _apply(m, data)
            session.add(m)
            for ref in events:
                _add_event(session, m, ref)
            for ref in participants:
                _add_participant(session, m, ref)
            session.flush()
            if status:
                _move_to(m, status)
            for category, amount in lines:
                _link(session, m, category, amount, "")
            return _refresh(session, m)

    def update(
        self,
        mission_id: int,
        changes: Mapping[str, object],
        expected_version: int | None = None,
        *,
        events: Sequence[Ref] | None = None,
        participants: Sequence[Ref] | None = None,
        lines: Sequence[tuple[str, Decimal]] | None = None,
    ) -> MissionDetail:
        """Change some of ``form_fields()`` (plus "country"); the rest stays as it is.

        ``events``, ``participants`` and ``lines`` (category, amount), when given, become
        the mission's whole set, in the same transaction (the form's single save).
        A stale ``expected_version`` raises ConflictError. Moving the mission to another
        country is refused while it covers events or holds money there.
        """
        try:
            with self._db.write() as session:
                m = lookup.mission(session, mission_id)
                if expected_version is not None and m.version != expected_version:
                    raise ConflictError(
                        _("{title!r} was changed by someone else since you opened it").format(
                            title=m.title
                        )
                    )
                fields = {**lookup.detail(session, m).form_fields(), **changes}
                data = validate_mission({k: v for k, v in fields.items() if k != "country"})
                code = str(fields.get("country") or "").strip().upper()
                if code and code != m.plan_country.country_code:
                    if events is not None and lines is not None:
                        # The form's save: its sets replace these, checked in the new country.
                        m.events.clear()
                        m.allocations.clear()
                        session.flush()
                    if m.events or m.allocations:
                        raise RuleViolation(
                            _(
                                "{title!r} covers events or holds money in {country_code}: remove "
                                "those before moving it"
                            ).format(title=m.title, country_code=m.plan_country.country_code)
                        )
                    m.plan_country = _lookup.target(session, m.plan_country.plan, code)
                _apply(m, data)
                _set_links(session, m, events, participants, lines)
                return _refresh(session, m)
        except StaleDataError as exc:
            raise ConflictError(
                _("mission #{mission_id} was changed by someone else").format(mission_id=mission_id)
            ) from exc

    def delete(self, mission_id: int) -> str:
        """Delete a mission with its earmarks; its events and people stay. Returns the title."""
        with self._db.write() as session:
            m = lookup.mission(session, mission_id)
            title = m.title
            session.delete(m)
            return title

    def set_status(self, mission_id: int, status: str) -> MissionDetail:
        """draft → planned → booked → done, or cancelled; see ``next_statuses``."""
        new = mission_status(status)
        with self._db.write() as session:
            m = lookup.mission(session, mission_id)
            check_move(m.title, m.status, new, participants=len(m.participants))
            m.status = new
            return _refresh(session, m)

    def add_event(self, mission_id: int, event: Ref) -> MissionDetail:
        with self._db.write() as session:
            m = lookup.mission(session, mission_id)
            _add_event(session, m, event)
            return _refresh(session, m)

    def remove_event(self, mission_id: int, event: Ref) -> MissionDetail:
        with self._db.write() as session:
            m = lookup.mission(session, mission_id)
            found: Event = lookup.event_of_plan(session, event, lookup.year_of(m))
            if found not in m.events:
                raise RuleViolation(
                    _("{name!r} is not part of {title!r}").format(name=found.name, title=m.title)
                )
            m.events.remove(found)
            return _refresh(session, m)

    def add_participant(self, mission_id: int, person: Ref) -> MissionDetail:
        """Add someone; if they are not on our staff, the detail's ``warnings`` say so."""
        with self._db.write() as session:
            m = lookup.mission(session, mission_id)
            _add_participant(session, m, person)
            return _refresh(session, m)

    def remove_participant(self, mission_id: int, person: Ref) -> MissionDetail:
        with self._db.write() as session:
            m = lookup.mission(session, mission_id)
            found = find.person_by_ref(session, person)
            if found not in m.participants:
                raise RuleViolation(
                    _("{full_name} is not on {title!r}").format(
                        full_name=found.full_name, title=m.title
                    )
                )
            m.participants.remove(found)
            return _refresh(session, m)

    def link(
        self, mission_id: int, category: str, amount: Decimal, *, note: str = ""
    ) -> MissionLinkResult:
        """Earmark ``amount`` of the mission country's ``category`` line (replacing any
        earlier amount). Going over the line is saved, with a warning."""
        with self._db.write() as session:
            return _link(session, lookup.mission(session, mission_id), category, amount, note)

    def unlink(self, mission_id: int, category: str) -> MissionLinkResult:
        """Take the mission's money off a line; the line's figures come back."""
        with self._db.write() as session:
            m = lookup.mission(session, mission_id)
            code = m.plan_country.country_code
            wanted = _lookup.plan_category(session, m.plan_country.plan, category)
            allocation = next(
                (a for a in m.allocations if a.cost_line.category_id == wanted.id), None
            )
            if allocation is None:
                raise RuleViolation(
                    _("{title!r} has no money on the {code} line").format(
                        title=m.title, code=wanted.code
                    )
                )
            line_id = allocation.cost_line_id
            m.allocations.remove(allocation)
            session.flush()
            figures = line_figures(session, [line_id])[line_id]
            warning = over_line_warning(code, wanted.name_en, figures)
            return MissionLinkResult(m.id, code, wanted.code, ZERO, figures, warning)
