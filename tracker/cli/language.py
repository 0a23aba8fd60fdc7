"""The CLI's language: ``--lang``, then TRACKER_LANG, then the environment's locale.

The language is applied before click parses anything, so help texts, messages and
tables all read in it. Help texts stay plain English strings in the code (click reads
them at import); :func:`translate_help` swaps in their translations over the whole
command tree, remembering the English originals so it can switch back.
"""

from __future__ import annotations

import gettext
import importlib
import inspect
import os
from collections.abc import Iterator, Mapping, Sequence

import click

from tracker.i18n import LANGUAGES, N_, _, language_from_environment, ngettext, set_language

ENV_VAR = "TRACKER_LANG"
_ORIGINAL = "_tracker_msgid"

# click's own words ("Usage:", "Error: …"): click asks the stdlib's gettext, which follows
# the process locale, not --lang; its modules are handed ours instead (see below).
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")
CLICK_TEXTS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("Aborted!"),
    N_("Do you want to continue?"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{name} {filename!r} does not exist."),
)


def _click_plurals() -> None:  # never called: marks click's plural texts for the catalog
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1)
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1)


def hand_click_our_catalog() -> None:
    """click's modules call ``gettext.gettext`` through a module-level ``_``: use ours."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]


def chosen_language(args: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """``--lang X`` / ``--lang=X`` given before the sub-command, else TRACKER_LANG, else locale.

    ``--format json`` is a contract for scripts: that run speaks English whatever the
    language (warnings and messages inside the JSON, errors on stderr), so its output is
    the same for everyone. A value we have no catalog for is left to click to refuse;
    English meanwhile.
    """
    env = os.environ if env is None else env
    if _asks_for_json(args):
        return "en"
    value: str | None = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
            break
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
            break
        if not arg.startswith("-") and (i == 0 or args[i - 1] != "--db"):
            break  # the sub-command: what follows is its own
    if value is None:
        value = env.get(ENV_VAR) or language_from_environment(env)
    value = value.strip().lower()
    return value if value in LANGUAGES else "en"


def _asks_for_json(args: Sequence[str]) -> bool:
    return any(
        arg == "--format=json" or (arg == "--format" and args[i + 1 : i + 2] == ["json"])
        for i, arg in enumerate(args)
    )


def walk(command: click.Command, *, load: bool = False) -> Iterator[click.Command]:
    """The command tree as loaded so far, or (``load``) every command, importing each."""
    yield command
    if isinstance(command, click.Group):
        if load:
            ctx = click.Context(command)
            found = [command.get_command(ctx, name) for name in command.list_commands(ctx)]
            subs = [sub for sub in found if sub is not None]
        else:
            subs = list(command.commands.values())
        for sub in subs:
            yield from walk(sub, load=load)


def help_texts(command: click.Command) -> Iterator[tuple[str, click.Command | click.Parameter]]:
    """Every help text of the whole tree (as click shows it), with what carries it."""
    for cmd in walk(command, load=True):
        for text in (cmd.help, cmd.short_help, cmd.epilog):
            if text:
                yield inspect.cleandoc(text), cmd
        for param in cmd.params:
            text = getattr(param, "help", None)
            if text:
                yield inspect.cleandoc(text), param


def _translated(owner: object, attr: str) -> None:
    originals: dict[str, str | None] = owner.__dict__.setdefault(_ORIGINAL, {})
    if attr not in originals:
        originals[attr] = getattr(owner, attr, None)
    text = originals[attr]
    if text:
        setattr(owner, attr, _(inspect.cleandoc(text)))


def translate_help(root: click.Command) -> None:
    """Help texts of the whole tree in the current language."""
    for cmd in walk(root):
        for attr in ("help", "short_help", "epilog"):
            _translated(cmd, attr)
        for param in cmd.params:
            if isinstance(param, click.Option):
                _translated(param, "help")


def apply_language(root: click.Command, lang: str) -> str:
    hand_click_our_catalog()
    code = set_language(lang)
    translate_help(root)
    return code
