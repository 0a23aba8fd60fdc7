"""`tracker report plan` and `tracker export xlsx`: files written, and what is said of them."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from cli_invoker import Invoker
from openpyxl import load_workbook


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder of its own: the default file names land here."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_report_plan_writes_the_italian_markdown(run: Invoker, here: Path) -> None:
    out = run("report", "plan", "--lang", "it").stdout
    written = here / "plan-2018-it.md"
    size = written.stat().st_size
    assert out == f"wrote plan-2018-it.md: the 2018 plan in Italian, Markdown, {size:,} bytes\n"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Piano di promozione 2018\n")
    assert "| Spese di viaggio | 5.000,00 € | 4.000,00 € | 9.000,00 € |" in text
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_report_plan_in_english_html_says_what_it_wrote_as_json(
    any_run: Invoker, here: Path
) -> None:
    args = ("--year", "2018", "--lang", "en", "--format", "html", "--summary", "json")
    result = json.loads(any_run("report", "plan", *args).stdout)
    written = here / "plan-2018-en.html"
    assert result == {
        "path": str(written.resolve()),
        "year": 2018,
        "lang": "en",
        "format": "html",
        "bytes": written.stat().st_size,
    }
    page = written.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and '<td class="num">€4,000.00</td>' in page


def test_the_format_follows_the_file_name_unless_given(run: Invoker, here: Path) -> None:
    run("report", "plan", "--lang", "it", "-o", "piano.html")
    assert (here / "piano.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    run("report", "plan", "--lang", "it", "-o", "piano.txt", "--format", "md")
    assert (here / "piano.txt").read_text(encoding="utf-8").startswith("# Piano")
    out = run("report", "plan", "--lang", "it", "-o", "-").stdout
    assert out.startswith("# Piano di promozione 2018\n") and "wrote" not in out
    assert sorted(p.name for p in here.iterdir()) == ["piano.html", "piano.txt"]


def test_report_errors_are_clear(run: Invoker, here: Path) -> None:
    assert run.fails("report", "plan", "--year", "2017").stderr == (
        "error: there is no plan for 2017 (plans: 2018)\n"
    )
    missing = run.fails("report", "plan", "-o", "nowhere/plan.md").stderr
    assert missing == "error: cannot write nowhere/plan.md: the folder nowhere does not exist\n"
    refused = run.fails("report", "plan", "-o", "-", "--summary", "json", code=2)
    assert "--summary json describes a written file, not -o -" in refused.stderr
    assert "'pdf' is not one of" in run.fails("report", "plan", "--format", "pdf", code=2).stderr
    assert list(here.iterdir()) == []


def test_export_xlsx_writes_the_workbook(any_run: Invoker, here: Path) -> None:
    out = any_run("export", "xlsx", "--year", "2018", "--lang", "it").stdout
    written = here / "plan-2018-it.xlsx"
    lines = out.splitlines()
    assert lines[0] == (
        f"wrote plan-2018-it.xlsx: the 2018 plan workbook, {written.stat().st_size:,} bytes"
    )
    assert lines[1:] == [
        "  Budget             11 rows",
        "  Tetti di spesa      3 rows",
        "  Eventi              5 rows",
        "  Missioni            0 rows",
        "  Organizzazioni      4 rows",
        "  Persone             0 rows",
        "  Registro contatti   0 rows",
    ]
    book = load_workbook(written)
    assert book["Budget"]["D2"].value == 5000
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_export_xlsx_as_json_in_english(run: Invoker, here: Path) -> None:
    result = run.json("export", "xlsx", "--lang", "en", "-o", "plan.xlsx")
    written = here / "plan.xlsx"
    assert result["path"] == str(written.resolve())
    assert (result["year"], result["lang"], result["bytes"]) == (
        2018,
        "en",
        written.stat().st_size,
    )
    assert [s["name"] for s in result["sheets"]] == [
        "Budget", "Caps", "Events", "Missions", "Organisations", "People", "Contact log",
    ]  # fmt: skip
    assert load_workbook(written).sheetnames[1] == "Caps"


def test_export_xlsx_errors_and_warnings(run: Invoker, here: Path) -> None:
    assert run.fails("export", "xlsx", "--year", "1999").stderr == (
        "error: there is no plan for 1999 (plans: 2018)\n"
    )
    odd = run("export", "xlsx", "-o", "plan.ods")
    assert odd.stderr == "warning: plan.ods does not end in .xlsx: Excel may refuse to open it\n"
    assert [p.name for p in here.iterdir()] == ["plan.ods"]


def test_help_lists_the_commands(run: Invoker) -> None:
    assert "report" in run("--help").stdout
    assert "xlsx" in run("export", "--help").stdout
    assert "--format [md|html]" in run("report", "plan", "--help").stdout
