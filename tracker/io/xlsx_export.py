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

from pathlib import Path
from typing import BinaryIO

from tracker.io.atomic import write_atomic
from tracker.io.report import labels
from tracker.io.report.model import Figures
from tracker.io.xlsx_data import (
    EventLine,
    InteractionLine,
    MissionLine,
    OrganisationLine,
    PersonLine,
    SheetCount,
    WorkbookData,
    WorkbookSummary,
)
from tracker.io.xlsx_sheet import Column, SheetWriter

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


def _budget(w: SheetWriter) -> None:
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


def _caps(w: SheetWriter) -> None:
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


def _events(w: SheetWriter) -> None:
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


def _missions(w: SheetWriter) -> None:
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


def _organisations(w: SheetWriter) -> None:
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


def _people(w: SheetWriter) -> None:
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


def _contacts(w: SheetWriter) -> None:
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
    writer = SheetWriter(data, lang)
    for write_sheet in SHEET_WRITERS:
        write_sheet(writer)

    def save(handle: BinaryIO) -> None:
        writer.book.save(handle)

    written = write_atomic(path, save)
    return WorkbookSummary(written.path, written.size, tuple(writer.counts))
