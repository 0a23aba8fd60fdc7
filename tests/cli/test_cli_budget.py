"""`tracker budget`: the seed's table, its JSON/CSV contract, caps and changing a cell."""

from __future__ import annotations

from cli_invoker import Invoker

ZEROS = {"travel": "0.00", "event_fees": "0.00", "space_rental": "0.00", "interpreting": "0.00"}
CONTRACT_COUNTRY_KEYS = ("code", "name", "eu", "lines", "total", "cap", "over_cap")


def contract_part(budget: dict[str, object]) -> dict[str, object]:
    """Only the keys scripts rely on (more may be added, none renamed)."""
    countries = budget["countries"]
    assert isinstance(countries, list)
    return {
        "year": budget["year"],
        "currency": budget["currency"],
        "countries": [{k: c[k] for k in CONTRACT_COUNTRY_KEYS} for c in countries],
        "total": budget["total"],
        "total_cap": budget["total_cap"],
        "over_cap": budget["over_cap"],
    }


def test_budget_json_is_the_seed_plan(any_run: Invoker) -> None:
    budget = any_run.json("budget", "--year", "2018")
    assert contract_part(budget) == {
        "year": 2018,
        "currency": "EUR",
        "countries": [
            {
                "code": "BE",
                "name": "Belgium",
                "eu": True,
                "lines": {**ZEROS, "travel": "5000.00"},
                "total": "5000.00",
                "cap": "5000.00",
                "over_cap": False,
            },
            {
                "code": "US",
                "name": "United States",
                "eu": False,
                "lines": {**ZEROS, "travel": "4000.00", "event_fees": "1000.00"},
                "total": "5000.00",
                "cap": "10000.00",
                "over_cap": False,
            },
        ],
        "total": "10000.00",
        "total_cap": "10000.00",
        "over_cap": False,
    }
    # Extra keys: geography, the rule, and every cap check.
    assert [c["in_europe"] for c in budget["countries"]] == [True, False]
    assert (budget["cap_basis"], budget["cap_scope"]) == ("europe", "together")
    assert [(c["group"], c["cap"], c["total"], c["over_cap"]) for c in budget["caps"]] == [
        ("inside", "5000.00", "5000.00", False),
        ("outside", "10000.00", "5000.00", False),
        ("total", "10000.00", "10000.00", False),
    ]


def test_exactly_at_the_cap_is_allowed_a_cent_over_is_flagged(any_run: Invoker) -> None:
    at_cap = any_run(
        "budget", "set", "--year", "2018", "--country", "BE", "--category", "travel",
        "--amount", "5000.00",
    )  # fmt: skip
    assert at_cap.stderr == ""
    budget = any_run.json("budget", "--year", "2018")
    assert budget["countries"][0]["over_cap"] is False
    assert budget["over_cap"] is False

    over = any_run(
        "budget", "set", "--year", "2018", "--country", "BE", "--category", "travel",
        "--amount", "5.000,01",
    )  # fmt: skip
    assert over.exit_code == 0  # allowed while drafting...
    assert "planned €5,000.01" in over.stdout
    assert "warning: European countries (BE) plans €5,000.01" in over.stderr  # ...but flagged
    assert "whole plan" in over.stderr
    budget = any_run.json("budget", "--year", "2018")
    be, us = budget["countries"]
    assert (be["lines"]["travel"], be["total"], be["over_cap"]) == ("5000.01", "5000.01", True)
    assert us["over_cap"] is False
    assert (budget["total"], budget["over_cap"]) == ("10000.01", True)
    table = any_run("budget", "--year", "2018").stdout
    assert "European countries (all together): €5,000.01 of €5,000.00 — OVER by €0.01" in table
    assert "Whole plan: €10,000.01 of €10,000.00 — OVER by €0.01" in table


def test_budget_set_json_and_bad_amounts(run: Invoker) -> None:
    changed = run.json(
        "budget", "set", "--year", "2018", "--country", "us", "--category", "interpreting",
        "--amount", "1.500,50",
    )  # fmt: skip
    assert changed["country"] == "US"
    assert (changed["planned"], changed["free"]) == ("1500.50", "1500.50")
    assert changed["warnings"]  # the whole plan goes over 10.000
    ambiguous = run.fails(
        "budget", "set", "--year", "2018", "--country", "BE", "--category", "travel",
        "--amount", "1.200",
    )  # fmt: skip
    assert ambiguous.stderr.startswith('error: "1.200" is ambiguous')
    wrong_line = run.fails(
        "budget", "set", "--year", "2018", "--country", "JP", "--category", "travel",
        "--amount", "10",
    )  # fmt: skip
    assert "JP is not a target country of the 2018 plan (targets: BE, US)" in wrong_line.stderr
    assert run.json("budget")["total"] == "11500.50"


def test_budget_table_reads_like_the_plan(run: Invoker) -> None:
    out = run("--lang", "it", "budget", "--year", "2018").stdout
    names = [
        "Spese di viaggio",
        "Spese di adesione a eventi, fiere…",
        "Spese di affitto spazi e allestimento",
        "Spese di interpretariato",
    ]
    positions = [out.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Paese 1 · Belgio" in out and "Paese 2 · Stati Uniti" in out
    assert "5.000,00 €" in out and "10.000,00 €" in out
    total_row = next(line for line in out.splitlines() if line.startswith("Totale"))
    assert total_row.split() == ["Totale", "5.000,00", "€", "5.000,00", "€", "10.000,00", "€"]
    assert "paesi europei (nel complesso): 5.000,00 € su 5.000,00 € — ok" in out
    assert "paesi extra-europei (nel complesso): 5.000,00 € su 10.000,00 € — ok" in out
    english = run("budget", "--lang", "en").stdout
    assert "Event and fair fees" in english and "Country 2 · United States" in english


def test_budget_csv(run: Invoker) -> None:
    out = run("budget", "--year", "2018", "--format", "csv").stdout
    assert out.splitlines() == [
        "category,BE,US,total",
        "travel,5000.00,4000.00,9000.00",
        "event_fees,0.00,1000.00,1000.00",
        "space_rental,0.00,0.00,0.00",
        "interpreting,0.00,0.00,0.00",
        "total,5000.00,5000.00,10000.00",
    ]


def test_views_and_lines_follow_allocations_and_expenses(run: Invoker) -> None:
    run("events", "link", "Cluster partnering", "--category", "travel", "--amount", "1200")
    run(
        "expenses", "add", "--year", "2018", "--country", "BE", "--category", "travel",
        "--amount", "350,50", "--date", "25/10/2018", "--event", "3",
    )  # fmt: skip
    actual = run("budget", "--view", "actual", "--format", "csv").stdout.splitlines()
    assert actual[1] == "travel,350.50,0.00,350.50"
    assert actual[-1] == "total,350.50,0.00,350.50"
    free = run("budget", "--view", "free", "--format", "csv").stdout.splitlines()
    assert free[1] == "travel,3800.00,4000.00,7800.00"
    table = run("budget", "--view", "actual").stdout
    assert "€350.50" in table and "actual" in table
    lines = run.json("budget", "--lines")
    be_travel = next(x for x in lines if (x["country"], x["category"]) == ("BE", "travel"))
    assert be_travel == {
        "country": "BE",
        "category": "travel",
        "name_it": "Spese di viaggio",
        "name_en": "Travel",
        "planned": "5000.00",
        "allocated": "1200.00",
        "free": "3800.00",
        "actual": "350.50",
        "remaining": "4649.50",
    }
    text = run("budget", "--lines").stdout
    assert "€4,649.50" in text
    budget = run.json("budget")
    assert budget["countries"][0]["actual"]["travel"] == "350.50"
    assert budget["countries"][0]["allocated"]["travel"] == "1200.00"


def test_no_plan_for_the_year(run: Invoker) -> None:
    result = run.fails("budget", "--year", "1999")
    assert result.stderr == "error: there is no plan for 1999 (plans: 2018)\n"
