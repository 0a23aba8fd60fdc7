"""What the three main screens share: the app's state, reloading, and worker errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual._context import active_app
from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from tracker.i18n import N_
from tracker.tui.errors import report_worker_failure

if TYPE_CHECKING:
    from tracker.services.context import Services
    from tracker.tui.app import TrackerApp


class TrackerScreen(Screen[None]):
    """A main screen showing the current plan year; it reloads when the data changed."""

    HELP_TITLE: ClassVar[str] = N_("Keys")

    def __init__(self) -> None:
        super().__init__()
        self._loaded: tuple[int | None, int] | None = None
        # Textual marks a new screen's styles as stale (-1), and switching to a screen
        # with stale styles re-parses every stylesheet and restyles every node of every
        # screen opened so far (~100 ms by the tenth area). A screen built now is styled
        # on mount from the current rules, so it is not stale.
        app = active_app.get(None)
        if app is not None:
            self._css_update_count = app._css_update_count

    @property
    def tracker(self) -> TrackerApp:
        return cast("TrackerApp", self.app)

    @property
    def svc(self) -> Services:
        return self.tracker.svc

    @property
    def year(self) -> int | None:
        return self.tracker.year

    def on_screen_resume(self) -> None:
        self.sync()

    def sync(self, *, force: bool = False) -> None:
        """Reload if the plan year or the data changed since this screen last loaded."""
        app = self.tracker
        if app.services is None:
            return
        key = (app.year, app.revision)
        if force or key != self._loaded:
            self._loaded = key
            self.reload()

    def changed(self) -> None:
        """This screen just wrote to the database: reload it, and the others when shown."""
        self.tracker.touch()
        self.sync()

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def write(self, change: Callable[[Services], str]) -> None:
        """Run one change through the services off the UI thread; say what it did."""
        message = change(self.svc)
        self.app.call_from_thread(self.written, message)

    def written(self, message: str) -> None:
        self.notify(message, markup=False)
        self.changed()

    def reload(self) -> None:
        """Start the worker that loads what the screen shows."""
        raise NotImplementedError

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)


def cancelled() -> bool:
    """Inside a worker: has a newer request replaced this one?"""
    return get_current_worker().is_cancelled
