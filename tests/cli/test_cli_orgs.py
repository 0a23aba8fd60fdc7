"""`tracker orgs`: the list, the form, the board, tags, the timeline, and naming by name."""

from __future__ import annotations

from typing import Any

from cli_invoker import Invoker

SEEDED = ["Clust-ER ISB", "ENRICH USA", "European Commission", "Regione Emilia-Romagna"]
PAGE_KEYS = ["total", "offset", "limit", "rows"]
ROW_KEYS = ["id", "name", "kind", "stage", "country", "city", "tags", "people", "updated_at"]


def names(page: dict[str, Any]) -> list[str]:
    return [row["name"] for row in page["rows"]]


def org_count(run: Invoker) -> int:
    total = run.json("orgs", "list")["total"]
    assert isinstance(total, int)
    return total


def test_add_the_issue_example_and_list_it(any_run: Invoker) -> None:
    added = any_run.json("orgs", "add", "BioWin", "--kind", "cluster", "--country", "BE")
    assert {k: added[k] for k in ("name", "kind", "stage", "country", "country_name")} == {
        "name": "BioWin",
        "kind": "cluster",
        "stage": "prospect",
        "country": "BE",
        "country_name": "Belgium",
    }
    assert added["people"] == [] and added["tags"] == [] and added["last_contact"] is None
    page = any_run.json("orgs", "list")
    assert list(page) == PAGE_KEYS
    assert (page["total"], page["offset"], page["limit"]) == (5, 0, 50)
    assert names(page) == sorted(["BioWin", *SEEDED], key=str.lower)
    assert list(page["rows"][0]) == ROW_KEYS
    text = any_run("orgs", "add", "Biowin SA", "--country", "BE")
    assert text.stdout == "added #6 Biowin SA (BE), cluster, prospect\n"
    assert "warning: it looks like #5 BioWin (BE)" in text.stderr


def test_list_filters_sort_window_and_formats(run: Invoker) -> None:
    run("orgs", "add", "BioWin", "--country", "BE", "--tag", "MedTech", "--tag", "pharma")
    run("orgs", "add", "Medicon Valley Alliance", "--country", "DK", "--stage", "in talks")
    assert names(run.json("orgs", "list", "--country", "be")) == ["BioWin", "European Commission"]
    assert names(run.json("orgs", "list", "--kind", "public body")) == [
        "European Commission",
        "Regione Emilia-Romagna",
    ]
    assert names(run.json("orgs", "list", "--stage", "in_talks")) == ["Medicon Valley Alliance"]
    assert names(run.json("orgs", "list", "--tag", "medtech")) == ["BioWin"]
    assert names(run.json("orgs", "list", "--search", "val")) == ["Medicon Valley Alliance"]
    by_stage = names(run.json("orgs", "list", "--sort", "stage"))
    assert by_stage[0] == "BioWin" and by_stage[-1] == "Regione Emilia-Romagna"
    window = run.json("orgs", "list", "--limit", "2", "--offset", "1")
    assert (window["total"], window["offset"], window["limit"], len(window["rows"])) == (6, 1, 2, 2)
    table = run("orgs", "list", "--limit", "2").stdout
    assert table.splitlines()[0].split() == [
        "id", "organisation", "kind", "stage", "country", "city", "people", "tags",
    ]  # fmt: skip
    assert "1–2 of 6 (use --offset/--limit for more)" in table
    csv = run("orgs", "list", "--tag", "pharma", "--format", "csv").stdout.splitlines()
    assert csv == [
        "id,name,kind,stage,country,city,people,tags",
        '5,BioWin,cluster,prospect,BE,,0,"medtech, pharma"',
    ]
    assert run("orgs", "list", "--country", "JP").stdout == "no organisations match\n"
    assert run.fails("orgs", "list", "--limit", "501", code=2)


def test_show_has_people_recent_contacts_and_consortia(run: Invoker) -> None:
    run("orgs", "add", "BioWin", "--country", "BE", "--website", "www.biowin.org")
    run("people", "add", "Anna Rossi", "--org", "BioWin", "--role", "Project manager")
    run("log", "add", "--person", "Anna Rossi", "--event", "partnering", "--summary", "COSME?")
    run("consortia", "add", "--call", "COSME", "--name", "ISB–BioWin")
    run("consortia", "member-add", "ISB–BioWin", "--org", "BioWin")
    shown = run.json("orgs", "show", "BioWin")
    assert shown["website"] == "https://www.biowin.org"
    assert shown["people"] == [
        {"id": 1, "name": "Anna Rossi", "role": "Project manager", "email": "", "phone": ""}
    ]
    assert [(i["date"], i["summary"]) for i in shown["recent_interactions"]] == [
        ("2018-10-25", "COSME?")
    ]
    assert shown["consortia"][0]["name"] == "ISB–BioWin"
    assert shown["consortia"][0]["call"]["name"] == "COSME Go International"
    assert (shown["interactions"], shown["last_contact"]) == (1, "2018-10-25")
    text = run("orgs", "show", "5").stdout
    for line in (
        "#5 BioWin",
        "  where:     Belgium (BE)",
        "  contacts:  1 in the log, the latest on 25/10/2018",
        "People (1):",
        "  #1 Anna Rossi  Project manager",
        "  #1 25/10/2018 meeting: Anna Rossi, BioWin — COSME?",
        "  #1 ISB–BioWin (COSME Go International): partner, exploring",
    ):
        assert line in text.splitlines(), (line, text)


def test_edit_changes_only_what_is_given(any_run: Invoker) -> None:
    any_run("orgs", "add", "BioWin", "--country", "BE", "--city", "Wavre", "--tag", "medtech")
    edited = any_run.json("orgs", "edit", "BioWin", "--city", "", "--notes", "Walloon cluster")
    assert (edited["city"], edited["notes"], edited["country"]) == ("", "Walloon cluster", "BE")
    assert edited["tags"] == ["medtech"] and edited["version"] == 2
    renamed = any_run("orgs", "edit", "BioWin", "--name", "BioWin ASBL", "--stage", "contacted")
    assert renamed.stdout == "updated #5 BioWin ASBL (BE), cluster, contacted [medtech]\n"
    bad = any_run.fails("orgs", "edit", "BioWin", "--website", "not a site", "--country", "BEL")
    assert bad.stderr.splitlines() == [
        "error: country: 'BEL' is not a two-letter ISO country code (e.g. BE, US)",
        "error: website: 'not a site' is not a web address (it should start with https://)",
    ]
    assert "nothing to change" in any_run.fails("orgs", "edit", "BioWin", code=2).stderr
    assert any_run.json("orgs", "show", "BioWin")["version"] == 3


def test_names_that_are_ambiguous_or_unknown_list_the_candidates(run: Invoker) -> None:
    run("orgs", "add", "BioWin", "--country", "BE")
    run("orgs", "add", "BioWin Partners", "--country", "FR")
    assert run.json("orgs", "show", "biowin")["id"] == 5  # the whole name, case ignored
    ambiguous = run.fails("orgs", "show", "Bio").stderr
    assert ambiguous == (
        "error: 'Bio' matches several organisations, name one by its id: "
        "#5 BioWin (BE); #6 BioWin Partners (FR)\n"
    )
    unknown = run.fails("orgs", "move", "Biowinn", "partner").stderr
    assert unknown.startswith("error: no organisation matches 'Biowinn'; did you mean: #5 BioWin")
    nothing = run.fails("orgs", "show", "Zzyzx").stderr
    assert nothing == "error: no organisation matches 'Zzyzx' (`tracker orgs add` creates one)\n"
    assert run.fails("orgs", "show", "#99").stderr == "error: there is no organisation #99\n"


def test_move_board_and_timeline(any_run: Invoker) -> None:
    any_run("orgs", "add", "BioWin", "--country", "BE")
    moved = any_run.json("orgs", "move", "BioWin", "in talks")
    assert {k: moved[k] for k in ("name", "previous", "stage")} == {
        "name": "BioWin",
        "previous": "prospect",
        "stage": "in_talks",
    }
    assert any_run("orgs", "move", "BioWin", "In-Talks").stdout == "#5 BioWin is already in talks\n"
    assert (
        "'later' is not one of" in any_run.fails("orgs", "move", "BioWin", "later", code=2).stderr
    )
    board = any_run.json("orgs", "board")
    assert [(c["stage"], c["total"]) for c in board["columns"]] == [
        ("prospect", 1), ("contacted", 1), ("in_talks", 1), ("partner", 2), ("dormant", 0),
    ]  # fmt: skip
    assert board["total"] == 5
    assert [r["name"] for r in board["columns"][3]["rows"]] == SEEDED[::3]
    text = any_run("orgs", "board", "--limit", "1").stdout.splitlines()
    assert text[0].split("  ")[0] == "prospect (1)" and "partner (2)" in text[0]
    assert "+1 more" in text[3]
    assert any_run.json("orgs", "board", "--country", "IT")["total"] == 2

    any_run(
        "log", "add", "--org", "BioWin", "--date", "01/10/2018", "--kind", "call",
        "--summary", "First call", "--follow-up", "send deck", "--due", "15/10/2018",
    )  # fmt: skip
    timeline = any_run.json("orgs", "timeline", "BioWin")
    assert timeline["subject"] == {"id": 5, "name": "BioWin"}
    assert [(i["date"], i["kind"], i["title"]) for i in timeline["items"]] == [
        ("2018-10-01", "interaction", "Call: First call")
    ]
    shown = any_run("orgs", "timeline", "BioWin").stdout.splitlines()
    assert shown[0] == "Timeline of BioWin (organisation #5)"
    assert shown[1].split() == ["01/10/2018", "contact", "Call:", "First", "call", "(log", "#1)"]
    assert "follow-up (open, due 15/10/2018): send deck" in shown[2]


def test_tags_are_added_and_removed_and_bad_ones_write_nothing(any_run: Invoker) -> None:
    any_run("orgs", "add", "BioWin", "--tag", "medtech")
    tagged = any_run.json(
        "orgs", "tag", "BioWin", "--add", "Digital  Health", "--remove", "MedTech"
    )
    assert tagged["tags"] == ["digital health"]
    assert any_run("orgs", "tag", "BioWin").stdout == "#5 BioWin: digital health\n"
    missing = any_run.fails("orgs", "tag", "BioWin", "--add", "pharma", "--remove", "ageing")
    assert missing.stderr == "error: 'BioWin' has no tag ageing\n"
    both = any_run.fails("orgs", "tag", "BioWin", "--add", "x", "--remove", "X")
    assert both.stderr == "error: asked to add and remove x: pick one\n"
    too_long = any_run.fails("orgs", "tag", "BioWin", "--add", "x" * 81)
    assert too_long.stderr == "error: tags: keep each tag under 80 characters\n"
    assert any_run.json("orgs", "show", "BioWin")["tags"] == ["digital health"]
    # The organisation stays editable: no over-long tag slipped in.
    assert any_run.json("orgs", "edit", "BioWin", "--city", "Wavre")["city"] == "Wavre"


def test_delete_asks_first_and_keeps_the_people(any_run: Invoker) -> None:
    any_run("orgs", "add", "BioWin")
    any_run("people", "add", "Anna Rossi", "--org", "BioWin")
    refused = any_run.fails("orgs", "delete", "BioWin", input="n\n")
    assert "Delete #5 'BioWin' (1 person loses their organisation)?" in refused.stderr
    assert org_count(any_run) == 5
    assert any_run("orgs", "delete", "BioWin", input="y\n").stdout.endswith(
        "deleted organisation #5 BioWin\n"
    )
    assert org_count(any_run) == 4
    assert any_run.json("people", "show", "Anna Rossi")["organisation"] is None
    other = any_run.json("orgs", "add", "Other")["id"]
    assert any_run.json("orgs", "delete", "Other", "--yes") == {"deleted": other, "name": "Other"}
