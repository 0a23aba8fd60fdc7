"""Every key of the screen underneath, grouped by where it works."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tracker.i18n import N_, _
from tracker.tui.widgets.footer import TrackerFooter

if TYPE_CHECKING:
    from textual.dom import DOMNode

Section = tuple[str, list[tuple[str, str]]]


WIDGET_NAMES = {"EventTable": N_("the list"), "BudgetGrid": N_("the table")}
# Textual's own key descriptions, so the help and the footer read in the user's language.
TEXTUAL_KEYS = (
    N_("Cursor up"),
    N_("Cursor down"),
    N_("Cursor left"),
    N_("Cursor right"),
    N_("Home"),
    N_("Page up"),
    N_("Page down"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Top"),
    N_("Bottom"),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    N_("palette"),
    N_("Select"),
    N_("Toggle"),
    N_("Delete character left"),
    N_("Delete character right"),
    N_("Move cursor left"),
    N_("Move cursor right"),
    N_("Submit"),
)


def _where(node: DOMNode, screen: Screen[Any], action: str) -> str:
    if isinstance(node, App) or action.startswith(("app.", "screen.")):
        return _("Everywhere")  # the app's own keys, and Textual's built-in ones
    if node is screen:
        return _("This screen")
    name = type(node).__name__
    return _("In {value}").format(
        value=_(getattr(node, "HELP_NAME", None) or WIDGET_NAMES.get(name, name))
    )


def help_sections(app: App[Any], screen: Screen[Any]) -> list[Section]:
    """The screen's active keys: (where, [(keys, what)]), several keys of one action merged."""
    grouped: dict[tuple[int, str], tuple[str, list[str], str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        slot = (id(active.node), binding.action)
        where = _where(active.node, screen, binding.action)
        keys = grouped.setdefault(slot, (where, [], binding.description))[1]
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    sections: dict[str, list[tuple[str, str]]] = {}
    for where, keys, description in grouped.values():
        sections.setdefault(where, []).append((", ".join(keys), description))
    ordered = sorted(sections, key=lambda s: (s != "This screen", s == "Everywhere", s))
    return [(name, sections[name]) for name in ordered]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", N_("Close")),
    ]

    def __init__(self, title: str, sections: list[Section]) -> None:
        super().__init__()
        self.title_text = title
        self.sections = sections

    def compose(self) -> ComposeResult:
        halves = (self.sections[:1], self.sections[1:])
        with Vertical(classes="dialog help"):
            yield Static(
                _("Keys — {screen}").format(screen=self.title_text), classes="dialog--title"
            )
            with Horizontal(classes="help--columns"):
                for half in halves:
                    with VerticalScroll(classes="help--column"):
                        for name, keys in half:
                            yield Static(Text(name, style="underline"), classes="help--section")
                            yield Static(self.keys_table(keys), classes="help--keys")
            yield Static(
                _("ctrl+p opens the command palette: every action by name."), classes="dialog--text"
            )
        yield TrackerFooter()

    @staticmethod
    def keys_table(keys: list[tuple[str, str]]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=12, style="bold")
        table.add_column()
        for key, description in keys:
            table.add_row(Text(key, style="bold"), description)
        return table

    def action_close(self) -> None:
        self.dismiss(None)
