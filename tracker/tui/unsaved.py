"""Unsaved work at the app's edges: asking before quitting over a dirty form, and
offering back the drafts a crash left behind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.i18n import _
from tracker.tui.drafts import Draft, parse_key

# The modals (and the form's widgets) are imported when a question is asked: start-up
# offers the drafts, and usually there are none.

if TYPE_CHECKING:
    from tracker.tui.app import TrackerApp

# A draft's kind → the area whose screen reopens it (its `reopen_draft`).
DRAFT_AREAS = {
    "event": "events",
    "call": "calls",
    "organisation": "organisations",
    "person": "people",
    "interaction": "contact_log",
    "mission": "calendar",
}


def ask_before_quitting(app: TrackerApp) -> None:
    from tracker.tui.modals.confirm import ConfirmModal
    from tracker.tui.modals.form import FormModal

    dirty = [s for s in app.screen_stack if isinstance(s, FormModal) and s.dirty]
    if not dirty:
        app.exit()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            app.exit()

    app.push_screen(
        ConfirmModal(
            _("Quit and lose what you typed in “{title}”?").format(title=dirty[-1].title_text),
            yes=_("Quit"),
            no=_("Keep editing"),
        ),
        answered,
    )


def offer_drafts(app: TrackerApp) -> None:
    """Ask about each draft left by a crash, oldest first: reopen it, or discard it."""
    drafts = [d for d in app.drafts.all() if parse_key(d.key)[0] in DRAFT_AREAS]
    if drafts:
        _offer(app, drafts[0], drafts[1:])


def offer_next_draft(app: TrackerApp) -> None:
    """A reopened draft's form closed: offer the next draft the crash left, if any."""
    waiting = [d for d in app.drafts_waiting if app.drafts.exists(d.key)]
    app.drafts_waiting = []
    if waiting:
        _offer(app, waiting[0], waiting[1:])


def _offer(app: TrackerApp, draft: Draft, rest: list[Draft]) -> None:
    from tracker.tui.modals.confirm import ConfirmModal

    def answered(yes: bool | None) -> None:
        if yes:
            area = DRAFT_AREAS[parse_key(draft.key)[0]]
            if app.current_mode != area:
                app.switch_mode(area)
            app.call_after_refresh(_reopen, app, draft)
            app.drafts_waiting = rest  # offered one by one as each reopened form closes
        else:
            app.drafts.discard(draft.key)
            if rest:
                _offer(app, rest[0], rest[1:])

    when = draft.saved_at.astimezone().strftime("%d/%m/%Y %H:%M")
    app.push_screen(
        ConfirmModal(
            _("Reopen “{title}”, left unsaved on {when}?").format(title=draft.title, when=when),
            _("The app closed before it was saved; this is what you had typed."),
            yes=_("Reopen"),
            no=_("Discard"),
        ),
        answered,
    )


def _reopen(app: TrackerApp, draft: Draft) -> None:
    reopen = getattr(app.screen, "reopen_draft", None)
    if reopen is not None:
        reopen(draft)
