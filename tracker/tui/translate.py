"""Key descriptions in the user's language.

Textual reads ``BINDINGS`` when a class is created, long before the language is known,
so descriptions are written in English (``N_("Quit")``) and translated here, once the
language is set and before the app and its screens are built: the footer, the ``?``
help and the command palette all read the translated bindings. The English originals
are remembered, so the language can change (tests switch back and forth).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from tracker.i18n import _

_ORIGINALS: dict[type[DOMNode], dict[str, list[Binding]]] = {}


def _classes(root: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    stack = [root]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found


def _translated(binding: Binding) -> Binding:
    description = _(binding.description) if binding.description else binding.description
    tooltip = _(binding.tooltip) if binding.tooltip else binding.tooltip
    if description == binding.description and tooltip == binding.tooltip:
        return binding
    return replace(binding, description=description, tooltip=tooltip)


def translate_bindings() -> None:
    """Every widget, screen and app class's key descriptions in the current language."""
    for cls in _classes(DOMNode):
        merged = cls.__dict__.get("_merged_bindings")
        if merged is None:
            continue
        originals = _ORIGINALS.setdefault(
            cls, {key: list(found) for key, found in merged.key_to_bindings.items()}
        )
        merged.key_to_bindings = {
            key: [_translated(binding) for binding in found] for key, found in originals.items()
        }


def translate_node(node: DOMNode) -> None:
    """A node built before its class was translated (a lazily imported modal): its own copy."""
    translate_bindings()  # classes imported since, for the widgets it will compose
    bindings = node._bindings
    bindings.key_to_bindings = {
        key: [_translated(binding) for binding in found]
        for key, found in bindings.key_to_bindings.items()
    }
