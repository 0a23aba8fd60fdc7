"""The seeded 2018 plan reproduces the original document, cell for cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tracker.services.context import Services
from tracker.services.dto import EventQuery

SEED_TEXT = Path(__file__).parents[2] / ".." / "shared" / "seeds" / "000_af82b9238a412501.txt"


def test_budget_table_matches_the_document(services: Services) -> None:
    table = services.budget.table(2018)
    assert [c.name_it for c in table.categories] == [
        "Spese di viaggio",
        "Spese di adesione a eventi, fiere…",
        "Spese di affitto spazi e allestimento",
        "Spese di interpretariato",
    ]
    assert [(c.country.code, c.position) for c in table.columns] == [("BE", 1), ("US", 2)]
    cells = {
        (col.country.code, code): fig.planned
        for col in table.columns
        for code, fig in col.cells.items()
    }
    assert cells == {
        ("BE", "travel"): Decimal("5000.00"),
        ("BE", "event_fees"): Decimal("0.00"),
        ("BE", "space_rental"): Decimal("0.00"),
        ("BE", "interpreting"): Decimal("0.00"),
        ("US", "travel"): Decimal("4000.00"),
        ("US", "event_fees"): Decimal("1000.00"),
        ("US", "space_rental"): Decimal("0.00"),
        ("US", "interpreting"): Decimal("0.00"),
    }
    assert [c.figures.planned for c in table.columns] == [Decimal("5000"), Decimal("5000")]
    assert table.figures.planned == Decimal("10000.00")
    assert table.row_totals["travel"].planned == Decimal("9000.00")


def test_caps_are_the_documents_rules(services: Services) -> None:
    overview = services.plans.overview(2018)
    assert overview.caps.basis == "europe"
    assert overview.caps.scope == "together"
    assert (overview.caps.inside, overview.caps.outside, overview.caps.total) == (
        Decimal("5000.00"),
        Decimal("10000.00"),
        Decimal("10000.00"),
    )
    table = services.budget.table(2018)
    assert not table.over_cap
    assert (
        table.column("BE").cap is not None and table.column("BE").cap.label == "European countries"
    )
    assert table.column("US").cap is not None and table.column("US").cap.group == "outside"


def test_countries_objectives_and_rationale(services: Services) -> None:
    overview = services.plans.overview(2018)
    be, us = overview.targets
    assert (be.code, be.label, be.country.eu_member, be.country.in_europe) == (
        "BE",
        "Paese 1",
        True,
        True,
    )
    assert (us.code, us.label, us.country.eu_member, us.country.in_europe) == (
        "US",
        "Paese 2",
        False,
        False,
    )
    assert be.rationale.startswith("Bruxelles, sede della Commissione Europea")
    assert "incontro tra cluster" in be.priority_note
    assert "ENRICH USA" in us.rationale and "Silicon Valley" in us.rationale
    assert [w.code for w in overview.watch] == ["JP", "CN", "IN", "SG"]
    assert len(overview.objectives) == 2
    assert "alleanze a livello europeo" in overview.objectives[0].text
    assert "COSME Go International" in overview.intro and "INNOSUP" in overview.intro
    assert "POR FESR" in overview.funding_note


def test_events_of_interest_in_document_order(services: Services) -> None:
    page = services.events.list(EventQuery(year=2018, limit=50))
    by_name = {row.name: row for row in page.rows}
    assert set(by_name) == {
        "MedTech Partnership Meeting",
        "IMI2 – Innovative Medicine Initiative Forum",
        "Cluster partnering event",
        "EUREGA",
        "Altri da identificare",
    }
    partnering = by_name["Cluster partnering event"]
    assert str(partnering.start_date) == "2018-10-25"
    placeholder = by_name["Altri da identificare"]
    assert placeholder.is_placeholder and placeholder.start_date is None
    # only the partnering event has a date in the document: nothing else is made up
    assert [r.name for r in page.rows if r.start_date] == ["Cluster partnering event"]
    assert page.rows[-1].is_placeholder  # placeholders close the list


def test_seed_quotes_the_original_text(services: Services) -> None:
    if not SEED_TEXT.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    original = SEED_TEXT.read_text(encoding="utf-8")
    overview = services.plans.overview(2018)
    for quoted in (
        overview.intro,
        overview.strategy_note,
        overview.funding_note,
        overview.targets[0].rationale,
        overview.targets[0].priority_note,
        overview.targets[1].rationale,
        *(o.text for o in overview.objectives),
    ):
        assert quoted in original


def test_seeding_twice_adds_nothing(services: Services) -> None:
    report = services.seeds.seed()
    assert report.plans_added == () and report.plans_skipped == (2018,)
    assert report.countries_added == 0 and report.categories_added == 0
    assert services.events.list(EventQuery(year=2018)).total == 5


def test_all_27_eu_states_are_flagged(services: Services) -> None:
    eu = {c.code for c in services.countries.list(eu=True)}
    assert len(eu) == 27
    non_eu_europe = {c.code for c in services.countries.list(europe=True, eu=False)}
    assert {"CH", "NO", "GB"} <= non_eu_europe
