"""`tracker missions`: add with events, people and money at once; list, show, status."""

from __future__ import annotations

from cli_invoker import Invoker

BRUSSELS = (
    "missions", "add", "--year", "2018", "--country", "BE", "--title", "Brussels week",
    "--from", "2018-10-24", "--to", "2018-10-26", "--city", "Brussels",
)  # fmt: skip


def test_add_with_events_people_and_money_then_list_show_and_status(any_run: Invoker) -> None:
    any_run("people", "add", "Anna Rossi", "--staff")
    added = any_run.json(
        *BRUSSELS, "--event", "partnering", "--participant", "Anna", "--line", "travel=1.200,00",
        "--purpose", "Meet the Flemish clusters", "--status", "planned",
    )  # fmt: skip
    assert (added["title"], added["country"], added["start"], added["end"], added["days"]) == (
        "Brussels week",
        "BE",
        "2018-10-24",
        "2018-10-26",
        3,
    )
    assert (added["status"], added["next_statuses"]) == (
        "planned",
        ["booked", "draft", "cancelled"],
    )
    assert [e["name"] for e in added["events"]] == ["Cluster partnering event"]
    assert [(p["name"], p["staff"]) for p in added["participants"]] == [("Anna Rossi", True)]
    assert [(a["category"], a["amount"]) for a in added["lines"]] == [("travel", "1200.00")]
    assert added["lines"][0]["line"]["allocated"] == "1200.00"

    listed = any_run.json("missions", "list", "--year", "2018", "--country", "be")
    assert listed["total"] == 1
    assert listed["rows"][0] | {"id": 0} == {
        "id": 0, "year": 2018, "title": "Brussels week", "country": "BE", "city": "Brussels",
        "start": "2018-10-24", "end": "2018-10-26", "days": 3, "status": "planned",
        "participants": 1, "events": 1, "allocated": "1200.00",
    }  # fmt: skip
    table = any_run("missions", "list").stdout.splitlines()
    assert table[0].split() == ["id", "dates", "mission", "country", "city", "status", "people",
                                "events", "money"]  # fmt: skip
    assert "24/10/2018 → 26/10/2018  Brussels week" in table[2]
    assert table[2].endswith("€1,200.00")
    csv = any_run("missions", "list", "--format", "csv").stdout.splitlines()
    assert csv[1] == "1,2018,Brussels week,BE,Brussels,2018-10-24,2018-10-26,planned,1,1,1200.00"

    shown = any_run("missions", "show", "Brussels").stdout.splitlines()
    assert shown[0] == "#1 Brussels week  (plan 2018)"
    assert "  people:    Anna Rossi" in shown
    assert "  events:    #3 Cluster partnering event (25/10/2018)" in shown

    moved = any_run("missions", "status", "1", "booked")
    assert moved.stdout == "#1 Brussels week: planned → booked\n"
    wrong = any_run.fails("missions", "status", "Brussels", "draft")
    assert wrong.stderr == (
        "error: 'Brussels week' is booked: it can become done or planned or cancelled, not draft\n"
    )
    # The budget rolls the mission's money in with the events'.
    budget = any_run.json("budget", "--year", "2018")
    belgium = next(c for c in budget["countries"] if c["code"] == "BE")
    assert belgium["lines"]["travel"] == "5000.00"
    assert any_run.json("missions", "link", "1", "--line", "travel=1500")["allocated"] == "1500.00"
    over = any_run("missions", "link", "1", "--line", "travel=6000")
    assert over.stdout == "#1 Brussels week: travel €6,000.00\n"
    assert over.stderr == (
        "warning: missions now take €6,000.00 of BE travel, which plans €5,000.00: "
        "€1,000.00 over the line\n"
    )


def test_bad_names_and_lines_are_all_reported_and_nothing_is_written(any_run: Invoker) -> None:
    any_run("people", "add", "Anna Rossi", "--staff")
    any_run("people", "add", "Anna Bianchi", "--staff")
    bad = any_run.fails(
        *BRUSSELS, "--event", "nope", "--participant", "Anna", "--participant", "Zed",
        "--line", "travel", "--line", "travel=lots",
    )  # fmt: skip
    lines = bad.stderr.splitlines()
    assert lines[0] == "error: event: no event matches 'nope'"
    assert lines[1].startswith("error: participant: 'Anna' matches several")
    assert "#1 Anna Rossi" in lines[1] and "#2 Anna Bianchi" in lines[1]
    assert lines[2].startswith("error: participant 2: no person matches 'Zed'")
    assert lines[3] == "error: line: 'travel': write a cost item and an amount, e.g. travel=1200"
    assert lines[4].startswith("error: line 2: 'travel=lots': ")
    # A category the plan does not have fails inside the one transaction: no mission.
    unknown = any_run.fails(*BRUSSELS, "--line", "hotel=300")
    assert "'hotel' is not a cost category of the 2018 plan" in unknown.stderr
    # Booking needs someone to travel: refused, and again nothing is left behind.
    alone = any_run.fails(*BRUSSELS, "--status", "booked")
    assert alone.stderr == (
        "error: 'Brussels week' has nobody travelling: add participants before booking\n"
    )
    dates = any_run.fails(*BRUSSELS[:-4], "--to", "2018-10-20")
    assert dates.stderr.startswith("error: end: the mission cannot end (20/10/2018) before")
    assert any_run.json("missions", "list")["total"] == 0
    assert "no mission matches 'Tokyo'" in any_run.fails("missions", "show", "Tokyo").stderr


def test_a_participant_not_on_staff_is_a_warning_and_delete_asks(any_run: Invoker) -> None:
    any_run("people", "add", "Marco Verdi")
    added = any_run(*BRUSSELS, "--participant", "Marco")
    assert added.stdout.startswith("added mission #1 Brussels week (BE, 24/10/2018 → 26/10/2018")
    assert "warning: Marco Verdi is not on our cluster's staff" in added.stderr
    kept = any_run.fails("missions", "delete", "1", input="n\n")
    assert "Delete mission #1 'Brussels week'?" in kept.stderr
    assert any_run.json("missions", "delete", "1", "--yes") == {
        "deleted": 1,
        "title": "Brussels week",
    }
    assert any_run.json("missions", "list")["total"] == 0


def test_edit_changes_fields_events_and_people_at_once(any_run: Invoker) -> None:
    any_run("people", "add", "Anna Rossi", "--staff")
    any_run("people", "add", "Marco Verdi", "--staff")
    any_run(*BRUSSELS, "--event", "partnering", "--participant", "Anna")
    edited = any_run.json(
        "missions", "edit", "Brussels", "--to", "27/10/2018", "--purpose", "Clusters",
        "--add-event", "EUREGA", "--remove-event", "partnering", "--add-participant", "Marco",
    )  # fmt: skip
    assert (edited["end"], edited["purpose"]) == ("2018-10-27", "Clusters")
    assert [e["name"] for e in edited["events"]] == ["EUREGA"]
    assert [p["name"] for p in edited["participants"]] == ["Anna Rossi", "Marco Verdi"]
    bad = any_run.fails("missions", "edit", "1", "--title", "X", "--remove-event", "MedTech")
    assert bad.stderr == "error: remove event: #1 is not on this mission\n"
    assert any_run.json("missions", "show", "1")["title"] == "Brussels week"
    text = any_run("missions", "edit", "1", "--remove-participant", "Anna").stdout
    assert text == "saved mission #1 Brussels week\n"


def test_an_event_named_loosely_gets_suggestions(any_run: Invoker) -> None:
    bad = any_run.fails(*BRUSSELS, "--event", "cluster event")
    assert bad.stderr == (
        "error: event: no event matches 'cluster event'; did you mean: "
        "#3 Cluster partnering event\n"
    )
