"""Let a screen that is out of sight drop the lines it drew.

Textual keeps every area's screen (a mode) alive, and each widget on it keeps the lines it
last drew: its styles cache, its rendered content, and the tables' row and cell caches.
After a tour of every area that is ~5 MB of lines nobody sees. They are only caches: a
widget marked dirty draws them again (the visible rows only) when its screen comes back.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import NULL_SIZE
from textual.screen import Screen
from textual.widget import Widget, _RenderCache
from textual.widgets import DataTable, OptionList


def forget_drawn_lines(screen: Screen[Any]) -> None:
    """Drop the drawn lines of every widget on ``screen``; they are drawn again when shown."""
    for widget in screen.walk_children(Widget, with_self=True):
        # Clears the styles cache and marks the whole widget for drawing, so the next
        # frame renders its content again instead of reading the emptied cache.
        widget._set_dirty()
        widget._render_cache = _RenderCache(NULL_SIZE, [])
        if isinstance(widget, DataTable):
            widget._clear_caches()
        elif isinstance(widget, OptionList):
            widget._option_render_cache.clear()
        forget = getattr(widget, "forget_drawn_lines", None)
        if callable(forget):
            forget()
