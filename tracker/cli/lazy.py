"""The root group's commands, each imported when it runs (or when help lists it).

``tracker events list`` imports the events commands only, not the other dozen modules
and the data classes they bring along; ``tracker`` alone (the TUI) imports none.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import cast

import click

from tracker.cli.errors import TrackerGroup

# Command name → (module under tracker.cli, attribute).
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("db", "init"),
    "seed": ("db", "seed"),
    "db": ("db", "db"),
    "plans": ("plans", "plans"),
    "budget": ("budget", "budget"),
    "events": ("events", "events"),
    "expenses": ("expenses", "expenses"),
    "countries": ("countries", "countries"),
    "orgs": ("orgs", "orgs"),
    "people": ("people", "people"),
    "log": ("contact_log", "log"),
    "followups": ("followups", "followups"),
    "calls": ("calls", "calls"),
    "consortia": ("consortia", "consortia"),
    "missions": ("missions", "missions"),
    "calendar": ("calendar", "calendar"),
    "search": ("search", "search"),
    "duplicates": ("duplicates", "duplicates"),
    "report": ("report", "report"),
    "export": ("export_xlsx", "export"),
    "import": ("import_", "import_group"),
}
# Sub-commands kept in modules of their own, added to their group when it loads: a
# command or a sequence of commands.
EXTRAS: dict[str, tuple[tuple[str, str], ...]] = {
    "plans": (("plan_clone", "clone"),),
    "events": (("event_edit", "COMMANDS"),),
    "orgs": (("org_edit", "COMMANDS"),),
    "people": (("people_data", "COMMANDS"),),
    "export": (("export_csv", "export_csv"), ("vcard", "export_vcard")),
    "import": (("vcard", "import_vcard"),),
}


def _attribute(module: str, name: str) -> object:
    return getattr(importlib.import_module(f"tracker.cli.{module}"), name)


def load(name: str) -> click.Command:
    """Import one root command, with the sub-commands other modules add to it."""
    command = cast(click.Command, _attribute(*COMMANDS[name]))
    if isinstance(command, click.Group):
        for module, attribute in EXTRAS.get(name, ()):
            found = _attribute(module, attribute)
            extra = found if isinstance(found, Iterable) else (found,)
            for sub in cast(Iterable[click.Command], extra):
                command.add_command(sub)
    return command


class LazyGroup(TrackerGroup):
    """The root group: knows its commands by name, imports one when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            from tracker.cli.language import translate_help

            command = load(cmd_name)
            translate_help(command)  # loaded after the root's help was translated
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)
