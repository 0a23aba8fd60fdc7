"""A plan year as an .xlsx workbook (openpyxl), for LibreOffice and Excel.

Sheets: the budget (planned, earmarked, free, spent and remaining per line and country,
with totals), the caps, the events, the missions, the organisations, the people and the
contact log. Amounts are numbers with a currency format and dates are dates, never
text. Text that a spreadsheet would read as a formula (starting with = + - @, a tab or
a carriage return) is stored as a text cell with Excel's quote prefix, so it shows as
typed and can never run; characters XML cannot hold are dropped.

The workbook is written in openpyxl's write-only mode: rows go to disk as they come, so
the long lists can be streamed straight from the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from tracker.io.report import labels
from tracker.io.report.atomic import write_atomic
from tracker.io.report.formats import EXCEL_DATE, EXCEL_TIME, excel_money_format
from tracker.io.report.model import ZERO, Bilingual, Figures, PlanBudget

__all__ = [
    "EventLine",
    "InteractionLine",
    "MissionLine",
    "OrganisationLine",
    "PersonLine",
    "SheetCount",
    "WorkbookData",
    "WorkbookSummary",
    "write_workbook",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell


@dataclass(frozen=True)
class EventLine:
    name: str
    kind: str
    country_code: str | None
    city: str
    start: date | None
    end: date | None
    status: str
    priority: str
    is_placeholder: bool
    allocated: Decimal
    organiser: str = ""
    url: str = ""
    why: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MissionLine:
    title: str
    country_code: str
    city: str
    start: date
    end: date
    status: str
    purpose: str = ""
    participants: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    allocated: Decimal = ZERO
    notes: str = ""


@dataclass(frozen=True)
class OrganisationLine:
    name: str
    kind: str
    stage: str
    country_code: str | None
    city: str = ""
    website: str = ""
    eccp_url: str = ""
    tags: tuple[str, ...] = ()
    people: int = 0
    notes: str = ""


@dataclass(frozen=True)
class PersonLine:
    full_name: str
    organisation: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    languages: str = ""
    is_staff: bool = False
    consent: str = "unknown"
    consent_source: str = ""
    consent_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class InteractionLine:
    occurred_on: date
    occurred_time: time | None
    kind: str
    event: str = ""
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    summary: str = ""
    follow_up: str = ""
    follow_up_due: date | None = None
    follow_up_done_on: date | None = None


@dataclass(frozen=True)
class WorkbookData:
    """A plan year's data; the lists may be generators, read once while writing."""

    year: int
    title: Bilingual
    currency: str
    budget: PlanBudget
    country_names: Mapping[str, Bilingual]
    events: Iterable[EventLine] = ()
    missions: Iterable[MissionLine] = ()
    organisations: Iterable[OrganisationLine] = ()
    people: Iterable[PersonLine] = ()
    interactions: Iterable[InteractionLine] = ()


@dataclass(frozen=True)
class SheetCount:
    name: str
    rows: int  # rows below the heading


@dataclass(frozen=True)
class WorkbookSummary:
    path: Path
    size: int  # bytes
    sheets: tuple[SheetCount, ...]


# A column: heading key (labels.COLUMNS), kind of value, width in characters.
# Kinds: text, money, date, time, count.
Column = tuple[str, str, float]

BOLD = Font(bold=True)
HEADING_ALIGNMENT = Alignment(vertical="top", wrap_text=True)


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]


class _Sheet:
    """One write-only sheet: heading row, typed cells, frozen heading, filter, A4 print."""

    def __init__(
        self,
        book: Workbook,
        name: str,
        columns: Sequence[Column],
        lang: str,
        currency: str,
        *,
        autofilter: bool = True,
    ) -> None:
        sheet = book.create_sheet(name)
        assert isinstance(sheet, WriteOnlyWorksheet)
        self.sheet = sheet
        # openpyxl's stubs leave out what a write-only sheet shares with Worksheet
        # (column widths, page setup, filter): reached untyped.
        self._shared = cast(Any, sheet)
        self.name = name
        self.columns = columns
        self.money_format = excel_money_format(lang, currency)
        self.rows = 0
        self.autofilter = autofilter
        for i, (_, _, width) in enumerate(columns, start=1):
            self._shared.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        page = self._shared.page_setup
        page.orientation = "landscape"
        page.paperSize = Worksheet.PAPERSIZE_A4
        page.fitToWidth = 1
        page.fitToHeight = 0
        self._shared.sheet_properties.pageSetUpPr.fitToPage = True
        heading = []
        for key, _, _ in columns:
            cell = WriteOnlyCell(sheet, labels.text(key, lang, labels.COLUMNS))
            cell.font = BOLD
            cell.alignment = HEADING_ALIGNMENT
            heading.append(cell)
        sheet.append(heading)

    def _cell(self, value: object, kind: str, bold: bool) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            text = _clean(value)
            if not text.startswith(FORMULA_STARTS) and not bold:
                return text
            cell = WriteOnlyCell(self.sheet, text)
            cell.data_type = "s"  # never a formula, whatever it starts with
            cell.quotePrefix = text.startswith(FORMULA_STARTS)
        else:
            cell = WriteOnlyCell(self.sheet)
            cell.value = value  # type: ignore[assignment]  # Decimal, int, date or time
            if kind == "money":
                cell.number_format = self.money_format
            elif kind == "date":
                cell.number_format = EXCEL_DATE
            elif kind == "time":
                cell.number_format = EXCEL_TIME
        if bold:
            cell.font = BOLD
        return cell

    def add(self, values: Sequence[object], *, bold: bool = False) -> None:
        kinds = [kind for _, kind, _ in self.columns]
        self.sheet.append(
            [self._cell(v, kind, bold) for v, kind in zip(values, kinds, strict=True)]
        )
        self.rows += 1

    def close(self) -> SheetCount:
        if self.autofilter:
            last = get_column_letter(len(self.columns))
            self._shared.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        return SheetCount(self.name, self.rows)


class _Writer:
    def __init__(self, data: WorkbookData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.book = Workbook(write_only=True)
        self.book.properties.title = data.title.get(lang) or str(data.year)
        self.book.properties.creator = "tracker"
        self.counts: list[SheetCount] = []

    def sheet(self, key: str, columns: Sequence[Column], *, autofilter: bool = True) -> _Sheet:
        name = labels.text(key, self.lang, labels.SHEETS)
        return _Sheet(
            self.book, name, columns, self.lang, self.data.currency, autofilter=autofilter
        )

    def word(self, vocabulary: str, value: str) -> str:
        return labels.word(vocabulary, value, self.lang)

    def yes_no(self, flag: bool) -> str:
        return labels.text("yes" if flag else "no", self.lang)

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        name = self.data.country_names.get(code)
        return (name.get(self.lang) if name is not None else "") or code

    def joined(self, names: Iterable[str]) -> str:
        return "; ".join(names)

    def finish(self, sheet: _Sheet) -> None:
        self.counts.append(sheet.close())


FIGURES = ("planned", "allocated", "free", "actual", "remaining")
BUDGET_COLUMNS: tuple[Column, ...] = (
    ("position", "count", 9),
    ("country", "text", 18),
    ("category", "text", 38),
    *((key, "money", 16) for key in FIGURES),
)
CAP_COLUMNS: tuple[Column, ...] = (
    ("group", "text", 22),
    ("scope", "text", 16),
    ("countries", "text", 28),
    ("cap", "money", 16),
    ("planned", "money", 16),
    ("headroom", "money", 16),
    ("over", "text", 10),
)
EVENT_COLUMNS: tuple[Column, ...] = (
    ("name", "text", 40),
    ("kind", "text", 22),
    ("country", "text", 16),
    ("city", "text", 16),
    ("start", "date", 12),
    ("end", "date", 12),
    ("status", "text", 14),
    ("priority", "text", 10),
    ("placeholder", "text", 11),
    ("earmarked", "money", 14),
    ("organiser", "text", 24),
    ("website", "text", 30),
    ("why", "text", 40),
    ("notes", "text", 40),
)
MISSION_COLUMNS: tuple[Column, ...] = (
    ("title", "text", 36),
    ("country", "text", 16),
    ("city", "text", 16),
    ("start", "date", 12),
    ("end", "date", 12),
    ("status", "text", 14),
    ("purpose", "text", 40),
    ("participants", "text", 30),
    ("events", "text", 36),
    ("earmarked", "money", 14),
    ("notes", "text", 40),
)
ORGANISATION_COLUMNS: tuple[Column, ...] = (
    ("name", "text", 36),
    ("kind", "text", 20),
    ("stage", "text", 16),
    ("country", "text", 16),
    ("city", "text", 18),
    ("website", "text", 30),
    ("eccp", "text", 30),
    ("tags", "text", 24),
    ("people", "count", 9),
    ("notes", "text", 50),
)
PERSON_COLUMNS: tuple[Column, ...] = (
    ("name", "text", 28),
    ("organisation", "text", 30),
    ("role", "text", 24),
    ("email", "text", 30),
    ("phone", "text", 18),
    ("languages", "text", 10),
    ("staff", "text", 8),
    ("consent", "text", 12),
    ("consent_source", "text", 24),
    ("consent_date", "date", 14),
    ("notes", "text", 40),
)
CONTACT_COLUMNS: tuple[Column, ...] = (
    ("date", "date", 12),
    ("time", "time", 8),
    ("kind", "text", 14),
    ("event", "text", 30),
    ("organisations", "text", 30),
    ("people", "text", 30),
    ("summary", "text", 50),
    ("follow_up", "text", 36),
    ("due", "date", 12),
    ("done", "date", 12),
)


def _figures(line: Figures) -> list[object]:
    return [getattr(line, key) for key in FIGURES]


def _budget(w: _Writer) -> None:
    budget = w.data.budget
    sheet = w.sheet("budget", BUDGET_COLUMNS, autofilter=False)
    for col in budget.columns:
        country = col.name.get(w.lang) or col.code
        for category in budget.categories:
            line = col.cells.get(category.code, Figures())
            name = category.name.get(w.lang) or category.code
            sheet.add([col.position, country, name, *_figures(line)])
        total = labels.text("country_total", w.lang)
        sheet.add([col.position, country, total, *_figures(col.total)], bold=True)
    plan_total = labels.text("plan_total", w.lang)
    sheet.add([None, plan_total, None, *_figures(budget.total)], bold=True)
    w.finish(sheet)


def _caps(w: _Writer) -> None:
    budget = w.data.budget
    sheet = w.sheet("caps", CAP_COLUMNS)
    for check in budget.checks:
        headroom = None if check.cap is None else check.cap - check.planned
        sheet.add(
            [
                labels.cap_group(budget.rule.basis, check.group, w.lang),
                w.word("cap_scope", check.scope),
                ", ".join(w.country(code) for code in check.countries),
                check.cap,
                check.planned,
                headroom,
                w.yes_no(check.over),
            ]
        )
    w.finish(sheet)


def _events(w: _Writer) -> None:
    sheet = w.sheet("events", EVENT_COLUMNS)
    for e in w.data.events:
        sheet.add(
            [
                e.name,
                w.word("event_kind", e.kind),
                w.country(e.country_code),
                e.city,
                e.start,
                e.end,
                w.word("event_status", e.status),
                w.word("priority", e.priority),
                w.yes_no(e.is_placeholder),
                e.allocated,
                e.organiser,
                e.url,
                e.why,
                e.notes,
            ]
        )
    w.finish(sheet)


def _missions(w: _Writer) -> None:
    sheet = w.sheet("missions", MISSION_COLUMNS)
    for m in w.data.missions:
        sheet.add(
            [
                m.title,
                w.country(m.country_code),
                m.city,
                m.start,
                m.end,
                w.word("mission_status", m.status),
                m.purpose,
                w.joined(m.participants),
                w.joined(m.events),
                m.allocated,
                m.notes,
            ]
        )
    w.finish(sheet)


def _organisations(w: _Writer) -> None:
    sheet = w.sheet("organisations", ORGANISATION_COLUMNS)
    for o in w.data.organisations:
        sheet.add(
            [
                o.name,
                w.word("org_kind", o.kind),
                w.word("stage", o.stage),
                w.country(o.country_code),
                o.city,
                o.website,
                o.eccp_url,
                ", ".join(o.tags),
                o.people,
                o.notes,
            ]
        )
    w.finish(sheet)


def _people(w: _Writer) -> None:
    sheet = w.sheet("people", PERSON_COLUMNS)
    for p in w.data.people:
        sheet.add(
            [
                p.full_name,
                p.organisation,
                p.role,
                p.email,
                p.phone,
                p.languages,
                w.yes_no(p.is_staff),
                w.word("consent", p.consent),
                p.consent_source,
                p.consent_date,
                p.notes,
            ]
        )
    w.finish(sheet)


def _contacts(w: _Writer) -> None:
    sheet = w.sheet("contacts", CONTACT_COLUMNS)
    for i in w.data.interactions:
        sheet.add(
            [
                i.occurred_on,
                i.occurred_time,
                w.word("interaction_kind", i.kind),
                i.event,
                w.joined(i.organisations),
                w.joined(i.people),
                i.summary,
                i.follow_up,
                i.follow_up_due,
                i.follow_up_done_on,
            ]
        )
    w.finish(sheet)


SHEET_WRITERS = (_budget, _caps, _events, _missions, _organisations, _people, _contacts)


def write_workbook(data: WorkbookData, path: Path, *, lang: str = "it") -> WorkbookSummary:
    """Write the workbook to ``path`` atomically (mode 0600); say what each sheet holds."""
    labels.check_lang(lang)
    writer = _Writer(data, lang)
    for write_sheet in SHEET_WRITERS:
        write_sheet(writer)

    def save(handle: BinaryIO) -> None:
        writer.book.save(handle)

    written = write_atomic(path, save)
    return WorkbookSummary(written.path, written.size, tuple(writer.counts))
