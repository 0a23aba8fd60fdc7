"""A row of filter fields above a list: typing is throttled, a pick or enter answers at once."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import Horizontal
from textual.widgets import Input, Select

from tracker.tui.widgets.throttle import Throttle


class FilterRow(Horizontal):
    """Subclasses post their own ``Changed`` message from ``_post``; enter in a box moves
    the focus to the list named by ``RESULTS``."""

    RESULTS: ClassVar[str] = ""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._typed = Throttle(self, self._post)

    def _post(self) -> None:
        raise NotImplementedError

    def _announce(self) -> None:
        self._typed.now()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._announce()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._announce()
        if self.RESULTS:
            self.screen.focus_next(self.RESULTS)
