"""Choose one of a few options: plan year, event status, plan admin action..."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tracker.i18n import N_
from tracker.tui.widgets.footer import TrackerFooter

V = TypeVar("V")


class PickModal(ModalScreen[V | None], Generic[V]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[str, V]],
        *,
        current: V | None = None,
        note: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(options)
        self.current = current
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick"):
            yield Static(self.title_text, classes="dialog--title")
            if self.note:
                yield Static(self.note, classes="dialog--text")
            yield OptionList(
                *(
                    Option(Text(("● " if value == self.current else "  ") + label), id=str(i))
                    for i, (label, value) in enumerate(self.choices)
                ),
                id="pick-options",
            )
        yield TrackerFooter()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _label, value in self.choices]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
