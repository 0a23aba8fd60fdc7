"""vCards: reading 2.1, 3.0 and 4.0 as address books write them; writing 4.0 and 3.0."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.io.csv_problems import UnreadableFile
from tracker.io.vcard_read import read_vcards
from tracker.io.vcard_write import PersonCard, card_lines, escape, fold, write_vcards

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"


def people(name: str) -> list[tuple[int, dict[str, str]]]:
    found = read_vcards((CORPUS / name).read_bytes())
    assert found.problems == ()
    return found.records


def test_version_21_quoted_printable_charset_and_soft_line_breaks() -> None:
    (line1, niccolo), (line2, chiara) = people("vcard21_phone_export.vcf")
    assert (line1, line2) == (1, 13)
    assert niccolo == {
        "name": "Niccolò Bertè",
        "organisation": "Università di Bologna",
        "role": "Responsabile",
        "email": "niccolo.berte@unibo.example.it",
        "phone": "+39 333 765 4321",  # the preferred one
        "notes": "Incontrato a MEDICA 2018.\nInteressato alla call INNOSUP.",
    }
    assert chiara["name"] == "Chiara Ferrè"  # from N, in ISO-8859-1


def test_version_30_groups_folding_and_escapes() -> None:
    (_, helen), (_, pieter) = people("vcard30_apple.vcf")
    assert helen["email"] == "helen.obrien@hih.example.ie"
    assert helen["organisation"] == "Health Innovation Hub Ireland"
    assert helen["notes"] == (
        "Cork workshop, 2018; follow up on the ageing call.\nPrefers email in the morning."
    )
    assert pieter == {
        "name": "Pieter van den Berg",
        "organisation": "Health~Holland",
        "email": "p.vandenberg@healthholland.example.nl",
    }


def test_version_40_tel_uris_preference_and_languages() -> None:
    ((_, lukasz),) = people("vcard40.vcf")
    assert lukasz["email"] == "lukasz.w@medical-valley.example.de"
    assert lukasz["phone"] == "+49-9131-123456"
    assert lukasz["languages"] == "pl, en"


def test_a_card_never_closed_is_reported_at_its_begin_line() -> None:
    found = read_vcards((CORPUS / "vcard_truncated.vcf").read_bytes())
    assert [str(p) for p in found.problems] == ["line 6: BEGIN:VCARD is never closed"]
    assert [line for line, _ in found.records] == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n",
            "line 1: BEGIN:VCARD is never closed",
        ),
        ("FN:A\n", "line 1: FN is outside any BEGIN:VCARD … END:VCARD"),
        (
            "BEGIN:VCARD\nEND:VCARD\nEND:VCARD\n",
            "line 3: END:VCARD without a BEGIN:VCARD before it",
        ),
        ("BEGIN:VCARD\nthis is not a property\nEND:VCARD\n", "line 2: cannot read this line"),
        ("BEGIN:VCARD\nVERSION:5.0\nEND:VCARD\n", "line 2: vCard version '5.0' is not 2.1"),
    ],
)
def test_broken_files_are_problems_with_lines(text: str, expected: str) -> None:
    found = read_vcards(text.encode())
    assert any(str(p).startswith(expected) for p in found.problems), found.problems


def test_a_file_without_cards_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match="no vCard in the file"):
        read_vcards(b"\r\n\r\n")


def test_escaping_and_folding_at_75_octets_never_split_a_character() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "NOTE:" + "è" * 100
    folded = fold(line)
    physical = folded.split("\r\n")[:-1]
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(physical)) == line


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_written_cards_read_back_the_same(tmp_path: Path, version: str) -> None:
    cards = [
        PersonCard(
            full_name="Mariagrazia D'Agostino",
            organisation="Ospedale Sant'Orsola; IRCCS",
            role="Direttrice sanitaria, area nord",
            email="m.dagostino@aosp.example.it",
            phone="+390512141111",
            languages="it, en",
            notes="Line one\nline two, with a comma; and a semicolon \\ backslash " + "x" * 80,
            is_staff=True,
            consent="given",
            consent_source="form at MedTech 2018",
            consent_date="2018-10-25",
        ),
        PersonCard(full_name="Ivo Šimunović"),
    ]
    target = tmp_path / "people.vcf"
    assert write_vcards(target, cards, version=version) == 2
    data = target.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    found = read_vcards(data)
    assert found.problems == ()
    assert found.versions == (version,)
    first = found.records[0][1]
    assert first == {
        "name": "Mariagrazia D'Agostino",
        "organisation": "Ospedale Sant'Orsola; IRCCS",
        "role": "Direttrice sanitaria, area nord",
        "email": "m.dagostino@aosp.example.it",
        "phone": "+390512141111",
        "languages": "it, en",
        "notes": cards[0].notes,
        "staff": "yes",
        "consent": "given",
        "consent_source": "form at MedTech 2018",
        "consent_date": "2018-10-25",
    }
    assert found.records[1][1] == {"name": "Ivo Šimunović"}


def test_version_40_and_30_differ_where_the_standards_do() -> None:
    card = PersonCard(full_name="Anna Rossi", phone="+39051123456", email="a@x.example")
    v4 = card_lines(card, "4.0")
    v3 = card_lines(card, "3.0")
    assert "TEL;VALUE=uri;TYPE=work:tel:+39051123456" in v4
    assert "TEL;TYPE=WORK,VOICE:+39051123456" in v3
    assert "N:Rossi;Anna;;;" in v4 and "N:Rossi;Anna;;;" in v3


def test_writing_an_unknown_version_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"write 4\.0 or 3\.0"):
        write_vcards(tmp_path / "x.vcf", [], version="2.1")
