"""Several names in one field: the organisations or people of a contact-log entry.

Type a name and press enter to add it (or tab to add the suggestion shown); backspace
in the empty box takes the last one off. A name not on file is handed to the form as a
`NewName` message, which offers to create it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, Static

from tracker.i18n import _
from tracker.services.dto_partners import NamedRef
from tracker.tui.widgets.name_picker import Lookup, NamePicker


class NameBox(Input):
    """An input that says when backspace is pressed with nothing left to delete."""

    @dataclass
    class EmptyBackspace(Message):
        box: NameBox

    def action_delete_left(self) -> None:
        if not self.value:
            self.post_message(self.EmptyBackspace(self))
            return
        super().action_delete_left()


class NameListPicker(NamePicker):
    """`refs` holds the records added so far, in the order they were added."""

    DEFAULT_CSS = """
    NameListPicker > .picker--chips {
        height: auto;
        color: $text;
    }
    NameListPicker > .picker--chips.-empty {
        color: $text-muted;
    }
    """

    @dataclass
    class NewName(Message):
        """Enter on a name that is not on file: the form may offer to create it."""

        picker: NameListPicker
        name: str

    @dataclass
    class Changed(Message):
        picker: NameListPicker
        refs: tuple[NamedRef, ...]

    def __init__(
        self,
        lookup: Lookup,
        *,
        noun: str,
        refs: Sequence[NamedRef] = (),
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(
            lookup,
            noun=noun,
            placeholder=placeholder,
            new_hint=_("not on file: enter to create this {noun}").format(noun=_(noun)),
            id=id,
        )
        self.refs: list[NamedRef] = list(refs)

    CHOSEN_NOTE: ClassVar[str] = "on file: enter to add"

    def make_box(self, value: str, placeholder: str) -> Input:
        return NameBox(value, placeholder=placeholder, compact=True)

    def compose(self) -> ComposeResult:
        yield Static("", classes="picker--chips")
        yield from super().compose()

    def on_mount(self) -> None:
        super().on_mount()
        self.show_refs()

    def show_refs(self) -> None:
        line = self.query_one(".picker--chips", Static)
        if self.refs:
            line.update(Text(" · ".join(f"{r.name} ✕" for r in self.refs)))
        else:
            line.update(
                Text(_("no {noun} yet: type a name, enter to add it").format(noun=_(self.noun)))
            )
        line.set_class(not self.refs, "-empty")

    def add(self, ref: NamedRef) -> None:
        if all(r.id != ref.id for r in self.refs):
            self.refs.append(ref)
            self.show_refs()
            self.post_message(self.Changed(self, tuple(self.refs)))
        self.clear()

    def use_highlighted(self) -> bool:
        match = self.highlighted
        if match is None:
            return False
        self.add(NamedRef(match.id, match.name))
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not self.value:
            return  # the form moves on
        event.stop()
        if not self.fresh:
            self.look_up(self.value, then="add")
        else:
            self.add_typed()

    def after_lookup(self, then: str) -> None:
        if then == "add":
            self.add_typed()
        else:
            super().after_lookup(then)

    def add_typed(self) -> None:
        if self.chosen is not None:
            self.add(NamedRef(self.chosen.id, self.chosen.name))
        elif self.value:
            self.post_message(self.NewName(self, self.value))

    def on_name_box_empty_backspace(self, event: NameBox.EmptyBackspace) -> None:
        event.stop()
        if self.refs:
            self.refs.pop()
            self.show_refs()
            self.post_message(self.Changed(self, tuple(self.refs)))
