"""Budget lines, event allocations and expenses, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.errors import ConflictError, NotFoundError, RuleViolation, ValidationError
from tracker.domain.event_rules import validate_event
from tracker.services.context import Services
from tracker.services.dto import EventQuery

D = Decimal


def event_id(services: Services, name: str) -> int:
    return services.events.find(name, 2018).id


def test_partnering_event_takes_1200_of_belgian_travel(services: Services) -> None:
    result = services.events.link(
        event_id(services, "Cluster partnering event"), "travel", D("1200")
    )
    assert result.warning is None
    assert result.allocation.amount == D("1200.00")
    assert (result.allocation.line.planned, result.allocation.line.allocated) == (
        D("5000"),
        D("1200"),
    )
    assert result.allocation.line.free == D("3800.00")
    cell = services.budget.table(2018).column("BE").cells["travel"]
    assert (cell.planned, cell.allocated, cell.free) == (D("5000"), D("1200"), D("3800"))


def test_linking_again_replaces_the_amount(services: Services) -> None:
    eid = event_id(services, "Cluster partnering event")
    services.events.link(eid, "travel", D("1200"))
    services.events.link(eid, "travel", D("900"))
    assert services.budget.table(2018).column("BE").cells["travel"].allocated == D("900")
    assert len(services.events.get(eid).allocations) == 1


def test_over_allocation_is_saved_with_a_clear_warning(services: Services) -> None:
    services.events.link(event_id(services, "MedTech"), "travel", D("3000"))
    result = services.events.link(event_id(services, "EUREGA"), "travel", D("2000.01"))
    assert result.warning is not None and "€0.01" in result.warning
    assert result.allocation.line.over_allocated


def test_placeholder_and_wrong_country_take_no_money(services: Services) -> None:
    with pytest.raises(RuleViolation, match="placeholder"):
        services.events.link(event_id(services, "Altri da identificare"), "travel", D("10"))
    with pytest.raises(RuleViolation, match="only use BE"):
        services.events.link(event_id(services, "EUREGA"), "travel", D("10"), country="US")
    with pytest.raises(NotFoundError, match="categories: travel"):
        services.events.link(event_id(services, "EUREGA"), "catering", D("10"))
    with pytest.raises(ValidationError):
        services.events.link(event_id(services, "EUREGA"), "travel", D("0"))
    with pytest.raises(ValidationError):
        services.events.link(event_id(services, "EUREGA"), "travel", D("1.001"))
    assert services.budget.table(2018).figures.allocated == 0


def test_unlink(services: Services) -> None:
    eid = event_id(services, "EUREGA")
    services.events.link(eid, "travel", D("100"))
    services.events.unlink(eid, "travel")
    assert services.events.get(eid).allocations == ()
    with pytest.raises(RuleViolation):
        services.events.unlink(eid, "travel")


def test_planned_amount_over_a_cap_is_flagged_not_refused(services: Services) -> None:
    at_cap = services.budget.set_planned(2018, "BE", "travel", D("5000.00"))
    assert at_cap.warnings == ()
    over = services.budget.set_planned(2018, "be", "travel", D("5000.01"))
    assert any("European countries" in w for w in over.warnings)
    assert any("whole plan" in w for w in over.warnings)
    table = services.budget.table(2018)
    assert table.column("BE").over_cap and table.total_cap.over and table.over_cap
    assert not table.column("US").over_cap


def test_lowering_a_line_below_its_allocations_warns(services: Services) -> None:
    services.events.link(event_id(services, "Cluster partnering event"), "travel", D("1200"))
    result = services.budget.set_planned(2018, "BE", "travel", D("1000"))
    assert result.warnings and "€200.00" in result.warnings[0]


def test_expenses_give_planned_versus_actual(services: Services) -> None:
    result = services.expenses.add(
        2018, "BE", "travel", D("350.50"), date(2018, 10, 25),
        description="Train Bologna–Bruxelles", event_ref="Cluster partnering event",
    )  # fmt: skip
    assert result.warning is None and result.line.remaining == D("4649.50")
    services.expenses.add(2018, "US", "event_fees", D("1000.01"), date(2018, 6, 1))
    table = services.budget.table(2018)
    assert table.column("BE").figures.actual == D("350.50")
    assert table.column("US").cells["event_fees"].overspent
    rows, total = services.expenses.list(2018)
    assert total == 2 and [r.event_name for r in rows] == [None, "Cluster partnering event"]
    with pytest.raises(RuleViolation, match="not an event of US"):
        services.expenses.add(2018, "US", "travel", D("1"), date(2018, 1, 1), event_ref="EUREGA")


def test_event_crud_and_filters(services: Services) -> None:
    data = validate_event(
        {"name": "MEDICA", "country": "DE", "kind": "fair", "start": "12 novembre 2018",
         "end": "15/11/2018", "city": "Düsseldorf"}
    )  # fmt: skip
    created = services.events.create(2018, data)
    assert created.start_date == date(2018, 11, 12) and created.country_code == "DE"
    page = services.events.list(EventQuery(year=2018, text="düss"))
    assert [r.name for r in page.rows] == ["MEDICA"]
    assert services.events.list(EventQuery(year=2018, country="be")).total == 5
    assert services.events.list(EventQuery(year=2018, statuses=("idea",))).total == 1
    names = [r.name for r in services.events.list(EventQuery(year=2018, sort="name")).rows]
    assert names[:2] == ["Cluster partnering event", "EUREGA"]
    assert names[-1] == "Altri da identificare"
    second = services.events.list(EventQuery(year=2018, sort="name", offset=2, limit=2))
    assert [r.name for r in second.rows] == names[2:4] and second.has_more

    updated = services.events.update(
        created.id, validate_event({"name": "MEDICA 2018", "country": "DE"}), created.version
    )
    assert updated.name == "MEDICA 2018" and updated.start_date is None
    with pytest.raises(ConflictError):
        services.events.update(created.id, data, expected_version=created.version)
    services.events.delete(created.id)
    with pytest.raises(NotFoundError):
        services.events.get(created.id)


def test_deleting_an_event_keeps_its_expenses_on_the_line(services: Services) -> None:
    eid = event_id(services, "EUREGA")
    services.events.link(eid, "travel", D("500"))
    services.expenses.add(2018, "BE", "travel", D("100"), date(2018, 5, 1), event_ref=str(eid))
    services.events.delete(eid)
    table = services.budget.table(2018)
    assert table.figures.allocated == 0 and table.figures.actual == D("100")
    rows, _ = services.expenses.list(2018)
    assert rows[0].event_id is None


def test_invalid_event_input_names_every_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_event({"name": "", "start": "31/02/2018", "country": "Belgio", "url": "ftp:x"})
    assert set(caught.value.errors) == {"name", "start", "country", "url"}
    with pytest.raises(ValidationError, match="before it starts"):
        validate_event({"name": "x", "start": "2018-10-25", "end": "2018-10-24"})
    with pytest.raises(ValidationError, match="no dates"):
        validate_event({"name": "x", "start": "2018-10-25", "placeholder": True})


def test_unknown_country_on_create_writes_nothing(services: Services) -> None:
    with pytest.raises(NotFoundError, match="unknown country"):
        services.events.create(2018, validate_event({"name": "Somewhere", "country": "QQ"}))
    assert services.events.list(EventQuery(year=2018)).total == 5
