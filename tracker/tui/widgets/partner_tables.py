"""Organisations and people as paged tables, and how their cells are written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType

from tracker.i18n import N_, _
from tracker.services.dto_partners import OrganisationRow, PersonRow
from tracker.tui.format import DASH, fmt_date
from tracker.tui.widgets.entry_table import EntryTable, cell
from tracker.tui.widgets.page_table import PADDING

R = TypeVar("R")

STAGE_LABELS = {
    "prospect": N_("Prospect"),
    "contacted": N_("Contacted"),
    "in_talks": N_("In talks"),
    "partner": N_("Partner"),
    "dormant": N_("Dormant"),
}
STAGE_STYLES = {
    "prospect": "dim",
    "contacted": "cyan",
    "in_talks": "yellow",
    "partner": "bold green",
    "dormant": "dim italic",
}
CONSENT_STYLES = {"given": "green", "refused": "red", "withdrawn": "red", "unknown": "dim"}


def stage_label(stage: str) -> str:
    return _(STAGE_LABELS.get(stage, stage.replace("_", " ")))


def kind_text(kind: str) -> str:
    return _(kind.replace("_", " "))


def place(row: OrganisationRow) -> str:
    return ", ".join(p for p in (row.city, row.country_code or "") if p) or DASH


class PartnerTable(EntryTable[R]):
    """An EntryTable of the partner screens (organisations, people, their timelines)."""


class OrganisationTable(PartnerTable[OrganisationRow]):
    COLUMNS = (
        ("name", N_("Organisation"), 34),
        ("kind", N_("Kind"), 14),
        ("stage", N_("Stage"), 10),
        ("place", N_("Where"), 22),
        ("tags", N_("Sectors"), 28),
        ("people", N_("People"), 6),
        ("updated", N_("Changed"), 10),
    )

    def row_id(self, row: OrganisationRow) -> int:
        return row.id

    def cells(self, row: OrganisationRow) -> Sequence[Text]:
        return [
            cell(row.name, style="bold"),
            cell(kind_text(row.kind), style="dim"),
            cell(stage_label(row.stage), style=STAGE_STYLES.get(row.stage, "")),
            cell(place(row)),
            cell(", ".join(row.tags) or DASH, style="dim"),
            cell(str(row.people) if row.people else DASH),
            cell(fmt_date(row.updated_at.date()), style="dim"),
        ]


class PersonTable(PartnerTable[PersonRow]):
    COLUMNS = (
        ("name", N_("Name"), 26),
        ("organisation", N_("Organisation"), 28),
        ("role", N_("Role"), 20),
        ("email", N_("Email"), 30),
        ("phone", N_("Phone"), 16),
        ("consent", N_("Consent"), 9),
        ("updated", N_("Changed"), 10),
    )

    def row_id(self, row: PersonRow) -> int:
        return row.id

    def cells(self, row: PersonRow) -> Sequence[Text]:
        name = row.full_name + (_(" (staff)") if row.is_staff else "")
        return [
            cell(name, style="bold"),
            cell(row.organisation_name or DASH),
            cell(row.role or DASH, style="dim"),
            cell(row.email or DASH),
            cell(row.phone or DASH),
            cell(_(row.consent), style=CONSENT_STYLES.get(row.consent, "")),
            cell(fmt_date(row.updated_at.date()), style="dim"),
        ]


class BoardColumn(PartnerTable[OrganisationRow]):
    """One stage of the board: its organisations by name, a page at a time.

    left and right ask the screen to move to the next column.
    """

    DEFAULT_CSS = """
    BoardColumn {
        width: 1fr;
        height: 1fr;
        border: round $primary 40%;
        border-title-color: $text-primary;
        border-title-style: bold;
    }
    BoardColumn:focus {
        border: round $accent;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "command('left')", "Previous column", show=False),
        Binding("right", "command('right')", "Next column", show=False),
    ]
    COLUMNS = (("name", N_("Organisation"), 26),)

    def __init__(self, stage: str) -> None:
        super().__init__(id=f"stage-{stage}")
        self.stage = stage
        self.show_header = False
        self.zebra_stripes = False

    def on_mount(self) -> None:
        self.heading(0)

    def on_resize(self) -> None:
        """One column as wide as the box: names end in "…" only when they must."""
        self.set_widths([max(8, self.scrollable_content_region.width - 2 * PADDING)])

    def heading(self, total: int, first: int = 0, shown: int = 0) -> None:
        title = f"{stage_label(self.stage)} ({total})"
        if shown and shown < total:
            title += f" {first + 1}–{first + shown}"
        self.border_title = title

    def row_id(self, row: OrganisationRow) -> int:
        return row.id

    def cells(self, row: OrganisationRow) -> Sequence[Text]:
        text = Text(row.name, style="bold", overflow="ellipsis", no_wrap=True)
        if row.country_code:
            text.append(f" {row.country_code}", style="dim")
        return [text]
