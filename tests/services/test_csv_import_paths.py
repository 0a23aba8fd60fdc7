"""The import's fast paths give exactly what the plain rules give (SQLite and PostgreSQL)."""

from __future__ import annotations

import gc
from dataclasses import asdict
from pathlib import Path

import pytest

from tracker.domain.contact_rules import validate_person
from tracker.domain.errors import ValidationError
from tracker.services import _csv_import, _csv_people
from tracker.services._csv_checks import person_fields
from tracker.services.context import Services

PEOPLE = [
    {"name": "Anna Rossi"},
    {"name": "  Anna\t Rossi ", "role": " Project  manager ", "notes": " met at MEDICA \n"},
    {"name": "", "role": "CEO"},
    {"role": "CEO"},
    {"name": "x" * 200, "role": "r" * 200},
    {"name": "x" * 201},
    {"name": "Anna", "role": "r" * 201},
    {"name": "Anna\x00 Rossi\x07", "notes": "a\x01b"},
    {"name": "Anna", "consent": "given"},
    {"name": "Anna", "consent": "given", "consent_source": "form"},
    {"name": "Anna", "languages": "IT; en", "staff": "sì"},
    {"name": "Anna", "consent_date": "31/02/2018"},
]


def _outcome(check: object, raw: dict[str, str]) -> object:
    try:
        return check(dict(raw))  # type: ignore[operator]
    except ValidationError as exc:
        return exc.errors


@pytest.mark.parametrize("raw", PEOPLE)
def test_the_person_fields_are_exactly_what_the_rule_says(raw: dict[str, str]) -> None:
    def quick(r: dict[str, str]) -> object:
        return person_fields(r, "BE")

    def rule(r: dict[str, str]) -> object:
        fields = asdict(validate_person(r, region="BE"))
        assert (fields.pop("email"), fields.pop("phone")) == ("", "")
        return fields

    assert _outcome(quick, raw) == _outcome(rule, raw)


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(["name;organisation;email", *lines]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("queries", [200, 1])  # per organisation, or everyone's at once
def test_people_without_an_email_match_by_name_at_their_own_organisation(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, queries: int
) -> None:
    monkeypatch.setattr(_csv_people, "NAME_QUERIES", queries)
    biowin = services.organisations.create({"name": "BioWin"})
    aster = services.organisations.create({"name": "Aster"})
    first = services.people.create({"name": "Anna Rossi", "organisation": biowin.id})
    services.people.create({"name": "Rossi Anna", "organisation": biowin.id})  # later id
    alone = services.people.create({"name": "Luca Neri"})
    services.people.create({"name": "Marco Conti", "organisation": aster.id})
    path = _write(
        tmp_path / "people.csv",
        [
            "Dott. Anna Rossi;BioWin S.A.;",  # at BioWin: the first of the two
            "Anna Rossi;Aster;",  # the same name elsewhere is someone else
            "Luca Neri;;",  # no organisation on either side
            "Luca Neri;Aster;",
            "Marco Conti;;",  # at Aster in the database, at none here
            "Marco Conti;Nuova Srl;",  # an organisation the file creates
            "Marco Conti;Nuova;",  # the same one again: an earlier line
        ],
    )
    report = services.csv.import_file("people", path, dry_run=True)
    assert [(r.line, r.describe()) for r in report.rows] == [
        (2, f"duplicate of #{first.id} (skipped)"),
        (3, "new"),
        (4, f"duplicate of #{alone.id} (skipped)"),
        (5, "new"),
        (6, "new"),
        (7, "new"),
        (8, "duplicate of line 7 (skipped)"),
    ]


def test_imported_values_are_stored_as_the_forms_store_them(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "name;phone;staff;consent;consent_source;consent_date;languages\n"
        "Anna Rossi;051 234567;yes;given;form at MEDICA;24/10/2018;IT, en\n",
        encoding="utf-8",
    )
    services.csv.import_file("people", path)
    imported = services.people.find("Anna Rossi")
    typed = services.people.create(
        {
            "name": "Anna Rossa",
            "phone": "051 234567",
            "staff": "yes",
            "consent": "given",
            "consent_source": "form at MEDICA",
            "consent_date": "24/10/2018",
            "languages": "IT, en",
        }
    )
    fields = ("phone", "is_staff", "consent", "consent_source", "consent_date", "languages")
    assert [getattr(imported, f) for f in fields] == [getattr(typed, f) for f in fields]
    assert imported.consent_date is not None


def test_the_collector_is_paused_during_an_import_and_restored_after() -> None:
    assert gc.isenabled()
    with _csv_import.collector_paused():
        assert not gc.isenabled()
        with _csv_import.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer import still runs
    assert gc.isenabled()
    gc.disable()
    try:
        with _csv_import.collector_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), _csv_import.collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_rows_of_one_column_and_of_many_go_in_as_given(services: Services) -> None:
    from sqlalchemy import select

    from tracker.domain.models import Tag
    from tracker.services._tables import table_of

    tags = table_of(Tag)
    with services.db.write() as session:
        assert _csv_import.insert_rows(session, tags, [{"name": "a"}, {"name": "b"}]) == 2
        rows = [{"name": f"t{i}"} for i in range(600)]  # set-wise on SQLite, if indexed
        assert _csv_import.insert_rows(session, tags, rows) == 600
    with services.db.read() as session:
        names = session.scalars(select(tags.c.name).order_by(tags.c.id)).all()
    assert names == ["a", "b", *(f"t{i}" for i in range(600))]
