"""Typing in a filter box: the first keystroke is answered at once, the rest at a pace.

A debounce made every keystroke wait; this runs the first one immediately and, while
keys keep coming, at most once per interval, always ending with the latest text. The
workers that run the queries are exclusive, so an answer that is overtaken is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.timer import Timer
from textual.widget import Widget

# A filter's query and the page's redraw now take ~15–25 ms on a big database: keys
# typed 50 ms or more apart are each answered at once; faster bursts run at most every
# 50 ms (an overtaken answer is dropped by the exclusive workers anyway).
INTERVAL_SECONDS = 0.05


class Throttle:
    def __init__(
        self, owner: Widget, run: Callable[[], None], interval: float = INTERVAL_SECONDS
    ) -> None:
        self._owner = owner
        self._run = run
        self._interval = interval
        self._last = float("-inf")
        self._timer: Timer | None = None

    def __call__(self) -> None:
        if self._timer is not None:
            return  # a run is due: it will read the latest state
        wait = self._last + self._interval - monotonic()
        if wait <= 0:
            self.now()
        else:
            self._timer = self._owner.set_timer(wait, self.now)

    def now(self) -> None:
        """Run at once (a submitted box, a picked option), cancelling a pending run."""
        self.cancel()
        self._last = monotonic()
        self._run()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
