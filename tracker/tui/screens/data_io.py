"""Documents & data (X): the plan document, the workbook, CSV and vCard out and in.

Every action opens a small form that shows the file before anything is written (by
default in the folder the app was started from); the writing runs in a worker and the
screen keeps a list of what was written and imported this session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.i18n import N_, _
from tracker.services.dto_io import ImportReport, Progress
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.export_forms import (
    CsvExportForm,
    DocumentForm,
    FileForm,
    FileRequest,
    ImportFileForm,
    VCardExportForm,
    WorkbookForm,
)
from tracker.tui.modals.import_wizard import ImportWizard
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.widgets.footer import TrackerFooter

if TYPE_CHECKING:
    from tracker.services.context import Services

# (action, what the list says, key, the key's short name in the footer and help)
ACTIONS = (
    (
        "document",
        N_("Write the plan document (Markdown or HTML, Italian or English)…"),
        "p",
        N_("Plan document"),
    ),
    ("workbook", N_("Export the plan workbook (.xlsx)…"), "w", N_("Workbook")),
    (
        "csv",
        N_("Export organisations, people, events or the contact log to CSV…"),
        "c",
        N_("Export CSV"),
    ),
    ("vcard", N_("Export people as vCards (.vcf)…"), "v", N_("Export vCard")),
    (
        "import-csv",
        N_("Import organisations, people or events from CSV…"),
        "i",
        N_("Import CSV"),
    ),
    ("import-vcard", N_("Import people from vCards (.vcf)…"), "k", N_("Import vCard")),
)
KIND_NAMES = {"orgs": N_("organisations"), "people": N_("people"), "events": N_("events")}


def _write(svc: Services, year: int, request: FileRequest) -> str:
    """Write one file through the services; what to tell the user."""
    path = request.path
    if request.what == "document":
        written = svc.reports.write_plan(year, path, lang=request.lang, fmt=request.fmt)
        return _("Wrote the {year} plan document to {path} ({size:,} bytes).").format(
            year=year, path=written.path, size=written.size
        )
    if request.what == "workbook":
        summary = svc.reports.write_workbook(year, path, lang=request.lang)
        return _("Wrote the {year} workbook to {path}: {sheets} sheets.").format(
            year=year, path=summary.path, sheets=len(summary.sheets)
        )
    if request.what == "csv":
        result = svc.csv.export(request.kind, path, bom=request.bom, delimiter=request.delimiter)
        return _("Wrote {rows} {kind} to {path}.").format(
            rows=result.rows, kind=request.kind, path=result.path
        )
    result = svc.vcard.export(path, version=request.fmt)
    return _("Wrote {rows} people to {path} (vCard {version}).").format(
        rows=result.rows, path=result.path, version=request.fmt
    )


class DataScreen(TrackerScreen):
    CSS_PATH = "../data.tcss"
    HELP_TITLE: ClassVar[str] = "Documents & data"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"open('{what}')", short, tooltip=label, id=f"data-{what}")
        for what, label, key, short in ACTIONS
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd()
        self.done: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="data-heading")
        yield OptionList(
            *(
                Option(Text.assemble((f" {key} ", "bold reverse"), "  ", _(label)), id=what)
                for what, label, key, _short in ACTIONS
            ),
            id="data-actions",
        )
        yield Static(_("Nothing written or imported yet."), id="data-done")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        year = self.year
        plan = _("plan {year}").format(year=year) if year else _("no plan yet")
        self.query_one("#data-heading", Static).update(
            _("Documents & data — {plan}; files go to {folder} unless you choose").format(
                plan=plan, folder=self.folder
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, what: str) -> None:
        year = self.year
        if year is None and what in ("document", "workbook"):
            self.notify(_("There is no plan yet."), severity="warning", markup=False)
            return
        forms: dict[str, Callable[[], FileForm]] = {
            "document": lambda: DocumentForm(year or 0, self.folder),
            "workbook": lambda: WorkbookForm(year or 0, self.folder),
            "csv": lambda: CsvExportForm(year or 0, self.folder),
            "vcard": lambda: VCardExportForm(year or 0, self.folder),
            "import-csv": lambda: ImportFileForm(year or 0, self.folder, csv=True),
            "import-vcard": lambda: ImportFileForm(year or 0, self.folder, csv=False),
        }
        self.app.push_screen(forms[what](), self.chosen)

    def chosen(self, request: FileRequest | None) -> None:
        if request is None:
            return
        if request.what.startswith("import"):
            self.open_import(request)
        elif request.path.exists():

            def replace(yes: bool | None) -> None:
                if yes:
                    self.write_file(request)

            question = _("{path} exists: replace it?").format(path=request.path)
            self.app.push_screen(ConfirmModal(question, yes=_("Replace"), no=_("Keep it")), replace)
        else:
            self.write_file(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def write_file(self, request: FileRequest) -> None:
        year = self.year or 0
        message = _write(self.svc, year, request)
        self.app.call_from_thread(self.finished, message)

    def finished(self, message: str) -> None:
        self.notify(message, markup=False)
        self.done.append(message)
        self.query_one("#data-done", Static).update("\n".join(reversed(self.done[-12:])))

    # -- import ----------------------------------------------------------------------

    def open_import(self, request: FileRequest) -> None:
        path, kind, year = request.path, request.kind, self.year
        if request.what == "import-csv":
            fields = self.svc.csv.fields(kind)
            csv = self.svc.csv

            def run(
                overrides: Mapping[str, str | None], dry_run: bool, progress: Progress | None
            ) -> ImportReport:
                return csv.import_file(
                    kind, path, mapping=overrides, dry_run=dry_run, year=year, progress=progress
                )

            title = _("Import {kind} from {file}").format(kind=_(KIND_NAMES[kind]), file=path)
        else:
            fields = ()
            vcard = self.svc.vcard

            def run(
                overrides: Mapping[str, str | None], dry_run: bool, progress: Progress | None
            ) -> ImportReport:
                return vcard.import_file(path, dry_run=dry_run, progress=progress)

            title = _("Import people from {file}").format(file=path)
        self.app.push_screen(ImportWizard(title, kind, fields, run), self.imported)

    def imported(self, report: ImportReport | None) -> None:
        if report is None:
            return
        message = _("Imported {count} {kind} from {file}; {dup} duplicates skipped.").format(
            count=report.written,
            kind=_(KIND_NAMES.get(report.kind, report.kind)),
            file=report.source,
            dup=report.duplicates,
        )
        self.finished(message)
        self.changed()
