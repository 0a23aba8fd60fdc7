"""Loading reference data and seed plans. Idempotent: what exists is left alone."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain.enums import CapBasis, CapScope, CountryRole
from tracker.domain.errors import TrackerError
from tracker.domain.event_rules import validate_event
from tracker.domain.models import (
    CostCategory,
    CostLine,
    Country,
    Event,
    Plan,
    PlanCategory,
    PlanCountry,
    PlanObjective,
)
from tracker.i18n import _
from tracker.resources import seeds_dir
from tracker.services.dto import SeedReport
from tracker.services.seed_partners import load_calls, load_organisations

COUNTRIES_FILE = "countries.csv"
PLAN_FILES = "plan_*.toml"


class SeedError(TrackerError):
    pass


def _money(value: Any, where: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation as exc:
        raise SeedError(
            _("{where}: {value!r} is not an amount").format(where=where, value=value)
        ) from exc
    return amount


def load_countries(session: Session, rows: Iterable[Mapping[str, str]]) -> int:
    known = set(session.scalars(select(Country.code)))
    added = 0
    for row in rows:
        code = row["code"].strip().upper()
        if code in known:
            continue
        session.add(
            Country(
                code=code,
                name_en=row["name_en"].strip(),
                name_it=row["name_it"].strip(),
                eu_member=row["eu_member"].strip() == "1",
                in_europe=row["in_europe"].strip() == "1",
            )
        )
        known.add(code)
        added += 1
    return added


def load_categories(session: Session, entries: Iterable[Mapping[str, str]]) -> int:
    known = set(session.scalars(select(CostCategory.code)))
    added = 0
    for entry in entries:
        if entry["code"] in known:
            continue
        session.add(
            CostCategory(code=entry["code"], name_it=entry["name_it"], name_en=entry["name_en"])
        )
        known.add(entry["code"])
        added += 1
    session.flush()
    return added


def load_plan(session: Session, data: Mapping[str, Any], source: str) -> int | None:
    """Create the plan a seed file describes, unless its year already has one."""
    spec = data["plan"]
    year = int(spec["year"])
    if session.scalar(select(Plan.id).where(Plan.year == year)) is not None:
        return None
    caps = spec.get("caps", {})
    plan = Plan(
        year=year,
        title=spec["title"],
        title_en=spec.get("title_en", ""),
        intro=spec.get("intro", ""),
        intro_en=spec.get("intro_en", ""),
        strategy_note=spec.get("strategy_note", ""),
        strategy_note_en=spec.get("strategy_note_en", ""),
        funding_note=spec.get("funding_note", ""),
        currency=spec.get("currency", "EUR"),
        cap_basis=CapBasis(caps.get("basis", "europe")),
        cap_scope=CapScope(caps.get("scope", "together")),
        cap_inside=_money(caps.get("inside"), f"{source}: caps.inside"),
        cap_outside=_money(caps.get("outside"), f"{source}: caps.outside"),
        cap_total=_money(caps.get("total"), f"{source}: caps.total"),
    )
    session.add(plan)
    for position, objective in enumerate(spec.get("objectives", []), start=1):
        plan.objectives.append(
            PlanObjective(
                position=position, text=objective["text"], text_en=objective.get("text_en", "")
            )
        )
    categories = {c.code: c for c in session.scalars(select(CostCategory))}
    order = [entry["code"] for entry in data.get("categories", [])]
    for position, code in enumerate(order, start=1):
        plan.categories.append(PlanCategory(category=categories[code], position=position))

    for entry in data.get("countries", []):
        country = session.get(Country, entry["code"])
        if country is None:
            raise SeedError(
                _("{source}: unknown country {value!r}").format(source=source, value=entry["code"])
            )
        plan_country = PlanCountry(
            country=country,
            role=CountryRole.TARGET,
            position=int(entry["position"]),
            rationale=entry.get("rationale", ""),
            rationale_en=entry.get("rationale_en", ""),
            priority_note=entry.get("priority_note", ""),
            priority_note_en=entry.get("priority_note_en", ""),
        )
        plan.countries.append(plan_country)
        budget = entry.get("budget", {})
        unknown = set(budget) - set(order)
        if unknown:
            raise SeedError(
                _("{source}: {value} budgets unknown items {sorted}").format(
                    source=source, value=entry["code"], sorted=sorted(unknown)
                )
            )
        for code in order:
            planned = _money(budget.get(code, "0"), f"{source}: {entry['code']}.{code}")
            plan_country.cost_lines.append(
                CostLine(category=categories[code], planned=planned or Decimal("0.00"))
            )
    for entry in data.get("watch", []):
        country = session.get(Country, entry["code"])
        if country is None:
            raise SeedError(
                _("{source}: unknown country {value!r}").format(source=source, value=entry["code"])
            )
        plan.countries.append(
            PlanCountry(
                country=country,
                role=CountryRole.WATCH,
                position=None,
                rationale=entry.get("note", ""),
            )
        )
    for entry in data.get("events", []):
        fields = dict(entry)
        for key in ("start", "end"):
            if isinstance(fields.get(key), date):
                fields[key] = fields[key].isoformat()
        event = validate_event(fields)
        session.add(
            Event(
                plan=plan,
                name=event.name,
                kind=event.kind,
                country_code=event.country_code,
                city=event.city,
                start_date=event.start_date,
                end_date=event.end_date,
                organiser=event.organiser,
                url=event.url,
                status=event.status,
                priority=event.priority,
                why=event.why,
                notes=event.notes,
                is_placeholder=event.is_placeholder,
            )
        )
    session.flush()
    return year


class SeedService:
    def __init__(self, db: Database, folder: Path | None = None) -> None:
        self._db = db
        self._folder = folder or seeds_dir()

    def plan_files(self) -> list[Path]:
        return sorted(self._folder.glob(PLAN_FILES))

    def seed(self, *, plans: bool = True) -> SeedReport:
        """Reference data always; the seed plans unless ``plans`` is False.

        The organisations and calls a plan file names are matched by name, so they are
        added to an existing database once, even when its plan year is already there.
        """
        with (self._folder / COUNTRIES_FILE).open(encoding="utf-8", newline="") as handle:
            country_rows = list(csv.DictReader(handle))
        documents = []
        for path in self.plan_files():
            try:
                documents.append((path.name, tomllib.loads(path.read_text(encoding="utf-8"))))
            except tomllib.TOMLDecodeError as exc:
                raise SeedError(f"{path.name}: {exc}") from exc
        added_plans: list[int] = []
        skipped: list[int] = []
        organisations = calls = 0
        with self._db.write() as session:
            countries = load_countries(session, country_rows)
            categories = 0
            for _name, data in documents:
                categories += load_categories(session, data.get("categories", []))
            session.flush()
            if plans:
                for name, data in documents:
                    year = load_plan(session, data, name)
                    if year is None:
                        skipped.append(int(data["plan"]["year"]))
                    else:
                        added_plans.append(year)
                    organisations += load_organisations(
                        session, data.get("organisations", []), name
                    )
                    calls += load_calls(session, data.get("calls", []), name)
        return SeedReport(
            countries_added=countries,
            categories_added=categories,
            plans_added=tuple(added_plans),
            plans_skipped=tuple(skipped),
            organisations_added=organisations,
            calls_added=calls,
        )
