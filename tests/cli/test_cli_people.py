"""`tracker people`: the person form with its checks, the list, show, timeline, delete."""

from __future__ import annotations

import pytest
from cli_invoker import Invoker

ANNA = (
    "people", "add", "Anna Rossi", "--org", "BioWin", "--email", "Anna@BioWin.be",
    "--role", "Project manager", "--phone", "010 88 00 00", "--languages", "IT; en",
    "--consent", "given", "--consent-source", "business card, MedTech 2018",
    "--consent-date", "25/10/2018",
)  # fmt: skip


def people_count(run: Invoker) -> int:
    total = run.json("people", "list")["total"]
    assert isinstance(total, int)
    return total


@pytest.fixture
def biowin(run: Invoker) -> Invoker:
    run("orgs", "add", "BioWin", "--kind", "cluster", "--country", "BE")
    return run


def test_add_the_issue_example(any_run: Invoker) -> None:
    any_run("orgs", "add", "BioWin", "--kind", "cluster", "--country", "BE")
    anna = any_run.json(*ANNA)
    assert {k: v for k, v in anna.items() if k not in ("created_at", "updated_at")} == {
        "id": 1,
        "name": "Anna Rossi",
        "organisation": {"id": 5, "name": "BioWin"},
        "role": "Project manager",
        "email": "Anna@biowin.be",  # the domain part is normalised
        "phone": "+3210880000",  # read as a Belgian number: BioWin is in BE
        "languages": "it, en",
        "notes": "",
        "staff": False,
        "consent": "given",
        "consent_source": "business card, MedTech 2018",
        "consent_date": "2018-10-25",
        "interactions": 0,
        "last_contact": None,
        "version": 1,
    }
    listed = any_run.json("people", "list", "--org", "BioWin")
    assert (listed["total"], [r["name"] for r in listed["rows"]]) == (1, ["Anna Rossi"])
    assert listed["rows"][0]["organisation"] == {"id": 5, "name": "BioWin"}


def test_bad_email_and_phone_are_clear_and_write_nothing(any_run: Invoker) -> None:
    bad = any_run.fails("people", "add", "Marco Bianchi", "--email", "marco@", "--phone", "12")
    assert bad.stderr.splitlines() == [
        "error: email: 'marco@' is not a valid email address: "
        "There must be something after the @-sign.",
        "error: phone: '12' is not a valid phone number in IT (add +country code if foreign)",
    ]
    assert bad.stdout == ""
    no_consent = any_run.fails("people", "add", "Marco", "--consent", "given")
    assert no_consent.stderr == (
        "error: consent_source: say where consent was given (e.g. 'form at MedTech 2018')\n"
    )
    assert people_count(any_run) == 0


def test_organisation_named_ambiguously_lists_candidates_and_writes_nothing(
    biowin: Invoker,
) -> None:
    run = biowin
    run("orgs", "add", "BioWin Partners", "--country", "FR")
    ambiguous = run.fails("people", "add", "Anna", "--org", "Bio", "--email", "x@")
    assert ambiguous.stderr.splitlines() == [
        "error: organisation: 'Bio' matches several organisations, name one by its id: "
        "#5 BioWin (BE); #6 BioWin Partners (FR)",
        "error: email: 'x@' is not a valid email address: There must be something after the "
        "@-sign.",
    ]
    unknown = run.fails("people", "add", "Anna", "--org", "Biowinn")
    assert unknown.stderr.startswith(
        "error: organisation: no organisation matches 'Biowinn'; did you mean: #5 BioWin (BE)"
    )
    assert people_count(run) == 0


def test_list_filters_and_formats(biowin: Invoker) -> None:
    run = biowin
    run(*ANNA)
    run("people", "add", "Marco Bianchi", "--staff", "--email", "marco@clust-er.example")
    run("people", "add", "Jean Dupont", "--org", "5")
    assert [r["name"] for r in run.json("people", "list")["rows"]] == [
        "Anna Rossi", "Jean Dupont", "Marco Bianchi",
    ]  # fmt: skip
    assert [r["name"] for r in run.json("people", "list", "--staff")["rows"]] == ["Marco Bianchi"]
    assert run.json("people", "list", "--no-staff")["total"] == 2
    assert [r["name"] for r in run.json("people", "list", "--consent", "given")["rows"]] == [
        "Anna Rossi"
    ]
    assert run.json("people", "list", "--search", "marco@")["rows"][0]["staff"] is True
    by_org = [r["name"] for r in run.json("people", "list", "--sort", "organisation")["rows"]]
    assert by_org[-1] == "Marco Bianchi"  # no organisation: last
    table = run("people", "list").stdout.splitlines()
    assert table[0].split() == ["id", "name", "organisation", "role", "email", "phone", "consent"]
    assert "Marco Bianchi (staff)" in table[4]
    csv = run("people", "list", "--org", "BioWin", "--format", "csv").stdout.splitlines()
    assert csv[0] == "id,name,organisation_id,organisation,role,email,phone,staff,consent"
    assert csv[1] == "1,Anna Rossi,5,BioWin,Project manager,Anna@biowin.be,+3210880000,0,given"
    assert run("people", "list", "--limit", "1", "--offset", "1").stdout.endswith(
        "\n2–2 of 3 (use --offset/--limit for more)\n"
    )


def test_show_edit_timeline_and_delete(any_run: Invoker) -> None:
    any_run("orgs", "add", "BioWin", "--country", "BE")
    any_run(*ANNA)
    any_run("log", "add", "--person", "Anna", "--event", "Cluster partnering", "--summary", "Hi")
    shown = any_run("people", "show", "anna rossi").stdout.splitlines()
    assert shown[:3] == ["#1 Anna Rossi", "  org:       #5 BioWin", "  role:      Project manager"]
    assert "  consent:   given (business card, MedTech 2018, 25/10/2018)" in shown
    assert "  #1 25/10/2018 meeting: Anna Rossi, BioWin — Hi" in shown
    data = any_run.json("people", "show", "1")
    assert [i["id"] for i in data["recent_interactions"]] == [1]

    moved = any_run.json("people", "edit", "Anna", "--org", "", "--phone", "051 123 4567")
    assert moved["organisation"] is None and moved["phone"] == "+390511234567"  # now read in IT
    assert moved["email"] == "Anna@biowin.be"  # untouched
    bad = any_run.fails("people", "edit", "Anna", "--org", "Nowhere", "--email", "no")
    assert bad.stderr.splitlines()[0] == (
        "error: organisation: no organisation matches 'Nowhere' (`tracker orgs add` creates one)"
    )
    assert bad.stderr.splitlines()[1].startswith("error: email: 'no' is not a valid email")
    assert any_run.json("people", "show", "Anna")["version"] == 2
    staff = any_run("people", "edit", "Anna", "--staff", "--org", "BioWin").stdout
    assert (
        staff
        == "updated #1 Anna Rossi, BioWin (Project manager · Anna@biowin.be · +390511234567)\n"
    )

    timeline = any_run.json("people", "timeline", "Anna")
    assert [(i["kind"], i["title"]) for i in timeline["items"]] == [
        ("event", "Cluster partnering event"),
        ("interaction", "Meeting: Hi"),
    ]
    assert any_run("people", "timeline", "Anna").stdout.splitlines()[:2] == [
        "Timeline of Anna Rossi (person #1)",
        "  25/10/2018        event      Cluster partnering event  (event #3)",
    ]

    assert (
        "Delete #1 'Anna Rossi' (named in 1 contact-log entry)?"
        in any_run.fails("people", "delete", "Anna", input="n\n").stderr
    )
    assert any_run.json("people", "delete", "Anna", "--yes") == {"deleted": 1, "name": "Anna Rossi"}
    assert people_count(any_run) == 0
    assert any_run.json("log", "list")["total"] == 1  # the entry stays
