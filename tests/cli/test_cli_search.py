"""`tracker search`: ranked hits of every kind, and input that must never break it."""

from __future__ import annotations

import json

import pytest
from cli_invoker import Invoker

HOSTILE = [
    "l'ufficio",
    "S.p.A.",
    "multi-agent",
    '"',
    "(",
    "AND",
    "NEAR(",
    "a OR b NOT c",
    "*",
    "'; DROP TABLE people; --",
    "%_\\",
    "title:x",
    "ä",
    "🙂",
    " ",
    "x" * 500,
]


@pytest.fixture
def crm(any_run: Invoker) -> Invoker:
    any_run("orgs", "add", "BioWin", "--country", "BE", "--city", "Wavre")
    any_run("people", "add", "Anna Rossi", "--org", "BioWin", "--role", "Project manager")
    any_run("orgs", "add", "L'Ufficio S.p.A.", "--country", "IT", "--kind", "company")
    any_run("log", "add", "--person", "Anna Rossi", "--date", "2/10/2018",
            "--summary", "BioWin wants a multi-agent pilot")  # fmt: skip
    return any_run


def test_hits_are_ranked_with_kind_title_and_subtitle(crm: Invoker) -> None:
    found = crm.json("search", "biowin")
    assert list(found) == ["query", "terms", "total", "total_by_kind", "limit", "hits"]
    assert (found["query"], found["terms"], found["limit"]) == ("biowin", ["biowin"], 20)
    hits = [(h["kind"], h["title"]) for h in found["hits"]]
    assert hits[0] == ("organisation", "BioWin")
    assert ("interaction", "BioWin wants a multi-agent pilot") in hits
    assert found["total_by_kind"]["organisation"] == 1
    person = crm.json("search", "anna", "--kind", "person")
    assert [(h["kind"], h["id"], h["title"], h["subtitle"]) for h in person["hits"]] == [
        ("person", 1, "Anna Rossi", "BioWin · Project manager")
    ]
    both = crm.json("search", "BioWin", "--kind", "organisation", "--kind", "interaction")
    assert {h["kind"] for h in both["hits"]} == {"organisation", "interaction"}
    assert len(crm.json("search", "biowin", "--limit", "1")["hits"]) == 1
    scores = [h["score"] for h in found["hits"]]
    assert scores == sorted(scores, reverse=True)

    table = crm("search", "Anna", "Rossi").stdout.splitlines()  # words need no quotes
    assert table[0].split() == ["kind", "id", "title", "details", "found", "in"]
    assert table[2].split()[:4] == ["person", "1", "Anna", "Rossi"]
    assert table[-1] == "1 found"
    assert crm("search", "zzzz").stdout == "nothing found for 'zzzz'\n"
    assert crm.fails("search", "x", "--kind", "plan", code=2)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_hostile_input_never_errors(crm: Invoker, fmt: str) -> None:
    for text in HOSTILE:
        result = crm("search", text, "--format", fmt)  # exit code 0, no traceback
        assert result.stderr == "", (text, result.stderr)
        if fmt == "json":
            data = json.loads(result.stdout)
            assert data["query"] == text and isinstance(data["hits"], list)
        elif fmt == "csv":
            assert result.stdout.startswith("kind,id,title,subtitle,snippet\n")
    ufficio = crm.json("search", "l'ufficio")
    assert [h["title"] for h in ufficio["hits"]] == ["L'Ufficio S.p.A."]
    agent = crm.json("search", "multi-agent", "--kind", "interaction")
    assert [h["id"] for h in agent["hits"]] == [1]
    assert crm("search", '"').stdout == "nothing to search for: type a word or the start of one\n"
