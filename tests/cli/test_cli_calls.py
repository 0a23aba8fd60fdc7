"""`tracker calls` and `tracker consortia`: calls with deadlines, consortia and members."""

from __future__ import annotations

from cli_invoker import Invoker

CALL_KEYS = [
    "id", "programme", "name", "title", "identifier", "url", "opening", "budget",
    "notes", "status", "deadlines", "consortia", "version",
]  # fmt: skip


def test_calls_list_add_show_and_deadlines(any_run: Invoker) -> None:
    seeded = any_run.json("calls", "list")
    assert [r["title"] for r in seeded["rows"]] == ["COSME Go International", "INNOSUP"]
    assert (seeded["total"], seeded["offset"], seeded["limit"]) == (2, 0, 50)
    added = any_run.json(
        "calls", "add", "Cluster Go International 2019", "--programme", "COSME",
        "--budget", "1.000.000,00", "--opening", "1/12/2018", "--identifier", "COS-CLUSINT",
    )  # fmt: skip
    assert list(added) == CALL_KEYS
    assert (added["budget"], added["opening"], added["status"]) == (
        "1000000.00",
        "2018-12-01",
        "watching",
    )
    bad = any_run.fails("calls", "add", "X", "--programme", " ", "--budget", "lots")
    assert bad.stderr.splitlines()[0] == (
        "error: programme: name the programme (e.g. COSME, INNOSUP, Horizon Europe)"
    )
    assert bad.stderr.splitlines()[1].startswith("error: budget: ")
    assert any_run.json("calls", "list", "--programme", "cosme")["total"] == 2
    assert any_run.json("calls", "list", "--search", "cluster")["rows"][0]["id"] == added["id"]

    first = any_run("calls", "deadline-add", "Cluster Go", "2019-03-01", "--label", "full")
    assert first.stdout == "#3 COSME Cluster Go International 2019: deadlines 01/03/2019 (full)\n"
    both = any_run.json("calls", "deadline-add", "3", "20 Nov 2018")
    assert [(d["date"], d["label"]) for d in both["deadlines"]] == [
        ("2018-11-20", ""),
        ("2019-03-01", "full"),
    ]
    again = any_run.fails("calls", "deadline-add", "3", "2018-11-20")
    assert again.stderr == (
        "error: 'Cluster Go International 2019' already has a deadline on 20/11/2018\n"
    )
    shown = any_run("calls", "show", "COSME Cluster").stdout.splitlines()
    assert shown[0] == "#3 COSME Cluster Go International 2019"
    assert "  budget:    €1,000,000.00" in shown
    assert "    20/11/2018" in shown and "    01/03/2019  full" in shown
    left = any_run.json("calls", "deadline-remove", "3", "20/11/2018")
    assert [d["date"] for d in left["deadlines"]] == ["2019-03-01"]
    assert any_run.fails("calls", "deadline-remove", "3", "20/11/2018").stderr == (
        "error: 'Cluster Go International 2019' has no deadline on 20/11/2018\n"
    )
    assert "matches several calls" in any_run.fails("calls", "show", "COSME").stderr
    table = any_run("calls", "list").stdout.splitlines()
    assert table[0].split() == ["id", "call", "status", "opens", "next", "deadline", "budget",
                                "consortia"]  # fmt: skip
    assert "€1,000,000.00" in table[2]
    csv = any_run("calls", "list", "--status", "watching", "--format", "csv").stdout.splitlines()
    assert csv[0] == "id,programme,name,identifier,status,opening,next_deadline,budget"
    assert (
        csv[1]
        == "3,COSME,Cluster Go International 2019,COS-CLUSINT,watching,2018-12-01,,1000000.00"
    )


def test_consortia_members_and_status(any_run: Invoker) -> None:
    any_run("orgs", "add", "BioWin", "--country", "BE")
    added = any_run.json("consortia", "add", "--call", "COSME", "--name", "ISB–BioWin")
    assert (added["name"], added["status"], added["call"]) == (
        "ISB–BioWin",
        "exploring",
        {"id": 1, "name": "COSME Go International"},
    )
    led = any_run.json(
        "consortia", "member-add", "ISB", "--org", "Clust-ER", "--role", "coordinator"
    )
    assert led["members"] == [
        {"id": 4, "name": "Clust-ER ISB", "country": "IT", "role": "coordinator"}
    ]
    text = any_run("consortia", "member-add", "ISB–BioWin", "--org", "BioWin")
    assert text.stdout == "#1 ISB–BioWin: Clust-ER ISB (coordinator), BioWin\n"
    second = any_run.fails(
        "consortia", "member-add", "1", "--org", "ENRICH", "--role", "coordinator"
    )
    assert second.stderr == (
        "error: 'Clust-ER ISB' already coordinates 'ISB–BioWin': make it a partner first\n"
    )
    twice = any_run.fails("consortia", "member-add", "1", "--org", "BioWin")
    assert twice.stderr == "error: 'BioWin' is already in 'ISB–BioWin'\n"
    unknown = any_run.fails("consortia", "member-add", "1", "--org", "Biowinn")
    assert "did you mean: #5 BioWin (BE)" in unknown.stderr
    assert len(any_run.json("consortia", "show", "1")["members"]) == 2

    early = any_run.fails("consortia", "status", "ISB", "funded")
    assert early.stderr == (
        "error: 'ISB–BioWin' is exploring: only a submitted proposal can be funded\n"
    )
    assert any_run("consortia", "status", "ISB", "submitted").stdout == (
        "#1 ISB–BioWin: exploring → submitted\n"
    )
    assert any_run.json("consortia", "status", "ISB", "funded")["status"] == "funded"

    any_run(
        "consortia", "add", "--call", "INNOSUP", "--name", "Health twins", "--status", "forming"
    )
    listed = any_run.json("consortia", "list")
    assert [r["name"] for r in listed["rows"]] == ["Health twins", "ISB–BioWin"]
    assert [r["name"] for r in any_run.json("consortia", "list", "--org", "BioWin")["rows"]] == [
        "ISB–BioWin"
    ]
    assert any_run.json("consortia", "list", "--call", "INNOSUP")["total"] == 1
    assert any_run.json("consortia", "list", "--status", "forming")["total"] == 1
    table = any_run("consortia", "list").stdout.splitlines()
    assert table[0].split()[:5] == ["id", "consortium", "call", "status", "coordinator"]
    assert table[3].split()[:3] == ["1", "ISB–BioWin", "COSME"]
    shown = any_run("consortia", "show", "ISB").stdout.splitlines()
    assert shown[:3] == [
        "#1 ISB–BioWin",
        "  call:      #1 COSME Go International",
        "  status:    funded",
    ]
    assert "    #4 Clust-ER ISB (IT): coordinator" in shown

    removed = any_run.json("consortia", "member-remove", "ISB", "--org", "BioWin")
    assert [m["name"] for m in removed["members"]] == ["Clust-ER ISB"]
    assert any_run.fails("consortia", "member-remove", "ISB", "--org", "BioWin").stderr == (
        "error: 'BioWin' is not a member of 'ISB–BioWin'\n"
    )
    assert any_run.json("orgs", "show", "Clust-ER")["consortia"][0]["role"] == "coordinator"
