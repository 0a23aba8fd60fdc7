"""`tracker plans clone FROM TO`."""

from __future__ import annotations

from cli_invoker import Invoker

from tracker.config import Settings
from tracker.services.context import Services


def _make_recurring(run: Invoker, name: str, rule: str) -> None:
    """No command sets a rule yet (the TUI and ICS import do): use the service."""
    env = {key: value for key, value in run.env.items() if value is not None}
    services = Services.open(Settings.load(run.db, env=env))
    try:
        services.recurrence.set_recurrence(services.events.find(name, 2018).id, rule)
    finally:
        services.close()


def test_clone_prints_what_it_did_and_the_budget_starts_at_zero(run: Invoker) -> None:
    _make_recurring(run, "Cluster partnering event", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH")
    out = run("plans", "clone", "2018", "2019").stdout
    assert out.startswith("created plan 2019 from 2018: Piano di promozione 2019\n")
    assert "targets: BE, US; watch list: JP, CN, IN, SG" in out
    assert "8 budget line(s) at zero: €0.00 planned" in out
    assert "5 event(s) carried over (1 with a date proposed by their rule)" in out
    assert "31/10/2019" in out and "date proposed by its rule" in out
    budget = run.json("budget", "--year", "2019")
    assert [c["code"] for c in budget["countries"]] == ["BE", "US"] and budget["total"] == "0.00"
    events = run.json("events", "list", "--year", "2019")
    assert {e["name"]: e["start"] for e in events}["Cluster partnering event"] == "2019-10-31"


def test_clone_copying_the_budget_in_json(any_run: Invoker) -> None:
    report = any_run.json("plans", "clone", "2018", "2019", "--budget", "copy")
    assert (report["from"], report["year"], report["budget"]) == (2018, 2019, "copy")
    assert report["planned"] == "10000.00" and report["cost_lines"] == 8
    assert report["categories"] == ["travel", "event_fees", "space_rental", "interpreting"]
    undated = [e for e in report["events"] if e["start"] is None]
    assert len(undated) == 5 and {e["how"] for e in undated} == {"open"}
    assert any_run.json("plans", "list")[1]["planned"] == "10000.00"


def test_clone_refusals_are_clear_and_write_nothing(run: Invoker) -> None:
    run("plans", "create", "2019")
    assert run.fails("plans", "clone", "2018", "2019").stderr == (
        "error: there is already a plan for 2019\n"
    )
    assert "no plan for 2010" in run.fails("plans", "clone", "2010", "2020").stderr
    assert "after 2018" in run.fails("plans", "clone", "2018", "2015").stderr
    bad = run.fails("plans", "clone", "2018", "2020", "--budget", "half", code=2)
    assert "half" in bad.stderr
    assert [p["year"] for p in run.json("plans", "list")] == [2018, 2019]
    assert "[default: zero]" in run("plans", "clone", "--help").stdout
