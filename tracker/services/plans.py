"""Plan years: their overview, target countries, cost categories and caps."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain.enums import CapBasis, CapScope, CountryRole
from tracker.domain.errors import RuleViolation, ValidationError
from tracker.domain.models import (
    Allocation,
    CostCategory,
    CostLine,
    Country,
    Event,
    Expense,
    Mission,
    MissionAllocation,
    Plan,
    PlanCategory,
    PlanCountry,
)
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services._tables import table_of
from tracker.services.budget import plan_categories
from tracker.services.convert import country_info, plan_country_info
from tracker.services.dto import (
    KEEP,
    CapsInfo,
    CountryInfo,
    Keep,
    ObjectiveInfo,
    PlanOverview,
    PlanSummary,
)


def overview_of(session: Session, plan: Plan) -> PlanOverview:
    countries = [plan_country_info(pc) for pc in plan.countries]
    return PlanOverview(
        year=plan.year,
        title=plan.title,
        title_en=plan.title_en,
        intro=plan.intro,
        intro_en=plan.intro_en,
        strategy_note=plan.strategy_note,
        strategy_note_en=plan.strategy_note_en,
        funding_note=plan.funding_note,
        currency=plan.currency,
        objectives=tuple(ObjectiveInfo(o.position, o.text, o.text_en) for o in plan.objectives),
        targets=tuple(
            sorted(
                (c for c in countries if c.role == CountryRole.TARGET),
                key=lambda c: c.position or 0,
            )
        ),
        watch=tuple(c for c in countries if c.role == CountryRole.WATCH),
        categories=plan_categories(session, plan),
        caps=CapsInfo(
            plan.cap_basis.value,
            plan.cap_scope.value,
            plan.cap_inside,
            plan.cap_outside,
            plan.cap_total,
        ),
    )


def _uses_of_lines(session: Session, line_ids: list[int]) -> str | None:
    """What holds money on these lines, e.g. "1 event allocation(s) and 0 expense(s)"."""
    if not line_ids:
        return None
    events, missions, expenses = (
        session.scalar(select(func.count()).where(model.cost_line_id.in_(line_ids))) or 0
        for model in (Allocation, MissionAllocation, Expense)
    )
    if not (events or missions or expenses):
        return None
    earmarks = f"{events} event allocation(s)"
    if missions:
        earmarks += f", {missions} mission allocation(s)"
    return f"{earmarks} and {expenses} expense(s)"


class PlanService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self) -> tuple[PlanSummary, ...]:
        plans, countries, lines = table_of(Plan), table_of(PlanCountry), table_of(CostLine)
        events = table_of(Event)
        with self._db.read() as session:  # Core reads: see _tables
            found = session.execute(
                select(plans.c.id, plans.c.year, plans.c.title).order_by(plans.c.year)
            ).all()
            targets: dict[int, list[str]] = {}
            for plan_id, code in session.execute(
                select(countries.c.plan_id, countries.c.country_code)
                .where(countries.c.role == CountryRole.TARGET)
                .order_by(countries.c.plan_id, countries.c.position)
            ):
                targets.setdefault(plan_id, []).append(code)
            event_counts: dict[int, int] = dict(
                session.execute(
                    select(events.c.plan_id, func.count()).group_by(events.c.plan_id)
                ).all()
            )
            planned: dict[int, Decimal | None] = dict(
                session.execute(
                    select(countries.c.plan_id, func.sum(lines.c.planned))
                    .join(lines, lines.c.plan_country_id == countries.c.id)
                    .group_by(countries.c.plan_id)
                ).all()
            )
            return tuple(
                PlanSummary(
                    year=year,
                    title=title,
                    targets=tuple(targets.get(plan_id, ())),
                    events=event_counts.get(plan_id, 0),
                    planned=planned.get(plan_id) or Decimal("0.00"),
                )
                for plan_id, year, title in found
            )

    def latest_year(self) -> int | None:
        with self._db.read() as session:
            latest: int | None = session.scalar(select(func.max(table_of(Plan).c.year)))
            return latest

    def targets(self, year: int) -> tuple[CountryInfo, ...]:
        """The plan's target countries in the overview's order, without the rest of it
        (the events screen's country filter)."""
        with self._db.read() as session:
            plan = _lookup.plan_by_year(session, year)
            rows = session.execute(
                select(PlanCountry.position, Country)
                .join(Country, Country.code == PlanCountry.country_code)
                .where(PlanCountry.plan_id == plan.id, PlanCountry.role == CountryRole.TARGET)
                .order_by(PlanCountry.position)
            ).all()
            ordered = sorted(rows, key=lambda row: row[0] or 0)
            return tuple(country_info(country) for _, country in ordered)

    def overview(self, year: int) -> PlanOverview:
        with self._db.read() as session:
            return overview_of(session, _lookup.plan_by_year(session, year))

    def create(self, year: int, title: str = "") -> PlanOverview:
        """A new plan year with the cost items and caps of the latest plan before it."""
        if not 2000 <= year <= 2100:
            raise ValidationError(
                {"year": _("{year} is not a plausible plan year").format(year=year)}
            )
        with self._db.write() as session:
            if session.scalar(select(Plan.id).where(Plan.year == year)) is not None:
                raise RuleViolation(_("there is already a plan for {year}").format(year=year))
            previous = session.scalar(
                select(Plan).where(Plan.year < year).order_by(Plan.year.desc()).limit(1)
            ) or session.scalar(select(Plan).order_by(Plan.year).limit(1))
            plan = Plan(
                year=year,
                title=title.strip() or f"Piano di promozione {year}",
                title_en=f"Promotion plan {year}",
            )
            if previous is not None:
                plan.cap_basis = previous.cap_basis
                plan.cap_scope = previous.cap_scope
                plan.cap_inside = previous.cap_inside
                plan.cap_outside = previous.cap_outside
                plan.cap_total = previous.cap_total
                plan.funding_note = previous.funding_note
                categories = [pc.category for pc in previous.categories]
            else:
                categories = list(session.scalars(select(CostCategory).order_by(CostCategory.id)))
            session.add(plan)
            for position, category in enumerate(categories, start=1):
                plan.categories.append(PlanCategory(category=category, position=position))
            session.flush()
            return overview_of(session, plan)

    def set_caps(
        self,
        year: int,
        *,
        inside: Decimal | Keep | None = KEEP,
        outside: Decimal | Keep | None = KEEP,
        total: Decimal | Keep | None = KEEP,
        basis: str | None = None,
        scope: str | None = None,
    ) -> PlanOverview:
        """Change some caps in one action; ``KEEP`` leaves one as it is, None removes it."""
        errors = {}
        for name, value in (("inside", inside), ("outside", outside), ("total", total)):
            if isinstance(value, Decimal) and value < 0:
                errors[name] = _("a cap cannot be negative")
        try:
            new_basis = CapBasis(basis) if basis else None
        except ValueError:
            errors["basis"] = _("the cap basis is 'europe' (geography) or 'eu' (membership)")
        try:
            new_scope = CapScope(scope) if scope else None
        except ValueError:
            errors["scope"] = _("the cap scope is 'together' or 'per_country'")
        if errors:
            raise ValidationError(errors)
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            if not isinstance(inside, Keep):
                plan.cap_inside = inside
            if not isinstance(outside, Keep):
                plan.cap_outside = outside
            if not isinstance(total, Keep):
                plan.cap_total = total
            if new_basis is not None:
                plan.cap_basis = new_basis
            if new_scope is not None:
                plan.cap_scope = new_scope
            session.flush()
            return overview_of(session, plan)

    def add_country(
        self, year: int, code: str, *, role: str = "target", rationale: str = ""
    ) -> PlanOverview:
        try:
            new_role = CountryRole(role)
        except ValueError as exc:
            raise ValidationError(
                {"role": _("a country is a 'target' or on the 'watch' list")}
            ) from exc
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            country = _lookup.country(session, code)
            existing = next((pc for pc in plan.countries if pc.country_code == country.code), None)
            if existing is not None:
                raise RuleViolation(
                    _("{name_en} is already on the {year} plan ({value})").format(
                        name_en=country.name_en, year=year, value=existing.role.value
                    )
                )
            position = None
            if new_role is CountryRole.TARGET:
                position = 1 + max(
                    (pc.position or 0 for pc in plan.countries if pc.role is CountryRole.TARGET),
                    default=0,
                )
            plan_country = PlanCountry(
                country=country, role=new_role, position=position, rationale=rationale.strip()
            )
            plan.countries.append(plan_country)
            if new_role is CountryRole.TARGET:
                for pc in plan.categories:
                    plan_country.cost_lines.append(CostLine(category=pc.category))
            session.flush()
            return overview_of(session, plan)

    def remove_country(self, year: int, code: str) -> PlanOverview:
        """Take a country off the plan; refused while money is earmarked or spent on it."""
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            code = code.strip().upper()
            plan_country = next((pc for pc in plan.countries if pc.country_code == code), None)
            if plan_country is None:
                raise RuleViolation(
                    _("{code} is not on the {year} plan").format(code=code, year=year)
                )
            uses = _uses_of_lines(session, [line.id for line in plan_country.cost_lines])
            if uses:
                raise RuleViolation(
                    _("{code} has {uses} on its cost lines: remove those first").format(
                        code=code, uses=uses
                    )
                )
            missions = session.scalar(
                select(func.count()).where(Mission.plan_country_id == plan_country.id)
            )
            if missions:
                raise RuleViolation(
                    _(
                        "{code} has {missions} mission(s) in the {year} plan: delete them first"
                    ).format(code=code, missions=missions, year=year)
                )
            removed_position = plan_country.position
            plan.countries.remove(plan_country)
            session.flush()
            if removed_position is not None:
                for pc in sorted(plan.countries, key=lambda c: c.position or 0):
                    if pc.position is not None and pc.position > removed_position:
                        pc.position -= 1
                        session.flush()  # one at a time: positions are unique per plan
            return overview_of(session, plan)

    def set_rationale(
        self, year: int, code: str, rationale: str, priority_note: str | None = None
    ) -> PlanOverview:
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            plan_country = next(
                (pc for pc in plan.countries if pc.country_code == code.strip().upper()), None
            )
            if plan_country is None:
                raise RuleViolation(
                    _("{upper} is not on the {year} plan").format(upper=code.upper(), year=year)
                )
            plan_country.rationale = rationale.strip()
            if priority_note is not None:
                plan_country.priority_note = priority_note.strip()
            session.flush()
            return overview_of(session, plan)

    def add_category(
        self, year: int, code: str, *, name_it: str = "", name_en: str = ""
    ) -> PlanOverview:
        """Add a cost item to a plan, defining it first if it is new."""
        code = code.strip().lower()
        if not code or not code.replace("_", "").isalnum():
            raise ValidationError({"code": _("use a short code of letters, digits and _")})
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            category = session.scalar(select(CostCategory).where(CostCategory.code == code))
            if category is None:
                if not name_it.strip() and not name_en.strip():
                    raise ValidationError(
                        {"name": _("{code!r} is a new cost item: give it a name").format(code=code)}
                    )
                category = CostCategory(
                    code=code,
                    name_it=name_it.strip() or name_en.strip(),
                    name_en=name_en.strip() or name_it.strip(),
                )
                session.add(category)
            elif any(pc.category_id == category.id for pc in plan.categories):
                raise RuleViolation(
                    _("{code!r} is already a cost item of the {year} plan").format(
                        code=code, year=year
                    )
                )
            position = 1 + max((pc.position for pc in plan.categories), default=0)
            plan.categories.append(PlanCategory(category=category, position=position))
            for pc in plan.countries:
                if pc.role is CountryRole.TARGET:
                    pc.cost_lines.append(CostLine(category=category))
            session.flush()
            return overview_of(session, plan)

    def remove_category(self, year: int, code: str) -> PlanOverview:
        with self._db.write() as session:
            plan = _lookup.plan_by_year(session, year)
            category = _lookup.plan_category(session, plan, code)
            lines = session.scalars(
                select(CostLine)
                .join(PlanCountry, PlanCountry.id == CostLine.plan_country_id)
                .where(PlanCountry.plan_id == plan.id, CostLine.category_id == category.id)
            ).all()
            uses = _uses_of_lines(session, [line.id for line in lines])
            if uses:
                raise RuleViolation(
                    _("{code!r} has {uses}: remove those first").format(
                        code=category.code, uses=uses
                    )
                )
            for line in lines:
                session.delete(line)
            link = next(pc for pc in plan.categories if pc.category_id == category.id)
            removed_position = link.position
            plan.categories.remove(link)
            session.flush()
            for pc in sorted(plan.categories, key=lambda c: c.position):
                if pc.position > removed_position:
                    pc.position -= 1
                    session.flush()
            return overview_of(session, plan)
