"""What the calls screen writes to calls and their deadlines; consortia are in `calls_consortia`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from textual import on, work

from tracker.domain.errors import ConflictError, TrackerError
from tracker.i18n import N_, _
from tracker.services.dto_funding import CallInfo, ConsortiumInfo, MemberInfo
from tracker.tui.drafts import Draft, parse_key
from tracker.tui.format import fmt_date
from tracker.tui.modals.call import (
    CallForm,
    CallRequest,
    Deadline,
    DeadlineForm,
    call_values,
    deadline_changes,
    request_values,
)
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.conflict import ask_what_to_do
from tracker.tui.modals.pick import PickModal
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.widgets.call_tables import CallTable, ConsortiumTable, MemberTable
from tracker.tui.widgets.entry_table import EntryTable


@dataclass(frozen=True)
class Focus:
    """Where the cursors go once a change is saved and the screen reloads."""

    call: int | None = None
    consortium: int | None = None
    member: int | None = None


Change = Callable[[], tuple[str, Focus]]


class CallActions(TrackerScreen):
    """The write half of the calls screen; after each change it reloads, cursors kept."""

    focus_call: int | None = None
    focus_consortium: int | None = None
    focus_member: int | None = None
    showing_call: int | None = None

    @property
    def calls_table(self) -> CallTable:
        return self.query_one(CallTable)

    @property
    def consortia_table(self) -> ConsortiumTable:
        return self.query_one(ConsortiumTable)

    @property
    def members_table(self) -> MemberTable:
        return self.query_one(MemberTable)

    def _selected(self, row: object, what: str) -> bool:
        if row is None:
            self.notify(
                _("No {what} selected.").format(what=_(what)), severity="warning", markup=False
            )
        return row is not None

    def selected_call(self) -> CallInfo | None:
        call = self.calls_table.current
        return call if self._selected(call, N_("call")) else None

    def selected_consortium(self) -> ConsortiumInfo | None:
        consortium = self.consortia_table.current
        return consortium if self._selected(consortium, N_("consortium")) else None

    def selected_member(self) -> MemberInfo | None:
        member = self.members_table.current
        return member if self._selected(member, N_("member")) else None

    @on(EntryTable.Command)
    async def table_command(self, event: EntryTable.Command) -> None:
        event.stop()
        await self.run_action(event.action)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def apply(self, change: Change) -> None:
        """Run one change off the UI thread, then reload with the cursors where it says."""
        message, focus = change()
        self.app.call_from_thread(self.applied, message, focus)

    def applied(self, message: str, focus: Focus) -> None:
        self.focus_call = focus.call
        self.focus_consortium = focus.consortium
        self.focus_member = focus.member
        self.written(message)

    # -- calls and deadlines -----------------------------------------------------------

    def action_new_call(self) -> None:
        self.open_call_form(call_values(None), None, None)

    def action_edit_call(self) -> None:
        if (call := self.selected_call()) is not None:
            self.open_call_form(call_values(call), call, None)

    def open_call_form(
        self,
        values: dict[str, object],
        call: CallInfo | None,
        error: TrackerError | None,
        *,
        restored: bool = False,
    ) -> None:
        title = (
            _("Edit {title}").format(title=call.title)
            if call is not None
            else _("New funding call")
        )
        form = CallForm(values, title=title, error=error)
        form.keep_drafts(
            "call", call.id if call else None, call.version if call else None, restored=restored
        )

        def saved(request: CallRequest | None) -> None:
            if request is not None:
                self.save_call(request, call)

        self.app.push_screen(form, saved)

    def reopen_draft(self, draft: Draft) -> None:
        """A call form left unsaved by a crash, back as it was typed."""
        kind, call_id = parse_key(draft.key)
        if kind == "call":
            self.fetch_call(call_id, draft)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def fetch_call(self, call_id: int | None, draft: Draft | None = None) -> None:
        """Open the form on the call as saved now (reload), or on a draft of it."""
        call = self.svc.funding.get_call(call_id) if call_id is not None else None
        if draft is None:
            assert call is not None
            self.app.call_from_thread(self.open_call_form, call_values(call), call, None)
            return
        if call is not None and draft.version is not None:  # a save checks where it started
            call = replace(call, version=draft.version)
        self.app.call_from_thread(self.open_call_form, draft.values, call, None, restored=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def save_call(
        self, request: CallRequest, call: CallInfo | None, overwrite: bool = False
    ) -> None:
        funding = self.svc.funding
        try:
            if call is None:
                saved = funding.add_call(request.fields)
            else:
                if overwrite:  # the user chose to replace what someone else saved
                    call = funding.get_call(call.id)
                saved = funding.update_call(call.id, request.fields, expected_version=call.version)
        except ConflictError as exc:
            assert call is not None
            self.app.call_from_thread(self.resolve_conflict, request, call, exc)
            return
        except TrackerError as exc:  # back to the form, with what was typed
            self.app.call_from_thread(self.open_call_form, request_values(request), call, exc)
            return
        remove, add = deadline_changes(call, request.deadlines)
        for due in remove:
            funding.remove_deadline(saved.id, due)
        for due, label in add:
            funding.add_deadline(saved.id, due, label)
        done = _("Added {title}.") if call is None else _("Saved {title}.")
        self.app.call_from_thread(self.applied, done.format(title=saved.title), Focus(saved.id))

    def resolve_conflict(self, request: CallRequest, call: CallInfo, exc: ConflictError) -> None:
        ask_what_to_do(
            self,
            exc,
            reload=lambda: self.fetch_call(call.id),
            overwrite=lambda: self.save_call(request, call, True),
            keep_editing=lambda: self.open_call_form(request_values(request), call, exc),
        )

    def action_delete_call(self) -> None:
        call = self.selected_call()
        if call is None:
            return

        def delete() -> tuple[str, Focus]:
            return _("Deleted {name}.").format(name=self.svc.funding.delete_call(call.id)), Focus()

        def answered(yes: bool | None) -> None:
            if yes:
                self.apply(delete)

        self.app.push_screen(
            ConfirmModal(_("Delete the call {title}?").format(title=call.title)), answered
        )

    def action_add_deadline(self) -> None:
        call = self.selected_call()
        if call is None:
            return

        def chosen(deadline: Deadline | None) -> None:
            if deadline is None:
                return

            def add() -> tuple[str, Focus]:
                updated = self.svc.funding.add_deadline(call.id, *deadline)
                listed = ", ".join(fmt_date(d.due_on) for d in updated.deadlines)
                message = _("{title}: deadlines {listed}.").format(
                    title=updated.title, listed=listed
                )
                return message, Focus(call.id)

            self.apply(add)

        self.app.push_screen(
            DeadlineForm(title=_("Add a deadline to {title}").format(title=call.title)), chosen
        )

    def action_remove_deadline(self) -> None:
        call = self.selected_call()
        if call is None:
            return
        if not call.deadlines:
            self.notify(_("{title} has no deadlines.").format(title=call.title), markup=False)
            return
        options = [(f"{fmt_date(d.due_on)} {d.label}".strip(), d.due_on) for d in call.deadlines]

        def chosen(due: date | None) -> None:
            if due is None:
                return

            def remove() -> tuple[str, Focus]:
                updated = self.svc.funding.remove_deadline(call.id, due)
                message = _("{title}: the {date} deadline is gone.").format(
                    title=updated.title, date=fmt_date(due)
                )
                return message, Focus(call.id)

            self.apply(remove)

        self.app.push_screen(
            PickModal(_("Remove which deadline of {title}?").format(title=call.title), options),
            chosen,
        )
