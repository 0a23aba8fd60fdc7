"""What the calendar and the missions list do to a mission: new, edit, status, delete.

The form is filled off the UI thread (the plan's target countries, the mission as it is
now) and saved in one service call; a refusal reopens it with what was typed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from textual import work

from tracker.domain.errors import ConflictError, TrackerError
from tracker.i18n import _
from tracker.services.dto_calendar import MissionDetail
from tracker.tui.drafts import Draft, parse_key
from tracker.tui.format import fmt_date
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.conflict import ask_what_to_do
from tracker.tui.modals.mission_form import MissionForm, MissionRequest, detail_values, new_values
from tracker.tui.modals.pick import PickModal
from tracker.tui.screens.base import TrackerScreen


class MissionActions(TrackerScreen):
    """The write half shared by the screens that show missions."""

    def mission_saved(self, saved: MissionDetail) -> None:
        """After a save: subclasses may move to the mission."""

    # -- new and edit -----------------------------------------------------------------

    def new_mission(self, start: date | None) -> None:
        if self.year is None:
            self.notify(_("There is no plan yet."), severity="warning", markup=False)
            return
        self.open_mission_form(None, start)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def open_mission_form(
        self, mission_id: int | None, start: date | None, draft: Draft | None = None
    ) -> None:
        """The form on a new mission, on a mission as saved now, or on a draft of either."""
        year = self.year
        assert year is not None
        targets = tuple(t.code for t in self.svc.plans.overview(year).targets)
        if mission_id is None:
            values = new_values(country=targets[0] if targets else "", start=fmt_date(start))
            detail = None
        else:
            detail = self.svc.missions.get(mission_id)
            values = detail_values(detail)
        if draft is not None:
            values = draft.values
            if detail is not None and draft.version is not None:  # a save checks from there
                detail = replace(detail, version=draft.version)
        restored = draft is not None
        self.app.call_from_thread(
            self.show_mission_form, values, targets, detail, None, restored=restored
        )

    def reopen_draft(self, draft: Draft) -> None:
        """A mission form left unsaved by a crash, back as it was typed."""
        kind, mission_id = parse_key(draft.key)
        if kind == "mission" and self.year is not None:
            self.open_mission_form(mission_id, None, draft)

    def show_mission_form(
        self,
        values: dict[str, object],
        targets: tuple[str, ...],
        detail: MissionDetail | None,
        error: TrackerError | None,
        *,
        restored: bool = False,
    ) -> None:
        title = _("Edit mission #{id}").format(id=detail.id) if detail else _("New mission")
        form = MissionForm(values, targets, title=title, error=error)
        form.keep_drafts(
            "mission",
            detail.id if detail else None,
            detail.version if detail else None,
            restored=restored,
        )

        def saved(request: MissionRequest | None) -> None:
            if request is not None:
                self.save_mission(request, form.values(), targets, detail)

        self.app.push_screen(form, saved)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def save_mission(
        self,
        request: MissionRequest,
        typed: dict[str, object],
        targets: tuple[str, ...],
        detail: MissionDetail | None,
        overwrite: bool = False,
    ) -> None:
        year = self.year
        assert year is not None
        missions = self.svc.missions
        try:
            if detail is None:
                saved = missions.create(
                    year,
                    request.country,
                    request.fields,
                    request.events,
                    request.participants,
                    lines=request.lines,
                )
            else:
                if overwrite:  # the user chose to replace what someone else saved
                    detail = missions.get(detail.id)
                saved = missions.update(
                    detail.id,
                    {**request.fields, "country": request.country},
                    detail.version,
                    events=request.events,
                    participants=request.participants,
                    lines=request.lines,
                )
        except ConflictError as exc:
            assert detail is not None
            self.app.call_from_thread(
                ask_what_to_do,
                self,
                exc,
                reload=partial(self.open_mission_form, detail.id, None),
                overwrite=partial(self.save_mission, request, typed, targets, detail, True),
                keep_editing=partial(self.show_mission_form, typed, targets, detail, exc),
            )
            return
        except TrackerError as exc:  # back to the form, with what was typed
            self.app.call_from_thread(self.show_mission_form, typed, targets, detail, exc)
            return
        self.app.call_from_thread(self.after_mission_save, saved, detail is None)

    def after_mission_save(self, saved: MissionDetail, created: bool) -> None:
        done = _("Added “{title}”.") if created else _("Saved “{title}”.")
        self.notify(done.format(title=saved.title), markup=False)
        for warning in saved.warnings:
            self.notify(warning[:1].upper() + warning[1:], severity="warning", markup=False)
        self.mission_saved(saved)
        self.changed()

    # -- status and delete ------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def pick_mission_status(self, mission_id: int) -> None:
        detail = self.svc.missions.get(mission_id)
        self.app.call_from_thread(self.show_status_picker, detail)

    def show_status_picker(self, detail: MissionDetail) -> None:
        options = [(status, status) for status in detail.next_statuses]

        def picked(status: str | None) -> None:
            if status is not None:
                self.write(
                    lambda svc: _("“{title}” is {status} now.").format(
                        title=svc.missions.set_status(detail.id, status).title, status=status
                    )
                )

        title = _("“{title}” is {status}: move it to").format(
            title=detail.title, status=detail.status
        )
        self.app.push_screen(PickModal(title, options), picked)

    def confirm_delete_mission(self, mission_id: int, title: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda svc: _("Deleted “{title}”.").format(
                        title=svc.missions.delete(mission_id)
                    )
                )

        question = _("Delete “{title}”?").format(title=title)
        detail = _("Its money goes back to the cost lines; its events and people stay.")
        self.app.push_screen(ConfirmModal(question, detail), answered)
