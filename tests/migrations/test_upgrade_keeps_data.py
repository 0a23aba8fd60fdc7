"""A foundation-only database (revision 0001) holding a plan and money upgrades to head
without losing a row."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, MetaData, func, insert, inspect, select
from sqlalchemy.orm import Session

from tracker.db.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from tracker.domain.models import Allocation, Expense

FOUNDATION = "0001"


def _upgrade_to_foundation(engine: Engine) -> None:
    config = alembic_config()
    with engine.connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, FOUNDATION)


def _seed_plan_with_money(engine: Engine) -> None:
    """What a 0001 user had: a plan, its budget, events, an earmark and an expense.

    Written with Core against the schema reflected at 0001, never through today's models,
    which know columns that revision did not have.
    """
    meta = MetaData()
    meta.reflect(engine)
    t = meta.tables
    stamp = {
        "created_at": datetime(2018, 1, 1, tzinfo=UTC),
        "updated_at": datetime(2018, 1, 1, tzinfo=UTC),
        "version": 1,
    }
    with engine.begin() as conn:
        conn.execute(
            insert(t["countries"]),
            [
                {
                    "code": "BE",
                    "name_en": "Belgium",
                    "name_it": "Belgio",
                    "eu_member": True,
                    "in_europe": True,
                },
                {
                    "code": "US",
                    "name_en": "United States",
                    "name_it": "Stati Uniti",
                    "eu_member": False,
                    "in_europe": False,
                },
            ],
        )
        conn.execute(
            insert(t["cost_categories"]),
            [
                {
                    "id": 1,
                    "code": "travel",
                    "name_it": "Spese di viaggio",
                    "name_en": "Travel",
                    **stamp,
                },
                {
                    "id": 2,
                    "code": "event_fees",
                    "name_it": "Spese di adesione a eventi, fiere…",
                    "name_en": "Event and fair fees",
                    **stamp,
                },
            ],
        )
        conn.execute(
            insert(t["plans"]),
            [
                {
                    "id": 1,
                    "year": 2018,
                    "title": "Piano di promozione 2018",
                    "title_en": "",
                    "intro": "",
                    "intro_en": "",
                    "strategy_note": "",
                    "strategy_note_en": "",
                    "funding_note": "",
                    "currency": "EUR",
                    "cap_basis": "europe",
                    "cap_scope": "together",
                    "cap_inside": 500000,
                    "cap_outside": 1000000,
                    "cap_total": 1000000,
                    **stamp,
                }
            ],
        )
        conn.execute(
            insert(t["plan_categories"]),
            [
                {"plan_id": 1, "category_id": 1, "position": 1},
                {"plan_id": 1, "category_id": 2, "position": 2},
            ],
        )
        conn.execute(
            insert(t["plan_countries"]),
            [
                {
                    "id": 1,
                    "plan_id": 1,
                    "country_code": "BE",
                    "role": "target",
                    "position": 1,
                    "rationale": "Bruxelles",
                    "rationale_en": "",
                    "priority_note": "",
                    "priority_note_en": "",
                    **stamp,
                },
                {
                    "id": 2,
                    "plan_id": 1,
                    "country_code": "US",
                    "role": "target",
                    "position": 2,
                    "rationale": "ENRICH USA",
                    "rationale_en": "",
                    "priority_note": "",
                    "priority_note_en": "",
                    **stamp,
                },
            ],
        )
        conn.execute(
            insert(t["cost_lines"]),
            [
                {
                    "id": 1,
                    "plan_country_id": 1,
                    "category_id": 1,
                    "planned": 500000,
                    "note": "",
                    **stamp,
                },
                {
                    "id": 2,
                    "plan_country_id": 2,
                    "category_id": 1,
                    "planned": 400000,
                    "note": "",
                    **stamp,
                },
                {
                    "id": 3,
                    "plan_country_id": 2,
                    "category_id": 2,
                    "planned": 100000,
                    "note": "",
                    **stamp,
                },
            ],
        )
        names = [
            "MedTech Partnership Meeting",
            "IMI2 – Innovative Medicine Initiative Forum",
            "Cluster partnering event",
            "EUREGA",
            "Altri da identificare",
        ]
        conn.execute(
            insert(t["events"]),
            [
                {
                    "id": i,
                    "plan_id": 1,
                    "country_code": "BE",
                    "name": name,
                    "kind": "other",
                    "city": "",
                    "start_date": date(2018, 10, 25) if i == 3 else None,
                    "end_date": date(2018, 10, 25) if i == 3 else None,
                    "organiser": "",
                    "url": "",
                    "status": "idea" if i == 5 else "candidate",
                    "priority": "normal",
                    "why": "",
                    "notes": "",
                    "is_placeholder": i == 5,
                    **stamp,
                }
                for i, name in enumerate(names, start=1)
            ],
        )
        conn.execute(
            insert(t["allocations"]),
            [{"event_id": 3, "cost_line_id": 1, "amount": 150000, "note": "", **stamp}],
        )
        conn.execute(
            insert(t["expenses"]),
            [
                {
                    "cost_line_id": 1,
                    "event_id": 3,
                    "spent_on": date(2018, 10, 24),
                    "amount": 32050,
                    "description": "Train to Brussels",
                    "supplier": "",
                    **stamp,
                }
            ],
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
