"""What shows before the database is open, and if it cannot be opened."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle, Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from tracker.i18n import N_, _
from tracker.tui.widgets.footer import TrackerFooter


class LoadingScreen(Screen[None]):
    """Painted at once, while a worker upgrades and opens the database."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static(_("Opening the database…"), id="loading-message")
        yield TrackerFooter()


class StartupErrorScreen(Screen[None]):
    """The database could not be opened or upgraded: say so, plainly, and offer to quit."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape", "app.quit", N_("Quit"))]

    def __init__(self, message: str, database: str, backups: str) -> None:
        super().__init__()
        self.message = message
        self.database = database
        self.backups = backups

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center(), Vertical(id="startup-error"):
            yield Static(Text(_("The database could not be opened"), style="bold"))
            yield Static(Text(self.message), id="startup-error-message")
            yield Static(
                Text.assemble(
                    ("Database: ", "dim"),
                    self.database,
                    "\n",
                    ("Backups:  ", "dim"),
                    self.backups,
                    "\n\nAn upgrade runs in one transaction and starts from a verified backup: "
                    "a failed one leaves the database as it was. `tracker db restore` puts a "
                    "backup back.",
                )
            )
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one("#startup-error").border_title = _("Start-up failed")
