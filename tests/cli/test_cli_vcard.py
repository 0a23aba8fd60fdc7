"""`tracker export vcard` and `tracker import vcard`."""

from __future__ import annotations

from pathlib import Path

from cli_invoker import Invoker

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"


def test_import_export_and_import_again(any_run: Invoker, tmp_path: Path) -> None:
    preview = any_run("import", "vcard", str(CORPUS / "vcard30_apple.vcf"), "--dry-run").stdout
    assert "file: vcard30_apple.vcf (vCard 3.0, utf-8)" in preview
    assert "line 1: Helen O'Brien: new" in preview
    assert "line 14: Pieter van den Berg: new" in preview
    done = any_run("import", "vcard", str(CORPUS / "vcard30_apple.vcf"))
    assert done.stdout.startswith("imported 2 people from vcard30_apple.vcf")
    target = tmp_path / "people.vcf"
    wrote = any_run("export", "vcard", "-o", str(target), "--version", "3.0")
    assert wrote.stdout.strip() == f"wrote 2 people to {target} (vCard 3.0)"
    again = any_run.json("import", "vcard", str(target))
    assert (again["written"], again["duplicates"]) == (0, 2)
    assert again["rows"][0]["duplicate_of"] is not None


def test_a_truncated_file_exits_1_naming_the_line(run: Invoker) -> None:
    result = run.fails("import", "vcard", str(CORPUS / "vcard_truncated.vcf"))
    assert result.stderr.splitlines()[0] == "error: line 6: BEGIN:VCARD is never closed"
    assert "nothing was imported" in result.stderr
    assert run.json("export", "vcard", "-o", str(Path(run.db).with_suffix(".vcf")))["people"] == 0


def test_version_21_and_40_files(run: Invoker) -> None:
    old = run.json("import", "vcard", str(CORPUS / "vcard21_phone_export.vcf"))
    assert (old["written"], old["organisations_created"]) == (2, ["Università di Bologna"])
    new = run.json("import", "vcard", str(CORPUS / "vcard40.vcf"))
    assert new["written"] == 1
