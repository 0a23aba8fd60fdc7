"""Finding records by the names users type, with messages that say what exists."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from tracker.domain.enums import CountryRole
from tracker.domain.errors import NotFoundError, RuleViolation
from tracker.domain.models import (
    CostCategory,
    CostLine,
    Country,
    Event,
    Plan,
    PlanCategory,
    PlanCountry,
)
from tracker.i18n import _
from tracker.services._tables import table_of


def plan_by_year(session: Session, year: int) -> Plan:
    plan = session.scalar(select(Plan).where(Plan.year == year))
    if plan is None:
        raise _no_plan(session, year)
    return plan


def plan_fields_by_year(session: Session, year: int) -> Row[Any]:
    """The plan's columns as a Core row (a read that configures no mappers: see _tables)."""
    plans = table_of(Plan)
    found = session.execute(select(*plans.columns).where(plans.c.year == year)).first()
    if found is None:
        raise _no_plan(session, year)
    return found


def _no_plan(session: Session, year: int) -> NotFoundError:
    years = session.scalars(select(table_of(Plan).c.year).order_by(table_of(Plan).c.year)).all()
    known = ", ".join(str(y) for y in years) or "none yet"
    return NotFoundError(
        _("there is no plan for {year} (plans: {known})").format(year=year, known=known)
    )


def country(session: Session, code: str) -> Country:
    found = session.get(Country, code.strip().upper())
    if found is None:
        raise NotFoundError(
            _(
                "unknown country code {code!r}: use an ISO code such as BE, US, DE "
                "(`tracker countries list` shows them all)"
            ).format(code=code)
        )
    return found


def target(session: Session, plan: Plan, code: str) -> PlanCountry:
    code = code.strip().upper()
    found = session.scalar(
        select(PlanCountry).where(
            PlanCountry.plan_id == plan.id,
            PlanCountry.country_code == code,
            PlanCountry.role == CountryRole.TARGET,
        )
    )
    if found is None:
        targets = session.scalars(
            select(PlanCountry.country_code)
            .where(PlanCountry.plan_id == plan.id, PlanCountry.role == CountryRole.TARGET)
            .order_by(PlanCountry.position)
        ).all()
        raise NotFoundError(
            _("{code} is not a target country of the {year} plan (targets: {value})").format(
                code=code, year=plan.year, value=", ".join(targets) or "none yet"
            )
        )
    return found


def plan_category(session: Session, plan: Plan, code: str) -> CostCategory:
    code = code.strip().lower()
    found = session.scalar(
        select(CostCategory)
        .join(PlanCategory, PlanCategory.category_id == CostCategory.id)
        .where(PlanCategory.plan_id == plan.id, CostCategory.code == code)
    )
    if found is None:
        codes = session.scalars(
            select(CostCategory.code)
            .join(PlanCategory, PlanCategory.category_id == CostCategory.id)
            .where(PlanCategory.plan_id == plan.id)
            .order_by(PlanCategory.position)
        ).all()
        raise NotFoundError(
            _("{code!r} is not a cost category of the {year} plan (categories: {value})").format(
                code=code, year=plan.year, value=", ".join(codes) or "none yet"
            )
        )
    return found


def cost_line(session: Session, plan: Plan, country_code: str, category_code: str) -> CostLine:
    plan_country = target(session, plan, country_code)
    category = plan_category(session, plan, category_code)
    line = session.scalar(
        select(CostLine).where(
            CostLine.plan_country_id == plan_country.id, CostLine.category_id == category.id
        )
    )
    if line is None:  # lines are created with their country or category; repair if not
        line = CostLine(plan_country=plan_country, category=category)
        session.add(line)
        session.flush()
    return line


def event(session: Session, event_id: int) -> Event:
    found = session.get(Event, event_id)
    if found is None:
        raise NotFoundError(_("there is no event #{event_id}").format(event_id=event_id))
    return found


def event_by_ref(session: Session, ref: str, year: int | None = None) -> Event:
    """An event by id ("12", "#12") or by (part of) its name, which must be unambiguous."""
    text = ref.strip().lstrip("#")
    if text.isdigit():
        return event(session, int(text))
    query = select(Event).order_by(Event.id)
    if year is not None:
        query = query.join(Plan, Plan.id == Event.plan_id).where(Plan.year == year)
    exact = session.scalars(query.where(Event.name == ref.strip())).all()
    if len(exact) == 1:
        return exact[0]
    matches = (
        exact
        or session.scalars(
            query.where(Event.name.icontains(ref.strip(), autoescape=True)).limit(11)
        ).all()
    )
    if not matches:
        raise NotFoundError(_("no event matches {ref!r}").format(ref=ref))
    if len(matches) > 1:
        listed = "; ".join(f"#{e.id} {e.name}" for e in matches[:10])
        raise RuleViolation(
            _("{ref!r} matches several events, name one by its id: {listed}").format(
                ref=ref, listed=listed
            )
        )
    return matches[0]
