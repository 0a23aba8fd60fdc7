"""Next year's plan from this year's: ``tracker plans clone 2018 2019``.

What is copied, in one transaction:

- the plan's texts, caps and funding note (titles get the new year);
- its objectives, target countries (same positions, rationale, priority notes) and
  watch list, and its cost items in the same order;
- a budget line for every target × cost item, at zero or at last year's amount
  (``BudgetStart``), with its note;
- the events that carry over: recurring, dated events as candidates on the date their
  rule gives in the new year (``recurrence.proposal_for``; undated ideas, with the
  reason, when the rule skips that year), and events still open last year (idea,
  candidate, shortlisted, registered) as ideas or candidates without a date unless they
  already had one in the new year. Nothing else gets a date: none is invented.

Not copied: allocations, expenses and missions (they belong to last year's money and
trips), and closed events that do not recur. Organisations, people, calls, consortia and
the contact log are not per year: they stay as they are, linked to both years.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain.enums import CountryRole, EventStatus
from tracker.domain.errors import RuleViolation, ValidationError
from tracker.domain.models import (
    CostLine,
    Event,
    Plan,
    PlanCategory,
    PlanCountry,
    PlanObjective,
)
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services.dto_clone import BudgetStart, ClonedEvent, PlanCloneReport
from tracker.services.recurrence import proposal_for

ZERO = Decimal("0.00")


def _title(old: str, from_year: int, year: int, default: str) -> str:
    return old.replace(str(from_year), str(year)) if str(from_year) in old else default


def _copy_plan(old: Plan, year: int) -> Plan:
    return Plan(
        year=year,
        title=_title(old.title, old.year, year, f"Piano di promozione {year}"),
        title_en=_title(old.title_en, old.year, year, f"Promotion plan {year}"),
        intro=old.intro,
        intro_en=old.intro_en,
        strategy_note=old.strategy_note,
        strategy_note_en=old.strategy_note_en,
        funding_note=old.funding_note,
        currency=old.currency,
        cap_basis=old.cap_basis,
        cap_scope=old.cap_scope,
        cap_inside=old.cap_inside,
        cap_outside=old.cap_outside,
        cap_total=old.cap_total,
    )


def _copy_structure(old: Plan, plan: Plan, budget: BudgetStart) -> int:
    """Objectives, countries, cost items and budget lines; returns the lines made."""
    for objective in old.objectives:
        plan.objectives.append(
            PlanObjective(
                position=objective.position, text=objective.text, text_en=objective.text_en
            )
        )
    for link in old.categories:
        plan.categories.append(PlanCategory(category=link.category, position=link.position))
    lines = 0
    for pc in old.countries:
        new = PlanCountry(
            country_code=pc.country_code,
            role=pc.role,
            position=pc.position,
            rationale=pc.rationale,
            rationale_en=pc.rationale_en,
            priority_note=pc.priority_note,
            priority_note_en=pc.priority_note_en,
        )
        plan.countries.append(new)
        if pc.role is not CountryRole.TARGET:
            continue
        old_lines = {line.category_id: line for line in pc.cost_lines}
        for link in old.categories:
            previous = old_lines.get(link.category_id)
            planned = previous.planned if previous and budget is BudgetStart.COPY else ZERO
            note = previous.note if previous else ""
            new.cost_lines.append(CostLine(category=link.category, planned=planned, note=note))
            lines += 1
    return lines


def _carried(event: Event, year: int) -> tuple[EventStatus, date | None, date | None, str, str]:
    """The new event's status, dates, how it came over and a note; raises LookupError
    for an event that stays behind."""
    if event.recurrence and event.start_date is not None:
        proposal = proposal_for(event, year)
        if proposal.proposed_start is not None:
            return (
                EventStatus.CANDIDATE,
                proposal.proposed_start,
                proposal.proposed_end,
                "recurring",
                _("proposed by its rule: {rule}").format(rule=proposal.description),
            )
        return EventStatus.IDEA, None, None, "recurring-undated", proposal.note
    if not event.status.is_open:
        raise LookupError(event.id)
    status = EventStatus.IDEA if event.status is EventStatus.IDEA else EventStatus.CANDIDATE
    if event.start_date is not None and event.start_date.year >= year:
        return status, event.start_date, event.end_date, "dated", ""
    note = ""
    if event.start_date is not None:
        note = _("{year}: {when:%d/%m/%Y}; the new date is not known yet").format(
            year=event.plan.year, when=event.start_date
        )
    return status, None, None, "open", note


def _copy_events(session: Session, old: Plan, plan: Plan) -> tuple[list[ClonedEvent], int]:
    events = session.scalars(
        select(Event)
        .where(Event.plan_id == old.id)
        .order_by(Event.start_date, Event.name, Event.id)
    ).all()
    pairs: list[tuple[Event, Event, str, str]] = []
    left_behind = 0
    for event in events:
        try:
            status, start, end, how, note = _carried(event, plan.year)
        except LookupError:
            left_behind += 1
            continue
        notes = event.notes if not note else (f"{event.notes}\n{note}" if event.notes else note)
        new = Event(
            plan=plan,
            country_code=event.country_code,
            name=event.name,
            kind=event.kind,
            city=event.city,
            start_date=start,
            end_date=end,
            organiser=event.organiser,
            url=event.url,
            status=status,
            priority=event.priority,
            why=event.why,
            notes=notes,
            is_placeholder=event.is_placeholder,
            recurrence=event.recurrence,
        )
        session.add(new)
        pairs.append((event, new, how, note))
    session.flush()
    cloned = [
        ClonedEvent(
            event_id=new.id,
            source_id=old_event.id,
            name=new.name,
            country_code=new.country_code,
            status=new.status.value,
            start_date=new.start_date,
            end_date=new.end_date,
            how=how,
            note=note,
        )
        for old_event, new, how, note in pairs
    ]
    return cloned, left_behind


class PlanCloneService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def clone(
        self,
        from_year: int,
        year: int,
        *,
        budget: BudgetStart | str = BudgetStart.ZERO,
        title: str = "",
    ) -> PlanCloneReport:
        """Start ``year``'s plan as a copy of ``from_year``'s (see the module's notes);
        ``title`` replaces the copied one (whose year is updated) when given."""
        try:
            start = BudgetStart(budget)
        except ValueError as exc:
            raise ValidationError(
                {"budget": _("the budget starts at 'zero' or as a 'copy' of last year's")}
            ) from exc
        if not 2000 <= year <= 2100:
            raise ValidationError(
                {"year": _("{year} is not a plausible plan year").format(year=year)}
            )
        if year <= from_year:
            raise ValidationError(
                {"year": _("the new plan must come after {year}").format(year=from_year)}
            )
        with self._db.write() as session:
            old = _lookup.plan_by_year(session, from_year)
            if session.scalar(select(Plan.id).where(Plan.year == year)) is not None:
                raise RuleViolation(_("there is already a plan for {year}").format(year=year))
            plan = _copy_plan(old, year)
            if title.strip():
                plan.title = title.strip()
            session.add(plan)
            lines = _copy_structure(old, plan, start)
            session.flush()
            events, left_behind = _copy_events(session, old, plan)
            targets = sorted(
                (pc for pc in plan.countries if pc.role is CountryRole.TARGET),
                key=lambda pc: pc.position or 0,
            )
            return PlanCloneReport(
                from_year=from_year,
                year=year,
                title=plan.title,
                budget=start,
                targets=tuple(pc.country_code for pc in targets),
                watch=tuple(
                    pc.country_code for pc in plan.countries if pc.role is CountryRole.WATCH
                ),
                categories=tuple(link.category.code for link in plan.categories),
                objectives=len(plan.objectives),
                cost_lines=lines,
                planned=sum((line.planned for pc in targets for line in pc.cost_lines), start=ZERO),
                events=tuple(events),
                left_behind=left_behind,
            )
