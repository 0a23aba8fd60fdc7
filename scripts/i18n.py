"""The Italian catalog: extract the English texts, update the .po, compile the .mo, check.

    python scripts/i18n.py            # all three, then list what is still untranslated
    python scripts/i18n.py extract    # print the template (.pot) on stdout
    python scripts/i18n.py update     # new texts into tracker.po, gone ones marked obsolete
    python scripts/i18n.py compile    # tracker.po -> tracker.mo (commit both)
    python scripts/i18n.py missing    # untranslated or fuzzy texts; exit 1 when any

Texts are what the code marks with ``_()``, ``N_()`` and ``ngettext()`` (Babel's Python
extractor), plus every click help text of the ``tracker`` command tree (click reads those
at import; ``tracker.cli.language`` swaps in their translations). Run it from the
repository root with the project's Python.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PACKAGE = ROOT / "tracker"
PO = PACKAGE / "locale" / "it" / "LC_MESSAGES" / "tracker.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
HEADER = "The Italian texts of tracker (English is the source language)."
# A fixed date in the header: the .po and .mo then change only when texts do, and branches
# that each update the catalog do not conflict on its first lines.
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def _code_messages(catalog: Catalog) -> None:
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        location = (f"tracker/{filename}", lineno)
        catalog.add(message, locations=[location], auto_comments=comments, context=context)


def _help_messages(catalog: Catalog) -> None:
    from tracker.cli import cli
    from tracker.cli.language import help_texts

    for text, owner in help_texts(cli):
        callback = getattr(owner, "callback", None)
        module = getattr(callback, "__module__", "tracker.cli")
        catalog.add(text, locations=[(module.replace(".", "/") + ".py", 0)])


def extract() -> Catalog:
    """Every English text of the code and of the CLI's help."""
    catalog = Catalog(
        project="tracker",
        domain="tracker",
        header_comment=f"# {HEADER}",
        creation_date=STAMP,
        revision_date=STAMP,
        fuzzy=False,
    )
    _code_messages(catalog)
    _help_messages(catalog)
    return catalog


def read() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="it", domain="tracker")


def write(catalog: Catalog) -> None:
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as handle:
        # No line numbers: the .po then changes only when texts do (fewer merge conflicts).
        write_po(handle, catalog, width=100, ignore_obsolete=True, include_lineno=False)


def update() -> Catalog:
    template = extract()
    if PO.exists():
        catalog = read()
        catalog.update(template, update_header_comment=False)
    else:
        catalog = Catalog(locale="it", domain="tracker", header_comment=f"# {HEADER}")
        catalog.update(template)
    catalog.project, catalog.version = "tracker", "0.1"
    catalog.revision_date, catalog.fuzzy = STAMP, False
    catalog.last_translator = catalog.language_team = "tracker developers"
    write(catalog)
    return catalog


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_mo() -> None:
    MO.write_bytes(compiled(read()))


def missing(catalog: Catalog, wanted: Iterable[str] | None = None) -> list[str]:
    """Texts with no Italian (or only a fuzzy guess), among ``wanted`` (default: all)."""
    ids = set(wanted) if wanted is not None else None
    out = []
    for message in catalog:
        if not message.id or (ids is not None and message.id not in ids):
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    if ids is not None:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        out.extend(sorted(i if isinstance(i, str) else i[0] for i in ids - known))
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command == "extract":
        out = io.BytesIO()
        write_po(out, extract(), width=100)
        sys.stdout.write(out.getvalue().decode())
        return 0
    if command == "update":
        update()
        return 0
    if command == "compile":
        compile_mo()
        return 0
    if command in ("missing", "all"):
        catalog = update() if command == "all" else read()
        if command == "all":
            compile_mo()
        untranslated = missing(catalog)
        for text in untranslated:
            print(repr(text))
        print(f"{len(untranslated)} text(s) without Italian in {PO.relative_to(ROOT)}")
        return 1 if untranslated else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
