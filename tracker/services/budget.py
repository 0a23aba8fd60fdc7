"""The budget table (cost items × target countries) and its cap checks."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain import caps as cap_rules
from tracker.domain.enums import CapBasis, CapScope, CountryRole
from tracker.domain.models import (
    Allocation,
    CostCategory,
    CostLine,
    Country,
    Expense,
    MissionAllocation,
    PlanCategory,
    PlanCountry,
)
from tracker.i18n import _
from tracker.i18n_format import money
from tracker.services import _lookup
from tracker.services._tables import table_of
from tracker.services.convert import checked_amount
from tracker.services.dto import (
    ZERO,
    BudgetColumn,
    BudgetTable,
    CapStatus,
    CategoryInfo,
    CountryInfo,
    LineFigures,
    SetPlannedResult,
)


class PlanFields(Protocol):
    """What the budget reads of a plan: a mapped Plan, or a Core row of its table."""

    @property
    def id(self) -> int: ...
    @property
    def year(self) -> int: ...
    @property
    def currency(self) -> str: ...
    @property
    def cap_basis(self) -> CapBasis: ...
    @property
    def cap_scope(self) -> CapScope: ...
    @property
    def cap_inside(self) -> Decimal | None: ...
    @property
    def cap_outside(self) -> Decimal | None: ...
    @property
    def cap_total(self) -> Decimal | None: ...


def cap_rule_of(plan: PlanFields) -> cap_rules.CapRule:
    return cap_rules.CapRule(
        plan.cap_basis, plan.cap_scope, plan.cap_inside, plan.cap_outside, plan.cap_total
    )


def line_figures(session: Session, line_ids: list[int]) -> dict[int, LineFigures]:
    """Planned, allocated (events' and missions' earmarks) and spent per cost line, in SQL."""
    if not line_ids:
        return {}
    lines = table_of(CostLine).c  # Core reads, here and below: see _tables
    planned = dict(
        session.execute(select(lines.id, lines.planned).where(lines.id.in_(line_ids))).all()
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
    c = table_of(model).c
    rows = session.execute(
        select(c.cost_line_id, func.sum(c.amount))
        .where(c.cost_line_id.in_(line_ids))
        .group_by(c.cost_line_id)
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


def plan_categories(session: Session, plan: PlanFields) -> tuple[CategoryInfo, ...]:
    categories, used = table_of(CostCategory), table_of(PlanCategory)
    c = categories.c
    rows = session.execute(
        select(c.id, c.code, c.name_it, c.name_en)
        .join(used, used.c.category_id == c.id)
        .where(used.c.plan_id == plan.id)
        .order_by(used.c.position)
    ).all()
    return tuple(CategoryInfo(r.id, r.code, r.name_it, r.name_en) for r in rows)


def build_table(session: Session, plan: PlanFields) -> BudgetTable:
    categories = plan_categories(session, plan)
    countries, known = table_of(PlanCountry), table_of(Country)
    pc, k = countries.c, known.c
    targets = session.execute(
        select(pc.id, pc.country_code, pc.position, k.name_en, k.name_it)
        .add_columns(k.eu_member, k.in_europe)
        .join(known, k.code == pc.country_code)
        .where(pc.plan_id == plan.id, pc.role == CountryRole.TARGET)
        .order_by(pc.position)
    ).all()
    cost_lines, cost_categories = table_of(CostLine), table_of(CostCategory)
    cl, cc = cost_lines.c, cost_categories.c
    lines = session.execute(
        select(cl.id, cl.plan_country_id, cc.code)
        .join(cost_categories, cc.id == cl.category_id)
        .join(countries, pc.id == cl.plan_country_id)
        .where(pc.plan_id == plan.id)
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
                t.country_code, t.eu_member, t.in_europe, column_figures[t.id].planned
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
                country=CountryInfo(t.country_code, t.name_en, t.name_it, t.eu_member, t.in_europe),
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
            return build_table(session, _lookup.plan_fields_by_year(session, year))

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
