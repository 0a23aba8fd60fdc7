"""Cloning a plan year into the next (both backends)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.errors import NotFoundError, RuleViolation, ValidationError
from tracker.services.context import Services
from tracker.services.dto import EventQuery

D = Decimal
LAST_THURSDAY_OF_OCTOBER = "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH"


def _id(services: Services, name: str) -> int:
    return services.events.find(name, 2018).id


def _prepare_2018(services: Services) -> None:
    """A recurring event, a closed one, an open dated one, money earmarked and spent."""
    partnering = _id(services, "Cluster partnering event")
    services.recurrence.set_recurrence(partnering, LAST_THURSDAY_OF_OCTOBER)
    services.events.link(partnering, "travel", D("1200"))
    services.expenses.add(2018, "BE", "travel", D("350.50"), date(2018, 10, 25))
    services.events.set_status(_id(services, "EUREGA"), "attended")


def test_clone_copies_the_structure_and_starts_the_budget_at_zero(services: Services) -> None:
    _prepare_2018(services)
    before = services.plans.overview(2018)
    report = services.plan_clone.clone(2018, 2019)
    after = services.plans.overview(2019)
    assert report.budget == "zero" and report.title == "Piano di promozione 2019"
    assert after.title_en == "Promotion plan 2019"
    assert [(t.code, t.position, t.rationale) for t in after.targets] == [
        (t.code, t.position, t.rationale) for t in before.targets
    ]
    assert [w.code for w in after.watch] == [w.code for w in before.watch] == list(report.watch)
    assert [c.code for c in after.categories] == [c.code for c in before.categories]
    assert after.caps == before.caps and after.objectives == before.objectives
    assert after.intro == before.intro and after.funding_note == before.funding_note
    assert report.cost_lines == 8 and report.planned == D("0.00")
    table = services.budget.table(2019)
    assert table.figures.planned == D("0.00") and table.figures.allocated == D("0.00")
    assert table.figures.actual == D("0.00")  # the expense stays in 2018
    assert services.budget.table(2018).figures.planned == D("10000.00")  # untouched


def test_clone_with_the_budget_copied(services: Services) -> None:
    report = services.plan_clone.clone(2018, 2019, budget="copy")
    assert report.planned == D("10000.00")
    old, new = services.budget.table(2018), services.budget.table(2019)
    for code in ("BE", "US"):
        assert {k: c.planned for k, c in new.column(code).cells.items()} == {
            k: c.planned for k, c in old.column(code).cells.items()
        }


def test_recurring_events_get_their_next_date_and_closed_ones_stay(services: Services) -> None:
    _prepare_2018(services)
    report = services.plan_clone.clone(2018, 2019)
    by_name = {e.name: e for e in report.events}
    assert "EUREGA" not in by_name and report.left_behind == 1  # attended, not recurring
    partnering = by_name["Cluster partnering event"]
    assert (partnering.status, partnering.start_date, partnering.how) == (
        "candidate",
        date(2019, 10, 31),
        "recurring",
    )
    assert report.proposed == 1
    placeholder = by_name["Altri da identificare"]
    assert (placeholder.status, placeholder.start_date, placeholder.how) == ("idea", None, "open")
    # the proposal is the one propose_next_year makes
    (proposal,) = services.recurrence.propose_next_year(2018)
    assert proposal.proposed_start == partnering.start_date
    rows = services.events.list(EventQuery(year=2019)).rows
    assert sorted(r.name for r in rows) == sorted(by_name)
    assert all(r.allocated == D("0.00") for r in rows)
    assert services.recurrence.get(partnering.event_id).rule == LAST_THURSDAY_OF_OCTOBER


def test_open_events_without_a_rule_never_get_an_invented_date(services: Services) -> None:
    report = services.plan_clone.clone(2018, 2019)
    partnering = next(e for e in report.events if e.name == "Cluster partnering event")
    assert (partnering.start_date, partnering.end_date, partnering.how) == (None, None, "open")
    assert "25/10/2018" in partnering.note
    assert "25/10/2018" in services.events.get(partnering.event_id).notes
    assert report.proposed == 0


def test_a_rule_that_skips_the_new_year_leaves_an_undated_idea(services: Services) -> None:
    partnering = _id(services, "Cluster partnering event")
    services.recurrence.set_recurrence(partnering, "FREQ=YEARLY;INTERVAL=2;BYMONTH=10;BYDAY=-1TH")
    report = services.plan_clone.clone(2018, 2019)
    cloned = next(e for e in report.events if e.name == "Cluster partnering event")
    assert (cloned.status, cloned.start_date, cloned.how) == ("idea", None, "recurring-undated")
    assert "no date in 2019" in cloned.note


def test_clone_refuses_and_writes_nothing(services: Services) -> None:
    services.plans.create(2019)
    with pytest.raises(RuleViolation, match="already a plan for 2019"):
        services.plan_clone.clone(2018, 2019)
    assert services.plans.overview(2019).targets == ()
    with pytest.raises(NotFoundError, match="no plan for 2016"):
        services.plan_clone.clone(2016, 2020)
    with pytest.raises(ValidationError, match="after 2018"):
        services.plan_clone.clone(2018, 2017)
    with pytest.raises(ValidationError, match="zero"):
        services.plan_clone.clone(2018, 2020, budget="half")
    assert [p.year for p in services.plans.list()] == [2018, 2019]
