"""The Italian catalog: complete and compiled (tests/test_architecture.py: shipped in the wheel).

When a test here fails after new texts were added, run ``python scripts/i18n.py``: it
extracts the texts, updates tracker.po, compiles tracker.mo and lists what still lacks
Italian; translate those in the .po and run it again.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

from .catalog import ROOT, load_tool

tool = load_tool()
HOW = "run `python scripts/i18n.py`, translate what it lists in tracker.po, run it again"


def _id(message: object) -> str:
    mid = message.id  # type: ignore[attr-defined]
    return mid if isinstance(mid, str) else mid[0]


def test_the_mo_is_compiled_from_the_po() -> None:
    assert tool.MO.read_bytes() == tool.compiled(tool.read()), f"tracker.mo is stale: {HOW}"


def _untranslated(extract: Callable[[object], None]) -> list[str]:
    """What ``extract`` finds in the code today that the committed .po has no Italian for."""
    template = tool.Catalog()
    extract(template)
    return list(tool.missing(tool.read(), {_id(m) for m in template if m.id}))


def test_every_text_of_the_code_has_italian() -> None:
    missing = _untranslated(tool._code_messages)
    assert not missing, f"{len(missing)} text(s) without Italian ({HOW}): {missing[:20]}"


def test_every_cli_help_text_has_italian() -> None:
    missing = _untranslated(tool._help_messages)
    assert not missing, f"{len(missing)} help text(s) without Italian ({HOW}): {missing[:10]}"


def test_translations_keep_the_placeholders() -> None:
    """ "{amount} left" must not become "restano {importo}": .format() would fail."""

    field = re.compile(r"\{[^{}]*\}")
    wrong = []
    for message in tool.read():
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, text in enumerate(strings):
            source = ids[min(index, len(ids) - 1)]  # plurals: the singular, then the plural
            if sorted(set(field.findall(text))) != sorted(set(field.findall(source))):
                wrong.append((ids[0], text))
    assert not wrong, wrong[:10]


def test_the_lead_s_command_lists_what_is_missing() -> None:
    """`scripts/i18n.py missing` exits 0 on the committed catalog, naming no text."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "missing"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 text(s) without Italian" in result.stdout
