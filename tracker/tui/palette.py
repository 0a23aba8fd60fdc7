"""The command palette's entries for the tracker: the areas, the plan year, search, help
and the keys of the screen shown. Imported when the palette first opens."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tracker.i18n import N_, _

if TYPE_CHECKING:
    from tracker.tui.app import TrackerApp

AREAS = {
    "dashboard": N_("Dashboard"),
    "events": N_("Events"),
    "budget": N_("Budget"),
    "contact_log": N_("Contact log"),
    "followups": N_("Follow-ups"),
    "calls": N_("Calls & consortia"),
    "organisations": N_("Organisations"),
    "people": N_("People"),
    "data": N_("Documents & data"),
    "calendar": N_("Calendar"),
}
# Textual's own commands in the palette, for the catalog (translated where shown).
TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


def tracker_commands(app: TrackerApp, screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Once the database is open: every area, the plan year, search, help, then the keys
    the screen shown offers (each once, as its footer names it)."""
    keys = {b.action: b.key for b in app.BINDINGS if isinstance(b, Binding)}
    for area, title in AREAS.items():
        key = keys.get(f"area('{area}')", area[0])
        yield SystemCommand(
            _("Go to {area}").format(area=_(title)),
            _("Show the {area} ({key})").format(area=_(title).lower(), key=key),
            partial(app.action_area, area),
        )
    yield SystemCommand(
        _("Pick plan year"), _("Switch to another plan year (y)"), app.action_pick_year
    )
    yield SystemCommand(_("New plan year"), _("Start the next year's plan"), app.new_plan)
    yield SystemCommand(
        _("Search everything"),
        _("Organisations, people, events, contacts, calls (ctrl+f)"),
        app.action_search,
    )
    yield SystemCommand(_("Help"), _("Every key of this screen (? or f1)"), app.action_help)
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node is app or not binding.description or not active.enabled:
            continue
        if not binding.show or binding.action in seen:
            continue
        seen.add(binding.action)
        yield SystemCommand(
            binding.description,
            f"{binding.tooltip or binding.description} ({app.get_key_display(binding)})",
            partial(app.run_action, binding.action, active.node),
        )
