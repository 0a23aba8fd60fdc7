"""The widgets' own CSS (``DEFAULT_CSS``), added to the stylesheet before their screens
open.

Textual adds a widget class's ``DEFAULT_CSS`` when its first instance mounts, and a new
source makes it parse every stylesheet again as that screen opens (the first list
screen opened brought a dozen: ~8 ms on its key). Added once at the warm-up, with the
location, specificity and scope Textual itself gives them, the screens find them
there. Only the classes the screens are built from: the modals' come when they open,
as before, and CSS that is not scoped to its widget is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from textual.app import App
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, OptionList, Select
from textual.widgets._select import SelectCurrent, SelectOverlay

# Where the screens' own widgets are defined (tracker.tui.modals is left out on purpose).
MODULES = ("tracker.tui.screens.", "tracker.tui.widgets.")
# Textual's widgets the screens put together around ours (ours bring their bases).
# Not every widget Textual has: each rule added is one more candidate Textual weighs
# as it styles any node, so registering all of them made every later restyle slower.
COMPOSED: tuple[type[Widget], ...] = (
    Container,
    ContentSwitcher,
    Horizontal,
    Input,
    OptionList,
    Select,
    SelectCurrent,
    SelectOverlay,
    Vertical,
    VerticalScroll,
)


def widget_classes() -> Iterator[type[Widget]]:
    """Our loaded widget classes (not screens: Textual styles a screen's CSS apart) and
    COMPOSED, when every CSS of theirs is scoped to the widget."""
    seen: set[type[Widget]] = set()
    stack: list[type[Widget]] = [Widget]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
    ours = [c for c in seen if c.__module__.startswith(MODULES) and not issubclass(c, Screen)]
    for cls in (*ours, *COMPOSED):
        if all(base.__dict__.get("SCOPED_CSS", True) for base in DOMNode._css_bases(cls)):
            yield cls


def add_default_css(stylesheet: Stylesheet) -> bool:
    """Add the classes' DEFAULT_CSS as their first instance would; True if any was new
    (the stylesheet then needs a reparse)."""
    new = False
    for cls in widget_classes():
        # Textual's own reading of a class's CSS (it looks at the class only).
        bare = object.__new__(cls)
        for read_from, css, tie_breaker, scope in bare._get_default_css():
            if not stylesheet.has_source(*read_from):
                new = True
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=True,
                tie_breaker=tie_breaker,
                scope=scope,
            )
    return new


def read_screen_styles(app: App[Any], folder: Path, css_files: Iterable[str]) -> None:
    """Add the screens' stylesheets and the widgets' own CSS while the user reads the
    dashboard. A screen that brings a stylesheet not read yet makes Textual re-parse
    every stylesheet and restyle every screen as it first opens; read here, that
    happens once, off any key press, and not before the first frame."""
    stylesheet = app.stylesheet
    paths = [folder / name for name in css_files]
    new = [p for p in paths if not stylesheet.has_source(str(p), "")]
    for path in new:
        stylesheet.read(path)
    if add_default_css(stylesheet) or new:
        stylesheet.reparse()
        stylesheet.update(app)
