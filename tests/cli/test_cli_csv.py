"""`tracker export csv` and `tracker import csv`, driven as a script would."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_invoker import Invoker

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_a_file_with_errors_on_two_lines_exits_1_and_lists_both(any_run: Invoker) -> None:
    result = any_run.fails("import", "csv", "people", str(CORPUS / "errors_on_two_lines.csv"))
    errors = result.stderr.splitlines()
    assert errors[0].startswith("error: line 3: email: 'paolo.verdi@@example' is not a valid")
    assert errors[1] == "error: line 6: phone: '+39 051' is not a valid phone number"
    assert errors[2] == "error: nothing was imported: 2 problems to fix before importing again"
    assert result.stdout == ""
    nothing = any_run.json("import", "csv", "people", str(CORPUS / "header_only.csv"))
    assert (nothing["new"], nothing["written"]) == (0, 0)


def test_dry_run_previews_every_line_and_writes_nothing(run: Invoker, tmp_path: Path) -> None:
    result = run("import", "csv", "people", str(CORPUS / "contatti_excel_cp1252.csv"), "--dry-run")
    out = result.stdout
    assert "file: contatti_excel_cp1252.csv (CSV, cp1252, semicolon-separated)" in out
    assert "  Nome                   → first_name" in out
    assert "  Quota associativa (€)  (not imported)" in out
    assert "line 2: Niccolò Bertè: new" in out
    assert "3 new people, 0 duplicates to skip, 0 invalid" in out
    assert "organisations to create: Università di Bologna, Ospedale Sant'Orsola" in out
    assert "note: the file is not UTF-8: read as Windows-1252" in result.stderr
    target = tmp_path / "people.csv"
    assert "wrote 0 people" in run("export", "csv", "people", "-o", str(target)).stdout


def test_import_then_duplicates_are_skipped_and_listed(run: Invoker) -> None:
    first = run("import", "csv", "people", str(CORPUS / "duplicates.csv"))
    assert first.stdout.splitlines()[0] == (
        "imported 3 people from duplicates.csv (CSV, utf-8, comma-separated)"
    )
    assert "new organisations: BioWin" in first.stdout
    assert "  line 4: Luca Bruni: duplicate of line 3 (skipped)" in first.stdout
    again = run("import", "csv", "people", str(CORPUS / "duplicates.csv"))
    assert "imported 0 people" in again.stdout
    assert "skipped 4 duplicates:" in again.stdout
    assert "  line 2: Anna Rossi: duplicate of #1 (skipped)" in again.stdout


def test_map_overrides_and_their_mistakes(run: Invoker) -> None:
    path = str(CORPUS / "unknown_columns.csv")
    refused = run.fails("import", "csv", "orgs", path)
    assert "no column holds the name" in refused.stderr
    bad = run.fails("import", "csv", "orgs", path, "--map", "Nope=name", "--map", "Stato membro=x")
    assert "error: --map: the file has no column 'Nope'" in bad.stderr
    assert "error: --map: 'x' is not a field of orgs" in bad.stderr
    ok = run.json(
        "import", "csv", "orgs", path, "--map", "Ente di riferimento=name", "--map",
        "Stato membro=paese",
    )  # fmt: skip
    assert ok["written"] == 1
    assert ok["columns"][1] == {"header": "Stato membro", "field": "country", "how": "--map"}


def test_events_into_a_plan_year(run: Invoker) -> None:
    result = run.json("import", "csv", "events", str(CORPUS / "eventi_excel.csv"), "--year", "2018")
    assert (result["written"], result["separator"]) == (2, "semicolon")
    assert "MEDICA 2018" in run("events", "list").stdout
    missing = run.fails(
        "import", "csv", "events", str(CORPUS / "eventi_excel.csv"), "--year", "2030"
    )
    assert missing.stderr.startswith("error: there is no plan for 2030")


def test_refused_json_still_prints_the_report(run: Invoker) -> None:
    result = run.fails("import", "csv", "orgs", str(CORPUS / "ragged_rows.csv"), "--format", "json")
    report = json.loads(result.stdout)
    assert report["problems"] == [
        "line 3: 3 values but the header names 2 columns "
        "(a comma inside a value that is not quoted?)"
    ]
    assert report["written"] == 0
    assert result.stderr.startswith("error: line 3:")


def test_unreadable_and_missing_files(run: Invoker, tmp_path: Path) -> None:
    result = run.fails("import", "csv", "orgs", str(CORPUS / "workbook_not_csv.csv"))
    assert "error: this is an Excel workbook (.xlsx)" in result.stderr
    missing = run("import", "csv", "orgs", str(tmp_path / "nope.csv"), ok=False)
    assert missing.exit_code == 2  # click: the path does not exist
    assert "does not exist" in missing.stderr


@pytest.mark.parametrize("kind", ["orgs", "people", "events", "log"])
def test_export_every_kind(run: Invoker, tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.csv"
    result = run.json("export", "csv", kind, "-o", str(target))
    assert result["rows"] == len(rows_of(target))
    assert result["path"] == str(target.resolve())


def test_export_neutralises_injection_and_excel_flavour(run: Invoker, tmp_path: Path) -> None:
    path = tmp_path / "evil.csv"
    path.write_text(
        "name,role,notes,languages\n\"=cmd|' /C calc'!A0\",+1+1,-2,@SUM(1)\n",
        encoding="utf-8",
    )
    run("import", "csv", "people", str(path))
    target = tmp_path / "out.csv"
    run("export", "csv", "people", "-o", str(target), "--excel")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;name;organisation;")
    (row,) = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert (row["name"], row["role"], row["notes"]) == ("'=cmd|' /C calc'!A0", "'+1+1", "'-2")
    assert row["languages"] == "'@sum(1)"
    # the guard comes off on import: the same person, so a duplicate
    preview = run("import", "csv", "people", str(target), "--dry-run").stdout
    assert "line 2: =cmd|' /C calc'!A0: duplicate of #1 (skipped)" in preview


def test_a_long_import_shows_a_progress_bar_on_stderr(run: Invoker, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    lines = ["name,email"] + [f"Persona {i},p{i}@example.org" for i in range(12_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("import", "csv", "people", str(path))
    assert "importing" in result.stderr
    assert result.stdout.startswith("imported 12000 people")
