"""Which column fills which field: known headers, Google and Outlook names, --map."""

from __future__ import annotations

import pytest

from tracker.io.csv_mapping import (
    RecordMaker,
    missing_fields,
    override,
    parse_overrides,
    suggest,
)


def fields_of(kind: str, header: list[str]) -> list[str | None]:
    return [c.field for c in suggest(kind, header).columns]


def test_italian_and_english_headers_are_known_whatever_their_case_and_accents() -> None:
    assert fields_of("orgs", ["Ragione Sociale", "PAESE", "Città", "Sito web", "Settori"]) == [
        "name",
        "country",
        "city",
        "website",
        "tags",
    ]
    assert fields_of("events", ["Evento", "Data inizio", "Data fine", "Priorità"]) == [
        "name",
        "start",
        "end",
        "priority",
    ]


def test_google_contacts_headers() -> None:
    header = ["Name", "Given Name", "Family Name", "E-mail 1 - Value", "Phone 1 - Value",
              "Organization 1 - Name", "Organization 1 - Title", "E-mail 1 - Type"]  # fmt: skip
    assert fields_of("people", header) == [
        "name", "first_name", "last_name", "email", "phone", "organisation", "role", None,
    ]  # fmt: skip


def test_outlook_headers_and_its_title_is_not_the_job_title() -> None:
    header = ["Title", "First Name", "Last Name", "E-mail Address", "Business Phone",
              "Mobile Phone", "Company", "Job Title", "E-mail Display Name"]  # fmt: skip
    assert fields_of("people", header) == [
        None, "first_name", "last_name", "email", "phone", "phone", "organisation", "role", None,
    ]  # fmt: skip


def test_the_first_non_blank_of_several_columns_wins_and_names_are_composed() -> None:
    mapping = suggest("people", ["First Name", "Middle Name", "Last Name", "Business Phone",
                                 "Mobile Phone", "E-mail Address"])  # fmt: skip
    make = RecordMaker(mapping)
    assert make(["Marco", "Maria", "Bianchi", "", "347 765 4321", "m@example.it"]) == {
        "name": "Marco Maria Bianchi",
        "phone": "347 765 4321",
        "email": "m@example.it",
    }


def test_a_whole_name_column_wins_over_the_parts_unless_blank() -> None:
    make = RecordMaker(suggest("people", ["Name", "Given Name", "Family Name"]))
    assert make(["Anna Rossi", "Anna", "Rossi"]) == {"name": "Anna Rossi"}
    assert make(["", "Anna", "Rossi"]) == {"name": "Anna Rossi"}


def test_google_multi_values_keep_the_first_and_cells_are_cleaned() -> None:
    make = RecordMaker(suggest("people", ["Name", "E-mail 1 - Value", "Phone 1 - Value", "Notes"]))
    raw = make(["'=Anna\x00", "a@x.example ::: b@y.example", "+32 1 ::: +32 2", " note "])
    assert raw == {"name": "=Anna", "email": "a@x.example", "phone": "+32 1", "notes": "note"}


def test_italian_choice_words_become_the_stored_values() -> None:
    make = RecordMaker(suggest("orgs", ["Nome", "Tipologia"]))
    assert make(["Ospedale Maggiore", "Ospedale"]) == {
        "name": "Ospedale Maggiore",
        "kind": "hospital",
    }
    people = RecordMaker(suggest("people", ["Nome", "Consenso"]))
    assert people(["Anna", "Sì"])["consent"] == "given"


def test_overrides_map_unknown_columns_and_leave_others_out() -> None:
    chosen, problems = parse_overrides(
        ["Ente di riferimento=name", "Stato membro=country", "Note="]
    )
    assert problems == []
    mapping, problems = override(
        suggest("orgs", ["Ente di riferimento", "Stato membro", "Note"]), chosen
    )
    assert problems == []
    assert [(c.field, c.how) for c in mapping.columns] == [
        ("name", "--map"),
        ("country", "--map"),
        (None, "--map"),
    ]
    assert missing_fields(mapping) == []


def test_overrides_match_headers_folded_and_fields_written_loosely() -> None:
    chosen, _ = parse_overrides(["e-mail aziendale=E-Mail", "consent source=Consent Source"])
    mapping, problems = override(suggest("people", ["E-mail aziendale", "Consent source"]), chosen)
    assert problems == []
    assert [c.field for c in mapping.columns] == ["email", "consent_source"]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["nonsense"], "--map 'nonsense': write it as \"Column=field\""),
        (["Missing=name"], "--map: the file has no column 'Missing' (it has 'Nome', 'Paese')"),
        (["Nome=colour"], "--map: 'colour' is not a field of orgs: name, kind, country"),
    ],
)
def test_bad_overrides_are_problems(items: list[str], expected: str) -> None:
    chosen, problems = parse_overrides(items)
    _, more = override(suggest("orgs", ["Nome", "Paese"]), chosen)
    assert any(str(p).startswith(expected) for p in [*problems, *more])


def test_a_file_without_a_name_column_says_how_to_map_one() -> None:
    (found,) = missing_fields(suggest("people", ["Ente", "Telefono"]))
    assert "no column holds the name (or first and last name)" in found.message
    assert '--map "Column=name"' in found.message
    assert missing_fields(suggest("people", ["Cognome"])) == []
