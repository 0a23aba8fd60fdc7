"""Typing the name of a person or organisation, with the look-alikes already on file.

As you type (debounced), a line under the box names the closest existing records:
"looks like: Anna Rossi (BioWin) — tab to use". ↑/↓ pick another, tab takes it. A name
that is, once normalised, exactly one record's name is taken at once. Whatever is not
taken is a new name: the form decides what that means (create it, or refuse it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Self

from rich.text import Text
from textual import work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tracker.i18n import N_
from tracker.services.dto_partners import NamedRef, SimilarName

DEBOUNCE_SECONDS = 0.2
Lookup = Callable[[str], Sequence[SimilarName]]


@dataclass(frozen=True)
class Directory:
    """What forms may ask while you type: look-alike names, and quick new records."""

    people: Lookup
    organisations: Lookup
    new_person: Callable[[str, int | None], NamedRef]  # name, organisation id
    new_organisation: Callable[[str], NamedRef]


def exact(matches: Sequence[SimilarName]) -> SimilarName | None:
    """The one record whose normalised name is the typed one, if there is exactly one."""
    same = [m for m in matches if m.score >= 100]
    return same[0] if len(same) == 1 else None


def described(match: SimilarName | NamedRef) -> str:
    detail = match.detail if isinstance(match, SimilarName) else ""
    return f"{match.name} ({detail})" if detail else match.name


class NamePicker(Vertical):
    """An input for one name; `chosen` is the existing record it stands for, if any."""

    DEFAULT_CSS = """
    NamePicker {
        height: auto;
        width: 1fr;
    }
    NamePicker > .picker--hint {
        height: 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    NamePicker > .picker--hint.-similar {
        color: $text-warning;
    }
    NamePicker > .picker--hint.-chosen {
        color: $text-success;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "use", N_("Use the suggested name"), show=False),
        Binding("down", "cycle(1)", N_("Next suggestion"), show=False),
        Binding("up", "cycle(-1)", N_("Previous suggestion"), show=False),
    ]

    @dataclass
    class Resolved(Message):
        """The name now stands for this existing record (or for none: a new name)."""

        picker: NamePicker
        chosen: SimilarName | None

    def __init__(
        self,
        lookup: Lookup,
        *,
        noun: str,
        value: str = "",
        chosen: NamedRef | None = None,
        placeholder: str = "",
        new_hint: str | None = None,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lookup = lookup
        self.noun = noun
        self.new_hint = new_hint if new_hint is not None else f"+ a new {noun}"
        self.box = self.make_box(value, placeholder)
        self.chosen: SimilarName | None = (
            SimilarName(chosen.id, chosen.name, 100.0, "") if chosen is not None else None
        )
        self.matches: tuple[SimilarName, ...] = ()
        self.highlight = 0
        self._asked: str | None = value.strip() if chosen is not None else None
        self.repeats = ""  # e.g. "row 1": the same new name typed elsewhere in the form
        self._timer: Timer | None = None

    CHOSEN_NOTE: ClassVar[str] = "on file"

    def make_box(self, value: str, placeholder: str) -> Input:
        return Input(value, placeholder=placeholder, compact=True)

    def compose(self) -> ComposeResult:
        yield self.box
        yield Static("", classes="picker--hint")

    def on_mount(self) -> None:
        if self.value and self.chosen is None:
            self.look_up(self.value)
        self.show()

    def focus(self, scroll_visible: bool = True) -> Self:
        self.box.focus(scroll_visible)
        return self

    @property
    def value(self) -> str:
        return " ".join(self.box.value.split())

    @property
    def fresh(self) -> bool:
        """The suggestions shown are for what the box holds now."""
        return self._asked == self.value

    @property
    def chosen_id(self) -> int | None:
        return self.chosen.id if self.chosen is not None else None

    def clear(self) -> None:
        self._set_chosen(None)
        self.matches, self._asked = (), ""
        self.box.value = ""
        self.show()

    # -- typing and looking up ---------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        text = self.value
        if self.chosen is not None and text == self.chosen.name:
            self._asked = text
            return
        if self.chosen is not None:
            self._set_chosen(None)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not text:
            self.matches, self._asked = (), ""
            self.show()
            return
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self.look_up(text))

    def look_up(self, text: str, then: str = "") -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.search(text, then)

    @work(thread=True, exclusive=True, exit_on_error=False, group="similar")
    def search(self, text: str, then: str) -> None:
        matches = tuple(self.lookup(text))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.found, text, matches, then)

    def found(self, text: str, matches: tuple[SimilarName, ...], then: str) -> None:
        if text != self.value:
            return  # typed on since: a newer look-up is on its way
        self._asked = text
        self.matches = matches
        self.highlight = 0
        if self.chosen is None and (same := exact(matches)) is not None:
            self.highlight = matches.index(same)
            self._set_chosen(same)
        self.show()
        if then:
            self.after_lookup(then)

    def after_lookup(self, then: str) -> None:
        """A key pressed before the suggestions were in: do what it asked now."""
        if then == "use" and not self.use_highlighted():
            self.screen.focus_next()

    # -- choosing ------------------------------------------------------------------------

    @property
    def highlighted(self) -> SimilarName | None:
        return self.matches[self.highlight] if self.matches else None

    def use_highlighted(self) -> bool:
        """Take the highlighted suggestion; False when there is nothing new to take."""
        match = self.highlighted
        if match is None or (self.chosen is not None and self.chosen.id == match.id):
            return False
        self.choose(match)
        return True

    def choose(self, match: SimilarName) -> None:
        self._set_chosen(match)
        self._asked = match.name
        self.box.value = match.name
        self.box.cursor_position = len(match.name)
        self.show()

    def _set_chosen(self, match: SimilarName | None) -> None:
        if match == self.chosen:
            return
        self.chosen = match
        self.post_message(self.Resolved(self, match))

    def action_use(self) -> None:
        if self.value and not self.fresh:
            self.look_up(self.value, then="use")
            return
        if not self.use_highlighted():
            raise SkipAction()  # nothing to take: tab moves on as usual

    def action_cycle(self, step: int) -> None:
        if len(self.matches) < 2 or not self.fresh:
            raise SkipAction()
        self.highlight = (self.highlight + step) % len(self.matches)
        self.show()

    # -- the line underneath -------------------------------------------------------------

    def hint(self) -> tuple[str, str]:
        """The hint's text and its state class."""
        if not self.value or not self.fresh:
            return "", ""
        match = self.highlighted
        others = len(self.matches) - 1
        more = f" · ↑↓ {others} more" if others > 0 else ""
        if self.chosen is not None and match is not None and match.id == self.chosen.id:
            return f"✓ {described(self.chosen)} — {self.CHOSEN_NOTE}{more}", "-chosen"
        if match is not None:
            taken = f"✓ {self.chosen.name} on file · " if self.chosen is not None else ""
            return f"{taken}looks like: {described(match)} — tab to use{more}", "-similar"
        if self.chosen is not None:
            return f"✓ {described(self.chosen)} — {self.CHOSEN_NOTE}", "-chosen"
        if self.repeats:
            return f"{self.new_hint} · the same name as {self.repeats}: one of them?", "-similar"
        return self.new_hint, ""

    def set_repeats(self, where: str) -> None:
        if where != self.repeats:
            self.repeats = where
            self.show()

    def show(self) -> None:
        if not self.is_mounted:
            return
        text, state = self.hint()
        line = self.query_one(".picker--hint", Static)
        line.update(Text(text))
        line.set_class(state == "-similar", "-similar")
        line.set_class(state == "-chosen", "-chosen")
