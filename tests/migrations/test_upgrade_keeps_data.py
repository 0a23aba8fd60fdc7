"""A foundation-only database (revision 0001) holding a plan and money upgrades to head
without losing a row."""

from __future__ import annotations

import csv
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, MetaData, func, inspect, select
from sqlalchemy.orm import Session

from tracker.db.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from tracker.domain.models import Allocation, CostCategory, CostLine, Event, Expense, PlanCountry
from tracker.resources import seeds_dir
from tracker.services.seed import load_categories, load_countries, load_plan

FOUNDATION = "0001"


def _upgrade_to_foundation(engine: Engine) -> None:
    config = alembic_config()
    with engine.connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, FOUNDATION)


def _seed_plan_with_money(engine: Engine) -> None:
    """What a 0001 user had: the seeded 2018 plan, an earmark and an expense."""
    folder = seeds_dir()
    with (folder / "countries.csv").open(encoding="utf-8", newline="") as handle:
        countries = list(csv.DictReader(handle))
    plan = tomllib.loads((folder / "plan_2018.toml").read_text(encoding="utf-8"))
    with Session(engine) as session, session.begin():
        load_countries(session, countries)
        load_categories(session, plan["categories"])
        session.flush()
        assert load_plan(session, plan, "plan_2018.toml") == 2018
        travel_be = session.scalars(
            select(CostLine)
            .join(PlanCountry, PlanCountry.id == CostLine.plan_country_id)
            .join(CostCategory, CostCategory.id == CostLine.category_id)
            .where(PlanCountry.country_code == "BE", CostCategory.code == "travel")
        ).one()
        event = session.scalars(select(Event).where(Event.name == "Cluster partnering event")).one()
        session.add(Allocation(event=event, cost_line=travel_be, amount=Decimal("1500.00")))
        session.add(
            Expense(
                cost_line=travel_be,
                event=event,
                spent_on=date(2018, 10, 24),
                amount=Decimal("320.50"),
                description="Train to Brussels",
            )
        )


def _row_counts(engine: Engine, tables: list[str]) -> dict[str, int]:
    metadata = MetaData()
    metadata.reflect(engine, only=tables)
    with engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(metadata.tables[name])) or 0
            for name in tables
        }


def test_upgrading_a_foundation_database_keeps_every_row(
    alembic_engine: Engine, tmp_path: Path
) -> None:
    _upgrade_to_foundation(alembic_engine)
    assert current_revision(alembic_engine) == FOUNDATION
    _seed_plan_with_money(alembic_engine)
    foundation_tables = sorted(
        t for t in inspect(alembic_engine).get_table_names() if t != "alembic_version"
    )
    assert "organisations" not in foundation_tables
    before = _row_counts(alembic_engine, foundation_tables)
    assert before["allocations"] == 1 and before["expenses"] == 1 and before["events"] == 5

    report = upgrade_to_head(alembic_engine, backup_dir=tmp_path / "backups")

    assert report.after == head_revision() and report.changed
    assert _row_counts(alembic_engine, foundation_tables) == before
    assert {"organisations", "people", "interactions"} <= set(
        inspect(alembic_engine).get_table_names()
    )
    with Session(alembic_engine) as session:
        allocation = session.scalars(select(Allocation)).one()
        assert allocation.amount == Decimal("1500.00")
        assert allocation.event.name == "Cluster partnering event"
        assert session.scalars(select(Expense)).one().amount == Decimal("320.50")
