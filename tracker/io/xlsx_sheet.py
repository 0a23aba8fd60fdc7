"""Write-only worksheets with typed cells: the building blocks of the plan workbook."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from tracker.io.report import labels
from tracker.io.report.formats import EXCEL_DATE, EXCEL_TIME, excel_money_format
from tracker.io.xlsx_data import (
    SheetCount,
    WorkbookData,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell


# A column: heading key (labels.COLUMNS), kind of value, width in characters.
# Kinds: text, money, date, time, count.
Column = tuple[str, str, float]

BOLD = Font(bold=True)
HEADING_ALIGNMENT = Alignment(vertical="top", wrap_text=True)


def clean_text(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]


class Sheet:
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
            text = clean_text(value)
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


class SheetWriter:
    def __init__(self, data: WorkbookData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.book = Workbook(write_only=True)
        self.book.properties.title = data.title.get(lang) or str(data.year)
        self.book.properties.creator = "tracker"
        self.counts: list[SheetCount] = []

    def sheet(self, key: str, columns: Sequence[Column], *, autofilter: bool = True) -> Sheet:
        name = labels.text(key, self.lang, labels.SHEETS)
        return Sheet(self.book, name, columns, self.lang, self.data.currency, autofilter=autofilter)

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

    def finish(self, sheet: Sheet) -> None:
        self.counts.append(sheet.close())
