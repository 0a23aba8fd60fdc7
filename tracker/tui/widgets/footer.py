"""Textual's footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (removes and mounts every key) each time the screen's
bindings may have changed: mounting, every focus move, a widget's bindings refreshed.
Opening a list screen did that six or seven times, each key restyled twice as it
mounted, a third of the open's CPU time. The keys shown are the same most of those
times, so this footer compares what it would show with what it shows and keeps it.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class TrackerFooter(Footer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[object, ...] | None = None

    def _keys(self) -> tuple[object, ...]:
        """What compose would show: each shown binding, its state and the palette key."""
        shown = [
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        ]
        return (
            tuple((b.key, b.key_display, b.action, b.description, b.group) for b, _, _ in shown),
            tuple((enabled, tooltip) for _, enabled, tooltip in shown),
            self.show_command_palette,
            self.app.ENABLE_COMMAND_PALETTE,
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
