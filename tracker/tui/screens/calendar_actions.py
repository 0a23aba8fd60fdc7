"""What the calendar does besides showing: schedule a tray event, list a day's items,
open the missions and start a new one on the selected day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from textual import work
from textual.widgets import OptionList

from tracker.domain.errors import ConflictError
from tracker.i18n import _
from tracker.services.dto import EventDetail
from tracker.services.dto_calendar import (
    CalendarItem,
    MissionDetail,
    MonthGrid,
    PresetOption,
    RecurrenceInfo,
    ScheduleTray,
    TrayEvent,
)
from tracker.tui.format import fmt_date, fmt_span
from tracker.tui.modals.conflict import ask_what_to_do
from tracker.tui.modals.day_items import DayModal
from tracker.tui.modals.pick import PickModal
from tracker.tui.modals.recurrence import RecurrenceForm
from tracker.tui.modals.schedule import ScheduleForm, ScheduleRequest
from tracker.tui.screens.mission_actions import MissionActions


class CalendarActions(MissionActions):
    """The write half of the calendar screen; the screen keeps what it shows."""

    selected: date | None
    grid: MonthGrid | None
    tray: ScheduleTray | None

    def tray_event(self) -> TrayEvent | None:
        tray = self.tray
        index = self.query_one("#tray", OptionList).highlighted
        if tray is None or index is None or not 0 <= index < len(tray.events):
            return None
        return tray.events[index]

    # -- scheduling -------------------------------------------------------------------

    def action_schedule(self) -> None:
        event = self.tray_event()
        if event is None:
            self.notify(_("Nothing to schedule: every event has its dates."), markup=False)
            return
        note = ""
        if event.suggested_start:
            note = _("Suggested by its rule ({rule}).").format(rule=event.recurrence)
        start = event.suggested_start or self.selected

        self.open_schedule_form(event, ScheduleForm(event.name, start, note=note))

    def open_schedule_form(self, event: TrayEvent, form: ScheduleForm) -> None:
        def chosen(request: ScheduleRequest | None) -> None:
            if request is not None:
                self.schedule(event, request)

        self.app.push_screen(form, chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def schedule(
        self, event: TrayEvent, request: ScheduleRequest, *, overwrite: bool = False
    ) -> None:
        # The version read with the tray: a colleague's change since then is not
        # overwritten unless the user says so.
        version = None if overwrite else event.version
        try:
            detail = self.svc.calendar.schedule(
                event.id, request.start, request.end, expected_version=version
            )
        except ConflictError as exc:
            self.app.call_from_thread(self.schedule_conflict, event, request, exc)
            return
        self.app.call_from_thread(self.scheduled, detail)

    def schedule_conflict(
        self, event: TrayEvent, request: ScheduleRequest, error: ConflictError
    ) -> None:
        def keep_editing() -> None:
            form = ScheduleForm(event.name, request.start, end=request.end, error=error)
            self.open_schedule_form(event, form)

        def reload() -> None:
            self.notify(
                _("The calendar shows their change; your dates were not saved."), markup=False
            )
            self.changed()

        ask_what_to_do(
            self,
            error,
            reload=reload,
            overwrite=lambda: self.schedule(event, request, overwrite=True),
            keep_editing=keep_editing,
        )

    def scheduled(self, detail: EventDetail) -> None:
        assert detail.start_date is not None
        when = fmt_span(detail.start_date, detail.end_date)
        self.notify(
            _("“{name}” scheduled: {when}.").format(name=detail.name, when=when), markup=False
        )
        self.selected = detail.start_date
        self.changed()

    def act_on_day(self, kind: str, none: str, title: str, then: Callable[[int], object]) -> None:
        """Act on the selected day's item of ``kind``: at once when there is one, after
        asking which when there are several; ``none`` is said when there is none."""
        grid, day = self.grid, self.selected
        found: list[CalendarItem] = []
        if grid is not None and day is not None:
            try:
                found = [i for i in grid.day(day).items if i.kind == kind]
            except KeyError:
                found = []
        if not found:
            self.notify(none, markup=False)
            return
        if len(found) == 1:
            then(found[0].id)
            return

        def picked(record_id: int | None) -> None:
            if record_id is not None:
                then(record_id)

        options = [(f"{fmt_span(i.start, i.end)}  {i.title}", i.id) for i in found]
        self.app.push_screen(PickModal(title, options), picked)

    # -- recurrence -------------------------------------------------------------------

    def action_repeat(self) -> None:
        """How the tray's event (when the tray has the focus) or the day's event repeats."""
        if self.query_one("#tray", OptionList).has_focus:
            event = self.tray_event()
            if event is not None:
                self.open_recurrence(event.id)
            return
        self.act_on_day(
            "event",
            _("No event on this day (o: the tray's events)."),
            _("Which event?"),
            self.open_recurrence,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def open_recurrence(self, event_id: int) -> None:
        info = self.svc.recurrence.get(event_id)
        presets = self.svc.recurrence.presets(event_id)
        self.app.call_from_thread(self.show_recurrence_form, info, presets)

    def show_recurrence_form(
        self,
        info: RecurrenceInfo,
        presets: tuple[PresetOption, ...],
        typed: str | None = None,
        error: ConflictError | None = None,
    ) -> None:
        def chosen(rule: str | None) -> None:
            if rule is not None:
                self.set_recurrence(info, presets, rule)

        form = RecurrenceForm(info, presets, typed=typed, error=error)
        self.app.push_screen(form, chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def set_recurrence(
        self,
        info: RecurrenceInfo,
        presets: tuple[PresetOption, ...],
        rule: str,
        overwrite: bool = False,
    ) -> None:
        recurrence = self.svc.recurrence
        if overwrite:  # the user chose to replace what someone else saved
            info = recurrence.get(info.event_id)
        try:
            saved = recurrence.set_recurrence(info.event_id, rule, expected_version=info.version)
        except ConflictError as exc:
            self.app.call_from_thread(
                ask_what_to_do,
                self,
                exc,
                reload=partial(self.open_recurrence, info.event_id),
                overwrite=partial(self.set_recurrence, info, presets, rule, True),
                keep_editing=partial(self.show_recurrence_form, info, presets, rule, exc),
            )
            return
        self.app.call_from_thread(self.recurrence_set, saved)

    def recurrence_set(self, info: RecurrenceInfo) -> None:
        how = info.description if info.rule else _("does not repeat")
        message = _("“{name}”: {how}.").format(name=info.event_name, how=how)
        if info.next_date:
            message += " " + _("Next: {day}.").format(day=fmt_date(info.next_date))
        self.notify(message, markup=False)
        if info.warning:
            self.notify(info.warning[:1].upper() + info.warning[1:], severity="warning")
        self.changed()

    # -- days and missions ------------------------------------------------------------

    def show_day(self, day: date) -> None:
        grid = self.grid
        if grid is None:
            return
        try:
            cell = grid.day(day)
        except KeyError:
            return
        self.app.push_screen(DayModal(cell))

    def action_edit_mission(self) -> None:
        """Open the mission on the selected day (asking which, when there are several)."""
        self.act_on_day(
            "mission",
            _("No mission on this day: n starts one."),
            _("Which mission?"),
            lambda mission_id: self.open_mission_form(mission_id, None),
        )

    def action_new_mission(self) -> None:
        self.new_mission(self.selected)

    def action_missions(self) -> None:
        from tracker.tui.screens.missions import MissionsScreen

        self.app.push_screen(MissionsScreen())

    def mission_saved(self, saved: MissionDetail) -> None:
        self.selected = saved.start_date
