"""Plan years, their countries, cost items and caps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.errors import NotFoundError, RuleViolation, ValidationError
from tracker.services.context import Services

D = Decimal


def test_new_year_inherits_cost_items_and_caps(services: Services) -> None:
    overview = services.plans.create(2019)
    assert overview.year == 2019 and overview.targets == ()
    assert [c.code for c in overview.categories] == [
        "travel", "event_fees", "space_rental", "interpreting"
    ]  # fmt: skip
    assert overview.caps.inside == D("5000.00") and overview.caps.scope == "together"
    with pytest.raises(RuleViolation, match="already a plan"):
        services.plans.create(2019)
    assert [p.year for p in services.plans.list()] == [2018, 2019]


def test_adding_a_target_creates_its_budget_column(services: Services) -> None:
    services.plans.create(2019)
    services.plans.add_country(2019, "de", rationale="MEDICA, Düsseldorf")
    services.plans.add_country(2019, "JP", role="watch")
    overview = services.plans.add_country(2019, "CH")
    assert [(t.code, t.position) for t in overview.targets] == [("DE", 1), ("CH", 2)]
    assert [w.code for w in overview.watch] == ["JP"]
    services.budget.set_planned(2019, "CH", "travel", D("2500"))
    services.budget.set_planned(2019, "DE", "travel", D("2500.01"))
    table = services.budget.table(2019)
    # Switzerland is European: it shares the 5,000 European cap with Germany
    assert table.column("CH").cap is not None and table.column("CH").cap.countries == ("DE", "CH")
    assert table.column("CH").over_cap and table.column("DE").over_cap
    with pytest.raises(RuleViolation, match="already on the 2019 plan"):
        services.plans.add_country(2019, "DE")
    with pytest.raises(NotFoundError, match="unknown country"):
        services.plans.add_country(2019, "XX")


def test_targets_alone_are_the_overviews_targets(services: Services) -> None:
    services.plans.create(2019)
    for code in ("DE", "JP", "CH", "FR"):
        services.plans.add_country(2019, code, role="watch" if code == "JP" else "target")
    services.plans.remove_country(2019, "DE")
    for year in (2018, 2019):
        overview = services.plans.overview(year)
        assert services.plans.targets(year) == tuple(t.country for t in overview.targets)
    assert [c.code for c in services.plans.targets(2019)] == ["CH", "FR"]
    with pytest.raises(NotFoundError):
        services.plans.targets(2030)


def test_removing_a_country_renumbers_and_refuses_when_money_is_used(services: Services) -> None:
    services.plans.create(2019)
    for code in ("DE", "FR", "ES"):
        services.plans.add_country(2019, code)
    overview = services.plans.remove_country(2019, "DE")
    assert [(t.code, t.label) for t in overview.targets] == [("FR", "Paese 1"), ("ES", "Paese 2")]
    services.expenses.add(2019, "FR", "travel", D("10"), date(2019, 3, 1))
    with pytest.raises(RuleViolation, match="1 expense"):
        services.plans.remove_country(2019, "FR")


def test_cost_categories_added_and_removed(services: Services) -> None:
    with pytest.raises(ValidationError):
        services.plans.add_category(2018, "translation")
    overview = services.plans.add_category(
        2018, "translation", name_it="Traduzioni", name_en="Translation"
    )
    assert overview.categories[-1].code == "translation"
    services.budget.set_planned(2018, "US", "translation", D("300"))
    assert services.budget.table(2018).column("US").cells["translation"].planned == D("300")
    overview = services.plans.remove_category(2018, "space_rental")
    assert [c.code for c in overview.categories] == [
        "travel", "event_fees", "interpreting", "translation"
    ]  # fmt: skip
    assert "space_rental" not in services.budget.table(2018).column("BE").cells
    eid = services.events.find("EUREGA", 2018).id
    services.events.link(eid, "travel", D("1"))
    with pytest.raises(RuleViolation, match="1 event allocation"):
        services.plans.remove_category(2018, "travel")


def test_caps_are_data_of_the_plan(services: Services) -> None:
    services.plans.set_caps(2018, inside=D("4000"), outside=D("10000"), total=D("10000"))
    assert services.budget.table(2018).column("BE").over_cap
    services.plans.set_caps(2018, inside=None, outside=None, total=None)
    assert not services.budget.table(2018).over_cap
    services.plans.set_caps(
        2018, inside=D("5000"), outside=D("4000"), total=None, scope="per_country", basis="eu"
    )
    table = services.budget.table(2018)
    assert table.scope == "per_country" and table.column("US").over_cap
    with pytest.raises(ValidationError):
        services.plans.set_caps(2018, inside=D("-1"), outside=None, total=None, basis="moon")


def test_unknown_year_lists_the_known_ones(services: Services) -> None:
    with pytest.raises(NotFoundError, match=r"no plan for 2017 \(plans: 2018\)"):
        services.budget.table(2017)
