"""Plan years after the seeded 2018 one, their budgets, events, earmarks and expenses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from benchmarks import vocabulary as v
from benchmarks.gen_common import FIRST_YEAR, Gen, Row, editable, spaced
from benchmarks.gen_partners import org_name_for_event
from tracker.domain.enums import CapBasis, CapScope, CountryRole, EventKind, EventStatus, Priority
from tracker.domain.models import (
    Allocation,
    CostLine,
    Event,
    Expense,
    Plan,
    PlanCategory,
    PlanCountry,
    PlanObjective,
)

T_PLAN, T_PC, T_LINE = Plan.__table__, PlanCountry.__table__, CostLine.__table__
T_EVENT, T_ALLOC, T_EXP = Event.__table__, Allocation.__table__, Expense.__table__
TARGET_POOL = (
    ("BE", 8),
    ("DE", 8),
    ("FR", 6),
    ("US", 6),
    ("NL", 4),
    ("ES", 4),
    ("GB", 3),
    ("CH", 3),
    ("AT", 2),
    ("SE", 2),
    ("DK", 2),
    ("PL", 2),
    ("JP", 3),
    ("CN", 2),
    ("IN", 2),
    ("SG", 2),
    ("CA", 2),
    ("KR", 1),
    ("IL", 1),
)
WATCH_POOL = ("JP", "CN", "IN", "SG", "KR", "BR", "AE", "SA", "MX", "ZA", "VN", "TW")
OTHER_EVENT_COUNTRIES = ("IT", "DE", "FR", "ES", "NL", "GB", "US", "AE", "BR", "FI", "IE")
PAST = (("attended", 35), ("skipped", 30), ("cancelled", 6), ("candidate", 19), ("registered", 10))
FUTURE = (("idea", 20), ("candidate", 45), ("shortlisted", 20), ("registered", 15))
KINDS = tuple((k, w) for k, w in zip(EventKind, (25, 20, 25, 10, 8, 7, 5), strict=True))
PRIORITIES = ((Priority.HIGH, 15), (Priority.NORMAL, 70), (Priority.LOW, 15))
SUPPLIERS = ("Lufthansa", "ITA Airways", "Hôtel Métropole", "")
MONEY_STATUSES = {"shortlisted", "registered", "attended"}


@dataclass
class PlanYear:
    id: int
    year: int
    targets: list[str]
    lines: dict[tuple[str, int], int] = field(default_factory=dict)  # (country, cat) → line


def add_plans(gen: Gen) -> list[PlanYear]:
    conn, rng = gen.conn, gen.rng
    seeded = conn.execute(select(T_PLAN.c.id, T_PLAN.c.year)).all()
    category_ids = list(
        conn.scalars(
            select(PlanCategory.category_id)
            .where(PlanCategory.plan_id == seeded[0].id)
            .order_by(PlanCategory.position)
        )
    )
    plans: list[PlanYear] = []
    for plan_id, year in seeded:
        plan = PlanYear(plan_id, year, [])
        for pc_id, code, role in conn.execute(
            select(T_PC.c.id, T_PC.c.country_code, T_PC.c.role).where(T_PC.c.plan_id == plan_id)
        ):
            if role == CountryRole.TARGET:
                plan.targets.append(code)
                for line_id, category_id in conn.execute(
                    select(T_LINE.c.id, T_LINE.c.category_id).where(
                        T_LINE.c.plan_country_id == pc_id
                    )
                ):
                    plan.lines[(code, category_id)] = line_id
        plans.append(plan)
    plan_rows: list[Row] = []
    children: dict[str, list[Row]] = {"obj": [], "cat": [], "pc": [], "line": []}
    next_plan, next_pc, next_line = gen.next_id(T_PLAN), gen.next_id(T_PC), gen.next_id(T_LINE)
    for year in range(FIRST_YEAR, FIRST_YEAR + gen.sizes.years):
        if any(p.year == year for p in plans):
            continue
        next_plan += 1
        cap = Decimal(rng.choice((5000, 7500, 10000, 15000)))
        plan_rows.append(
            {
                "id": next_plan,
                "year": year,
                "title": f"Piano di promozione {year}",
                "title_en": f"Promotion plan {year}",
                "intro": "Missioni in Europa per costruire consorzi (COSME, INNOSUP).",
                "funding_note": "Finanziato dal POR FESR Emilia-Romagna",
                "cap_basis": CapBasis.EUROPE if rng.random() < 0.7 else CapBasis.EU,
                "cap_scope": CapScope.TOGETHER,
                "cap_inside": cap,
                "cap_outside": cap * 2,
                "cap_total": cap * 2,
                **editable(gen, date(year - 1, 9, 1)),
            }
        )
        for position in (1, 2, 3)[: rng.randint(2, 3)]:
            children["obj"].append(
                {"plan_id": next_plan, "position": position, "text": f"Obiettivo {position}"}
            )
        for position, category_id in enumerate(category_ids, start=1):
            children["cat"].append(
                {"plan_id": next_plan, "category_id": category_id, "position": position}
            )
        plan = PlanYear(next_plan, year, [])
        while len(plan.targets) < rng.randint(2, 6):
            code = gen.weighted(TARGET_POOL)
            if code not in plan.targets:
                plan.targets.append(code)
        watch = [c for c in rng.sample(WATCH_POOL, rng.randint(0, 3)) if c not in plan.targets]
        for position, code in enumerate([*plan.targets, *watch], start=1):
            next_pc += 1
            target = position <= len(plan.targets)
            children["pc"].append(
                {
                    "id": next_pc,
                    "plan_id": next_plan,
                    "country_code": code,
                    "role": CountryRole.TARGET if target else CountryRole.WATCH,
                    "position": position if target else None,
                    "rationale": f"Paese strategico per il {year}." if target else "",
                    **editable(gen, date(year - 1, 9, 1)),
                }
            )
            if not target:
                continue
            for category_id in category_ids:
                next_line += 1
                plan.lines[(code, category_id)] = next_line
                planned = 0 if rng.random() < 0.3 else rng.randrange(500, 6001, 250)
                children["line"].append(
                    {
                        "id": next_line,
                        "plan_country_id": next_pc,
                        "category_id": category_id,
                        "planned": Decimal(planned),
                        "note": "",
                        **editable(gen, date(year - 1, 9, 1)),
                    }
                )
        plans.append(plan)
    gen.insert(T_PLAN, plan_rows)
    gen.insert(PlanObjective.__table__, children["obj"])
    gen.insert(PlanCategory.__table__, children["cat"])
    gen.insert(T_PC, children["pc"])
    gen.insert(T_LINE, children["line"])
    return sorted(plans, key=lambda p: p.year)


def _event_name(gen: Gen, year: int, city: str) -> str:
    rng = gen.rng
    word = spaced(rng.choice(v.EVENT_WORDS))
    suffix = rng.choice(v.EVENT_SUFFIXES)
    name = f"{word} {suffix}".strip()
    roll = rng.random()
    if roll < 0.4:
        return f"{name} {year}"
    if roll < 0.7 and city:
        return f"{name} – {city}"
    if roll < 0.85:
        return f"{name} {year}: {rng.choice(v.TOPICS)}"
    return name


def add_events(gen: Gen, plans: list[PlanYear]) -> None:
    rng, today = gen.rng, gen.today
    existing = dict(gen.conn.execute(select(T_EVENT.c.plan_id, T_EVENT.c.id)).all())
    next_id = gen.next_id(T_EVENT)
    per_plan = max(1, (gen.sizes.events - len(existing)) // len(plans))
    events: list[Row] = []
    money: list[tuple[int, PlanYear, str, str, date | None]] = []
    for plan in plans:
        for code in plan.targets:  # "Altri da identificare", one per target country
            next_id += 1
            events.append(_placeholder(gen, next_id, plan, code))
        for _ in range(per_plan - len(plan.targets)):
            next_id += 1
            roll = rng.random()
            country: str | None
            if roll < 0.65:
                country = rng.choice(plan.targets)
            elif roll < 0.95:
                country = rng.choice(OTHER_EVENT_COUNTRIES)
            else:
                country = None  # webinars, places not decided yet
            city = gen.city(country)
            start = end = None
            if rng.random() < 0.88:
                start = gen.day_between(date(plan.year, 1, 10), date(plan.year, 12, 15))
                end = start + timedelta(days=rng.choice((0, 0, 1, 2, 2, 3, 4)))
            statuses = PAST if start is not None and start < today else FUTURE
            status = gen.weighted(statuses) if start else rng.choice(("idea", "candidate"))
            name = _event_name(gen, plan.year, city)
            events.append(
                {
                    "id": next_id,
                    "plan_id": plan.id,
                    "country_code": country,
                    "name": name,
                    "kind": gen.weighted(KINDS),
                    "city": city,
                    "start_date": start,
                    "end_date": end,
                    "organiser": org_name_for_event(gen) if rng.random() < 0.5 else "",
                    "url": f"https://example.org/events/{next_id}" if rng.random() < 0.6 else "",
                    "status": EventStatus(status),
                    "priority": gen.weighted(PRIORITIES),
                    "why": rng.choice(v.TOPICS) if rng.random() < 0.4 else "",
                    "notes": "Stand condiviso con la Regione" if rng.random() < 0.1 else "",
                    "is_placeholder": False,
                    **editable(gen, date(plan.year - 1, 10, 1)),
                }
            )
            if country in plan.targets and status in MONEY_STATUSES:
                money.append((next_id, plan, country, status, start))
            if status == "attended" and start is not None and end is not None:
                gen.met_at.append((next_id, name, city, start, end))
    gen.insert(T_EVENT, events)
    _add_money(gen, money)


def _placeholder(gen: Gen, event_id: int, plan: PlanYear, country: str) -> Row:
    return {
        "id": event_id,
        "plan_id": plan.id,
        "country_code": country,
        "name": "Altri da identificare",
        "kind": EventKind.OTHER,
        "city": "",
        "start_date": None,
        "end_date": None,
        "organiser": "",
        "url": "",
        "status": EventStatus.IDEA,
        "priority": Priority.NORMAL,
        "why": "Others to be identified.",
        "notes": "",
        "is_placeholder": True,
        **editable(gen, date(plan.year - 1, 10, 1)),
    }


def _add_money(gen: Gen, money: list[tuple[int, PlanYear, str, str, date | None]]) -> None:
    rng = gen.rng
    allocations: list[Row] = []
    expenses: list[Row] = []
    for event_id, plan, country, status, start in money:
        lines = [line for (code, _cat), line in plan.lines.items() if code == country]
        for line_id in rng.sample(lines, min(len(lines), rng.randint(1, 2))):
            amount = rng.randrange(100, 3001, 50)
            allocations.append(
                {
                    "event_id": event_id,
                    "cost_line_id": line_id,
                    "amount": Decimal(amount),
                    "note": "",
                    **editable(gen, date(plan.year - 1, 11, 1)),
                }
            )
            if status == "attended" and start is not None:
                for _ in range(rng.randint(1, 3)):
                    spent = start + timedelta(days=rng.randint(-40, 20))
                    cents = rng.randrange(2000, amount * 60)
                    expenses.append(
                        {
                            "cost_line_id": line_id,
                            "event_id": event_id,
                            "spent_on": spent,
                            "amount": Decimal(cents) / 100,
                            "description": rng.choice(("Volo", "Hotel", "Quota stand", "Taxi")),
                            "supplier": rng.choice(SUPPLIERS),
                            **editable(gen, spent),
                        }
                    )
    gen.insert(T_ALLOC, allocations)
    gen.insert(T_EXP, expenses)
