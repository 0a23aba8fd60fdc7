"""Reading CSV the way Excel, Google and Outlook write it: encodings, separators, lines."""

from __future__ import annotations

import codecs

import pytest

from tracker.io.csv_problems import UnreadableFile
from tracker.io.csv_read import CP1252_NOTE, decode, read_table, sniff_delimiter


def test_utf8_with_a_bom_is_read_without_the_bom() -> None:
    table = read_table(codecs.BOM_UTF8 + "Nome;Città\nAnna;Forlì\n".encode())
    assert table.encoding == "utf-8-sig"
    assert table.header == ("Nome", "Città")
    assert table.rows == [(2, ["Anna", "Forlì"])]
    assert table.encoding_note == ""


def test_cp1252_is_the_fallback_and_the_preview_says_so() -> None:
    data = "Nome;Quota (€)\nNiccolò;1.250,50\n".encode("cp1252")
    table = read_table(data)
    assert table.encoding == "cp1252"
    assert table.encoding_note == CP1252_NOTE
    assert table.rows == [(2, ["Niccolò", "1.250,50"])]


def test_bytes_cp1252_lacks_fall_back_to_latin1() -> None:
    decoded = decode(b"name\n\x81\x8d\xe8\n")
    assert decoded.encoding == "latin-1"
    assert "Latin-1" in decoded.note


def test_utf16_unicode_text_with_or_without_a_bom() -> None:
    text = "Nome\tE-mail\r\nFederica\tf@example.it\r\n"
    with_bom = read_table(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    without = read_table(text.encode("utf-16-le"))
    for table in (with_bom, without):
        assert table.delimiter == "\t"
        assert table.rows == [(2, ["Federica", "f@example.it"])]


def test_semicolons_win_over_decimal_commas() -> None:
    sample = "Nome;Fatturato;Dipendenti\nA;12,5;3\nB;0,75;10\nC;1.250,00;7\n"
    assert sniff_delimiter(sample) == ";"


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("name,city\nA,Bologna\nB,Modena\n", ","),
        ("name\tcity\nA\tBologna\n", "\t"),
        ('"name","notes"\n"A","x; y; z"\n"B","p; q"\n', ","),
        ("name\nA\nB\n", ","),  # one column: nothing to split
        ("name;notes\nA;met, then called\nB;emailed, twice, no answer\n", ";"),
    ],
)
def test_the_separator_is_the_one_that_splits_consistently(sample: str, expected: str) -> None:
    assert sniff_delimiter(sample) == expected


def test_excels_sep_line_names_the_separator_and_counts_as_a_line() -> None:
    table = read_table(b"sep=;\r\nname;city\r\nA;Parma\r\n")
    assert table.delimiter == ";"
    assert table.header_line == 2
    assert table.rows == [(3, ["A", "Parma"])]


def test_records_keep_the_physical_line_they_start_on() -> None:
    data = b'name,notes\nA,"one\ntwo\r\nthree"\n\nB,x\r\nC,"y\rz"\nD,w\n'
    table = read_table(data)
    assert [(line, cells[0]) for line, cells in table.rows] == [
        (2, "A"),
        (6, "B"),
        (7, "C"),
        (9, "D"),
    ]
    assert table.rows[0][1][1] == "one\ntwo\r\nthree"


def test_short_rows_are_padded_and_empty_trailing_cells_dropped() -> None:
    table = read_table(b"a;b;c\n1\n2;;;;\n")
    assert table.rows == [(2, ["1", "", ""]), (3, ["2", "", ""])]
    assert table.problems == ()


def test_a_row_with_extra_values_is_a_problem_on_its_line() -> None:
    table = read_table(b"name,city\nA,Porto\nB,Gent, Belgium\n")
    assert [str(p) for p in table.problems] == [
        "line 3: 3 values but the header names 2 columns "
        "(a comma inside a value that is not quoted?)"
    ]
    assert [line for line, _ in table.rows] == [2]


def test_a_quote_never_closed_is_reported_on_the_line_it_opens() -> None:
    table = read_table(b'name,notes\nA,ok\nB,"never closed\nC,x\n')
    assert [str(p) for p in table.problems] == [
        'line 3: a quoted value opened on this line is never closed (a stray " ?)'
    ]


def test_bad_quoting_is_reported_and_reading_goes_on() -> None:
    table = read_table(b'name,notes\nA,"quoted"tail\nB,fine\n')
    assert table.problems[0].line == 2
    assert "bad quoting" in table.problems[0].message
    assert [cells[0] for _, cells in table.rows] == ["B"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\n\n  \n", "the file is empty"),
        (b"PK\x03\x04rest", "this is an Excel workbook (.xlsx) or another zip file"),
        (b"\xd0\xcf\x11\xe0rest", "this is an old Excel workbook (.xls)"),
        (b"%PDF-1.7", "this is a PDF document"),
        (b",,,\n , ,\n", "the file has no header line"),
    ],
)
def test_files_that_are_not_csv_are_refused_plainly(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableFile) as excinfo:
        read_table(data)
    assert message in str(excinfo.value)


def test_nul_in_a_header_is_dropped_and_cells_keep_theirs_for_the_mapper() -> None:
    table = read_table(b"na\x00me,x\nA\x00,1\n")
    assert table.header == ("name", "x")
    assert table.rows == [(2, ["A\x00", "1"])]
