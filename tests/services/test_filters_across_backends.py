"""The people and organisations filters find the same rows in the same order on
PostgreSQL (trigram indexes, revision 0008) as on SQLite (the search index), accents and
apostrophes included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import sqlite_settings
from tracker.config import Settings
from tracker.db import fts
from tracker.services.context import Services
from tracker.services.dto_partners import OrganisationQuery, PersonQuery

TEXTS = ("l'ufficio", "d'An", "D'Angelo", "Nicolò", "nicolo", "S.p.A.", "spa", "ro", "r", "an")
TEXTS += ("rossi", "anna.r", "zzz", "Trasp", "o")


def _fill(services: Services) -> None:
    orgs = [
        services.organisations.create({"name": name, "country": "IT"}).id
        for name in ("Nicolò Trasporti S.p.A.", "L'Ufficio Stampa", "Rossi & Figli", "Anagrafe")
    ]
    names = ("Marta D'Angelo", "Anna Rossi", "Nicolò Bianchi", "nicolo rosso", "Dana Spada")
    for i in range(20):
        services.people.create(
            {"name": names[i % 5], "organisation": orgs[i % 4], "email": f"anna.r{i}@ex.it"}
        )


@pytest.fixture
def both(pg_schema_url: str, tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    lite = Services.open(sqlite_settings(tmp_path / "lite"))
    base = sqlite_settings(tmp_path / "pg")
    pg = Services.open(
        Settings(database_url=pg_schema_url, data_dir=base.data_dir, backup_dir=base.backup_dir)
    )
    try:
        _fill(lite)
        _fill(pg)
        yield lite, pg
    finally:
        lite.close()
        pg.close()


def test_postgresql_has_the_filters_trigram_indexes(both: tuple[Services, Services]) -> None:
    _, pg = both
    with pg.db.read() as session:
        found = session.execute(
            text(
                "SELECT count(*) FROM unnest(CAST(:n AS text[])) AS n "
                "WHERE to_regclass(n) IS NOT NULL"
            ),
            {"n": list(fts.PG_FILTER_TRIGRAMS)},
        ).scalar_one()
    assert found == len(fts.PG_FILTER_TRIGRAMS)


@pytest.mark.parametrize("typed", TEXTS)
def test_filters_match_sqlite(both: tuple[Services, Services], typed: str) -> None:
    lite, pg = both

    def seen(svc: Services) -> tuple[object, ...]:
        people = svc.people.list(PersonQuery(text=typed, limit=500))
        orgs = svc.organisations.list(OrganisationQuery(text=typed, limit=500))
        return (
            [(p.full_name, p.email) for p in people.rows],
            people.total,
            [o.name for o in orgs.rows],
            orgs.total,
        )

    assert seen(pg) == seen(lite)
