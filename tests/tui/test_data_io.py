"""Documents & data (X): files written from the TUI and read back, imports step by step."""

from __future__ import annotations

import csv
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook
from textual.widgets import Button, Input, Select

from tracker.config import Settings
from tracker.services.dto_partners import PersonQuery
from tracker.tui.modals.export_forms import DocumentForm, ImportFileForm
from tracker.tui.modals.import_wizard import ImportWizard
from tracker.tui.screens.data_io import DataScreen

from .helpers import notice_text, press, running, screen_text, tracker, type_text

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The screen writes to the folder the app started in: a fresh one."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


class Page(HTMLParser):
    """The page's language, its visible text and the cells of its tables."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.text: list[str] = []
        self.cells: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self._in_cell = tag in ("td", "th") or self._in_cell

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())
            if self._in_cell:
                self.cells.append(data.strip())


async def test_the_italian_plan_document_in_html(settings: Settings, in_tmp: Path) -> None:
    async with running(settings) as pilot:
        await press(pilot, "X")
        assert isinstance(pilot.app.screen, DataScreen)
        assert "Write the plan document" in screen_text(pilot)
        await press(pilot, "p")
        form = pilot.app.screen
        assert isinstance(form, DocumentForm)
        path = form.query_one("#path", Input)
        assert path.value == str(in_tmp / "plan-2018-it.md")  # shown before writing
        await press(pilot, "tab", "enter", "down", "enter")  # format: HTML
        assert path.value == str(in_tmp / "plan-2018-it.html")  # the default follows
        await press(pilot, "ctrl+s")
        assert f"Wrote the 2018 plan document to {in_tmp / 'plan-2018-it.html'}" in notice_text(
            pilot
        )
        assert "plan-2018-it.html" in screen_text(pilot)  # the screen's list of files
    page = Page()
    page.feed((in_tmp / "plan-2018-it.html").read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert page.lang == "it"
    assert "Piano di promozione 2018" in text
    for seeded in ("Belgio", "Stati Uniti", "MedTech Partnership Meeting", "EUREGA"):
        assert seeded in text
    assert "Spese di viaggio" in page.cells and "10.000,00 €" in page.cells


async def test_the_english_document_to_a_path_of_ones_own(settings: Settings, in_tmp: Path) -> None:
    async with running(settings) as pilot:
        await press(pilot, "X", "p", "enter", "down", "enter")  # language: English
        form = pilot.app.screen
        assert isinstance(form, DocumentForm)
        path = form.query_one("#path", Input)
        assert path.value.endswith("plan-2018-en.md")
        path.value = "~nobody-here/x.md"
        await press(pilot, "ctrl+s")
        assert "there is no home folder for ~nobody-here" in screen_text(pilot)
        path.value = "missing/x.md"
        await press(pilot, "ctrl+s")
        assert "there is no folder" in screen_text(pilot)  # nothing written, form stays
        path.value = "docs.md"  # relative to the folder shown
        await press(pilot, "ctrl+s")
    text = (in_tmp / "docs.md").read_text(encoding="utf-8")
    assert text.startswith("# Promotion plan 2018")
    assert "Belgium" in text and "Belgio" not in text


async def test_the_workbook_from_the_tui(settings: Settings, in_tmp: Path) -> None:
    (in_tmp / "plan-2018-it.xlsx").write_text("an older file")
    async with running(settings) as pilot:
        await press(pilot, "X", "w", "ctrl+s")
        assert "plan-2018-it.xlsx exists: replace it?" in screen_text(pilot)
        await press(pilot, "escape")  # keep it
        assert (in_tmp / "plan-2018-it.xlsx").read_text() == "an older file"
        await press(pilot, "w", "ctrl+s")
        assert "replace it?" in screen_text(pilot)
        await press(pilot, "y")
        assert "workbook" in notice_text(pilot)
    book = load_workbook(in_tmp / "plan-2018-it.xlsx")
    assert book.sheetnames[:3] == ["Budget", "Tetti di spesa", "Eventi"]
    budget = [[c.value for c in row] for row in book["Budget"].iter_rows()]
    assert budget[-1][1] == "Totale piano" and budget[-1][3] == 10000
    events = [row[0].value for row in book["Eventi"].iter_rows(min_row=2)]
    assert "EUREGA" in events


async def test_csv_export_with_bom_and_semicolons(settings: Settings, in_tmp: Path) -> None:
    async with running(settings) as pilot:
        # records: people; separator: semicolon; BOM on
        await press(pilot, "X", "c", "enter", "down", "enter", "tab", "enter", "down", "enter")
        await press(pilot, "tab", "space", "ctrl+s")
        assert "Wrote" in notice_text(pilot)
        people = tracker(pilot).svc.people.list(PersonQuery()).total
    raw = (in_tmp / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert "name" in rows[0] and len(rows) == people + 1


async def test_csv_import_through_an_edited_mapping(settings: Settings, in_tmp: Path) -> None:
    """The file with errors on two lines: refused as it is; with its email and phone
    columns set to "ignore" it imports, in one go, after a new dry run."""
    shutil.copy(CORPUS / "errors_on_two_lines.csv", in_tmp / "contacts.csv")
    async with running(settings) as pilot:
        app = tracker(pilot)
        before = app.svc.people.list(PersonQuery()).total
        await press(pilot, "X", "i")
        assert isinstance(app.screen, ImportFileForm)
        await press(pilot, "enter", "down", "enter", "tab")  # records: people
        await type_text(pilot, "contacts.csv")
        await press(pilot, "enter")
        wizard = app.screen
        assert isinstance(wizard, ImportWizard)
        shown = screen_text(pilot)
        assert "2 new people, 0 duplicates to skip, 2 invalid" in shown
        assert "line 3: Paolo Verdi: invalid: email" in shown
        assert "line 6: Davide Moro: invalid: phone" in shown
        assert wizard.query_one("#import", Button).disabled
        await press(pilot, "ctrl+s")  # refused: nothing happens
        assert app.screen is wizard and app.svc.people.list(PersonQuery()).total == before
        # the mapping step: email → ignore (first option), phone → ignore
        assert wizard.query_one("#column-1", Select).value == "email"
        assert app.focused is wizard.query_one("#column-0", Select)
        await press(pilot, "tab", "enter", "home", "enter")
        await press(pilot, "tab", "enter", "home", "enter")
        assert wizard.query_one("#column-1", Select).value == "-"
        assert wizard.query_one("#column-2", Select).value == "-"
        assert "The mapping changed" in screen_text(pilot)
        await press(pilot, "ctrl+d")
        assert "4 new people, 0 duplicates to skip, 0 invalid" in screen_text(pilot)
        assert not wizard.query_one("#import", Button).disabled
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, DataScreen)
        assert "Imported 4 people from contacts.csv" in notice_text(pilot)
        people = app.svc.people.list(PersonQuery(limit=100)).rows
    assert len(people) == before + 4
    elena = next(p for p in people if p.full_name == "Elena Galli")
    assert elena.email == ""  # the column was ignored
    assert app.svc.people.get(elena.id).notes == "Two\nlines"  # a quoted newline


async def test_vcard_export_and_import(settings: Settings, in_tmp: Path) -> None:
    shutil.copy(CORPUS / "vcard40.vcf", in_tmp / "cards.vcf")
    async with running(settings) as pilot:
        app = tracker(pilot)
        before = app.svc.people.list(PersonQuery()).total
        await press(pilot, "X", "k")
        await type_text(pilot, "cards.vcf")
        await press(pilot, "enter")
        wizard = app.screen
        assert isinstance(wizard, ImportWizard)
        assert "cards.vcf (vCard 4.0" in screen_text(pilot)
        assert not wizard.query("#import-columns")  # no mapping step for vCards
        await press(pilot, "ctrl+s")
        after = app.svc.people.list(PersonQuery()).total
        assert after > before
        assert f"Imported {after - before} people from cards.vcf" in notice_text(pilot)
        await press(pilot, "v", "ctrl+s")
    text = (in_tmp / "people.vcf").read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == after and "VERSION:4.0" in text


async def test_the_data_screen_is_in_the_palette_and_help(settings: Settings) -> None:
    async with running(settings) as pilot:
        app = tracker(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Go to Documents & data" in titles
        await press(pilot, "question_mark")  # on the dashboard: the key is listed
        assert re.search(r"X\s+Documents & data", screen_text(pilot))
        await press(pilot, "escape", "X")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Plan document", "Workbook", "Export CSV", "Import CSV", "Import vCard"):
            assert title in titles
        await press(pilot, "question_mark")
        assert re.search(r"i\s+Import CSV", screen_text(pilot))


async def test_a_long_import_moves_the_progress_bar(
    settings: Settings, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "\n".join(f"Cluster {n:05d};cluster;BE" for n in range(4_500))
    (in_tmp / "many.csv").write_text(f"Ragione sociale;Tipo;Paese\n{rows}\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    real = ImportWizard.progressed

    def spy(self: ImportWizard, done: int, total: int) -> None:
        seen.append((done, total))
        real(self, done, total)

    monkeypatch.setattr(ImportWizard, "progressed", spy)
    async with running(settings) as pilot:
        await press(pilot, "X", "i", "tab")
        await type_text(pilot, "many.csv")
        await press(pilot, "enter")
        assert "4500 new organisations" in screen_text(pilot)
        await press(pilot, "ctrl+s")
        assert "Imported 4500 organisations from many.csv" in notice_text(pilot)
    # checking and writing each count once: the bar went through steps to the end
    totals = {total for _done, total in seen}
    assert len(totals) == 1 and len(seen) > 2
    done = [d for d, _total in seen]
    assert done == sorted(done) and done[-1] == totals.pop()
