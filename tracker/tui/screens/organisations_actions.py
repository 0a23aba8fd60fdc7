"""What the organisations screen does to one: the form, and moves along the board (undoable)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import work

from tracker.i18n import N_, _
from tracker.services.dto_partners import (
    ORGANISATION_SORTS,
    OrganisationDetail,
    OrganisationRow,
    StageChange,
)
from tracker.tui.modals.org_form import (
    OrganisationForm,
    edit_organisation_form,
    new_organisation_form,
)
from tracker.tui.screens.partner_base import PartnerScreen
from tracker.tui.widgets.partner_tables import stage_label

if TYPE_CHECKING:
    from tracker.services.context import Services


class OrganisationActions(PartnerScreen[OrganisationRow, OrganisationDetail]):
    """The write half of the organisations screen; the screen reloads after each change."""

    KIND: ClassVar[str] = "organisation"
    SORTS: ClassVar[tuple[str, ...]] = ORGANISATION_SORTS
    DELETE_NOTE: ClassVar[str] = N_(
        "Its tags, contact-log links and consortium memberships go; its people stay."
    )

    def __init__(self, page_size: int) -> None:
        super().__init__(page_size)
        self.moves: list[StageChange] = []  # board moves made here, newest last: u undoes

    @property
    def country_codes(self) -> list[str]:
        return [c.code for c in self.tracker.countries]

    def name_of(self, record: OrganisationRow | OrganisationDetail) -> str:
        return record.name

    def get_detail(self, svc: Services, record_id: int) -> OrganisationDetail:
        return svc.organisations.get(record_id)

    def delete_record(self, svc: Services, record_id: int) -> str:
        return svc.organisations.delete(record_id)

    def new_form(self, values: Mapping[str, object] | None = None) -> OrganisationForm:
        return new_organisation_form(self.svc, self.country_codes, values)

    def edit_form(
        self,
        detail: OrganisationDetail,
        values: Mapping[str, object] | None = None,
        version: int | None = None,
    ) -> OrganisationForm:
        return edit_organisation_form(self.svc, detail, self.country_codes, values, version)

    # -- the board --------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if (row := self.selected()) is not None:
            self.move(row.id, step)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def move(self, org_id: int, step: int) -> None:
        organisations = self.svc.organisations
        change = organisations.advance(org_id) if step > 0 else organisations.retreat(org_id)
        self.app.call_from_thread(self.moved, change, True)

    def action_undo(self) -> None:
        if not self.moves:
            self.notify(_("No move to undo."), markup=False)
            return
        self.undo(self.moves.pop())

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def undo(self, change: StageChange) -> None:
        back = self.svc.organisations.move(change.organisation_id, change.previous)
        self.app.call_from_thread(self.moved, back, False)

    def moved(self, change: StageChange, undoable: bool) -> None:
        if undoable:
            self.moves.append(change)
        self.focus_id = change.organisation_id
        self.follow(change)
        self.notify(
            _("{name}: {before} → {after}{undo}").format(
                name=change.name,
                before=stage_label(change.previous),
                after=stage_label(change.stage),
                undo=_(" (u undoes)") if undoable else "",
            ),
            markup=False,
        )
        self.changed()

    def follow(self, change: StageChange) -> None:
        """The board's cursor follows the card it moved (the screen knows how)."""
