"""`tracker log` and `tracker followups`: names that must resolve, and what is due when."""

from __future__ import annotations

import pytest
from cli_invoker import Invoker

ENTRY_KEYS = [
    "id", "date", "time", "kind", "event", "summary", "follow_up", "due", "done_at",
    "follow_up_open", "organisations", "people", "version",
]  # fmt: skip


def entries(run: Invoker) -> int:
    total = run.json("log", "list")["total"]
    assert isinstance(total, int)
    return total


def people_and_orgs(run: Invoker) -> Invoker:
    run("orgs", "add", "BioWin", "--country", "BE")
    run("orgs", "add", "BioWin Partners", "--country", "FR")
    run("people", "add", "Anna Rossi", "--org", "BioWin", "--email", "anna@biowin.be")
    run("people", "add", "Anna Bianchi")
    return run


@pytest.fixture
def crm(any_run: Invoker) -> Invoker:
    return people_and_orgs(any_run)


def test_add_links_the_persons_organisation_and_takes_the_events_day(crm: Invoker) -> None:
    entry = crm.json(
        "log", "add", "--person", "Anna Rossi", "--event", "Cluster partnering",
        "--summary", "Interested in COSME", "--time", "15.30",
        "--follow-up", "send MoU", "--due", "2018-11-15",
    )  # fmt: skip
    assert list(entry) == ENTRY_KEYS
    assert {k: entry[k] for k in ("date", "time", "kind", "follow_up", "due")} == {
        "date": "2018-10-25",
        "time": "15:30",
        "kind": "meeting",
        "follow_up": "send MoU",
        "due": "2018-11-15",
    }
    assert entry["event"]["name"] == "Cluster partnering event"
    assert entry["people"] == [{"id": 1, "name": "Anna Rossi"}]
    assert entry["organisations"] == [{"id": 5, "name": "BioWin"}]
    text = crm("log", "add", "--org", "ENRICH USA", "--org", "#5", "--kind", "video call",
               "--date", "1 ottobre 2018", "--summary", "Intro")  # fmt: skip
    assert text.stdout == "logged #2 01/10/2018 video call: ENRICH USA, BioWin\n"


def test_unknown_or_ambiguous_names_list_candidates_and_write_nothing(crm: Invoker) -> None:
    failed = crm.fails(
        "log", "add", "--person", "Anna", "--person", "Ana Rosi", "--org", "Bio",
        "--event", "MedTech Meeting", "--date", "32/10/2018", "--summary", "x",
    )  # fmt: skip
    assert failed.stdout == ""
    assert failed.stderr.splitlines() == [
        "error: org: 'Bio' matches several organisations, name one by its id: "
        "#5 BioWin (BE); #6 BioWin Partners (FR)",
        "error: person: 'Anna' matches several people, name one by its id: "
        "#2 Anna Bianchi; #1 Anna Rossi (BioWin)",
        "error: person 2: no person matches 'Ana Rosi'; did you mean: "
        "#1 Anna Rossi (BioWin, anna@biowin.be)",
        "error: event: no event matches 'MedTech Meeting'; did you mean: "
        "#1 MedTech Partnership Meeting",
        'error: date: "32/10/2018" is not a real date: October 2018 has 31 days',
    ]
    assert entries(crm) == 0
    nobody = crm.fails("log", "add", "--summary", "who?", "--date", "01/10/2018")
    assert (
        nobody.stderr == "error: person: whom did you meet? give --person or --org (repeatable)\n"
    )
    lost = crm.fails("log", "add", "--org", "Nowhere Ltd", "--event", "Nowhere fair")
    assert lost.stderr.splitlines() == [  # no "date" error: the event might have given one
        "error: org: no organisation matches 'Nowhere Ltd' (`tracker orgs add` creates one)",
        "error: event: no event matches 'Nowhere fair'",
    ]
    undated = crm.fails("log", "add", "--org", "BioWin", "--event", "EUREGA")
    assert undated.stderr == "error: date: when did it happen? e.g. 25/10/2018\n"
    due_alone = crm.fails(
        "log", "add", "--org", "BioWin", "--date", "1/10/2018", "--due", "2/10/2018"
    )
    assert due_alone.stderr == "error: follow_up: a due date needs something to follow up\n"
    assert entries(crm) == 0


def test_list_filters_show_and_delete(run: Invoker) -> None:
    people_and_orgs(run)
    for day, who in ((1, "Anna Rossi"), (2, "Anna Bianchi"), (3, "Anna Rossi")):
        run("log", "add", "--person", who, "--date", f"0{day}/10/2018", "--summary", f"day {day}")
    run("log", "add", "--org", "ENRICH", "--event", "Cluster partnering", "--summary", "Boston")

    def days(*args: str) -> list[str]:
        return [row["date"] for row in run.json("log", "list", *args)["rows"]]

    assert days() == ["2018-10-25", "2018-10-03", "2018-10-02", "2018-10-01"]
    assert days("--person", "Anna Rossi") == ["2018-10-03", "2018-10-01"]
    assert days("--org", "BioWin") == ["2018-10-03", "2018-10-01"]
    assert days("--event", "partnering") == ["2018-10-25"]
    assert days("--from", "2/10/2018", "--to", "2018-10-03") == ["2018-10-03", "2018-10-02"]
    assert days("--search", "boston") == ["2018-10-25"]
    page = run.json("log", "list", "--limit", "1", "--offset", "1")
    assert (page["total"], page["offset"], page["limit"], len(page["rows"])) == (4, 1, 1, 1)
    assert run.fails("log", "list", "--from", "soon").stderr.startswith("error: from: ")
    assert run.fails("log", "list", "--person", "Anna").stderr.startswith(
        "error: 'Anna' matches several people"
    )
    table = run("log", "list").stdout.splitlines()
    assert table[0].split() == ["id", "when", "kind", "with", "event", "summary", "follow-up"]
    assert table[2].split()[:4] == ["4", "25/10/2018", "meeting", "ENRICH"]
    csv = run("log", "list", "--person", "Bianchi", "--format", "csv").stdout.splitlines()
    assert csv == [
        "id,date,time,kind,event_id,organisations,people,summary,follow_up,due,done",
        "2,2018-10-02,,meeting,,,Anna Bianchi,day 2,,,",
    ]

    assert run.json("log", "show", "#4")["organisations"] == [{"id": 1, "name": "ENRICH USA"}]
    shown = run("log", "show", "4").stdout.splitlines()
    assert shown[0] == "#4 25/10/2018 meeting at Cluster partnering event: ENRICH USA"
    assert run.fails("log", "show", "99").stderr == "error: there is no contact-log entry #99\n"
    assert run.fails("log", "show", "four").stderr == (
        "error: id: 'four' is not the number of a contact-log entry (e.g. 12 or #12)\n"
    )
    assert "Delete #4" in run.fails("log", "delete", "4", input="n\n").stderr
    assert entries(run) == 4
    assert run.json("log", "delete", "4", "--yes") == {"deleted": 4}
    assert run("log", "delete", "3", input="y\n").stdout.endswith(
        "deleted contact-log entry #3 of 03/10/2018\n"
    )
    assert entries(run) == 2


def add_follow_ups(run: Invoker) -> None:
    for when, what, due in (
        ("01/10/2018", "register for EUREGA", "10/10/2018"),
        ("05/10/2018", "send MoU", "15/11/2018"),
        ("02/10/2018", "share the plan", None),
        ("03/10/2018", "call back", "01/11/2018"),
        ("04/10/2018", "", None),  # nothing to follow up
    ):
        extra = ["--follow-up", what] if what else []
        extra += ["--due", due] if due else []
        run("log", "add", "--org", "BioWin", "--date", when, *extra)


def test_followups_by_due_date_with_overdue_marked(crm: Invoker) -> None:
    add_follow_ups(crm)
    page = crm.json("followups", "--today", "1/11/2018")
    assert (page["total"], page["today"]) == (4, "2018-11-01")
    assert [(r["id"], r["what"], r["due"], r["overdue"], r["days_left"]) for r in page["rows"]] == [
        (1, "register for EUREGA", "2018-10-10", True, -22),
        (4, "call back", "2018-11-01", False, 0),
        (2, "send MoU", "2018-11-15", False, 14),
        (3, "share the plan", None, False, None),
    ]
    overdue = crm.json("followups", "--overdue", "--today", "2018-11-01")
    assert [r["id"] for r in overdue["rows"]] == [1]
    table = crm("followups", "--today", "01/11/2018").stdout.splitlines()
    assert table[0].split() == ["id", "due", "when", "follow-up", "with", "logged"]
    assert table[2].split()[:5] == ["1", "10/10/2018", "!", "22", "days"]
    assert "due today" in table[3] and "in 14 days" in table[4] and "no due date" in table[5]
    assert "!" not in "".join(table[3:])
    assert table[-1] == "today is 01/11/2018; `tracker followups done ID` ticks one off"

    done = crm.json("followups", "done", "1")
    assert done["done_at"] is not None and done["follow_up_open"] is False
    assert crm("followups", "done", "#1").stdout == "done: #1 register for EUREGA\n"
    assert crm.json("followups", "--overdue", "--today", "1/11/2018")["total"] == 0
    assert crm("followups", "--overdue", "--today", "1/11/2018").stdout == (
        "no overdue follow-ups match\n"
    )
    assert crm("followups", "reopen", "1").stdout == (
        "open again: #1 register for EUREGA, due 10/10/2018\n"
    )
    assert crm.json("followups", "--today", "1/11/2018")["total"] == 4
    nothing = crm.fails("followups", "done", "5")
    assert nothing.stderr == "error: entry #5 has no follow-up to mark done\n"
    assert crm.fails("followups", "--today", "31/02/2018").stderr.startswith("error: today: ")
    csv = crm("followups", "--today", "1/11/2018", "--format", "csv").stdout.splitlines()
    assert csv[0] == "id,due,overdue,days_left,what,people,organisations,date"
    assert csv[1] == "1,2018-10-10,1,-22,register for EUREGA,,BioWin,2018-10-01"
