"""Someone else saved the record while it was being edited: reload, overwrite, or go on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from tracker.domain.errors import ConflictError
from tracker.i18n import N_, _
from tracker.tui.widgets.footer import TrackerFooter

Choice = Literal["reload", "overwrite", "edit"]


class ConflictModal(ModalScreen[Choice]):
    """Asked when a save meets a newer version: nothing is overwritten unless chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('reload')", N_("Reload theirs"), id="conflict.reload"),
        Binding("o", "choose('overwrite')", N_("Overwrite with mine"), id="conflict.overwrite"),
        Binding("k,escape", "choose('edit')", N_("Keep editing"), id="conflict.edit"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(_("Changed by someone else"), classes="dialog--title")
            yield Static(
                _(
                    "{message}.\nReload to see their version (your typing is lost), overwrite "
                    "it with yours, or keep editing."
                ).format(message=self.message.rstrip(".")),
                classes="dialog--text",
            )
            with Horizontal(classes="dialog--buttons"):
                yield Button(_("Reload (r)"), id="reload")
                yield Button(_("Overwrite (o)"), variant="error", id="overwrite")
                yield Button(_("Keep editing (k)"), variant="primary", id="edit")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one("#edit", Button).focus()

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id in ("reload", "overwrite", "edit"):
            self.dismiss(event.button.id)  # type: ignore[arg-type]


def ask_what_to_do(
    screen: Screen[Any],
    error: ConflictError,
    *,
    reload: Callable[[], object],
    overwrite: Callable[[], object],
    keep_editing: Callable[[], object],
) -> None:
    """Show the choice over ``screen`` and run the chosen follow-up."""

    def chosen(choice: Choice | None) -> None:
        if choice == "reload":
            reload()
        elif choice == "overwrite":
            overwrite()
        else:
            keep_editing()

    screen.app.push_screen(ConflictModal(str(error)), chosen)
