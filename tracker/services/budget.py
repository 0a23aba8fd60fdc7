"""The budget table (cost items × target countries) and its cap checks."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain import caps as cap_rules
from tracker.domain.enums import CountryRole
from tracker.domain.models import (
    Allocation,
    CostCategory,
    CostLine,
    Expense,
    MissionAllocation,
    Plan,
    PlanCategory,
    PlanCountry,
)
from tracker.i18n import _
from tracker.i18n_format import money
from tracker.services import _lookup
from tracker.services.convert import category_info, checked_amount, country_info
from tracker.services.dto import (
    ZERO,
    BudgetColumn,
    BudgetTable,
    CapStatus,
    CategoryInfo,
    LineFigures,
    SetPlannedResult,
)


def cap_rule_of(plan: Plan) -> cap_rules.CapRule:
    return cap_rules.CapRule(
        plan.cap_basis, plan.cap_scope, plan.cap_inside, plan.cap_outside, plan.cap_total
    )


def line_figures(session: Session, line_ids: list[int]) -> dict[int, LineFigures]:
    """Planned, allocated (events' and missions' earmarks) and spent per cost line, in SQL."""
    if not line_ids:
        return {}
    planned = dict(
        session.execute(
            select(CostLine.id, CostLine.planned).where(CostLine.id.in_(line_ids))
        ).all()
    )
    events = _sums(session, Allocation, line_ids)
    missions = _sums(session, MissionAllocation, line_ids)
    actual = _sums(session, Expense, line_ids)
    return {
        line_id: LineFigures(
            planned[line_id],
            events.get(line_id, ZERO) + missions.get(line_id, ZERO),
            actual.get(line_id, ZERO),
            missions.get(line_id, ZERO),
        )
        for line_id in line_ids
    }


def _sums(
    session: Session,
    model: type[Allocation] | type[MissionAllocation] | type[Expense],
    line_ids: list[int],
) -> dict[int, Decimal]:
    """The model's amounts added up per cost line (lines without any are left out)."""
    rows = session.execute(
        select(model.cost_line_id, func.sum(model.amount))
        .where(model.cost_line_id.in_(line_ids))
        .group_by(model.cost_line_id)
    ).all()
    return {line_id: total or ZERO for line_id, total in rows}


def over_line_warning(code: str, category_name: str, line: LineFigures) -> str | None:
    """What to say when a line's earmarks exceed its plan, naming who takes the money."""
    if not line.over_allocated:
        return None
    who = (
        _("events and missions")
        if line.missions and line.events
        else _("missions")
        if line.missions
        else _("events")
    )
    return _(
        "{who} now take {allocated} of {code} {category}, which plans {planned}: "
        "{over} over the line"
    ).format(
        who=who,
        allocated=money(line.allocated),
        code=code,
        category=category_name.lower(),
        planned=money(line.planned),
        over=money(line.allocated - line.planned),
    )


def plan_categories(session: Session, plan: Plan) -> tuple[CategoryInfo, ...]:
    rows = session.scalars(
        select(CostCategory)
        .join(PlanCategory, PlanCategory.category_id == CostCategory.id)
        .where(PlanCategory.plan_id == plan.id)
        .order_by(PlanCategory.position)
    ).all()
    return tuple(category_info(c) for c in rows)


def build_table(session: Session, plan: Plan) -> BudgetTable:
    categories = plan_categories(session, plan)
    targets = session.scalars(
        select(PlanCountry)
        .where(PlanCountry.plan_id == plan.id, PlanCountry.role == CountryRole.TARGET)
        .order_by(PlanCountry.position)
    ).all()
    lines = session.execute(
        select(CostLine.id, CostLine.plan_country_id, CostCategory.code)
        .join(CostCategory, CostCategory.id == CostLine.category_id)
        .join(PlanCountry, PlanCountry.id == CostLine.plan_country_id)
        .where(PlanCountry.plan_id == plan.id)
    ).all()
    figures = line_figures(session, [line.id for line in lines])
    cells: dict[int, dict[str, LineFigures]] = {t.id: {} for t in targets}
    for line in lines:
        if line.plan_country_id in cells:
            cells[line.plan_country_id][line.code] = figures[line.id]

    rule = cap_rule_of(plan)
    column_figures: dict[int, LineFigures] = {}
    for t in targets:
        row = cells[t.id]
        for category in categories:
            row.setdefault(category.code, LineFigures())
        column_figures[t.id] = sum((row[c.code] for c in categories), LineFigures())
    checks = cap_rules.evaluate(
        rule,
        [
            cap_rules.CountryTotal(
                t.country_code,
                t.country.eu_member,
                t.country.in_europe,
                column_figures[t.id].planned,
            )
            for t in targets
        ],
    )
    statuses = tuple(_cap_status(rule, check) for check in checks)
    by_check = dict(zip(checks, statuses, strict=True))

    columns = []
    for t in targets:
        check = cap_rules.check_for_country(checks, t.country_code)
        columns.append(
            BudgetColumn(
                country=country_info(t.country),
                position=t.position or 0,
                cells={c.code: cells[t.id][c.code] for c in categories},
                figures=column_figures[t.id],
                cap=by_check[check] if check is not None else None,
            )
        )
    row_totals = {
        c.code: sum((col.cells[c.code] for col in columns), LineFigures()) for c in categories
    }
    return BudgetTable(
        year=plan.year,
        currency=plan.currency,
        basis=plan.cap_basis.value,
        scope=plan.cap_scope.value,
        categories=categories,
        columns=tuple(columns),
        row_totals=row_totals,
        figures=sum((col.figures for col in columns), LineFigures()),
        caps=statuses,
    )


def _cap_status(rule: cap_rules.CapRule, check: cap_rules.CapCheck) -> CapStatus:
    return CapStatus(
        group=check.group.value,
        label=rule.label(check.group),
        scope=check.scope.value,
        countries=check.countries,
        cap=check.cap,
        total=check.total,
        over=check.over,
    )


def cap_warnings(table: BudgetTable) -> tuple[str, ...]:
    warnings = []
    for cap in table.caps:
        if cap.over and cap.cap is not None:
            who = (
                _("the whole plan")
                if cap.group == "total"
                else f"{_(cap.label)} ({', '.join(cap.countries)})"
            )
            warnings.append(
                _("{who} plans {total}, over the cap of {cap} by {over}").format(
                    who=who,
                    total=money(cap.total),
                    cap=money(cap.cap),
                    over=money(cap.total - cap.cap),
                )
            )
    return tuple(warnings)


class BudgetService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def table(self, year: int) -> BudgetTable:
        with self._db.read() as session:
            return build_table(session, _lookup.plan_by_year(session, year))

    def set_planned(
        self, year: int, country: str, category: str, amount: Decimal, note: str | None = None
    ) -> SetPlannedResult:
        """Change one cell. Going over a cap is allowed while drafting, but flagged."""
        amount = checked_amount(amount, allow_zero=True)
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            line = _lookup.cost_line(session, plan, country, category)
            line.planned = amount
            if note is not None:
                line.note = note
            session.flush()
            figures = line_figures(session, [line.id])[line.id]
            table = build_table(session, plan)
        warnings = list(cap_warnings(table))
        if figures.over_allocated:
            who = _("events and missions") if figures.missions else _("events")
            warnings.insert(
                0,
                _("{who} already take {allocated} of this line, {over} more than planned").format(
                    who=who,
                    allocated=money(figures.allocated),
                    over=money(figures.allocated - figures.planned),
                ),
            )
        return SetPlannedResult(country.upper(), category.lower(), figures, tuple(warnings))
