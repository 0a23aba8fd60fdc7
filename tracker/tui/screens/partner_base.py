"""What the organisations and people screens share: a filter box, sorting, the forms,
delete, the timeline and the duplicates, for one kind of record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.widgets import Input

from tracker.i18n import N_, _
from tracker.tui.drafts import Draft, parse_key
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.saving_form import SavingForm
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.widgets.entry_table import PageState

if TYPE_CHECKING:
    from tracker.services.context import Services

RowT = TypeVar("RowT")
DetailT = TypeVar("DetailT")


class PartnerScreen(TrackerScreen, Generic[RowT, DetailT]):
    """Subclasses say how to read, show and change one record of their ``KIND``."""

    KIND: ClassVar[str] = "organisation"  # organisation | person
    SORTS: ClassVar[tuple[str, ...]] = ("name",)
    DELETE_NOTE: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New")),
        Binding("e", "edit", N_("Edit")),
        Binding("s", "sort", N_("Sort")),
        Binding("r", "reverse", N_("Reverse")),
        Binding("slash", "search", N_("Filter"), key_display="/"),
        Binding("D", "duplicates", N_("Duplicates")),
        Binding("enter", "timeline", N_("Timeline"), show=False),
        Binding("x", "delete", N_("Delete"), show=False),
        Binding("escape", "focus_table", N_("Back to the list"), show=False),
    ]

    def __init__(self, page_size: int) -> None:
        super().__init__()
        self.text = ""
        self.sort = self.SORTS[0]
        self.descending = False
        self.paging = PageState(page_size)
        self.focus_id: int | None = None  # where the cursor goes after the next load

    # -- what subclasses say ----------------------------------------------------------

    def current_row(self) -> RowT | None:
        raise NotImplementedError

    def name_of(self, record: RowT | DetailT) -> str:
        raise NotImplementedError

    def id_of(self, record: RowT | DetailT) -> int:
        return int(getattr(record, "id"))  # noqa: B009 - rows and details both have one

    def get_detail(self, svc: Services, record_id: int) -> DetailT:
        raise NotImplementedError

    def delete_record(self, svc: Services, record_id: int) -> str:
        raise NotImplementedError

    def new_form(self, values: Mapping[str, object] | None = None) -> SavingForm[DetailT]:
        """The form for a new record (``values``: a draft brought back)."""
        raise NotImplementedError

    def edit_form(
        self,
        detail: DetailT,
        values: Mapping[str, object] | None = None,
        version: int | None = None,
    ) -> SavingForm[DetailT]:
        """The form for a saved record (``values``, ``version``: a draft brought back)."""
        raise NotImplementedError

    def restart(self) -> None:
        """Back to the first page (filter or order changed) and reload."""
        self.paging.restart()
        self.sync(force=True)

    def action_focus_table(self) -> None:
        raise NotImplementedError

    # -- shared behaviour -------------------------------------------------------------

    def selected(self) -> RowT | None:
        row = self.current_row()
        if row is None:
            self.notify(_("Nothing selected."), severity="warning", markup=False)
        return row

    @on(Input.Changed, ".partner-filter Input")
    def filter_changed(self, event: Input.Changed) -> None:
        text = " ".join(event.value.split())
        if text != self.text:
            self.text = text
            self.restart()

    @on(Input.Submitted, ".partner-filter Input")
    def filter_submitted(self) -> None:
        self.action_focus_table()

    def action_search(self) -> None:
        """Into the filter box (ctrl+f is the app's search of everything)."""
        self.query_one(".partner-filter Input", Input).focus()

    def action_sort(self) -> None:
        self.sort = self.SORTS[(self.SORTS.index(self.sort) + 1) % len(self.SORTS)]
        self.restart()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.restart()

    def order_text(self) -> str:
        order = _("by {sort}").format(sort=_(self.sort))
        return order + _(", reversed") if self.descending else order

    def saved(self, record: DetailT | None, verb: str) -> None:
        if record is None:
            return
        self.focus_id = self.id_of(record)
        self.notify(verb.format(name=self.name_of(record)), markup=False)
        self.changed()

    def action_new(self) -> None:
        self.open_new()

    def open_new(self, values: Mapping[str, object] | None = None) -> None:
        form = self.new_form(values)
        self.app.push_screen(form, lambda made: self.saved(made, _("Added {name}.")))

    def action_edit(self) -> None:
        if (row := self.selected()) is not None:
            self.open_edit(self.id_of(row))

    def reopen_draft(self, draft: Draft) -> None:
        """A form left unsaved by a crash, back as it was typed (an edit keeps the
        version its user started from, so a save still sees a change made since)."""
        kind, record_id = parse_key(draft.key)
        if kind != self.KIND:
            return
        if record_id is None:
            self.open_new(draft.values)
        else:
            self.open_edit(record_id, draft)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def open_edit(self, record_id: int, draft: Draft | None = None) -> None:
        detail = self.get_detail(self.svc, record_id)
        self.app.call_from_thread(self.show_edit, detail, draft)

    def show_edit(self, detail: DetailT, draft: Draft | None = None) -> None:
        if draft is None:
            form = self.edit_form(detail)
        else:
            form = self.edit_form(detail, draft.values, draft.version)
        self.app.push_screen(form, lambda saved: self.saved(saved, _("Saved {name}.")))

    def action_delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        record_id = self.id_of(row)

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda svc: _("Deleted {name}.").format(name=self.delete_record(svc, record_id))
                )

        question = _("Delete {name}?").format(name=self.name_of(row))
        self.app.push_screen(ConfirmModal(question, _(self.DELETE_NOTE)), answered)

    def action_timeline(self) -> None:
        from tracker.tui.screens.timeline import TimelineScreen

        if (row := self.selected()) is not None:
            self.app.push_screen(TimelineScreen(self.KIND, self.id_of(row), self.name_of(row)))

    def action_duplicates(self) -> None:
        from tracker.tui.screens.duplicates import DuplicatesScreen

        self.app.push_screen(DuplicatesScreen(self.KIND))
