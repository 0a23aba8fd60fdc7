"""Importing a file in three steps: the column mapping, a dry-run preview, the import.

The mapping comes from the file's headers (known ones map by themselves); every column
can be set to another field or to "ignore". The preview is a dry run: counts, the
duplicates that will be skipped and every problem with its line. Import is offered only
when the preview has no problem, and writes everything or nothing, with a progress bar.
The modal does no database work itself: the screen hands it ``run``, which calls the
service in this modal's thread workers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, ProgressBar, Select, Static
from textual.worker import Worker

from tracker.domain.errors import TrackerError
from tracker.i18n import _
from tracker.services.dto_io import ColumnUse, ImportRefused, ImportReport, Progress
from tracker.tui.errors import describe, report_worker_failure
from tracker.tui.widgets.footer import TrackerFooter

IGNORE = "-"  # the Select value of "ignore this column"
SHOWN_LINES = 40  # rows of the preview listed one by one; the rest are counted
WHAT = {"orgs": "organisations", "people": "people", "events": "events"}

# (overrides {column: field or None}, dry run, progress) -> the report
RunImport = Callable[[Mapping[str, str | None], bool, Progress | None], ImportReport]


def preview_text(report: ImportReport) -> Text:
    """Counts, then every duplicate and problem with its line (the first SHOWN_LINES)."""
    text = Text()
    what = _(WHAT.get(report.kind, report.kind))
    text.append(
        _("{new} new {what}, {dup} duplicates to skip, {bad} invalid").format(
            new=report.new, what=what, dup=report.duplicates, bad=report.invalid
        ),
        style="bold",
    )
    if report.organisations_created:
        created = ", ".join(report.organisations_created)
        text.append("\n" + _("organisations to create: {names}").format(names=created))
    if report.encoding_note:
        text.append("\n" + report.encoding_note, style="italic")
    listed = [r for r in report.rows if r.status != "new"]
    for row in listed[:SHOWN_LINES]:
        style = "red" if row.status == "invalid" else "yellow"
        label = row.label or _("(no name)")
        text.append(f"\n{_('line')} {row.line}: {label}: {row.describe()}", style=style)
    if len(listed) > SHOWN_LINES:
        more = len(listed) - SHOWN_LINES
        text.append("\n" + _("… and {count} more").format(count=more))
    file_level = [p for p in report.problems if p.line == 0 or not report.rows]
    for problem in file_level:
        text.append(f"\n{problem}", style="red")
    if report.problems:
        count = len(report.problems)
        text.append(
            "\n"
            + _("{count} problem(s): fix the file or the mapping; nothing will be imported").format(
                count=count
            ),
            style="bold red",
        )
    return text


class ImportWizard(ModalScreen[ImportReport | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+d", "preview", "Dry run", priority=True, id="import-preview"),
        Binding("ctrl+s", "run_import", "Import", priority=True, id="import-run"),
        Binding("escape", "close", "Close", id="import-close"),
    ]

    def __init__(self, title: str, kind: str, fields: tuple[str, ...], run: RunImport) -> None:
        super().__init__()
        self.title_text = title
        self.kind = kind
        self.fields = fields  # () for vCard: no mapping step
        self.runner = run
        self.columns: tuple[ColumnUse, ...] = ()
        self.suggested: dict[str, str | None] = {}
        self.report: ImportReport | None = None
        self.checked: dict[str, str | None] = {}  # the overrides of the last run
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog import-wizard"):
            yield Static(self.title_text, classes="dialog--title")
            yield Static(_("Reading the file…"), id="import-file", classes="dialog--text")
            yield Static(_("Preview (dry run)"), classes="import--step")
            with VerticalScroll(id="import-preview-box"):
                yield Static("", id="import-preview")
            if self.fields:
                yield Static(
                    _("Columns: set each to a field, or to “ignore”."), classes="import--step"
                )
                yield VerticalScroll(id="import-columns")
            yield ProgressBar(id="import-progress", show_eta=False)
            with Horizontal(classes="dialog--buttons"):
                yield Button(_("Dry run"), id="preview")
                yield Button(_("Import"), variant="primary", id="import", disabled=True)
                yield Button(_("Close"), id="close")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one("#import-progress").display = False
        self.start(dry_run=True)

    # -- the mapping step ------------------------------------------------------------

    def show_columns(self, columns: tuple[ColumnUse, ...]) -> None:
        self.columns = columns
        self.suggested = {c.header: c.field for c in columns}
        box = self.query_one("#import-columns", VerticalScroll)
        box.remove_children()
        options = [(_("ignore"), IGNORE), *((f, f) for f in self.fields)]
        rows = []
        for index, column in enumerate(columns):
            select: Select[str] = Select(
                options,
                value=column.field or IGNORE,
                allow_blank=False,
                compact=True,
                id=f"column-{index}",
                classes="import--field",
            )
            label = Label(column.header or _("(no header)"), classes="import--header")
            rows.append(Horizontal(label, select, classes="import--column"))
        box.mount_all(rows)
        if columns:
            self.call_after_refresh(self.focus_first_column)

    def focus_first_column(self) -> None:
        first = next(self.query("#column-0").results(Select), None)
        if first is not None:
            first.focus()

    def overrides(self) -> dict[str, str | None]:
        """The columns whose field the user changed from the suggestion."""
        chosen: dict[str, str | None] = {}
        for index, column in enumerate(self.columns):
            value = self.query_one(f"#column-{index}", Select).value
            field = None if value in (IGNORE, Select.NULL) else str(value)
            if field != self.suggested.get(column.header):
                chosen[column.header] = field
        return chosen

    @on(Select.Changed, ".import--field")
    def mapping_changed(self) -> None:
        # A new mapping needs a new preview before it can be imported.
        if self.busy or self.overrides() == self.checked:
            return
        self.query_one("#import", Button).disabled = True
        self.query_one("#import-preview", Static).update(
            Text(_("The mapping changed: run the dry run again (ctrl+d)."), style="italic")
        )

    # -- dry run and import ----------------------------------------------------------

    def action_preview(self) -> None:
        self.start(dry_run=True)

    def action_run_import(self) -> None:
        ready = not self.query_one("#import", Button).disabled
        if ready and self.report is not None and self.report.ok and not self.busy:
            self.start(dry_run=False)

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "preview":
            self.action_preview()
        elif event.button.id == "import":
            self.action_run_import()
        elif event.button.id == "close":
            self.action_close()

    def start(self, *, dry_run: bool) -> None:
        if self.busy:
            return
        self.busy = True
        overrides = self.overrides() if self.columns else {}
        self.checked = overrides
        self.query_one("#import", Button).disabled = True
        if not dry_run:
            bar = self.query_one("#import-progress", ProgressBar)
            bar.update(total=None, progress=0)
            bar.display = True
        self.check(overrides, dry_run)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def check(self, overrides: Mapping[str, str | None], dry_run: bool) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.progressed, done, total)

        try:
            report = self.runner(overrides, dry_run, None if dry_run else progress)
        except ImportRefused as exc:
            report = exc.report
        except TrackerError as exc:
            self.app.call_from_thread(self.failed, describe(exc))
            return
        finally:
            self.busy = False
        self.app.call_from_thread(self.arrived, report)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)

    def progressed(self, done: int, total: int) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=total, progress=done)

    def failed(self, message: str) -> None:
        self.query_one("#import-preview", Static).update(Text(message, style="bold red"))

    def arrived(self, report: ImportReport) -> None:
        self.report = report
        if not report.dry_run and report.ok:
            self.dismiss(report)
            return
        self.query_one("#import-progress").display = False
        self.query_one("#import-file", Static).update(describe_file(report))
        if self.fields and (report.columns and not self.columns):
            self.show_columns(report.columns)
        self.query_one("#import-preview", Static).update(preview_text(report))
        self.query_one("#import", Button).disabled = not (report.ok and report.rows)


def describe_file(report: ImportReport) -> str:
    parts = [f"vCard {report.version}".strip() if report.file_format == "vcard" else "CSV"]
    if report.encoding:
        parts.append(report.encoding)
    names = {",": _("comma"), ";": _("semicolon"), "\t": _("tab")}
    if report.delimiter:
        parts.append(
            _("{separator}-separated").format(
                separator=names.get(report.delimiter, report.delimiter)
            )
        )
    return f"{report.source} ({', '.join(parts)})"
