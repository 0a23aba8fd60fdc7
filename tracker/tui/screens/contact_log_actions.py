"""What the contact log and the follow-ups do to an entry: add, edit, delete, tick off.

Also the way into the "after the event" form, which the events screen opens too.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual import work

from tracker.domain.errors import ConflictError, TrackerError
from tracker.i18n import N_, _, ngettext
from tracker.services.dto import EventQuery, EventRow
from tracker.services.dto_partners import BatchResult, InteractionInfo, NamedRef
from tracker.tui.drafts import Draft, parse_key
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.conflict import ask_what_to_do
from tracker.tui.modals.interaction import (
    EventOption,
    InteractionForm,
    InteractionRequest,
    draft_to_values,
    info_values,
    new_values,
    request_values,
)
from tracker.tui.modals.meeting_batch import MeetingBatchModal
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.widgets.name_picker import Directory

if TYPE_CHECKING:
    from tracker.services.context import Services

MAX_EVENTS = 500  # a plan year holds a few dozen


def directory_of(svc: Services) -> Directory:
    """Look-alike names and quick new records, for the forms (called from their workers)."""

    def new_person(name: str, organisation: int | None) -> NamedRef:
        made = svc.people.create({"name": name, "organisation": organisation or ""})
        return NamedRef(made.id, made.full_name)

    def new_organisation(name: str) -> NamedRef:
        made = svc.organisations.create({"name": name})
        return NamedRef(made.id, made.name)

    return Directory(
        people=svc.people.similar,
        organisations=svc.organisations.similar,
        new_person=new_person,
        new_organisation=new_organisation,
    )


def plan_events(svc: Services, year: int | None) -> tuple[EventRow, ...]:
    """The plan year's real events (placeholders stand for events not yet known)."""
    if year is None:
        return ()
    rows = svc.events.list(EventQuery(year=year, limit=MAX_EVENTS)).rows
    return tuple(row for row in rows if not row.is_placeholder)


def event_options(rows: tuple[EventRow, ...]) -> tuple[EventOption, ...]:
    return tuple(EventOption(r.id, r.name, r.start_date, r.end_date) for r in rows)


def open_meeting_batch(screen: TrackerScreen, event: EventRow) -> None:
    """The "after the event" form for `event`; the screen reloads when it saved."""
    if event.is_placeholder:
        screen.notify(
            _(
                "“{name}” stands for events still to be identified: add the real event first."
            ).format(name=event.name),
            title=_("Not a real event"),
            severity="error",
            markup=False,
        )
        return
    svc = screen.svc

    def saved(result: BatchResult | None) -> None:
        if result is None:
            return
        count = len(result.interactions)
        parts = [
            ngettext(
                "Logged {count} meeting at “{event}”", "Logged {count} meetings at “{event}”", count
            ).format(count=count, event=event.name)
        ]
        new = [
            _(noun if len(made) == 1 else plural).format(count=len(made))
            for made, noun, plural in (
                (result.people_created, N_("{count} new person"), N_("{count} new people")),
                (
                    result.organisations_created,
                    N_("{count} new organisation"),
                    N_("{count} new organisations"),
                ),
            )
            if made
        ]
        screen.notify(parts[0] + (f" ({', '.join(new)})" if new else "") + ".", markup=False)
        screen.changed()

    modal = MeetingBatchModal(
        event,
        directory_of(svc),
        lambda entries: svc.contact_log.log_meeting_batch(event.id, entries),
    )
    screen.app.push_screen(modal, saved)


class InteractionActions(TrackerScreen):
    """The write half shared by the contact log and the follow-ups screens."""

    _focus_id: int | None = None  # the entry to put the cursor on after the next load

    def selected_id(self) -> int | None:
        raise NotImplementedError

    def preset_event(self) -> int | None:
        """The event a new entry starts with (the log's event filter, if any)."""
        return None

    def action_new(self) -> None:
        self.prepare_form(None, self.preset_event())

    def action_edit(self) -> None:
        if (entry_id := self.selected_id()) is not None:
            self.prepare_form(entry_id, None)

    def reopen_draft(self, draft: Draft) -> None:
        """An entry's form left unsaved by a crash, back as it was typed."""
        kind, entry_id = parse_key(draft.key)
        if kind == "interaction":
            self.prepare_form(entry_id, None, draft)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def prepare_form(
        self, entry_id: int | None, event_id: int | None, draft: Draft | None = None
    ) -> None:
        events = event_options(plan_events(self.svc, self.year))
        info = self.svc.contact_log.get(entry_id) if entry_id is not None else None
        if info is not None and info.event and all(e.id != info.event.id for e in events):
            events = (*events, EventOption(info.event.id, info.event.name, None))
        if info is not None:
            values = info_values(info)
        else:
            preset = next((e for e in events if e.id == event_id), None)
            values = new_values(self.tracker.today, preset)
        if draft is not None:
            values = draft_to_values(draft.values)
            if info is not None and draft.version is not None:  # a save checks from there
                info = replace(info, version=draft.version)
        self.app.call_from_thread(
            self.open_form, values, events, info, None, restored=draft is not None
        )

    def open_form(
        self,
        values: dict[str, object],
        events: tuple[EventOption, ...],
        info: InteractionInfo | None,
        error: TrackerError | None,
        *,
        restored: bool = False,
    ) -> None:
        title = (
            _("Contact log entry #{id}").format(id=info.id)
            if info is not None
            else _("New contact log entry")
        )
        form = InteractionForm(
            values,
            events,
            directory_of(self.svc),
            today=self.tracker.today,
            title=title,
            error=error,
        )
        form.keep_drafts(
            "interaction",
            info.id if info else None,
            info.version if info else None,
            restored=restored,
        )

        def saved(request: InteractionRequest | None) -> None:
            if request is not None:
                self.save_entry(request, info, events)

        self.app.push_screen(form, saved)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def save_entry(
        self,
        request: InteractionRequest,
        info: InteractionInfo | None,
        events: tuple[EventOption, ...],
        overwrite: bool = False,
    ) -> None:
        log = self.svc.contact_log
        if overwrite and info is not None:  # the user chose to replace what someone saved
            info = log.get(info.id)
        organisations = [r.id for r in request.organisations]
        people = [r.id for r in request.people]
        try:
            if info is None:
                saved = log.add(
                    request.fields,
                    organisations=organisations,
                    people=people,
                    event=request.event_id,
                )
            else:
                saved = log.update(
                    info.id,
                    request.fields,
                    organisations=organisations,
                    people=people,
                    event=request.event_id,
                    expected_version=info.version,
                )
        except TrackerError as exc:  # back to the form, with what was typed
            values = request_values(request)
            if isinstance(exc, ConflictError) and info is not None:
                self.app.call_from_thread(
                    ask_what_to_do,
                    self,
                    exc,
                    reload=partial(self.prepare_form, info.id, None),
                    overwrite=partial(self.save_entry, request, info, events, True),
                    keep_editing=partial(self.open_form, values, events, info, exc),
                )
                return
            self.app.call_from_thread(self.open_form, values, events, info, exc)
            return
        self.app.call_from_thread(self.entry_saved, saved, info is None)

    def entry_saved(self, saved: InteractionInfo, created: bool) -> None:
        who = ", ".join(r.name for r in (*saved.people, *saved.organisations)[:3])
        done = _("Logged: {who}.") if created else _("Saved: {who}.")
        self.notify(done.format(who=who), markup=False)
        self._focus_id = saved.id
        self.changed()

    def action_delete(self) -> None:
        entry_id = self.selected_id()
        if entry_id is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_entry(entry_id)

        self.app.push_screen(
            ConfirmModal(
                _("Delete contact log entry #{entry_id}?").format(entry_id=entry_id),
                _("The people and organisations stay; only this entry goes."),
            ),
            answered,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def delete_entry(self, entry_id: int) -> None:
        self.svc.contact_log.delete(entry_id)
        self.app.call_from_thread(self.written, _("Deleted entry #{id}.").format(id=entry_id))

    @work(thread=True, exit_on_error=False, group="done")  # not exclusive: every press counts
    def set_done(self, entry_id: int, done: bool) -> None:
        log = self.svc.contact_log
        info = log.mark_done(entry_id) if done else log.reopen(entry_id)
        self.app.call_from_thread(self.follow_up_changed, info)

    def follow_up_changed(self, info: InteractionInfo) -> None:
        state = _("done") if not info.follow_up_open else _("open again")
        self.notify(
            _("Follow-up “{text}” {state}.").format(text=info.follow_up, state=state), markup=False
        )
        self._focus_id = info.id
        self.changed()
