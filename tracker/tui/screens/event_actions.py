"""What the events screen does to the selected event: add, edit, delete, link, status.

The list itself (pages, filters, order) is in `events.py`; this half only writes.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work

from tracker.domain.enums import EventStatus
from tracker.domain.errors import ConflictError, RuleViolation, TrackerError
from tracker.domain.event_rules import EventData
from tracker.i18n import _
from tracker.i18n_format import money
from tracker.services.dto import EventDetail, EventRow
from tracker.tui.drafts import Draft
from tracker.tui.format import category_name, term
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.conflict import ask_what_to_do
from tracker.tui.modals.event_form import EventForm, data_values, detail_values, new_values
from tracker.tui.modals.link import LinkModal, LinkRequest, LinkSetup
from tracker.tui.modals.pick import PickModal
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.screens.contact_log_actions import open_meeting_batch
from tracker.tui.widgets.event_table import EventTable


class EventActions(TrackerScreen):
    """The write half of the events screen."""

    _focus_id: int | None = None  # the event to put the cursor on after the next load

    @property
    def table(self) -> EventTable:
        return self.query_one(EventTable)

    def default_country(self) -> str:
        return ""

    def selected(self) -> EventRow | None:
        row = self.table.current
        if row is None:
            self.notify(_("No event selected."), severity="warning", markup=False)
        return row

    def action_new(self) -> None:
        values = new_values(country=self.default_country())
        self.open_form(values, None, None)

    def open_form(
        self,
        values: dict[str, object],
        detail: EventDetail | None,
        error: TrackerError | None,
        *,
        restored: bool = False,
    ) -> None:
        form = EventForm(
            values,
            self.tracker.countries,
            title=_("Edit event #{id}").format(id=detail.id) if detail else _("New event"),
            error=error,
        )
        form.draft_key = f"event:{detail.id if detail else 'new'}"
        form.draft_version = detail.version if detail else None
        form.restored = restored

        def saved(data: EventData | None) -> None:
            if data is not None:
                self.save_event(data, detail)

        self.app.push_screen(form, saved)

    def reopen_draft(self, draft: Draft) -> None:
        """A form left unsaved by a crash, back as it was typed."""
        if draft.key == "event:new":
            self.open_form(draft.values, None, None, restored=True)
        elif draft.key.startswith("event:") and draft.key[6:].isdigit():
            self.fetch_for_draft(int(draft.key[6:]), draft)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def fetch_for_draft(self, event_id: int, draft: Draft) -> None:
        detail = self.svc.events.get(event_id)
        if draft.version is not None:  # a save then checks the version the user started from
            detail = replace(detail, version=draft.version)
        self.app.call_from_thread(self.open_form, draft.values, detail, None, restored=True)

    def action_edit(self) -> None:
        if (row := self.selected()) is not None:
            self.fetch_for_edit(row.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def fetch_for_edit(self, event_id: int) -> None:
        detail = self.svc.events.get(event_id)
        self.app.call_from_thread(self.open_form, detail_values(detail), detail, None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def save_event(
        self, data: EventData, detail: EventDetail | None, *, overwrite: bool = False
    ) -> None:
        year = self.year
        assert year is not None
        try:
            if detail is None:
                saved = self.svc.events.create(year, data)
            else:
                if overwrite:  # the user chose to replace what someone else saved
                    detail = self.svc.events.get(detail.id)
                saved = self.svc.events.update(detail.id, data, expected_version=detail.version)
        except ConflictError as exc:
            self.app.call_from_thread(self.resolve_conflict, data, detail, exc)
            return
        except TrackerError as exc:  # back to the form, with what was typed
            values = data_values(data)
            self.app.call_from_thread(self.open_form, values, detail, exc)
            return
        self.app.call_from_thread(self.after_save, saved, detail is None)

    def resolve_conflict(self, data: EventData, detail: EventDetail, exc: ConflictError) -> None:
        ask_what_to_do(
            self,
            exc,
            reload=lambda: self.fetch_for_edit(detail.id),
            overwrite=lambda: self.save_event(data, detail, overwrite=True),
            keep_editing=lambda: self.open_form(data_values(data), detail, exc),
        )

    def after_save(self, saved: EventDetail, created: bool) -> None:
        done = _("Added “{name}”.") if created else _("Saved “{name}”.")
        self.notify(done.format(name=saved.name), markup=False)
        self._focus_id = saved.id
        self.changed()

    def action_delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        detail = (
            _("Its allocations ({amount}) go with it; expenses stay on their cost lines.").format(
                amount=money(row.allocated)
            )
            if row.allocated
            else _("This cannot be undone.")
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_event(row.id)

        self.app.push_screen(
            ConfirmModal(_("Delete “{name}”?").format(name=row.name), detail), answered
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def delete_event(self, event_id: int) -> None:
        name = self.svc.events.delete(event_id)
        self.app.call_from_thread(self.after_change, _("Deleted “{name}”.").format(name=name))

    def after_change(self, message: str, warning: str | None = None) -> None:
        self.notify(message, markup=False)
        if warning:
            self.notify(
                warning[:1].upper() + warning[1:],
                title=_("Over the line"),
                severity="warning",
                timeout=10,
                markup=False,
            )
        self.changed()

    def action_link(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.is_placeholder:
            self.notify(
                _(
                    "“{name}” stands for events still to be identified: it takes no money. "
                    "Add the real event, then link it."
                ).format(name=row.name),
                title=_("Cannot link a placeholder"),
                severity="error",
                markup=False,
            )
            return
        self.prepare_link(row.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def prepare_link(self, event_id: int) -> None:
        detail = self.svc.events.get(event_id)
        if detail.country_code is None:
            raise RuleViolation(
                _("“{name}” has no country: set one (e) to link costs").format(name=detail.name)
            )
        table = self.svc.budget.table(detail.year)
        column = next((c for c in table.columns if c.country.code == detail.country_code), None)
        if column is None:
            raise RuleViolation(
                _(
                    "{code} is not a target country of the {year} plan, so it has no cost lines"
                ).format(code=detail.country_code, year=detail.year)
            )
        setup = LinkSetup(detail, column, table.categories)
        self.app.call_from_thread(self.open_link, setup)

    def open_link(self, setup: LinkSetup) -> None:
        def chosen(request: LinkRequest | None) -> None:
            if request is not None:
                self.link(setup.event.id, request)

        self.app.push_screen(LinkModal(setup), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def link(self, event_id: int, request: LinkRequest) -> None:
        result = self.svc.events.link(event_id, request.category, request.amount)
        info = result.allocation
        message = _(
            "{amount} of {code} {category} earmarked for “{event}”; free on the line: {free}."
        ).format(
            amount=money(info.amount),
            code=info.country_code,
            category=category_name(info.category_name_it, info.category_name_en),
            event=info.event_name,
            free=money(info.line.free),
        )
        self.app.call_from_thread(self.after_change, message, result.warning)

    def action_status(self) -> None:
        row = self.selected()
        if row is None:
            return

        def chosen(status: str | None) -> None:
            if status is not None and status != row.status:
                self.set_status(row.id, status)

        options = [(term("event_status", status.value), status.value) for status in EventStatus]
        self.app.push_screen(
            PickModal(_("Status of “{name}”").format(name=row.name), options, current=row.status),
            chosen,
        )

    def action_log_meetings(self) -> None:
        """After the event: log everyone met there, in one form."""
        if (row := self.selected()) is not None:
            open_meeting_batch(self, row)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def set_status(self, event_id: int, status: str) -> None:
        detail = self.svc.events.set_status(event_id, status)
        message = _("“{name}” is now {status}.").format(
            name=detail.name, status=term("event_status", detail.status)
        )
        self.app.call_from_thread(self.after_change, message)
