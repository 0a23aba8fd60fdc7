"""People as vCards on real databases: export, import, round trips, duplicates."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tracker.domain.errors import ValidationError
from tracker.io.vcard_read import read_vcards
from tracker.services.context import Services
from tracker.services.dto_io import ImportRefused
from tracker.services.dto_partners import PersonQuery

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"


def people(services: Services) -> list[tuple[object, ...]]:
    rows = services.people.list(PersonQuery(limit=500)).rows
    found = []
    for row in rows:
        d = services.people.get(row.id)
        found.append(
            (d.full_name, d.organisation.name if d.organisation else None, d.role, d.email,
             d.phone, d.languages, d.notes, d.is_staff, d.consent, d.consent_source,
             d.consent_date)
        )  # fmt: skip
    return sorted(found, key=repr)


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_export_then_import_gives_the_same_people(
    services: Services, tmp_path: Path, version: str
) -> None:
    services.people.create(
        {"name": "Anna Rossi", "organisation": "ENRICH USA", "role": "Advisor, Boston",
         "email": "Anna.Rossi@example.org", "phone": "(617) 253-1000", "languages": "en, it",
         "notes": "Met twice;\nprefers email", "staff": "yes", "consent": "given",
         "consent_source": "form at MEDICA 2018", "consent_date": "2018-11-12"}
    )  # fmt: skip
    services.people.create({"name": "Łukasz Wiśniewski", "email": "lukasz@example.pl"})
    services.people.create({"name": "=Formula Person", "notes": "x" * 300})
    before = people(services)
    target = tmp_path / "people.vcf"
    result = services.vcard.export(target, version=version)
    assert result.rows == 3
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert read_vcards(target.read_bytes()).versions == (version,)
    for row in services.people.list(PersonQuery()).rows:
        services.people.delete(row.id)
    report = services.vcard.import_file(target)
    assert (report.written, report.version) == (3, version)
    assert people(services) == before
    again = services.vcard.import_file(target)
    assert (again.written, again.duplicates) == (0, 3)


def test_a_phone_export_in_version_21(services: Services) -> None:
    report = services.vcard.import_file(CORPUS / "vcard21_phone_export.vcf")
    assert report.written == 2 and report.version == "2.1"
    niccolo = services.people.find("Niccolò")
    assert niccolo.organisation is not None
    assert niccolo.organisation.name == "Università di Bologna"
    assert niccolo.phone == "+393337654321"
    assert niccolo.notes == "Incontrato a MEDICA 2018.\nInteressato alla call INNOSUP."
    assert services.people.find("Chiara").full_name == "Chiara Ferrè"


def test_apple_and_version_40_cards(services: Services) -> None:
    services.vcard.import_file(CORPUS / "vcard30_apple.vcf")
    services.vcard.import_file(CORPUS / "vcard40.vcf")
    helen = services.people.find("Helen")
    assert (helen.email, helen.phone) == ("helen.obrien@hih.example.ie", "+353871234567")
    lukasz = services.people.find("Łukasz")
    assert (lukasz.phone, lukasz.languages) == ("+499131123456", "pl, en")


def test_a_truncated_file_imports_nothing_and_names_the_line(services: Services) -> None:
    with pytest.raises(ImportRefused) as excinfo:
        services.vcard.import_file(CORPUS / "vcard_truncated.vcf")
    assert [str(p) for p in excinfo.value.report.problems] == [
        "line 6: BEGIN:VCARD is never closed"
    ]
    assert services.people.list(PersonQuery()).total == 0


def test_a_bad_card_is_named_by_its_begin_line(services: Services, tmp_path: Path) -> None:
    target = tmp_path / "bad.vcf"
    target.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad\r\nEMAIL:bad@@x\r\nEND:VCARD\r\n"
    )
    report = services.vcard.import_file(target, dry_run=True)
    assert [r.status for r in report.rows] == ["new", "invalid"]
    (problem,) = report.problems
    assert (problem.line, problem.field) == (5, "email")


def test_an_empty_file_and_an_unknown_version(services: Services, tmp_path: Path) -> None:
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"")
    with pytest.raises(ImportRefused, match="no vCard in the file"):
        services.vcard.import_file(empty)
    with pytest.raises(ValidationError):
        services.vcard.export(tmp_path / "x.vcf", version="2.1")


def test_nul_characters_never_reach_the_database(services: Services, tmp_path: Path) -> None:
    target = tmp_path / "nul.vcf"
    target.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:An\x00na\r\nNOTE:a\x00b\r\nEND:VCARD\r\n")
    services.vcard.import_file(target)
    anna = services.people.find("Anna")
    assert (anna.full_name, anna.notes) == ("Anna", "ab")
