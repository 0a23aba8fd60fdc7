"""`tracker duplicates`: pairs that look entered twice, and merges that keep every link."""

from __future__ import annotations

from cli_invoker import Invoker


def test_people_pairs_and_merge_keeps_the_contact_log(any_run: Invoker) -> None:
    run = any_run
    run("orgs", "add", "BioWin", "--country", "BE")
    run("people", "add", "Anna Rossi", "--org", "BioWin", "--email", "anna@biowin.be")
    run("people", "add", "Anna Rosi", "--email", "anna@biowin.be", "--role", "PM")
    run("people", "add", "Marco Bianchi")
    run("log", "add", "--person", "Anna Rosi", "--date", "1/10/2018", "--summary", "first")
    run("log", "add", "--person", "Anna Rossi", "--person", "Anna Rosi", "--date", "2/10/2018")

    pairs = run.json("duplicates", "people")
    assert (pairs["total"], pairs["offset"], pairs["limit"]) == (1, 0, 50)
    pair = pairs["rows"][0]
    assert (pair["kind"], pair["a"]["id"], pair["b"]["id"], pair["score"]) == (
        "person",
        1,
        2,
        100.0,
    )
    assert pair["reasons"][0] == "same email"
    table = run("duplicates", "people").stdout.splitlines()
    assert table[2].split()[:4] == ["100", "#1", "Anna", "Rossi"]
    assert "merge-people KEEP DROP" in table[-1]

    refused = run.fails("duplicates", "merge-people", "Anna Rossi", "Anna Rosi", input="n\n")
    assert "Merge person #2 'Anna Rosi' into #1 'Anna Rossi'?" in refused.stderr
    assert run.json("people", "list")["total"] == 3

    merged = run.json("duplicates", "merge-people", "Anna Rossi", "Anna Rosi", "--yes")
    assert merged == {
        "kind": "person",
        "kept": {"id": 1, "name": "Anna Rossi"},
        "dropped": {"id": 2, "name": "Anna Rosi"},
        "moved": {"interactions": 1},
        "shared": {"interactions": 1},
        "filled": ["role"],
    }
    assert [r["name"] for r in run.json("people", "list")["rows"]] == [
        "Anna Rossi",
        "Marco Bianchi",
    ]
    log = run.json("log", "list", "--person", "Anna Rossi")
    assert [(e["summary"], e["people"]) for e in log["rows"]] == [
        ("", [{"id": 1, "name": "Anna Rossi"}]),
        ("first", [{"id": 1, "name": "Anna Rossi"}]),
    ]
    assert run.json("people", "show", "Anna Rossi")["role"] == "PM"
    assert run("duplicates", "people").stdout == "no likely duplicate people match\n"
    same = run.fails("duplicates", "merge-people", "1", "1", "--yes")
    assert same.stderr == "error: that is the same person twice: pick two different records\n"


def test_org_pairs_and_merge_keeps_people_memberships_tags_and_entries(any_run: Invoker) -> None:
    run = any_run
    run("orgs", "add", "BioWin", "--country", "BE", "--tag", "medtech")
    run("orgs", "add", "Biowin S.A.", "--city", "Wavre", "--tag", "pharma", "--tag", "medtech")
    run("people", "add", "Jean Dupont", "--org", "Biowin S.A.")
    run("log", "add", "--org", "Biowin S.A.", "--date", "1/10/2018", "--summary", "hello")
    run("consortia", "add", "--call", "COSME", "--name", "ISB–BioWin")
    run("consortia", "member-add", "ISB", "--org", "Biowin S.A.", "--role", "coordinator")

    pairs = run.json("duplicates", "orgs")
    assert [(p["a"]["name"], p["b"]["name"], p["reasons"]) for p in pairs["rows"]] == [
        ("BioWin", "Biowin S.A.", ["same name"])
    ]
    assert run.json("duplicates", "orgs", "--threshold", "50")["total"] >= 1

    text = run("duplicates", "merge-orgs", "BioWin", "Biowin S.A.", "--yes").stdout.splitlines()
    assert text == [
        "merged #6 Biowin S.A. into #5 BioWin: moved 1 interaction, 1 consortium, 1 tag, 1 person",
        "  both had 1 tag: kept once",
        "  filled from the dropped record: city",
    ]
    kept = run.json("orgs", "show", "BioWin")
    assert (kept["city"], kept["tags"]) == ("Wavre", ["medtech", "pharma"])
    assert [p["name"] for p in kept["people"]] == ["Jean Dupont"]
    assert [(m["name"], m["role"]) for m in kept["consortia"]] == [("ISB–BioWin", "coordinator")]
    assert [e["summary"] for e in kept["recent_interactions"]] == ["hello"]
    assert run.json("orgs", "list")["total"] == 5
    assert (
        "no organisation matches 'Biowin S.A.'" in run.fails("orgs", "show", "Biowin S.A.").stderr
    )
