"""Actual spending, recorded against a cost line and optionally an event."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from tracker.db.engine import Database
from tracker.domain.errors import RuleViolation
from tracker.domain.models import CostCategory, CostLine, Expense, PlanCountry
from tracker.i18n import _
from tracker.i18n_format import money
from tracker.services import _lookup
from tracker.services.budget import line_figures
from tracker.services.convert import checked_amount
from tracker.services.dto import ExpenseInfo, ExpenseResult


def _info(expense: Expense) -> ExpenseInfo:
    return ExpenseInfo(
        id=expense.id,
        country_code=expense.cost_line.plan_country.country_code,
        category_code=expense.cost_line.category.code,
        spent_on=expense.spent_on,
        amount=expense.amount,
        description=expense.description,
        supplier=expense.supplier,
        event_id=expense.event_id,
        event_name=expense.event.name if expense.event is not None else None,
    )


class ExpenseService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        year: int,
        country: str,
        category: str,
        amount: Decimal,
        spent_on: date,
        *,
        description: str = "",
        supplier: str = "",
        event_ref: str | None = None,
    ) -> ExpenseResult:
        amount = checked_amount(amount)
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            line = _lookup.cost_line(session, plan, country, category)
            event = None
            if event_ref:
                event = _lookup.event_by_ref(session, event_ref, year)
                if event.plan_id != plan.id or event.country_code != line.plan_country.country_code:
                    raise RuleViolation(
                        _("{name!r} is not an event of {country_code} in the {year} plan").format(
                            name=event.name, country_code=line.plan_country.country_code, year=year
                        )
                    )
            expense = Expense(
                cost_line=line,
                event=event,
                amount=amount,
                spent_on=spent_on,
                description=description.strip(),
                supplier=supplier.strip(),
            )
            session.add(expense)
            session.flush()
            figures = line_figures(session, [line.id])[line.id]
            info = _info(expense)
        warning = None
        if figures.overspent:
            warning = _("{country} {category} has now spent {actual} of {planned} planned").format(
                country=info.country_code,
                category=info.category_code,
                actual=money(figures.actual),
                planned=money(figures.planned),
            )
        return ExpenseResult(info, figures, warning)

    def list(
        self,
        year: int,
        country: str | None = None,
        *,
        category: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> tuple[tuple[ExpenseInfo, ...], int]:
        with self._db.read() as session:
            plan = _lookup.plan_by_year(session, year)
            stmt = (
                select(Expense)
                .join(CostLine, CostLine.id == Expense.cost_line_id)
                .join(PlanCountry, PlanCountry.id == CostLine.plan_country_id)
                .join(CostCategory, CostCategory.id == CostLine.category_id)
                .where(PlanCountry.plan_id == plan.id)
            )
            if country:
                stmt = stmt.where(PlanCountry.country_code == country.strip().upper())
            if category:
                stmt = stmt.where(CostCategory.code == category.strip().lower())
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = session.scalars(
                stmt.order_by(Expense.spent_on, Expense.id).offset(offset).limit(limit)
            ).all()
            return tuple(_info(e) for e in rows), total

    def delete(self, expense_id: int) -> None:
        with self._db.write() as session:
            expense = session.get(Expense, expense_id)
            if expense is None:
                raise RuleViolation(
                    _("there is no expense #{expense_id}").format(expense_id=expense_id)
                )
            session.delete(expense)
