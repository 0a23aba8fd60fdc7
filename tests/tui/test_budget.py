"""Money: linking events to cost lines, the budget table, its caps, expenses, plan years."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.pilot import Pilot
from textual.widgets import Input

from tracker.config import Settings
from tracker.tui.modals.amount import AmountForm
from tracker.tui.modals.expense import ExpenseForm
from tracker.tui.modals.line_detail import LineDetail
from tracker.tui.modals.link import LinkModal
from tracker.tui.screens.budget import BudgetScreen
from tracker.tui.widgets.budget_grid import BudgetGrid
from tracker.tui.widgets.field import Field

from .helpers import notice_text, press, running, screen_text, table_rows, tracker, type_text


def grid_rows(pilot: Pilot[None]) -> list[list[str]]:
    return table_rows(pilot.app.screen.query_one(BudgetGrid))


async def test_the_budget_is_the_seed_table(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "b")
        assert isinstance(pilot.app.screen, BudgetScreen)
        grid = pilot.app.screen.query_one(BudgetGrid)
        headings = [str(c.label) for c in grid.columns.values()]
        assert headings == [
            "Cost item",
            "Country 1 — Belgium",
            "Country 2 — United States",
            "Total",
        ]
        assert grid_rows(pilot) == [
            ["Travel", "€5,000.00", "€4,000.00", "€9,000.00"],
            ["Event and fair fees", "—", "€1,000.00", "€1,000.00"],
            ["Space rental and setup", "—", "—", "—"],
            ["Interpreting", "—", "—", "—"],
            ["Total", "€5,000.00", "€5,000.00", "€10,000.00"],
        ]
        shown = screen_text(pilot)
        assert "European countries, all together: €5,000.00 of €5,000.00" in shown
        assert "extra-European countries, all together: €5,000.00 of €10,000.00" in shown
        assert "Whole plan: €10,000.00 of €10,000.00" in shown
        assert "⚠ paesi" not in shown  # no cap is over (⚠ stays in the legend only)
        assert not any("⚠" in cell for row in grid_rows(pilot) for cell in row)


async def test_linking_an_event_shows_in_the_free_view(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "l")  # the cursor starts on the 25 October event
        assert isinstance(pilot.app.screen, LinkModal)
        shown = screen_text(pilot)
        assert "Link “Cluster partnering event” to a cost line of Belgium (BE)" in shown
        assert "This line: planned €5,000.00 · allocated €0.00 · free €5,000.00" in shown
        await type_text(pilot, "1200")
        assert "After this link: allocated €1,200.00 · free €3,800.00" in screen_text(pilot)
        await press(pilot, "enter")
        assert "€1,200.00 of BE Travel earmarked" in notice_text(pilot)
        assert "€1,200.00" in screen_text(pilot)  # the event's Allocated column

        await press(pilot, "b", "v", "v")  # planned → allocated → free
        shown = screen_text(pilot)
        assert "showing free (planned − allocated)" in shown
        assert grid_rows(pilot)[0] == ["Travel", "€3,800.00", "€4,000.00", "€7,800.00"]
        await press(pilot, "a")  # the line's allocations
        assert isinstance(pilot.app.screen, LineDetail)
        shown = screen_text(pilot)
        assert "Cluster partnering event" in shown and "€1,200.00" in shown

    allocations = tracker(pilot).svc.events.allocations(2018, "BE")
    assert [(a.event_name, a.category_code, a.amount) for a in allocations] == [
        ("Cluster partnering event", "travel", Decimal("1200.00"))
    ]


async def test_linking_more_than_the_line_plans_warns(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "l")
        await type_text(pilot, "5.200,00")
        assert "⚠ this goes €200.00 over the line" in screen_text(pilot)
        await press(pilot, "ctrl+s")
        assert "Over the line" in notice_text(pilot)
        await press(pilot, "b", "v")
        assert grid_rows(pilot)[0][1] == "€5,200.00 ▲"


async def test_editing_a_cell_over_the_cap_is_flagged(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "b", "enter")  # the cursor starts on Belgium's travel
        form = pilot.app.screen
        assert isinstance(form, AmountForm)
        assert form.query_one("#amount", Input).value == "5.000,00"
        await press(pilot, "end", "ctrl+u")
        await type_text(pilot, "1.200")
        await press(pilot, "enter")
        field = form.query_one("#field-amount", Field)
        assert "is ambiguous" in field.error  # nothing saved: 1200 or 1.2?
        await press(pilot, "ctrl+u")
        await type_text(pilot, "abc")
        await press(pilot, "enter")
        assert "is not an amount" in field.error
        await press(pilot, "ctrl+u")
        await type_text(pilot, "5000,01")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, BudgetScreen)
        rows = grid_rows(pilot)
        assert rows[0][1] == "€5,000.01"
        assert rows[-1][1] == "€5,000.01 ⚠"  # Belgium's total is over the European cap
        assert rows[-1][-1] == "€10,000.01 ⚠"  # and the plan over the whole cap
        headings = [str(c.label) for c in pilot.app.screen.query_one(BudgetGrid).columns.values()]
        assert headings[1] == "Country 1 — Belgium ⚠"
        shown = screen_text(pilot)
        assert "⚠ European countries, all together: €5,000.01 of €5,000.00" in shown
        assert "over by €0.01" in shown
        notes = notice_text(pilot)
        assert "European countries (BE) plans €5,000.01, over the cap of €5,000.00" in notes
    table = tracker(pilot).svc.budget.table(2018)
    assert table.column("BE").cells["travel"].planned == Decimal("5000.01")
    assert [c.over for c in table.caps] == [True, False, True]


async def test_an_expense_is_recorded_on_the_selected_line(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "b", "x")
        form = pilot.app.screen
        assert isinstance(form, ExpenseForm)
        assert "Add an expense to Travel — Belgium" in screen_text(pilot)
        assert form.query_one("#spent_on", Input).value == "01/10/2018"  # today
        await type_text(pilot, "350,50")
        form.query_one("#description", Input).focus()
        await type_text(pilot, "Volo Bologna-Bruxelles")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, BudgetScreen)
        assert "spent €350.50 of €5,000.00" in notice_text(pilot)
        await press(pilot, "v", "v", "v")  # the actual view
        assert grid_rows(pilot)[0][1] == "€350.50"
        await press(pilot, "a")
        assert "Volo Bologna-Bruxelles" in screen_text(pilot)
    expenses, total = tracker(pilot).svc.expenses.list(2018, "BE", category="travel")
    assert total == 1
    assert (expenses[0].amount, expenses[0].spent_on) == (Decimal("350.50"), date(2018, 10, 1))


async def test_a_new_plan_year_from_plan_admin(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "b", "p")
        assert "New plan year…" in screen_text(pilot)
        await press(pilot, "enter")  # the first action
        year = pilot.app.screen.query_one("#year", Input)
        assert year.value == "2019"
        await press(pilot, "enter")
        app = tracker(pilot)
        assert app.year == 2019
        assert app.sub_title == "Plan 2019"
        assert isinstance(app.screen, BudgetScreen)
        assert "Budget 2019" in screen_text(pilot)
        assert [row[0] for row in grid_rows(pilot)] == [
            "Travel",
            "Event and fair fees",
            "Space rental and setup",
            "Interpreting",
            "Total",
        ]
        await press(pilot, "p", "down", "enter")  # add a country
        await type_text(pilot, "de")
        await press(pilot, "enter")
        assert "Germany added to the 2019 plan (Country 1)" in notice_text(pilot)
        assert "Country 1 — Germany" in [
            str(c.label) for c in app.screen.query_one(BudgetGrid).columns.values()
        ]
        await press(pilot, "d")
        assert "2019 · Piano di promozione 2019" in screen_text(pilot)
    assert [p.year for p in app.svc.plans.list()] == [2018, 2019]
    assert app.svc.plans.overview(2019).caps.inside == Decimal("5000.00")


async def test_y_switches_the_plan_year(settings: Settings) -> None:
    async with running(settings) as pilot:
        tracker(pilot).svc.plans.create(2019)
        await press(pilot, "y")
        shown = screen_text(pilot)
        assert "2019  Piano di promozione 2019" in shown
        assert "● 2018  Piano di promozione 2018" in shown
        await press(pilot, "up", "enter")
        assert tracker(pilot).year == 2019
        assert "2019 · Piano di promozione 2019" in screen_text(pilot)
        await press(pilot, "e")
        assert "0 events" in screen_text(pilot)
