"""Writing CSV: formula injection neutralised, reversibly; files written whole, privately."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest

from tracker.io.csv_read import read_table
from tracker.io.csv_write import atomic_writer, neutralise, unneutralise, write_csv

DANGEROUS = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2",
    "@SUM(1)",
    "\tTAB",
    "\x00NUL",
    "\rCR",
    '=HYPERLINK("http://evil.example","click")',
]


@pytest.mark.parametrize("cell", DANGEROUS)
def test_cells_a_spreadsheet_would_run_get_a_leading_quote(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert unneutralise(neutralise(cell)) == cell


@pytest.mark.parametrize(
    "cell", ["", "Anna", "'", "'quoted", "''", "'=already", "'+39", "a=b", "x-y", "mail@x.it"]
)
def test_everything_survives_the_round_trip(cell: str) -> None:
    assert unneutralise(neutralise(cell)) == cell


def test_safe_cells_are_left_alone() -> None:
    assert neutralise("Anna Rossi") == "Anna Rossi"
    assert neutralise("'quoted") == "'quoted"
    assert neutralise("'=x") == "''=x"


def test_write_csv_neutralises_every_cell_and_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    rows = [[cell, "safe"] for cell in DANGEROUS]
    assert write_csv(target, ["value", "other"], rows) == len(DANGEROUS)
    parsed = list(csv.reader(io.StringIO(target.read_bytes().decode(), newline="")))
    assert parsed[0] == ["value", "other"]
    for (written, _), original in zip(parsed[1:], DANGEROUS, strict=True):
        assert written[0] == "'", written
        assert unneutralise(written) == original
    table = read_table(target.read_bytes())
    assert [unneutralise(cells[0]) for _, cells in table.rows] == DANGEROUS


def test_bom_and_semicolons_for_excel(tmp_path: Path) -> None:
    target = tmp_path / "excel.csv"
    write_csv(target, ["Nome", "Città"], [["Niccolò", "Forlì; Cesena"]], bom=True, delimiter=";")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfNome;Citt\xc3\xa0\r\n")
    table = read_table(data)
    assert (table.delimiter, table.encoding) == (";", "utf-8-sig")
    assert table.rows == [(2, ["Niccolò", "Forlì; Cesena"])]


def test_files_are_private_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old content")
    os.chmod(target, 0o644)
    write_csv(target, ["a"], [["1"]])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"a\r\n1\r\n"


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")

    def rows() -> list[list[str]]:
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_csv(target, ["a"], (r for r in rows()))
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_atomic_writer_into_a_missing_folder_fails_plainly(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_writer(tmp_path / "nope" / "x.csv") as handle:
        handle.write("x")
