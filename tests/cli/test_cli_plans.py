"""`tracker plans`: creating a year, its targets, cost items and caps."""

from __future__ import annotations

from cli_invoker import Invoker


def test_list_and_show_the_seed_plan(run: Invoker) -> None:
    plans = run.json("plans", "list")
    assert plans == [
        {
            "year": 2018,
            "title": "Piano di promozione 2018",
            "targets": ["BE", "US"],
            "events": 5,
            "planned": "10000.00",
        }
    ]
    table = run("plans", "list").stdout
    assert "2018  Piano di promozione 2018  BE, US" in table and "€10,000.00" in table
    out = run("plans", "show", "--lang", "en").stdout
    assert "Promotion plan 2018 — EUR" in out
    assert "1. Build alliances at European level" in out
    assert "Country 1: Belgium (BE) — EU member, European" in out
    assert "Country 2: United States (US) — not in the EU, extra-European" in out
    assert "Silicon Valley" in out
    assert "Watch list: Japan (JP), China (CN), India (IN), Singapore (SG)" in out
    assert "scope all together" in out and "geography" in out
    assert "European countries (all together)         €5,000.00" in out
    italian = run("plans", "show", "--year", "2018", "--lang", "it").stdout
    assert "Paese 1: Belgio (BE)" in italian and "Spese di viaggio" in italian
    overview = run.json("plans", "show")
    assert overview["caps"] == {
        "basis": "europe",
        "scope": "together",
        "inside": "5000.00",
        "outside": "10000.00",
        "total": "10000.00",
    }
    assert [t["code"] for t in overview["targets"]] == ["BE", "US"]
    assert [(t["eu"], t["in_europe"]) for t in overview["targets"]] == [
        (True, True),
        (False, False),
    ]
    assert [w["code"] for w in overview["watch"]] == ["JP", "CN", "IN", "SG"]


def test_a_new_year_from_creation_to_caps(run: Invoker) -> None:
    created = run.json("plans", "create", "2019", "--title", "Piano 2019")
    assert created["title"] == "Piano 2019"
    assert [c["code"] for c in created["categories"]] == [
        "travel", "event_fees", "space_rental", "interpreting",
    ]  # fmt: skip
    assert created["caps"]["total"] == "10000.00"  # carried over from 2018
    assert run.fails("plans", "create", "2019").stderr == (
        "error: there is already a plan for 2019\n"
    )

    out = run("plans", "add-country", "--year", "2019", "ch", "--rationale", "Swiss medtech").stdout
    assert out == "added Switzerland (CH) to the targets as Paese 1 of 2019\n"
    run("plans", "add-country", "--year", "2019", "JP", "--watch")
    overview = run.json("plans", "show", "--year", "2019")
    assert [(t["code"], t["in_europe"], t["eu"]) for t in overview["targets"]] == [
        ("CH", True, False)
    ]
    assert overview["targets"][0]["rationale"] == "Swiss medtech"
    assert [w["code"] for w in overview["watch"]] == ["JP"]
    again = run.fails("plans", "add-country", "--year", "2019", "CH")
    assert "already on the 2019 plan" in again.stderr

    added = run.json(
        "plans", "add-category", "--year", "2019", "catering", "--name-it", "Spese di catering",
        "--name-en", "Catering",
    )  # fmt: skip
    assert added["categories"][-1] == {
        "code": "catering",
        "name_it": "Spese di catering",
        "name_en": "Catering",
    }
    budget = run.json("budget", "--year", "2019")
    assert budget["countries"][0]["lines"]["catering"] == "0.00"
    assert run("budget", "--year", "2019", "--format", "csv").stdout.splitlines()[0] == (
        "category,CH,total"
    )
    nameless = run.fails("plans", "add-category", "--year", "2019", "gifts")
    assert "error: name: 'gifts' is a new cost item: give it a name" in nameless.stderr
    run("plans", "remove-category", "--year", "2019", "interpreting")
    codes = [c["code"] for c in run.json("plans", "show", "--year", "2019")["categories"]]
    assert codes == ["travel", "event_fees", "space_rental", "catering"]
    assert "interpreting" not in run.json("budget", "--year", "2019")["countries"][0]["lines"]

    caps = run.json("plans", "caps", "--year", "2019", "--inside", "6.000,00", "--total", "none")
    assert caps == {
        "year": 2019,
        "basis": "europe",
        "scope": "together",
        "inside": "6000.00",
        "outside": "10000.00",  # not given: kept
        "total": None,
    }
    caps = run.json("plans", "caps", "--year", "2019", "--basis", "eu", "--scope", "per_country")
    assert (caps["basis"], caps["scope"], caps["inside"]) == ("eu", "per_country", "6000.00")
    budget = run.json("budget", "--year", "2019")
    assert budget["total_cap"] is None
    assert budget["countries"][0]["cap"] == "10000.00"  # CH is outside the EU
    shown = run("plans", "caps", "--year", "2019").stdout
    assert "EU countries (per country)" in shown and "no cap" in shown
    bad = run.fails("plans", "caps", "--year", "2019", "--outside", "lots")
    assert bad.stderr.startswith('error: "lots" is not an amount')

    run("plans", "remove-country", "--year", "2019", "CH")
    assert run.json("plans", "show", "--year", "2019")["targets"] == []
    assert "2019" in run("plans", "list").stdout


def test_remove_country_refused_while_money_is_on_it(run: Invoker) -> None:
    run("events", "link", "3", "--category", "travel", "--amount", "10")
    result = run.fails("plans", "remove-country", "--year", "2018", "BE")
    assert "BE has 1 event allocation(s) and 0 expense(s)" in result.stderr
